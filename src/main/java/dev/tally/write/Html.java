package dev.tally.write;

import static dev.tally.write.Svg.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link Doc} as one self-contained HTML file: no script, no link, no image file; the charts are
 * inline SVG ({@link Svg}), the style is in the head. Printable on A4 as Nghị định 30/2020 lays out
 * a document (margins 20 mm top and bottom, 30 mm left, 15 mm right, the page number centred at the
 * top from page 2, the appendix on landscape pages). Written as well-formed XHTML, so that the PDF
 * renderer ({@link Pdf}) reads the same file.
 */
final class Html {
    private Html() {}

    /** Where the HTML goes: a browser (fonts by name), or the PDF renderer (fonts it embeds, declared by {@code fontFaces}). */
    enum Target { SCREEN, PDF }

    static void write(Doc doc, OutputStream out, Target target) throws IOException {
        write(doc, out, target, "");
    }

    static void write(Doc doc, OutputStream out, Target target, String fontFaces) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text(doc, target, fontFaces));
        w.flush();
    }

    static final String STYLE = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 13pt; } }
            @page :first { @top-center { content: none; } }
            @page appendix { size: A4 landscape; margin: 20mm 20mm 15mm 20mm; }
            body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.35; color: #000; }
            @media screen { body { max-width: 165mm; margin: 2em auto; } .appendix { max-width: none; } }
            table.header { width: 100%; border-collapse: collapse; font-size: 13pt; }
            table.header td { vertical-align: top; text-align: center; padding: 0; }
            .nation { font-weight: bold; font-size: 12.5pt; }
            .motto { font-weight: bold; text-decoration: underline; }
            .date { font-style: italic; text-align: right; padding-top: 0.6em; }
            .kind { text-align: center; font-weight: bold; margin: 1.2em 0 0 0; }
            .subject { text-align: center; font-weight: bold; margin: 0 0 1em 0; }
            h2 { font-size: 14pt; margin: 1em 0 0.4em 0; }
            h3 { font-size: 14pt; font-style: italic; margin: 0.8em 0 0.3em 0; }
            p { text-align: justify; text-indent: 10mm; margin: 0.2em 0; }
            p.empty { min-height: 2.6em; }
            figure { margin: 0.8em 0; page-break-inside: avoid; }
            .appendix { page: appendix; page-break-before: always; }
            table.data { border-collapse: collapse; font-size: 11pt; width: 100%; margin: 0.4em 0; }
            table.data th, table.data td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; }
            table.data th { font-weight: bold; text-align: center; }
            table.data td.n { text-align: right; white-space: nowrap; }
            table.data td.partial { font-style: italic; background: #e6e6e6; }
            table.data tr.total td { font-weight: bold; }
            .cov { font-size: 9pt; }
            .caption { font-weight: bold; margin: 0.6em 0 0.2em 0; text-indent: 0; }
            .key { font-size: 11pt; font-style: italic; text-indent: 0; }
            .charttitle { font-weight: bold; text-align: center; text-indent: 0; font-size: 12pt; }
            .legend { text-align: center; text-indent: 0; font-size: 10pt; }
            .swatch { border: 0.6pt solid #000; padding: 0 6pt; }
            table.chart { width: 100%; border-collapse: collapse; font-size: 10pt; }
            table.chart td { padding: 1pt 3pt; vertical-align: middle; }
            table.chart td.cat { width: 32%; text-align: right; }
            table.chart td.plot { width: 50%; border-left: 0.8pt solid #000; }
            table.chart td.lbl { width: 18%; white-space: nowrap; }
            .bar { height: 9pt; border: 0.6pt solid #000; }
            """;

    static String text(Doc doc, Target target, String fontFaces) {
        StringBuilder b = new StringBuilder(1 << 14);
        Doc.Header h = doc.header();
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(esc(doc.lang())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(h.kind() + " " + h.subject())).append("</title>\n<style>\n")
                .append(fontFaces).append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<table class=\"header\"><tr><td style=\"width:42%\">");
        line(b, h.parent(), null);
        line(b, h.body(), "font-weight:bold");
        line(b, h.number(), null);
        b.append("</td><td>");
        line(b, h.nation(), "font-weight:bold;font-size:12.5pt");
        if (h.motto() != null) b.append("<div class=\"motto\">").append(esc(h.motto())).append("</div>");
        b.append("</td></tr><tr><td></td><td class=\"date\">").append(esc(h.placeDate())).append("</td></tr></table>\n");
        b.append("<p class=\"kind\">").append(esc(h.kind())).append("</p>\n");
        b.append("<p class=\"subject\">").append(esc(h.subject())).append("</p>\n");
        blocks(b, doc, doc.body(), target);
        if (!doc.appendix().isEmpty()) {
            b.append("<section class=\"appendix\">\n<h2 style=\"text-align:center\">").append(esc(doc.labels().appendix())).append("</h2>\n");
            blocks(b, doc, doc.appendix(), target);
            b.append("</section>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String text, String style) {
        if (text == null) return;
        b.append("<div").append(style == null ? "" : " style=\"" + style + "\"").append('>').append(esc(text)).append("</div>");
    }

    private static void blocks(StringBuilder b, Doc doc, List<Doc.Block> blocks, Target target) {
        for (Doc.Block x : blocks) {
            if (x instanceof Doc.Heading hd) {
                b.append(hd.level() == 1 ? "<h2>" : "<h3>").append(esc(hd.text())).append(hd.level() == 1 ? "</h2>\n" : "</h3>\n");
            } else if (x instanceof Doc.Para p) {
                b.append(p.text().isEmpty() ? "<p class=\"empty\"></p>\n" : "<p>" + (p.bullet() ? "- " : "") + esc(p.text()) + "</p>\n");
            } else if (x instanceof Doc.Chart c) {
                b.append("<figure>").append(target == Target.PDF ? bars(c) : Svg.chart(c)).append("</figure>\n");
            } else if (x instanceof Doc.Table t) {
                table(b, doc, t);
            }
        }
    }

    /**
     * A chart as CSS bars, for the PDF renderer: it draws SVG only through Batik (megabytes more in the
     * jar), and the same bars, greys and labels are boxes it lays out itself.
     */
    static String bars(Doc.Chart c) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<p class=\"charttitle\">").append(esc(c.title())).append("</p>");
        if (c.series().size() > 1) {
            b.append("<p class=\"legend\">");
            for (int k = 0; k < c.series().size(); k++) {
                b.append("<span class=\"swatch\" style=\"background:").append(Svg.FILLS[k % Svg.FILLS.length]).append("\">&#160;</span> ")
                        .append(esc(c.series().get(k).name())).append(" &#160; ");
            }
            b.append("</p>");
        }
        double max = c.max() != null ? c.max() : 0;
        if (c.max() == null) for (Doc.Series se : c.series()) for (Double v : se.values()) if (v != null) max = Math.max(max, v);
        if (max <= 0) max = 1;
        b.append("<table class=\"chart\">");
        for (int i = 0; i < c.categories().size(); i++) {
            for (int k = 0; k < c.series().size(); k++) {
                Doc.Series se = c.series().get(k);
                Double v = se.values().get(i);
                b.append("<tr>");
                if (k == 0) b.append("<td class=\"cat\" rowspan=\"").append(c.series().size()).append("\">").append(esc(c.categories().get(i))).append("</td>");
                b.append("<td class=\"plot\">");
                if (v != null) {
                    double w = Math.max(0.5, Math.min(100, 100 * v / max));
                    b.append("<div class=\"bar\" style=\"width:").append(String.format(java.util.Locale.ROOT, "%.1f", w)).append("%;background:")
                            .append(Svg.FILLS[k % Svg.FILLS.length]).append("\">&#160;</div>");
                }
                b.append("</td><td class=\"lbl\">").append(esc(se.labels().get(i))).append("</td></tr>");
            }
        }
        return b.append("</table>").toString();
    }

    private static void table(StringBuilder b, Doc doc, Doc.Table t) {
        if (t.caption() != null) b.append("<p class=\"caption\">").append(esc(t.caption())).append("</p>\n");
        b.append("<table class=\"data\"><thead><tr>");
        for (Column c : t.columns()) b.append("<th>").append(esc(c.heading())).append("</th>");
        b.append("</tr></thead><tbody>\n");
        boolean marked = false;
        for (int r = 0; r < t.rows().size(); r++) {
            b.append(t.totals().get(r) ? "<tr class=\"total\">" : "<tr>");
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < t.columns().size(); c++) {
                Doc.Cell cell = doc.cell(c < row.size() ? row.get(c) : null, t.columns().get(c));
                marked |= cell.marked();
                String cls = (cell.numeric() ? "n" : "") + (cell.marked() ? " partial" : "");
                b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls.strip() + "\">").append(esc(cell.text()));
                if (cell.coverage() != null) b.append(" <span class=\"cov\">").append(esc(cell.coverage())).append("</span>");
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        if (marked) b.append("<p class=\"key\">").append(esc(doc.labels().partialKey())).append("</p>\n");
    }
}
