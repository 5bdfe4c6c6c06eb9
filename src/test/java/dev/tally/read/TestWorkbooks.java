package dev.tally.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Workbooks written part by part for tests: the package around the parts a test gives, hostile or not. */
public final class TestWorkbooks {
    private TestWorkbooks() {}

    public interface Part {
        void write(OutputStream o) throws IOException;
    }

    public static Part text(String s) { return o -> o.write(s.getBytes(StandardCharsets.UTF_8)); }

    /** A workbook of the given parts, with the package's relationships and a workbook of one sheet around them. */
    public static Path xlsx(Path file, Map<String, Part> parts) throws IOException { return xlsx(file, parts, Deflater.DEFAULT_COMPRESSION); }

    /**
     * The same, its parts deflated at {@code level}: {@link Deflater#BEST_SPEED} for a large part that
     * is only large (a million rows pack 13-fold instead of 15-fold, in a sixth of the time), never for
     * one whose packing is its point (a zip bomb must pack more than 300-fold: level 1 packs 229-fold).
     */
    public static Path xlsx(Path file, Map<String, Part> parts, int level) throws IOException {
        Map<String, Part> all = new LinkedHashMap<>();
        all.put("_rels/.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        all.put("xl/workbook.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        all.put("xl/_rels/workbook.xml.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>"));
        all.putAll(parts);
        try (ZipOutputStream z = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            z.setLevel(level);
            for (var e : all.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                e.getValue().write(z);
                z.closeEntry();
            }
        }
        return file;
    }

    public static final String SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    public static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>period</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>indicator</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>value</t></is></c></row>";
    public static final String END = "</sheetData></worksheet>";

    public static String row(int r, String unit, String period, String indicator, String value) {
        return "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + unit + "</t></is></c><c r=\"B" + r + "\" t=\"inlineStr\"><is><t>" + period
                + "</t></is></c><c r=\"C" + r + "\" t=\"inlineStr\"><is><t>" + indicator + "</t></is></c><c r=\"D" + r + "\"><v>" + value + "</v></c></row>";
    }

    /** A workbook of two sheets with the same content. */
    public static Path twoSheets(Path file, String sheet) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("xl/workbook.xml", text("<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" r:id=\"rId3\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", text("<Relationships>"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "</Relationships>"));
        parts.put("xl/worksheets/sheet1.xml", text(sheet));
        parts.put("xl/worksheets/sheet2.xml", text(sheet));
        return xlsx(file, parts);
    }
}
