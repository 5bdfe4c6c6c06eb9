package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The formats of a review document (tally report), one entry each as {@link Format} is for tables:
 * its extensions and its writer. A document is not a stream of rows, so these are not table formats:
 * a table command refuses them and names tally report. Each writer's class is only loaded when its
 * entry writes (the PDF renderer and its font are megabytes a rollup never touches).
 */
public enum DocFormat {
    DOCX(List.of(".docx"), (doc, out) -> new Docx(doc).write(out)),
    HTML(List.of(".html", ".htm"), (doc, out) -> Html.write(doc, out, Html.Target.SCREEN)),
    PDF(List.of(".pdf"), (doc, out) -> Pdf.write(doc, out));

    @FunctionalInterface
    interface Writer {
        void write(Doc doc, OutputStream out) throws IOException;
    }

    private final List<String> extensions;
    private final Writer writer;

    DocFormat(List<String> extensions, Writer writer) {
        this.extensions = extensions;
        this.writer = writer;
    }

    /** Writes the document to {@code out}, which the caller owns (it is flushed, not closed). */
    public void write(Doc doc, OutputStream out) throws IOException {
        writer.write(doc, out);
        out.flush();
    }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public String extension() { return extensions.get(0); }

    /** The format a file name implies, or null. */
    public static DocFormat fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DocFormat f : values()) for (String e : f.extensions) if (n.endsWith(e)) return f;
        return null;
    }
}
