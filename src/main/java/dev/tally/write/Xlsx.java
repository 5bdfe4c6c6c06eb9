package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal Office Open XML workbook (.xlsx) with one sheet, written as rows arrive: numbers are
 * numeric cells (Excel can sum them), text is inline strings (never run as a formula, whatever it
 * starts with), the header row is bold and frozen. No library needed: the format is a zip of a few
 * XML files; only the sheet grows with the rows, and it is streamed.
 */
final class Xlsx implements TableSink {
    private final ZipOutputStream zip;
    private final Writer w;
    private List<Column> columns;

    Xlsx(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    private void entry(String name, String xml) throws IOException {
        w.flush();
        zip.putNextEntry(new ZipEntry(name));
        w.write(xml);
        w.flush();
        zip.closeEntry();
    }

    @Override
    public void start(List<Column> cols, Map<String, Object> meta) throws IOException {
        this.columns = cols;
        entry("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""");
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        entry("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="tally" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        entry("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>""");
        entry("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border/></borders>\
                <cellStyleXfs count="1"><xf/></cellStyleXfs>\
                <cellXfs count="2"><xf fontId="0" xfId="0"/><xf fontId="1" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>""");
        w.flush();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" state=\"frozen\"/>"
                + "</sheetView></sheetViews><sheetData>");
        w.write("<row>");
        for (Column c : cols) text(c.name(), true);
        w.write("</row>");
    }

    private void text(String s, boolean bold) throws IOException {
        w.write(bold ? "<c t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">" : "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        w.write(escape(s));
        w.write("</t></is></c>");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters: they become spaces
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void row(List<?> cells) throws IOException {
        w.write("<row>");
        for (Object c : cells) {
            if (c == null) {
                w.write("<c/>");
            } else if (c instanceof Number n) {
                w.write("<c><v>");
                w.write(n instanceof BigDecimal b ? b.toPlainString() : n.toString());
                w.write("</v></c>");
            } else {
                text(c.toString(), false);
            }
        }
        w.write("</row>");
    }

    @Override
    public void finish() throws IOException {
        w.write("</sheetData></worksheet>");
        w.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }
}
