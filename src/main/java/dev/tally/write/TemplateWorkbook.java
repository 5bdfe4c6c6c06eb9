package dev.tally.write;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Form;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.IndicatorType;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The workbook a unit fills in ("biểu mẫu"), written for the reader to read back with no guessing:
 * one sheet per form (and reporting level) with a header block naming the form, the unit that sends
 * it (its code: the reader finds the table's unit in it), the period and the deadline; a header of
 * two rows, the names people read over the codes the reader reads (a second header row, as a
 * template's merged header would be, so that a name and a code name one column); one row per unit
 * that reports the form to the unit, its code, name and the period filled in and locked; one column
 * per indicator with its name and unit, required ones marked *, its cells checked by Excel's own data
 * validation from the catalog's type and bounds (whole numbers for an integer, 0 to 100 for a
 * percentage, 0 or 1 for yes/no, the indicator's min and max), and only those cells unlocked: the
 * sheet is protected (without a password: it guards against slips, not people). No total row: tally
 * computes totals, and a formula a program filling the template leaves uncomputed would be a finding.
 *
 * <p>Written with the same low-level pieces as {@link Xlsx} (its XML escaping), streamed to the zip.
 */
public final class TemplateWorkbook {
    private TemplateWorkbook() {}

    /** The first row of the table: the names row; the codes row is under it, the units' rows under that. */
    static final int NAMES_ROW = 7, CODES_ROW = 8, FIRST_ROW = 9;
    /** Columns before the indicators: STT, the unit's code, its name, the period. */
    static final int FIXED = 4;

    /** One sheet: a form's indicators reported at one level, and the units that report them. */
    public record Sheet(String name, Form form, List<Indicator> indicators, List<Unit> rows, LocalDate deadline) {}

    /**
     * What the template for {@code unit} and {@code period} holds: for {@code formCode} (null: every
     * form with indicators reported at or under the unit's level), the units in the unit's subtree that
     * report each form's indicators and are expected to for the period. A usage error (exit 2) when
     * there is nothing to fill: a form reported above the unit's level, a period of another type than
     * the form's, or no unit that reports.
     */
    public static List<Sheet> plan(Roster roster, Catalog catalog, Unit unit, String formCode, Period period, ToIntFunction<Form> deadlineDays) {
        Hierarchy h = roster.hierarchy();
        List<Form> forms = new ArrayList<>();
        if (formCode != null) {
            Form f = catalog.form(formCode);
            if (f == null) {
                throw TallyException.usage(t("template.noForm", formCode, String.join(", ", catalog.forms().stream().map(Form::code).toList())));
            }
            forms.add(f);
        } else {
            forms.addAll(catalog.forms());
        }
        List<Sheet> sheets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Form f : forms) {
            if (f.period() != null && f.period() != period.type()) {
                if (formCode != null) throw TallyException.usage(t("template.periodType", f.code(), t("period.type." + f.period().name().toLowerCase(java.util.Locale.ROOT)), period.text()));
                continue;
            }
            // the form's indicators by the level that reports them (a catalog without forms mixes levels)
            Map<Integer, List<Indicator>> byDepth = new LinkedHashMap<>();
            for (String code : f.indicators()) {
                Indicator ind = catalog.indicator(code);
                if (ind == null || ind.derived()) continue;
                byDepth.computeIfAbsent(h.reportingDepth(ind), d -> new ArrayList<>()).add(ind);
            }
            for (var e : byDepth.entrySet()) {
                int depth = e.getKey();
                if (depth < unit.depth()) {
                    if (formCode != null) throw TallyException.usage(t("template.above", f.code(), level(h, depth), unit.code()));
                    continue;
                }
                List<Unit> rows = new ArrayList<>();
                for (Unit u : h.subtree(unit)) {
                    if (roster.reporter(u, depth) && roster.excused(u, f.code(), period) == null) rows.add(u);
                }
                if (rows.isEmpty()) continue;
                String name = sheetName(byDepth.size() == 1 ? f.code() : f.code() + " " + level(h, depth), names);
                names.add(name);
                LocalDate deadline = period.end().plusDays(deadlineDays.applyAsInt(f));
                sheets.add(new Sheet(name, f, List.copyOf(e.getValue()), List.copyOf(rows), deadline));
            }
        }
        if (sheets.isEmpty()) throw TallyException.usage(t("template.nothing", unit.code(), period.text()));
        return sheets;
    }

    private static String level(Hierarchy h, int depth) { return depth < h.levels().size() ? h.levels().get(depth) : String.valueOf(depth); }

    /** A sheet name as Excel takes it: at most 31 characters, none of []:*?/\, unique. */
    private static String sheetName(String name, List<String> taken) {
        String n = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        if (n.length() > 31) n = n.substring(0, 31);
        String base = n;
        for (int k = 2; taken.contains(n); k++) n = base.substring(0, Math.min(base.length(), 28)) + " " + k;
        return n;
    }

    /** Writes the workbook. */
    public static void write(OutputStream out, Unit unit, Period period, List<Sheet> sheets) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        for (int i = 0; i < sheets.size(); i++) {
            w.flush();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
            sheet(w, unit, period, sheets.get(i));
            w.flush();
            zip.closeEntry();
        }
        entry(zip, w, "[Content_Types].xml", contentTypes(sheets.size()));
        entry(zip, w, "_rels/.rels", Xlsx.PACKAGE_RELS);
        entry(zip, w, "xl/workbook.xml", Xlsx.workbookXml(sheets.stream().map(s -> s.name()).toList()));
        StringBuilder rels = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 0; i < sheets.size(); i++) {
            rels.append("<Relationship Id=\"rId").append(i + 1)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i + 1).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheets.size() + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        entry(zip, w, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
        entry(zip, w, "xl/styles.xml", STYLES);
        zip.finish();
        zip.flush();
    }

    // cell styles, in STYLES' cellXfs order
    private static final int TITLE = 1, NOTE = 2, HEADER = 3, HEADER_REQUIRED = 4, CODE = 5, FIXED_CELL = 6, INPUT = 7, INPUT_DECIMAL = 8;

    private static void sheet(Writer w, Unit unit, Period period, Sheet s) throws IOException {
        int n = FIXED + s.indicators().size();
        int last = FIRST_ROW + s.rows().size() - 1;
        StringBuilder sb = new StringBuilder(1 << 14);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sb.append("<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"").append(FIXED).append("\" ySplit=\"").append(FIRST_ROW - 1)
                .append("\" topLeftCell=\"").append(col(FIXED)).append(FIRST_ROW).append("\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>");
        sb.append("<cols><col min=\"1\" max=\"1\" width=\"5\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"18\" customWidth=\"1\"/>")
                .append("<col min=\"3\" max=\"3\" width=\"26\" customWidth=\"1\"/><col min=\"4\" max=\"4\" width=\"11\" customWidth=\"1\"/>");
        if (n > FIXED) sb.append("<col min=\"").append(FIXED + 1).append("\" max=\"").append(n).append("\" width=\"16\" customWidth=\"1\"/>");
        sb.append("</cols><sheetData>");
        // the header block: what the form is, who sends it, for which period, by when
        row(sb, 1, List.of(t("template.heading", s.form().label())), TITLE, 0);
        row(sb, 2, List.of(t("template.unit", unit.code(), unit.name() == null ? "" : unit.name())), 0, 0);
        row(sb, 3, List.of(t("template.period", period.text())), 0, 0);
        row(sb, 4, List.of(t("template.deadline", s.deadline().toString())), 0, 0);
        row(sb, 5, List.of(t("template.help")), NOTE, 0);
        // the header: names people read over the codes the reader reads
        List<String> names = new ArrayList<>(List.of(t("template.stt"), t("template.unitCode"), t("template.unitName"), t("template.periodColumn")));
        List<String> codes = new ArrayList<>(List.of("stt", "unit", "unit_name", "period"));
        for (Indicator i : s.indicators()) {
            String name = i.label() + (i.unitOfMeasure() == null || i.unitOfMeasure().isBlank() ? "" : " (" + i.unitOfMeasure() + ")");
            names.add(i.required() ? name + " *" : name);
            codes.add(i.code());
        }
        sb.append("<row r=\"").append(NAMES_ROW).append("\" ht=\"48\" customHeight=\"1\">");
        for (int c = 0; c < names.size(); c++) {
            boolean required = c >= FIXED && s.indicators().get(c - FIXED).required();
            text(sb, c, NAMES_ROW, names.get(c), required ? HEADER_REQUIRED : HEADER);
        }
        sb.append("</row>");
        row(sb, CODES_ROW, codes, CODE, 0);
        // one row per reporting unit: its number, code, name and the period, locked; the figures open
        for (int k = 0; k < s.rows().size(); k++) {
            Unit u = s.rows().get(k);
            int r = FIRST_ROW + k;
            sb.append("<row r=\"").append(r).append("\">");
            sb.append("<c r=\"A").append(r).append("\" s=\"").append(FIXED_CELL).append("\"><v>").append(k + 1).append("</v></c>");
            text(sb, 1, r, u.code(), FIXED_CELL);
            text(sb, 2, r, u.name() == null ? "" : u.name(), FIXED_CELL);
            text(sb, 3, r, period.text(), FIXED_CELL);
            for (int c = FIXED; c < n; c++) {
                Indicator ind = s.indicators().get(c - FIXED);
                sb.append("<c r=\"").append(col(c)).append(r).append("\" s=\"").append(ind.type() == IndicatorType.INTEGER || ind.type() == IndicatorType.BOOLEAN
                        ? INPUT : INPUT_DECIMAL).append("\"/>");
            }
            sb.append("</row>");
            if (sb.length() > 1 << 14) {
                w.write(sb.toString());
                sb.setLength(0);
            }
        }
        sb.append("</sheetData>");
        // protected: only the figures' cells (unlocked by their style) take input
        sb.append("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>");
        if (n > FIXED && !s.rows().isEmpty()) {
            sb.append("<dataValidations count=\"").append(n - FIXED).append("\">");
            for (int c = FIXED; c < n; c++) validation(sb, s.indicators().get(c - FIXED), col(c) + FIRST_ROW + ":" + col(c) + last);
            sb.append("</dataValidations>");
        }
        sb.append("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        sb.append("<pageSetup orientation=\"landscape\"/>");
        sb.append("</worksheet>");
        w.write(sb.toString());
    }

    /**
     * Excel's own check of a figure's cell from the catalog: the type (whole numbers for an integer or a
     * yes/no, decimals otherwise) and the bounds (the indicator's min and max, 0 to 100 for a
     * percentage, 0 and 1 for yes/no); a message in the run's language says what is expected.
     */
    static void validation(StringBuilder sb, Indicator ind, String range) {
        BigDecimal min = ind.min(), max = ind.max();
        switch (ind.type()) {
            case PERCENT -> {
                min = min == null ? BigDecimal.ZERO : min.max(BigDecimal.ZERO);
                max = max == null ? BigDecimal.valueOf(100) : max.min(BigDecimal.valueOf(100));
            }
            case BOOLEAN -> {
                min = BigDecimal.ZERO;
                max = BigDecimal.ONE;
            }
            default -> { }
        }
        boolean whole = ind.type() == IndicatorType.INTEGER || ind.type() == IndicatorType.BOOLEAN;
        String operator;
        String f1, f2 = null;
        if (min != null && max != null) {
            operator = "between";
            f1 = min.toPlainString();
            f2 = max.toPlainString();
        } else if (min != null) {
            operator = "greaterThanOrEqual";
            f1 = min.toPlainString();
        } else if (max != null) {
            operator = "lessThanOrEqual";
            f1 = max.toPlainString();
        } else {
            // any number of the type: Excel checks a range, so the widest it keeps exactly
            operator = "between";
            f1 = "-999999999999999";
            f2 = "999999999999999";
        }
        String expected = t(whole ? "template.expect.whole" : "template.expect.decimal")
                + (min != null && max != null ? t("template.expect.between", f1, f2) : min != null ? t("template.expect.atLeast", f1)
                : max != null ? t("template.expect.atMost", f1) : "");
        sb.append("<dataValidation type=\"").append(whole ? "whole" : "decimal").append("\" operator=\"").append(operator)
                .append("\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"")
                .append(Xlsx.escape(cut(ind.code(), 32))).append("\" error=\"").append(Xlsx.escape(cut(expected, 225)))
                .append("\" promptTitle=\"").append(Xlsx.escape(cut(ind.code(), 32))).append("\" prompt=\"").append(Xlsx.escape(cut(expected, 255)))
                .append("\" sqref=\"").append(range).append("\"><formula1>").append(f1).append("</formula1>");
        if (f2 != null) sb.append("<formula2>").append(f2).append("</formula2>");
        sb.append("</dataValidation>");
    }

    private static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }

    private static void row(StringBuilder sb, int r, List<String> texts, int style, int first) {
        sb.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < texts.size(); c++) text(sb, first + c, r, texts.get(c), style);
        sb.append("</row>");
    }

    private static void text(StringBuilder sb, int c, int r, String s, int style) {
        sb.append("<c r=\"").append(col(c)).append(r).append("\" t=\"inlineStr\"");
        if (style != 0) sb.append(" s=\"").append(style).append('"');
        sb.append("><is><t xml:space=\"preserve\">").append(Xlsx.escape(s)).append("</t></is></c>");
    }

    /** The column's letters: 0 is A. */
    static String col(int c) {
        StringBuilder sb = new StringBuilder();
        for (int x = c + 1; x > 0; x = (x - 1) / 26) sb.insert(0, (char) ('A' + (x - 1) % 26));
        return sb.toString();
    }

    private static void entry(ZipOutputStream zip, Writer w, String name, String xml) throws IOException {
        w.flush();
        zip.putNextEntry(new ZipEntry(name));
        w.write(xml);
        w.flush();
        zip.closeEntry();
    }

    private static String contentTypes(int sheets) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 0; i < sheets; i++) {
            sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return sb.append("</Types>").toString();
    }

    /**
     * Styles: 0 default (locked), 1 title, 2 note, 3 header, 4 header of a required indicator, 5 the
     * codes row (small, grey), 6 a filled-in cell (bordered, locked), 7 a whole-number input cell and 8
     * a decimal one (bordered, unlocked).
     */
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0\"/></numFmts>"
            + "<fonts count=\"5\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"13\"/><name val=\"Calibri\"/></font>"
            + "<font><i/><sz val=\"10\"/><color rgb=\"FF595959\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><sz val=\"8\"/><color rgb=\"FF808080\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"5\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFEB9C\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border/><border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
            + "<cellXfs count=\"9\"><xf fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf fontId=\"3\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
            + "<xf fontId=\"3\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
            + "<xf fontId=\"4\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>"
            + "<xf fontId=\"0\" fillId=\"4\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyProtection=\"1\">"
            + "<protection locked=\"0\"/></xf>"
            + "<xf fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";
}
