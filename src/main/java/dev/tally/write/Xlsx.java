package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Office Open XML workbook (.xlsx) for people, streamed as rows arrive, without a library (measured
 * against dhatim fastexcel 0.19 and Apache POI SXSSF 5.4 on W1's wide table at commune level, 22,180
 * rows × 53 columns: this writer 0.6–0.9 s and 3.8 MB, fastexcel 0.8–1.2 s and 7.9 MB, 1.5–2.1 s
 * with cell comments, POI 5–10 s).
 *
 * <ul>
 *   <li>Numbers are numeric cells Excel can sum, with a number format showing exactly the decimals
 *       the value has (an indicator's {@code decimals}: 90.0 shows as 90.0). A number of more than 15
 *       significant digits, which a spreadsheet would round, is written as text so no digit is lost.
 *   <li>Text is an inline string, never run as a formula whatever it starts with.
 *   <li>A {@link Measure} that is partial (fewer units reported than expected) is shaded and in
 *       italics, an empty aggregate is an empty shaded cell, and a {@code notes} column at the end of
 *       the row states the coverage of each one by indicator code ("dialogues 19/20"). A compared
 *       measure adds the other period's value and the change (in percent, or in points for a rate),
 *       and the note says when the two sides are not from the same units ("dialogues 19/20, 2023-H1
 *       10/20 partial"). A measure with a plan adds the target and the attainment in percent, the
 *       attainment of a partial value shaded as the value is.
 *   <li>The header row is bold, wrapped and frozen; columns are as wide as their first thousand rows
 *       need; the total row is bold with a rule above it and an empty row before it, so a SUM over the
 *       rows above it does not count it twice (none when it is the only row).
 *   <li>A sheet holds at most 1,048,575 data rows; more continue on a next sheet ("tally (2)") with the
 *       header repeated. {@link #sheet} adds further sheets (the coverage in long form), and the
 *       metadata (periods, generated at, catalog hash, the command) goes on a sheet of its own.
 * </ul>
 */
final class Xlsx implements TableSink {
    static final int MAX_ROWS = 1_048_576;
    /** The rows a sheet takes (the header included); lowered only by tests, to see a sheet continue. */
    static int maxRows = MAX_ROWS;
    private static final int SAMPLE = 1_000;
    private static final int MAX_SCALE = 15;

    private final ZipOutputStream zip;
    private final Writer w;
    private final List<String> sheetNames = new ArrayList<>();
    private Map<String, Object> meta = Map.of();

    // the current sheet
    private String baseName;
    private List<Column> columns;
    private boolean notes;
    private int part;
    private long rowsInSheet;
    private boolean sheetOpen;
    private final List<List<?>> sample = new ArrayList<>();
    private final List<Boolean> sampleTotal = new ArrayList<>();
    private final StringBuilder sb = new StringBuilder(1 << 12);

    /**
     * The most characters a spreadsheet cell holds (Excel's limit; a longer inline string makes Excel
     * refuse the whole workbook as damaged).
     */
    static final int MAX_CELL_CHARS = 32_767;
    /** The cells cut to {@link #MAX_CELL_CHARS} that are named one by one; the rest are counted. */
    static final int NAMED_CUTS = 5;

    private final java.util.function.Consumer<String> warnings;
    /** Where the cell being written is: its row (1-based) and column (0-based) on the current sheet. */
    private long cellRow;
    private int cellColumn;
    private long cuts;

    Xlsx(OutputStream out) { this(out, w -> { }); }

    Xlsx(OutputStream out, java.util.function.Consumer<String> warnings) {
        this.warnings = warnings;
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(1);
        this.w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    /** The main sheet's name and printed page header ({@link TableSink#caption}); "tally" and none by default. */
    private String mainName = "tally", caption;
    private boolean main;

    @Override
    public void caption(String name, String text) {
        this.mainName = name;
        this.caption = text;
    }

    @Override
    public void start(List<Column> cols, Map<String, Object> meta) throws IOException {
        this.meta = meta;
        begin(mainName, cols);
        main = true;
    }

    @Override
    public boolean sheet(String name, List<Column> cols) throws IOException {
        endSheet();
        main = false;
        begin(name, cols);
        return true;
    }

    private void begin(String name, List<Column> cols) {
        baseName = name;
        columns = expand(cols);
        notes = cols.stream().anyMatch(Column::measure);
        part = 1;
        sample.clear();
        sampleTotal.clear();
        sheetOpen = false;
    }

    /** The columns as cells: a compared measure takes three (value, the other period's, the change). */
    private List<Column> original;

    private List<Column> expand(List<Column> cols) {
        original = cols;
        List<Column> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c);
            if (c.measure() && c.compared()) {
                out.add(Column.number(c.name() + " (compared)"));
                out.add(Column.number(c.name() + (c.points() ? " (change, points)" : " (change %)")));
            }
            if (c.measure() && c.planned()) {
                out.add(Column.number(c.name() + " (plan)"));
                out.add(Column.number(c.name() + " (plan %)"));
            }
        }
        if (cols.stream().anyMatch(Column::measure)) out.add(Column.text("notes"));
        return out;
    }

    @Override
    public void row(List<?> cells) throws IOException { add(cells, false); }

    @Override
    public void total(List<?> cells) throws IOException { add(cells, true); }

    private void add(List<?> cells, boolean total) throws IOException {
        if (!sheetOpen) {
            sample.add(new ArrayList<>(cells));
            sampleTotal.add(total);
            if (sample.size() >= SAMPLE) openSheet();
            return;
        }
        write(cells, total);
    }

    // ------------------------------------------------------------ sheets

    private void openSheet() throws IOException {
        String name = part == 1 ? baseName : baseName + " (" + part + ")";
        sheetNames.add(name);
        w.flush();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "</sheetView></sheetViews><cols>");
        double[] widths = widths();
        for (int i = 0; i < widths.length; i++) {
            w.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i] + "\" customWidth=\"1\"/>");
        }
        w.write("</cols><sheetData><row>");
        cellRow = 1;
        cellColumn = 0;
        for (Column c : columns) {
            text(c.name(), Styles.HEADER);
            cellColumn++;
        }
        w.write("</row>");
        sheetOpen = true;
        rowsInSheet = 1;
        if (part == 1) {
            List<List<?>> held = new ArrayList<>(sample);
            List<Boolean> heldTotal = new ArrayList<>(sampleTotal);
            sample.clear();
            sampleTotal.clear();
            for (int i = 0; i < held.size(); i++) write(held.get(i), heldTotal.get(i));
        }
    }

    private void endSheet() throws IOException {
        if (!sheetOpen) openSheet();
        w.write("</sheetData>");
        // the caption as the printed page's header (centred; & is the header's own escape character)
        if (main && caption != null) w.write("<headerFooter><oddHeader>&amp;C" + escape(caption.replace("&", "&&")) + "</oddHeader></headerFooter>");
        w.write("</worksheet>");
        w.flush();
        zip.closeEntry();
        sheetOpen = false;
    }

    /** Widths in characters from the header's longest word and the sampled rows, within 8 to 50. */
    private double[] widths() {
        double[] wid = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            int longest = 0;
            for (String word : columns.get(i).name().split(" ")) longest = Math.max(longest, Cells.displayWidth(word));
            wid[i] = Math.max(longest, Math.min(Cells.displayWidth(columns.get(i).name()), 14));
        }
        List<Object> cells = new ArrayList<>();
        for (List<?> r : sample) {
            cells.clear();
            cellsOf(r, cells, null);
            for (int i = 0; i < cells.size() && i < wid.length; i++) {
                Object c = cells.get(i);
                if (c != null) wid[i] = Math.max(wid[i], Cells.displayWidth(Cells.text(c)) + (c instanceof Number ? 2 : 0));
            }
        }
        for (int i = 0; i < wid.length; i++) wid[i] = Math.min(50, Math.max(8, wid[i] + 1));
        return wid;
    }

    // ------------------------------------------------------------ rows

    private final List<Object> flat = new ArrayList<>();
    private final List<Integer> styles = new ArrayList<>();

    /** The row's cells as written, with the style of each (null: the default for its kind). */
    private void cellsOf(List<?> cells, List<Object> out, List<Integer> style) {
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < original.size(); i++) {
            Column c = original.get(i);
            Object cell = i < cells.size() ? cells.get(i) : null;
            if (cell instanceof Rank k) {
                // a number, shaded as the partial total it ranks is (the note names that total's coverage)
                out.add(k.number());
                if (style != null) style.add(k.partial() || k.estimated() ? Styles.PARTIAL : null);
                continue;
            }
            if (!c.measure() || !(cell instanceof Measure m)) {
                out.add(cell);
                if (style != null) style.add(null);
                if (c.measure() && c.compared()) {
                    out.add(null);
                    out.add(null);
                    if (style != null) {
                        style.add(null);
                        style.add(null);
                    }
                }
                if (c.measure() && c.planned()) {
                    out.add(null);
                    out.add(null);
                    if (style != null) {
                        style.add(null);
                        style.add(null);
                    }
                }
                continue;
            }
            out.add(m.value());
            if (style != null) style.add(m.partial() || m.quality() != null ? Styles.PARTIAL : null);
            Measure.Comparison x0 = c.compared() ? m.comparison() : null;
            boolean otherPartial = x0 != null && !x0.comparable() && x0.status() != null;
            if (m.partial() || otherPartial || m.quality() != null) {
                if (note.length() > 0) note.append("; ");
                note.append(c.key()).append(' ').append(m.reported()).append('/').append(m.expected());
                if (m.quality() != null) note.append(' ').append(m.quality());
                if (otherPartial) note.append(", ").append(x0.period()).append(' ').append(x0.reported()).append('/').append(x0.expected())
                        .append(' ').append(x0.status());
            }
            if (c.compared()) {
                Measure.Comparison x = m.comparison();
                out.add(x == null ? null : x.value());
                out.add(x == null ? null : x.change());
                if (style != null) {
                    style.add(x != null && x.reported() < x.expected() ? Styles.PARTIAL : null);
                    style.add(null);
                }

            }
            if (c.planned()) {
                // the target is the plan's own figure; the attainment of a partial value is partial, shaded as the value is
                out.add(m.plan());
                out.add(m.planPct());
                if (style != null) {
                    style.add(null);
                    style.add(m.partial() || m.quality() != null ? Styles.PARTIAL : null);
                }
            }
        }
        if (notes) {
            out.add(note.length() == 0 ? null : note.toString());
            if (style != null) style.add(Styles.NOTE);
        }
    }

    private void write(List<?> cells, boolean total) throws IOException {
        if (rowsInSheet + (total ? 2 : 1) > maxRows) {
            endSheet();
            part++;
            openSheet();
        }
        flat.clear();
        styles.clear();
        cellsOf(cells, flat, styles);
        // the empty row keeps a SUM over the rows above from counting the total; under the header
        // alone (a total with no rows above it: --depth 0) it would only be a gap
        if (total && rowsInSheet > 1) {
            w.write("<row/>");
            rowsInSheet++;
        }
        sb.setLength(0);
        sb.append("<row>");
        cellRow = rowsInSheet + 1;
        for (int i = 0; i < flat.size(); i++) {
            cellColumn = i;
            cell(flat.get(i), styles.get(i), total);
        }
        sb.append("</row>");
        w.write(sb.toString());
        rowsInSheet++;
    }

    private void cell(Object c, Integer style, boolean total) {
        int variant = style == null ? 0 : style;
        if (c == null) {
            if (variant == Styles.PARTIAL || total) sb.append("<c s=\"").append(Styles.number(0, variant, total)).append("\"/>");
            else sb.append("<c/>");
            return;
        }
        if (c instanceof Number n) {
            BigDecimal b = n instanceof BigDecimal d ? d : null;
            int scale = b == null ? 0 : Math.max(0, b.scale());
            int digits = b == null ? String.valueOf(n.longValue()).replace("-", "").length() : b.precision();
            if (digits > 15 || scale > MAX_SCALE) {
                // a spreadsheet keeps 15 significant digits: the exact number goes in as text
                textCell(b == null ? n.toString() : b.toPlainString(), Styles.numberText(total));
                return;
            }
            sb.append("<c s=\"").append(Styles.number(scale, variant, total)).append("\"><v>")
                    .append(b == null ? n.toString() : b.toPlainString()).append("</v></c>");
            return;
        }
        textCell(c.toString(), variant == Styles.NOTE ? Styles.NOTE_TEXT : total ? Styles.TOTAL_TEXT : 0);
    }

    private void textCell(String s, int style) {
        if (s.length() > MAX_CELL_CHARS) s = cut(s);
        sb.append(style == 0 ? "<c t=\"inlineStr\">" : "<c t=\"inlineStr\" s=\"" + style + "\">")
                .append("<is><t xml:space=\"preserve\">").append(escape(s)).append("</t></is></c>");
    }

    /**
     * A text longer than a cell holds, cut so that it fits with a mark at its end that says it was cut
     * and how long it was; the first {@link #NAMED_CUTS} are named in a warning (sheet, cell, column),
     * the rest counted at the end. Writing it whole would make a spreadsheet refuse the whole file;
     * dropping it would lose it in silence. The whole text is in the csv, tsv and json outputs.
     */
    private String cut(String s) {
        String mark = dev.tally.model.Text.t("xlsx.cutMark", s.length());
        int keep = MAX_CELL_CHARS - mark.length();
        if (Character.isHighSurrogate(s.charAt(keep - 1))) keep--; // never half a character
        String sheet = part == 1 ? baseName : baseName + " (" + part + ")";
        String column = cellColumn < columns.size() ? columns.get(cellColumn).name() : "";
        if (cuts++ < NAMED_CUTS) {
            warnings.accept(dev.tally.model.Text.t("xlsx.cellCut", sheet, reference(cellColumn, cellRow), column, s.length(), MAX_CELL_CHARS));
        }
        return s.substring(0, keep) + mark;
    }

    /** A cell's A1 reference: column letters (A…Z, AA…), then the row. */
    static String reference(int column, long row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(0, (char) ('A' + (c - 1) % 26));
        return letters.toString() + row;
    }

    private void text(String s, int style) throws IOException {
        sb.setLength(0);
        textCell(s, style);
        w.write(sb.toString());
    }

    /** The package's relationships part: its one relationship, to xl/workbook.xml (every workbook tally writes). */
    static final String PACKAGE_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";

    /** xl/workbook.xml listing the sheets by name, sheet i+1 the part of relationship rId(i+1). */
    static String workbookXml(List<String> sheetNames) {
        StringBuilder wb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int i = 0; i < sheetNames.size(); i++) {
            wb.append("<sheet name=\"").append(escape(sheetNames.get(i))).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return wb.append("</sheets></workbook>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters: they become spaces
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append(' ');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------ the rest of the workbook

    @Override
    public void finish() throws IOException {
        endSheet();
        main = false;
        if (!meta.isEmpty()) {
            begin("metadata", List.of(Column.text("key"), Column.text("value")));
            for (Map.Entry<String, Object> e : meta.entrySet()) add(List.of(e.getKey(), shown(e.getValue())), false);
            endSheet();
        }
        entry("[Content_Types].xml", contentTypes());
        entry("_rels/.rels", PACKAGE_RELS);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < sheetNames.size(); i++) names.add(sheetName(sheetNames.get(i), i));
        entry("xl/workbook.xml", workbookXml(names));
        StringBuilder rels = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 0; i < sheetNames.size(); i++) {
            rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i + 1).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheetNames.size() + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        entry("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
        entry("xl/styles.xml", Styles.XML);
        zip.finish();
        if (cuts > NAMED_CUTS) warnings.accept(dev.tally.model.Text.t("xlsx.moreCut", cuts - NAMED_CUTS, cuts, MAX_CELL_CHARS));
        zip.flush();
    }

    /** A sheet name as Excel accepts it: at most 31 characters, none of []:*?/\ , unique. */
    private String sheetName(String name, int index) {
        String n = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        if (n.length() > 31) n = n.substring(0, 28) + "…";
        for (int j = 0; j < index; j++) if (sheetNames.get(j).equals(name)) return n + " " + (index + 1);
        return n;
    }

    private static String shown(Object v) {
        if (v == null) return "";
        if (v instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder();
            m.forEach((k, x) -> s.append(s.length() > 0 ? ", " : "").append(k).append(": ").append(shown(x)));
            return s.toString();
        }
        if (v instanceof Collection<?> c) return String.join(", ", c.stream().map(Xlsx::shown).toList());
        return Cells.text(v);
    }

    private String contentTypes() {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 0; i < sheetNames.size(); i++) {
            sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return sb.append("</Types>").toString();
    }

    private void entry(String name, String xml) throws IOException {
        w.flush();
        zip.putNextEntry(new ZipEntry(name));
        w.write(xml);
        w.flush();
        zip.closeEntry();
    }

    /**
     * The fixed style sheet. Cell styles: 0 default, 1 header, 2 total text, 3 note text, 4 a number
     * kept as text, 5 the same in a total row; then for each scale 0–15 four number styles: plain,
     * partial (shaded, italic), total (bold, rule above), total and partial.
     */
    static final class Styles {
        static final int HEADER = 1, TOTAL_TEXT = 2, NOTE_TEXT = 3, NUMBER_TEXT = 4, NUMBER_TEXT_TOTAL = 5;
        /** Variants a caller asks for. */
        static final int PARTIAL = 1, NOTE = 2;
        private static final int FIRST_NUMBER = 6;

        static int number(int scale, int variant, boolean total) {
            return FIRST_NUMBER + 4 * Math.min(scale, MAX_SCALE) + (total ? 2 : 0) + (variant == PARTIAL ? 1 : 0);
        }

        static int numberText(boolean total) { return total ? NUMBER_TEXT_TOTAL : NUMBER_TEXT; }

        static final String XML = build();

        private static String build() {
            StringBuilder fmts = new StringBuilder();
            for (int s = 0; s <= MAX_SCALE; s++) {
                fmts.append("<numFmt numFmtId=\"").append(164 + s).append("\" formatCode=\"#,##0").append(s == 0 ? "" : "." + "0".repeat(s)).append("\"/>");
            }
            StringBuilder xfs = new StringBuilder();
            xfs.append("<xf fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
            xfs.append("<xf fontId=\"1\" fillId=\"2\" borderId=\"2\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
                    + "<alignment wrapText=\"1\" vertical=\"top\"/></xf>");
            xfs.append("<xf fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>");
            xfs.append("<xf fontId=\"3\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
            xfs.append("<xf fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>");
            xfs.append("<xf fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>");
            for (int s = 0; s <= MAX_SCALE; s++) {
                int f = 164 + s;
                xfs.append("<xf numFmtId=\"").append(f).append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
                xfs.append("<xf numFmtId=\"").append(f).append("\" fontId=\"2\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/>");
                xfs.append("<xf numFmtId=\"").append(f).append("\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\"/>");
                xfs.append("<xf numFmtId=\"").append(f).append("\" fontId=\"4\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>");
            }
            int count = FIRST_NUMBER + 4 * (MAX_SCALE + 1);
            return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<numFmts count=\"" + (MAX_SCALE + 1) + "\">" + fmts + "</numFmts>"
                    + "<fonts count=\"5\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                    + "<font><i/><sz val=\"11\"/><color rgb=\"FF9C5700\"/><name val=\"Calibri\"/></font>"
                    + "<font><i/><sz val=\"10\"/><color rgb=\"FF595959\"/><name val=\"Calibri\"/></font>"
                    + "<font><b/><i/><sz val=\"11\"/><color rgb=\"FF9C5700\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
                    + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill>"
                    + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFEB9C\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
                    + "<borders count=\"3\"><border/><border><top style=\"medium\"/></border><border><bottom style=\"thin\"/></border></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                    + "<cellXfs count=\"" + count + "\">" + xfs + "</cellXfs>"
                    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                    + "</styleSheet>";
        }
    }
}
