package dev.tally.write;

import static dev.tally.write.Svg.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link Doc} as an editable Word document (WordprocessingML), written by hand as the workbook is
 * ({@link Xlsx}): POI XWPF or docx4j would add about 19 MB to the jar for a few parts of XML.
 *
 * <p>Laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I lays out an administrative document: A4; margins
 * 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman 14 pt (13 pt in the header block,
 * 11 pt in tables); the page number centred at the top from page 2 (the first page has none); the
 * appendix in a section of its own on landscape pages, margins 20 mm.
 *
 * <p>Charts are Word's own charts (DrawingML, {@code word/charts/chartN.xml}) rather than pictures: they
 * stay sharp at any zoom, take the document's font, and can be restyled in Word. Each has its data in
 * a small workbook embedded beside it ({@code word/embeddings/chartN.xlsx}, written by {@link Xlsx}),
 * which Word's "Edit Data" opens; the chart part caches the same values, so it draws without it.
 */
final class Docx {
    /** A4 in twentieths of a point, and the margins (20 mm = 1134, 30 mm = 1701, 15 mm = 851). */
    static final int A4_W = 11906, A4_H = 16838, TOP = 1134, BOTTOM = 1134, LEFT = 1701, RIGHT = 851, LANDSCAPE_MARGIN = 1134;
    /** Font sizes in half-points: text 14 pt, header block 13 pt, tables 11 pt. */
    static final int TEXT = 28, HEADER = 26, TABLE = 22;
    private static final long EMU_PER_TWIP = 635;

    private final Doc doc;
    private final List<Doc.Chart> charts = new ArrayList<>();
    private int drawingId;

    Docx(Doc doc) { this.doc = doc; }

    void write(OutputStream out) throws IOException {
        String body = document();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        put(zip, "[Content_Types].xml", contentTypes());
        put(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                </Relationships>""");
        put(zip, "docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + esc(doc.header().kind() + " " + doc.header().subject())
                + "</dc:title><dc:language>" + esc(doc.lang()) + "</dc:language></cp:coreProperties>");
        put(zip, "word/_rels/document.xml.rels", rels());
        put(zip, "word/styles.xml", styles());
        put(zip, "word/header1.xml", pageNumberHeader());
        put(zip, "word/document.xml", body);
        for (int i = 0; i < charts.size(); i++) {
            put(zip, "word/charts/chart" + (i + 1) + ".xml", DocxChart.xml(charts.get(i)));
            put(zip, "word/charts/_rels/chart" + (i + 1) + ".xml.rels", DocxChart.rels(i + 1));
            zip.putNextEntry(new ZipEntry("word/embeddings/chart" + (i + 1) + ".xlsx"));
            zip.write(DocxChart.workbook(charts.get(i)));
            zip.closeEntry();
        }
        zip.finish();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>""");
        for (int i = 1; i <= charts.size(); i++) {
            b.append("<Override PartName=\"/word/charts/chart").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>");
        }
        return b.append("</Types>").toString();
    }

    private String rels() {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>""");
        for (int i = 1; i <= charts.size(); i++) {
            b.append("<Relationship Id=\"rIdChart").append(i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart")
                    .append(i).append(".xml\"/>");
        }
        return b.append("</Relationships>").toString();
    }

    private static String styles() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr>"
                + "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
                + "<w:sz w:val=\"" + TEXT + "\"/><w:szCs w:val=\"" + TEXT + "\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:spacing w:before=\"60\" w:after=\"60\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
                + "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
                + "<w:rPr><w:b/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
                + "<w:rPr><w:b/><w:i/></w:rPr></w:style>"
                + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
                + border("top") + border("left") + border("bottom") + border("right") + border("insideH") + border("insideV")
                + "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                + "</w:styles>";
    }

    private static String border(String side) { return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"; }

    /** The page number, centred, a PAGE field: the header of every page but the first. */
    private static String pageNumberHeader() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
    }

    /** The portrait section: A4, Nghị định 30's margins, the page number from page 2 (titlePg: the first page's header is empty). */
    static String portrait() {
        return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"" + A4_W + "\" w:h=\"" + A4_H + "\"/>"
                + "<w:pgMar w:top=\"" + TOP + "\" w:right=\"" + RIGHT + "\" w:bottom=\"" + BOTTOM + "\" w:left=\"" + LEFT
                + "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>";
    }

    static String landscape() {
        int m = LANDSCAPE_MARGIN;
        return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:type w:val=\"nextPage\"/>"
                + "<w:pgSz w:w=\"" + A4_H + "\" w:h=\"" + A4_W + "\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" + m + "\" w:left=\"" + m
                + "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
    }

    private String document() {
        StringBuilder b = new StringBuilder(1 << 15);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><w:body>");
        header(b);
        blocks(b, doc.body(), A4_W - LEFT - RIGHT);
        if (doc.appendix().isEmpty()) {
            b.append(portrait());
        } else {
            // the portrait section ends in the last paragraph before the appendix; the body's own sectPr is the landscape one
            b.append("<w:p><w:pPr>").append(portrait()).append("</w:pPr></w:p>");
            b.append(para(esc(doc.labels().appendix()), "<w:jc w:val=\"center\"/>", "<w:b/>"));
            blocks(b, doc.appendix(), A4_H - 2 * LANDSCAPE_MARGIN);
            b.append(landscape());
        }
        return b.append("</w:body></w:document>").toString();
    }

    private void header(StringBuilder b) {
        Doc.Header h = doc.header();
        int left = (A4_W - LEFT - RIGHT) * 42 / 100, right = A4_W - LEFT - RIGHT - left;
        b.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(left + right).append("\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>")
                .append("<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>")
                .append("<w:tblGrid><w:gridCol w:w=\"").append(left).append("\"/><w:gridCol w:w=\"").append(right).append("\"/></w:tblGrid><w:tr>");
        b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(left).append("\" w:type=\"dxa\"/></w:tcPr>");
        b.append(headerLine(h.parent(), "")).append(headerLine(h.body(), "<w:b/>")).append(headerLine(h.number(), ""));
        b.append("</w:tc><w:tc><w:tcPr><w:tcW w:w=\"").append(right).append("\" w:type=\"dxa\"/></w:tcPr>");
        b.append(headerLine(h.nation(), "<w:b/><w:sz w:val=\"24\"/>")).append(headerLine(h.motto(), "<w:b/><w:u w:val=\"single\"/>"));
        if (h.nation() == null && h.motto() == null) b.append("<w:p/>");
        b.append("</w:tc></w:tr></w:tbl>");
        b.append(para(esc(h.placeDate()), "<w:jc w:val=\"right\"/>", "<w:i/>"));
        b.append(para(esc(h.kind()), "<w:spacing w:before=\"240\" w:after=\"0\"/><w:jc w:val=\"center\"/>", "<w:b/>"));
        b.append(para(esc(h.subject()), "<w:spacing w:before=\"0\" w:after=\"240\"/><w:jc w:val=\"center\"/>", "<w:b/>"));
    }

    private static String headerLine(String text, String rPr) {
        if (text == null) return "";
        return para(esc(text), "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/>", rPr + "<w:sz w:val=\"" + HEADER + "\"/>");
    }

    private static String para(String escaped, String pPr, String rPr) {
        return "<w:p><w:pPr>" + pPr + "</w:pPr>" + run(escaped, rPr) + "</w:p>";
    }

    private static String run(String escaped, String rPr) {
        if (escaped.isEmpty()) return "";
        return "<w:r>" + (rPr.isEmpty() ? "" : "<w:rPr>" + rPr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + escaped + "</w:t></w:r>";
    }

    private void blocks(StringBuilder b, List<Doc.Block> blocks, int width) {
        for (Doc.Block x : blocks) {
            if (x instanceof Doc.Heading h) {
                b.append(para(esc(h.text()), "<w:pStyle w:val=\"Heading" + h.level() + "\"/>", ""));
            } else if (x instanceof Doc.Para p) {
                b.append(p.text().isEmpty() ? "<w:p/><w:p/>"
                        : para(esc((p.bullet() ? "- " : "") + p.text()), "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>", ""));
            } else if (x instanceof Doc.Chart c) {
                chart(b, c, width);
            } else if (x instanceof Doc.Table t) {
                table(b, t, width);
            }
        }
    }

    private void chart(StringBuilder b, Doc.Chart c, int width) {
        charts.add(c);
        int n = charts.size();
        long cx = width * EMU_PER_TWIP;
        // a row per category, taller with more series, plus the title and the axis
        long cy = (long) ((0.9 + 0.45 * c.series().size() * c.categories().size()) * 360_000L) + 900_000L;
        b.append("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">")
                .append("<wp:extent cx=\"").append(cx).append("\" cy=\"").append(cy).append("\"/>")
                .append("<wp:docPr id=\"").append(++drawingId).append("\" name=\"").append(esc(c.title())).append("\"/>")
                .append("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
                .append("<c:chart r:id=\"rIdChart").append(n).append("\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
    }

    private void table(StringBuilder b, Doc.Table t, int width) {
        if (t.caption() != null) b.append(para(esc(t.caption()), "<w:keepNext/>", "<w:b/>"));
        List<Column> cols = t.columns();
        double[] weight = new double[cols.size()];
        double sum = 0;
        for (int c = 0; c < cols.size(); c++) {
            String name = cols.get(c).name();
            // a number that is no measure is a rank (rollup --rank): a few digits
            weight[c] = cols.get(c).measure() ? 1.4 : cols.get(c).numeric() ? 0.7 : name.equals("name") || name.equals("unit_name") ? 2.6 : 1.5;
            sum += weight[c];
        }
        int[] w = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) w[c] = (int) (width * weight[c] / sum);
        b.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"").append(width).append("\" w:type=\"dxa\"/>")
                .append("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int x : w) b.append("<w:gridCol w:w=\"").append(x).append("\"/>");
        b.append("</w:tblGrid>");
        // the header row repeats on every page the table runs over
        b.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for (int c = 0; c < cols.size(); c++) cell(b, w[c], esc(cols.get(c).heading()), "center", "<w:b/>", false);
        b.append("</w:tr>");
        boolean marked = false;
        for (int r = 0; r < t.rows().size(); r++) {
            boolean total = t.totals().get(r);
            b.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < cols.size(); c++) {
                Doc.Cell cell = doc.cell(c < row.size() ? row.get(c) : null, cols.get(c));
                marked |= cell.marked();
                String text = esc(cell.text()) + (cell.coverage() == null ? "" : " " + esc(cell.coverage()));
                cell(b, w[c], text, cell.numeric() ? "right" : "left", (total ? "<w:b/>" : "") + (cell.marked() ? "<w:i/>" : ""), cell.marked());
            }
            b.append("</w:tr>");
        }
        b.append("</w:tbl>");
        if (marked) b.append(para(esc(doc.labels().partialKey()), "", "<w:i/><w:sz w:val=\"" + TABLE + "\"/>"));
        else b.append("<w:p/>");
    }

    private static void cell(StringBuilder b, int width, String escaped, String align, String rPr, boolean shaded) {
        b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/>");
        if (shaded) b.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>");
        b.append("</w:tcPr>").append(para(escaped, "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\""
                + align + "\"/>", rPr + "<w:sz w:val=\"" + TABLE + "\"/><w:szCs w:val=\"" + TABLE + "\"/>")).append("</w:tc>");
    }
}
