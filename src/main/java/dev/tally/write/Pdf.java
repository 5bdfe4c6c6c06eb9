package dev.tally.write;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Doc} as PDF: the report's HTML ({@link Html}, target PDF) laid out by openhtmltopdf, with
 * Liberation Serif embedded (subset) in its four faces. Liberation Serif has Times New Roman's
 * metrics, covers Vietnamese, and is under the SIL Open Font License, which allows bundling it
 * (the files and their licence: src/main/resources/dev/tally/fonts, from Debian's fonts-liberation2
 * 2.1.5). The charts are CSS bars ({@link Html#bars}): openhtmltopdf draws SVG only through Batik.
 *
 * <p>Only a run that writes a PDF loads this class, and with it openhtmltopdf and PDFBox.
 */
final class Pdf {
    private Pdf() {}

    static final String FAMILY = "Liberation Serif";

    /**
     * The fonts PDFBox looks for by name (the standard 14 that openhtmltopdf sets up, though the
     * document uses none of them) are all Liberation Serif from the jar: PDFBox's own mapper would scan
     * the machine's font directories, keep a cache in the home directory, and log a warning about a
     * fallback, in a run that embeds its one font anyway.
     */
    private static final class JarFonts implements org.apache.pdfbox.pdmodel.font.FontMapper {
        private org.apache.fontbox.ttf.TrueTypeFont font;

        private synchronized org.apache.fontbox.ttf.TrueTypeFont font() {
            if (font == null) {
                try (InputStream in = Pdf.class.getResourceAsStream("/dev/tally/fonts/LiberationSerif-Regular.ttf")) {
                    font = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return font;
        }

        @Override
        public org.apache.pdfbox.pdmodel.font.FontMapping<org.apache.fontbox.ttf.TrueTypeFont> getTrueTypeFont(String name,
                org.apache.pdfbox.pdmodel.font.PDFontDescriptor d) {
            return new org.apache.pdfbox.pdmodel.font.FontMapping<>(font(), false);
        }

        @Override
        public org.apache.pdfbox.pdmodel.font.FontMapping<org.apache.fontbox.FontBoxFont> getFontBoxFont(String name,
                org.apache.pdfbox.pdmodel.font.PDFontDescriptor d) {
            return new org.apache.pdfbox.pdmodel.font.FontMapping<>(font(), false);
        }

        @Override
        public org.apache.pdfbox.pdmodel.font.CIDFontMapping getCIDFont(String name, org.apache.pdfbox.pdmodel.font.PDFontDescriptor d,
                org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo info) {
            return new org.apache.pdfbox.pdmodel.font.CIDFontMapping(null, font(), false);
        }
    }

    static {
        org.apache.pdfbox.pdmodel.font.FontMappers.set(new JarFonts());
        // openhtmltopdf logs its progress (fonts loaded, pages laid out) to standard error, which is for tally's findings
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    static void write(Doc doc, OutputStream out) throws IOException {
        ByteArrayOutputStream html = new ByteArrayOutputStream(1 << 16);
        Html.write(doc, html, Html.Target.PDF);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        font(b, "LiberationSerif-Regular.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(b, "LiberationSerif-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(b, "LiberationSerif-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
        font(b, "LiberationSerif-BoldItalic.ttf", 700, BaseRendererBuilder.FontStyle.ITALIC);
        b.withHtmlContent(html.toString(StandardCharsets.UTF_8), null);
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("the PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private static void font(PdfRendererBuilder b, String file, int weight, BaseRendererBuilder.FontStyle style) {
        b.useFont(() -> {
            InputStream in = Pdf.class.getResourceAsStream("/dev/tally/fonts/" + file);
            if (in == null) throw new IllegalStateException("font " + file + " is missing from the jar");
            return in;
        }, FAMILY, weight, style, true);
    }
}
