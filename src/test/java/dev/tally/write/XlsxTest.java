package dev.tally.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The workbook parsed back as a spreadsheet program reads it: parts, cell types, number formats, styles, sheets. */
@Isolated // lowers Xlsx.maxRows, which every workbook obeys
class XlsxTest {
    @AfterEach
    void restore() { Xlsx.maxRows = Xlsx.MAX_ROWS; }

    /** A parsed workbook: sheet name → rows of cells {type, value, numFmt, bold, italic, filled}. */
    record Cell(String type, String value, String format, boolean bold, boolean italic, boolean filled) {}

    static Map<String, List<List<Cell>>> parse(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) parts.put(e.getName(), zip.readAllBytes());
        }
        var dbf = DocumentBuilderFactory.newInstance();
        for (byte[] xml : parts.values()) dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml)); // all well-formed
        Document styles = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/styles.xml")));
        Map<String, String> formats = new LinkedHashMap<>();
        NodeList f = styles.getElementsByTagName("numFmt");
        for (int i = 0; i < f.getLength(); i++) {
            Element e = (Element) f.item(i);
            formats.put(e.getAttribute("numFmtId"), e.getAttribute("formatCode"));
        }
        NodeList fonts = ((Element) styles.getElementsByTagName("fonts").item(0)).getElementsByTagName("font");
        NodeList xfs = ((Element) styles.getElementsByTagName("cellXfs").item(0)).getElementsByTagName("xf");
        Document wb = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/workbook.xml")));
        NodeList sheets = wb.getElementsByTagName("sheet");
        Map<String, List<List<Cell>>> out = new LinkedHashMap<>();
        for (int s = 0; s < sheets.getLength(); s++) {
            String name = ((Element) sheets.item(s)).getAttribute("name");
            Document sheet = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/worksheets/sheet" + (s + 1) + ".xml")));
            List<List<Cell>> rows = new ArrayList<>();
            NodeList rs = sheet.getElementsByTagName("row");
            for (int r = 0; r < rs.getLength(); r++) {
                List<Cell> cells = new ArrayList<>();
                NodeList cs = ((Element) rs.item(r)).getElementsByTagName("c");
                for (int c = 0; c < cs.getLength(); c++) {
                    Element cell = (Element) cs.item(c);
                    String st = cell.getAttribute("s");
                    Element xf = (Element) xfs.item(st.isEmpty() ? 0 : Integer.parseInt(st));
                    Element font = (Element) fonts.item(Integer.parseInt(xf.getAttribute("fontId")));
                    String type = cell.getAttribute("t").equals("inlineStr") ? "text" : cell.getElementsByTagName("v").getLength() > 0 ? "number" : "empty";
                    String value = type.equals("text") ? cell.getElementsByTagName("t").item(0).getTextContent()
                            : type.equals("number") ? cell.getElementsByTagName("v").item(0).getTextContent() : null;
                    cells.add(new Cell(type, value, formats.getOrDefault(xf.getAttribute("numFmtId"), "General"),
                            font.getElementsByTagName("b").getLength() > 0, font.getElementsByTagName("i").getLength() > 0,
                            !xf.getAttribute("fillId").isEmpty() && !xf.getAttribute("fillId").equals("0")));
                }
                rows.add(cells);
            }
            out.put(name, rows);
        }
        return out;
    }

    static byte[] write(List<Column> cols, List<List<?>> rows, List<?> total, Map<String, Object> meta) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableSink s = Writers.create(Format.XLSX, out, new WriteOptions(true, ',', 0));
        s.start(cols, meta);
        for (List<?> r : rows) s.row(r);
        if (total != null) s.total(total);
        s.finish();
        assertThat(out.toByteArray()[0]).as("a zip, no BOM before it").isEqualTo((byte) 'P');
        return out.toByteArray();
    }

    @Test
    void numbersAreNumbersWithTheirDecimalsTextIsTextAndPartialTotalsAreMarked() throws Exception {
        List<Column> cols = List.of(Column.text("unit"), Column.text("level"), Column.measure("Số mô hình", "models", false, false),
                Column.measure("Tỷ lệ (%)", "rate", false, true));
        byte[] x = write(cols, List.of(
                Arrays.asList("=1+2 <Xã> & \"Phường\"", "commune", new Measure(7L, 1, 1, null), new Measure(new BigDecimal("90.0"), 1, 1, null)),
                Arrays.asList("C12", "commune", new Measure(null, 0, 1, null), new Measure(null, 0, 1, null))),
                Arrays.asList("D1", "district", new Measure(7L, 1, 2, null), new Measure(new BigDecimal("90.0"), 1, 2, null)),
                Map.of("periods", List.of("2024-H1")));
        var book = parse(x);
        assertThat(book.keySet()).containsExactly("tally", "metadata");
        List<List<Cell>> t = book.get("tally");
        assertThat(t.get(0)).extracting(Cell::value).containsExactly("unit", "level", "Số mô hình", "Tỷ lệ (%)", "notes");
        assertThat(t.get(0)).allMatch(Cell::bold);
        // text is never a formula; numbers are numbers shown with their decimals
        assertThat(t.get(1).get(0)).isEqualTo(new Cell("text", "=1+2 <Xã> & \"Phường\"", "General", false, false, false));
        assertThat(t.get(1).get(2)).isEqualTo(new Cell("number", "7", "#,##0", false, false, false));
        assertThat(t.get(1).get(3)).isEqualTo(new Cell("number", "90.0", "#,##0.0", false, false, false));
        assertThat(t.get(1).get(4).type()).as("nothing partial: no note").isEqualTo("empty");
        // nobody reported: empty cells, shaded, and the note says 0 of 1
        assertThat(t.get(2).get(2)).isEqualTo(new Cell("empty", null, "#,##0", false, true, true));
        assertThat(t.get(2).get(4).value()).isEqualTo("models 0/1; rate 0/1");
        // the total: an empty row before it, bold, partial cells shaded and noted
        assertThat(t.get(3)).isEmpty();
        assertThat(t.get(4).get(0)).isEqualTo(new Cell("text", "D1", "General", true, false, false));
        assertThat(t.get(4).get(2)).isEqualTo(new Cell("number", "7", "#,##0", true, true, true));
        assertThat(t.get(4).get(4).value()).isEqualTo("models 1/2; rate 1/2");
        assertThat(book.get("metadata").get(1)).extracting(Cell::value).containsExactly("periods", "2024-H1");
    }

    @Test
    void aTotalAloneFollowsItsHeaderWithoutAGap() throws Exception {
        // rollup --unit BG-LN --depth 0: the district's row is the total, and nothing is above it to sum
        var book = parse(write(List.of(Column.text("unit"), Column.number("n")), List.of(), List.of("BG-LN", 5L), Map.of()));
        List<List<Cell>> t = book.get("tally");
        assertThat(t).hasSize(2);
        assertThat(t.get(1).get(0)).isEqualTo(new Cell("text", "BG-LN", "General", true, false, false));
    }

    @Test
    void aNumberASpreadsheetWouldRoundGoesInAsText() throws Exception {
        var book = parse(write(List.of(Column.number("n")), List.of(List.of(new BigDecimal("9232379236109516805")), List.of(123456789012345L)), null,
                Map.of()));
        assertThat(book.get("tally").get(1).get(0)).isEqualTo(new Cell("text", "9232379236109516805", "General", false, false, false));
        assertThat(book.get("tally").get(2).get(0).type()).isEqualTo("number");
    }

    @Test
    void aSheetThatIsFullContinuesOnTheNextWithItsHeader() throws Exception {
        Xlsx.maxRows = 4;
        List<List<?>> rows = new ArrayList<>();
        for (long i = 1; i <= 7; i++) rows.add(List.of("U" + i, i));
        var book = parse(write(List.of(Column.text("unit"), Column.number("n")), rows, null, Map.of()));
        assertThat(book.keySet()).containsExactly("tally", "tally (2)", "tally (3)");
        assertThat(book.get("tally")).hasSize(4);
        assertThat(book.get("tally (2)").get(0)).extracting(Cell::value).containsExactly("unit", "n");
        List<String> units = new ArrayList<>();
        for (var sheet : book.values()) for (var r : sheet.subList(1, sheet.size())) units.add(r.get(0).value());
        assertThat(units).containsExactly("U1", "U2", "U3", "U4", "U5", "U6", "U7");
    }

    @Test
    void aTextLongerThanACellHoldsIsCutWithAMarkAndSaid() throws Exception {
        String huge = "Xã " + "Đông".repeat(10_000);
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableSink s = Writers.create(Format.XLSX, out, WriteOptions.defaults().warningTo(warnings::add));
        s.start(List.of(Column.text("unit"), Column.text("name")), Map.of());
        s.row(List.of("C1", "Xã Một"));
        s.row(List.of("C2", huge));
        s.finish();
        List<List<Cell>> t = parse(out.toByteArray()).get("tally");
        String cell = t.get(2).get(1).value();
        // at Excel's limit exactly, whole characters, the end saying it was cut and from how long
        assertThat(cell).hasSize(Xlsx.MAX_CELL_CHARS).startsWith("Xã Đông").endsWith("… [cut: " + huge.length() + " characters in all]");
        assertThat(t.get(1).get(1).value()).isEqualTo("Xã Một");
        assertThat(warnings).singleElement().asString().contains("sheet 'tally' cell B3 (name) holds " + huge.length() + " characters");
        assertThat(Xlsx.reference(0, 1)).isEqualTo("A1");
        assertThat(Xlsx.reference(27, 7)).isEqualTo("AB7");
    }

    @Test
    void aCaptionNamesTheMainSheetAndHeadsThePrintedPageTheHeaderStayingFirst() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableSink s = Writers.create(Format.XLSX, out, WriteOptions.defaults());
        s.caption("2024-H1", "Period: 2024-H1 & more");
        s.start(List.of(Column.text("unit"), Column.number("n")), Map.of());
        s.row(List.of("C1", 3L));
        s.sheet("coverage", List.of(Column.text("unit")));
        s.row(List.of("C1"));
        s.finish();
        var book = parse(out.toByteArray());
        assertThat(book.keySet()).containsExactly("2024-H1", "coverage");
        assertThat(book.get("2024-H1").get(0)).extracting(Cell::value).containsExactly("unit", "n");
        assertThat(book.get("2024-H1").get(1).get(1)).isEqualTo(new Cell("number", "3", "#,##0", false, false, false));
        String sheet1;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            String found = null;
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) found = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            sheet1 = found;
        }
        assertThat(sheet1).contains("<oddHeader>&amp;CPeriod: 2024-H1 &amp;&amp; more</oddHeader>");
    }
}
