package dev.tally.read;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Period;
import dev.tally.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * A sheet's table, from typed cells to the {@link ValueSink}: the layout of a report made for people,
 * read as it is, with no rule of the data's (codes, names, numbers and periods are the sink's).
 *
 * <ol>
 *   <li>The header is the first row {@link HeaderRule} takes for one, within its first rows; the rows
 *       above it are the title block, whose text goes to the sink ({@link ValueSink#table}: it may name
 *       the unit that sent the table) and may name the period when the table has no period column
 *       ({@link Period#named}: "6 THÁNG ĐẦU NĂM 2024"). A template in tally.yaml may fix the rows.
 *   <li>The rows under it that hold only text and no unit are the header's too (up to five): each
 *       column's texts top to bottom, merged cells filled in, are one column name, so "Mô hình Dân vận
 *       khéo" over "Số mô hình" is read as both. A row of column numbers under the header ((1) (2) (3))
 *       is skipped.
 *   <li>Long shape with indicator and value columns, as in CSV; otherwise wide: every column that is
 *       not the unit, its name, the period or a descriptive one (STT, Ghi chú) names an indicator,
 *       resolved by the sink ({@link ValueSink#indicators}).
 *   <li>A row with a unit (its code, else its name) and at least one filled value column is a record
 *       (an empty cell in it is a missing value); a row of a template left empty is no record. In the long
 *       shape a row that names its indicator is a record even when its value is empty (a missing
 *       value, as a CSV row's). A total
 *       row ("Tổng cộng") is the table's reported total ({@link ValueSink#beginTotal}). A row with
 *       figures but no unit is reported with its values; a row of text only (a section title, the
 *       signatures under the table) is not data.
 *   <li>Hidden rows and columns are read; the values found in them are counted and named in a warning.
 * </ol>
 */
final class SheetTable {
    private SheetTable() {}

    /** The most rows a header may take. */
    static final int MAX_HEADER_ROWS = 5;

    /**
     * Reads one sheet. False, having reported nothing, when it holds no header (a sheet of notes): the
     * caller says so when no sheet of the workbook has one.
     */
    static boolean read(String file, String label, Sheets.Rows rows, SheetTemplate tpl, ValueSink sink) throws IOException {
        // ---------------------------------------------------------------- the title block and the header
        StringBuilder title = new StringBuilder();
        List<Sheets.Row> header = new ArrayList<>();
        Period titlePeriod = tpl != null && tpl.period() != null ? Period.parse(tpl.period()).orElse(null) : null;
        boolean periodFixed = titlePeriod != null;
        Sheets.Row r;
        Sheets.Row pending = null;
        if (tpl != null && tpl.headerFrom() > 0) {
            while ((r = rows.next()) != null) {
                if (r.number < tpl.headerFrom()) {
                    appendTitle(title, r);
                } else if (r.number <= tpl.headerTo()) {
                    header.add(copy(r));
                } else {
                    pending = copy(r);
                    break;
                }
            }
            if (header.isEmpty()) {
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(label, tpl.headerFrom()), null, null, null, null,
                        t("sheet.templateNoHeader", tpl.headerFrom(), tpl.headerTo(), tpl.match())), 0, 0);
                return true;
            }
        } else {
            CsvLine csvLine = null; // a row that is a CSV header line in one cell: the file was split on the wrong delimiter
            while ((r = rows.next()) != null) {
                if (r.number > HeaderRule.TITLE_LINES + 1) break;
                List<String> texts = texts(r);
                if (csvLine == null) csvLine = csvInOneCell(r, texts);
                // a header with a unit column but no period column needs the period above it: only then is the title read for one
                if (HeaderRule.isHeader(texts, periodFixed, true)
                        || HeaderRule.isHeader(texts, true, true) && (titlePeriod = Period.named(title.toString()).orElse(null)) != null) {
                    header.add(copy(r));
                    break;
                }
                appendTitle(title, r);
            }
            if (header.isEmpty()) {
                if (csvLine == null) return false;
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(label, csvLine.row()), null, null, null, null, csvLine.message()), 0, 0);
                return true;
            }
            // the period the title names stands for an empty period cell too (once a sheet: the title is read once)
            if (titlePeriod == null && title.length() > 0) titlePeriod = Period.named(title.toString()).orElse(null);
            // the rows under the header that only continue it
            HeaderRule.Role[] first = roles(columns(header, List.of()));
            while ((r = rows.next()) != null) {
                Sheets.Row last = header.get(header.size() - 1);
                if (header.size() < MAX_HEADER_ROWS && r.number == last.number + 1 && continuesHeader(r, first)) {
                    header.add(copy(r));
                    continue;
                }
                pending = copy(r);
                break;
            }
        }
        int headerLine = header.get(0).number, lastHeader = header.get(header.size() - 1).number;

        // ---------------------------------------------------------------- the columns
        // merged cells only matter where a header row has a gap (an xlsx lists them after its rows: a second read)
        List<int[]> merges = header.size() > 1 && gaps(header) ? rows.merges(headerLine, lastHeader) : List.of();
        HeaderColumns cols = columns(header, merges);
        HeaderRule.Role[] roles = roles(cols, sink.targets());
        int unitCol = -1, nameCol = -1, periodCol = -1, indicatorCol = -1, valueCol = -1;
        if (tpl != null && tpl.unitColumn() != null) unitCol = templateColumn(tpl.unitColumn(), cols);
        for (int c = 0; c < roles.length; c++) {
            switch (roles[c]) {
                case UNIT -> { if (unitCol < 0) unitCol = c; }
                case UNIT_NAME -> { if (nameCol < 0) nameCol = c; }
                case PERIOD -> { if (periodCol < 0) periodCol = c; }
                case INDICATOR -> { if (indicatorCol < 0) indicatorCol = c; }
                case VALUE -> { if (valueCol < 0) valueCol = c; }
                default -> { }
            }
        }
        if (unitCol < 0 && nameCol < 0) {
            sink.problem(Finding.of(FindingCode.MALFORMED, new Source(label, headerLine), null, null, null, null,
                    t("sheet.noUnitColumn", headerLine, tpl == null ? "" : tpl.unitColumn())), 0, 0);
            return true;
        }
        boolean isLong = indicatorCol >= 0 && valueCol >= 0;
        List<Integer> valueCols = new ArrayList<>();
        List<ValueSink.Column> named = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();
        if (!isLong) {
            for (int c = 0; c < roles.length; c++) {
                if (c == unitCol || c == nameCol || c == periodCol) continue;
                if (roles[c] == HeaderRule.Role.OTHER) {
                    valueCols.add(c);
                    named.add(new ValueSink.Column(Sheets.letters(c), cols.texts(c)));
                } else if (roles[c] == HeaderRule.Role.NONE) {
                    unnamed.add(c);
                }
            }
        }
        sink.table(label, title.length() == 0 ? null : title.toString());
        String[] codes = isLong ? new String[0] : sink.indicators(named, headerLine);
        Field[] codeFields = new Field[codes.length];
        boolean[] unknown = new boolean[codes.length];
        for (int k = 0; k < codes.length; k++) {
            unknown[k] = codes[k] == null;
            codeFields[k] = Field.of(codes[k] != null ? codes[k] : String.join(" / ", named.get(k).texts()));
        }
        int[] vc = valueCols.stream().mapToInt(Integer::intValue).toArray();
        int firstValueCol = isLong ? valueCol : vc.length == 0 ? Integer.MAX_VALUE : vc[0];

        // ---------------------------------------------------------------- the rows
        Field unit = new Field(), period = new Field(), value = new Field(), indicator = new Field();
        Field titlePeriodField = titlePeriod == null ? null : Field.of(titlePeriod.text());
        BitSet hiddenCols = rows.hiddenColumns();
        TreeSet<Integer> hiddenRows = new TreeSet<>(), hiddenColsUsed = new TreeSet<>();
        long hiddenValues = 0, records = 0;
        long[] unnamedValues = new long[unnamed.size()];
        boolean afterHeader = true;
        for (Sheets.Row row = pending; row != null; row = rows.next()) {
            boolean first = afterHeader;
            afterHeader = false;
            if (first && isNumbering(row, unitCol, nameCol)) continue;
            int line = row.number;
            // values in the value columns, and whether any of them is a figure
            int filled = 0;
            boolean figure = false;
            if (isLong) {
                int i = row.find(valueCol);
                if (i >= 0 && !row.blank(i)) {
                    filled = 1;
                    figure = isFigure(row, i);
                } else {
                    // the row names its indicator: an empty value is a missing one, as in a CSV row
                    int ii = row.find(indicatorCol);
                    if (ii >= 0 && !row.blank(ii)) filled = 1;
                }
            } else {
                for (int c : vc) {
                    int i = row.find(c);
                    if (i < 0 || row.blank(i)) continue;
                    filled++;
                    figure |= isFigure(row, i);
                }
            }
            for (int k = 0; k < unnamed.size(); k++) {
                int i = row.find(unnamed.get(k));
                if (i >= 0 && !row.blank(i) && isFigure(row, i)) unnamedValues[k]++;
            }
            int ui = unitCol < 0 ? -1 : row.find(unitCol);
            if (ui >= 0 && row.blank(ui)) ui = -1;
            int ni = nameCol < 0 ? -1 : row.find(nameCol);
            if (ni >= 0 && row.blank(ni)) ni = -1;
            boolean total = isTotal(row, firstValueCol);
            if (filled == 0) continue; // a template's empty row, a section title, the signatures
            if (!total && ui < 0 && ni < 0) {
                if (!figure) continue;
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(label, line), null, null, null, null,
                        t(filled == 1 ? "sheet.noUnit.one" : "sheet.noUnit.many", line, filled,
                                Sheets.letters(unitCol >= 0 ? unitCol : nameCol))), filled, 1);
                continue;
            }
            // the period: the period column's, else the one the title block or the template names
            int pi = periodCol < 0 ? -1 : row.find(periodCol);
            if (pi >= 0 && !row.blank(pi)) {
                if (row.kind[pi] == Sheets.DATE && row.dates[pi] != null) period.set(row.dates[pi]);
                else period.set(row.data, row.from[pi], row.to[pi]);
            } else if (titlePeriodField != null) {
                period.set(titlePeriodField.buf(), titlePeriodField.from(), titlePeriodField.to());
            } else {
                period.set(row.data, 0, 0);
            }
            boolean hiddenRow = row.hidden;
            if (total) {
                sink.beginTotal(period, line);
            } else {
                int at = ui >= 0 ? ui : ni;
                unit.set(row.data, row.from[at], row.to[at]);
                sink.begin(unit, period, line);
            }
            records++;
            if (isLong) {
                int ii = row.find(indicatorCol), i = row.find(valueCol);
                if (ii >= 0) indicator.set(row.data, row.from[ii], row.to[ii]);
                else indicator.set(row.data, 0, 0);
                sink.value(indicator, field(row, i, value), line, i >= 0 && number(row, i));
                if (i >= 0 && (hiddenRow || hiddenCols.get(valueCol))) {
                    hiddenValues++;
                    if (hiddenRow) hiddenRows.add(line);
                    else hiddenColsUsed.add(valueCol);
                }
            } else {
                for (int k = 0; k < vc.length; k++) {
                    int i = row.find(vc[k]);
                    if (unknown[k] && (i < 0 || row.blank(i))) continue; // an empty cell under a header that names nothing
                    sink.value(codeFields[k], field(row, i, value), line, i >= 0 && number(row, i));
                    if (i >= 0 && !row.blank(i) && (hiddenRow || hiddenCols.get(vc[k]))) {
                        hiddenValues++;
                        if (hiddenRow) hiddenRows.add(line);
                        if (hiddenCols.get(vc[k])) hiddenColsUsed.add(vc[k]);
                    }
                }
            }
            sink.end();
        }

        // ---------------------------------------------------------------- what the sheet's rows leave to say
        for (int k = 0; k < unnamed.size(); k++) {
            if (unnamedValues[k] == 0) continue;
            sink.problem(Finding.of(FindingCode.MALFORMED, new Source(label, headerLine), null, null, null, null,
                    t("sheet.unnamedColumn", Sheets.letters(unnamed.get(k)), unnamedValues[k], headerLine)), 0, 0);
        }
        if (hiddenValues > 0) {
            sink.hidden(hiddenValues);
            List<String> where = new ArrayList<>();
            if (!hiddenRows.isEmpty()) where.add(t(hiddenRows.size() == 1 ? "sheet.hiddenRows.one" : "sheet.hiddenRows.many", list(hiddenRows, false)));
            if (!hiddenColsUsed.isEmpty()) {
                where.add(t(hiddenColsUsed.size() == 1 ? "sheet.hiddenColumns.one" : "sheet.hiddenColumns.many", list(hiddenColsUsed, true)));
            }
            sink.problem(Finding.of(FindingCode.HIDDEN, new Source(label, hiddenRows.isEmpty() ? headerLine : hiddenRows.first()), null, null, null,
                    null, t("sheet.hidden", String.join(t("sheet.and"), where), hiddenValues)), 0, 0);
        }
        if (records == 0) {
            sink.problem(Finding.of(FindingCode.NO_DATA, new Source(label, headerLine), null, null, null, null, t("sheet.noRows", headerLine)), 0, 0);
        }
        return true;
    }

    /** Whether some header row lacks a cell in a column another header row has: where a merged cell may be. */
    private static boolean gaps(List<Sheets.Row> header) {
        java.util.BitSet all = new java.util.BitSet();
        for (Sheets.Row r : header) for (int i = 0; i < r.size; i++) if (!r.blank(i)) all.set(r.column[i]);
        for (Sheets.Row r : header) {
            int filled = 0;
            for (int i = 0; i < r.size; i++) if (!r.blank(i)) filled++;
            if (filled != all.cardinality()) return true;
        }
        return false;
    }

    private static String list(TreeSet<Integer> s, boolean letters) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int x : s) {
            if (n++ == 10) {
                sb.append(", …");
                break;
            }
            if (sb.length() > 0) sb.append(", ");
            sb.append(letters ? Sheets.letters(x) : String.valueOf(x));
        }
        return sb.toString();
    }

    private static Field field(Sheets.Row row, int i, Field f) {
        return i < 0 ? f.set(row.data, 0, 0) : f.set(row.data, row.from[i], row.to[i]);
    }

    /** Whether the cell holds a number as the spreadsheet typed it (a date's serial in a value column is one). */
    private static boolean number(Sheets.Row row, int i) { return row.kind[i] == Sheets.NUMBER || row.kind[i] == Sheets.DATE; }

    /** A number, or text that could be one: what makes a row without a unit worth reporting. */
    private static boolean isFigure(Sheets.Row row, int i) {
        byte k = row.kind[i];
        if (k == Sheets.NUMBER || k == Sheets.FORMULA || k == Sheets.ERROR) return true;
        if (k != Sheets.TEXT) return false;
        for (int b = row.from[i]; b < row.to[i]; b++) if (row.data[b] >= '0' && row.data[b] <= '9') return true;
        return false;
    }

    /** A total row: its first text cell before the value columns says so ("Tổng cộng", "Cộng"). */
    private static boolean isTotal(Sheets.Row row, int firstValueCol) {
        for (int i = 0; i < row.size && row.column[i] < firstValueCol; i++) {
            if (row.kind[i] != Sheets.TEXT || row.blank(i)) continue;
            // every total word starts with T, C or G (Tổng, Cộng, Toàn, total, grand): most cells are passed over unread
            int f = row.from[i];
            while (f < row.to[i] && row.data[f] == ' ') f++;
            byte first = f < row.to[i] ? row.data[f] : 0;
            if (first != 'T' && first != 't' && first != 'C' && first != 'c' && first != 'G' && first != 'g') continue;
            if (HeaderRule.isTotal(row.text(i))) return true;
        }
        return false;
    }

    /**
     * A row of column numbers right under the header: (1) (2) (3), or A B 1 2 3=1+2; no unit, and
     * nothing but such tokens, whose numbers count up from column to column and so do their letters. A
     * first row of short codes and figures (001 2024 5 3) is data: its numbers do not count up.
     */
    private static boolean isNumbering(Sheets.Row row, int unitCol, int nameCol) {
        int tokens = 0;
        long lastNumber = -1;
        int lastLetter = -1;
        for (int i = 0; i < row.size; i++) {
            if (row.blank(i)) continue;
            String s = row.text(i).strip();
            if (s.length() > 24 || !s.matches("[(\\[]?([0-9]{1,3}|[A-Za-z]{1,2})[)\\]]?|[0-9A-Za-z()\\[\\]=+\\-*/.x ]{3,24}")) return false;
            if (row.column[i] == unitCol || row.column[i] == nameCol) {
                if (!s.matches("[(\\[]?([0-9]{1,3}|[A-Za-z]{1,2})[)\\]]?")) return false;
            }
            String bare = s.replaceFirst("^[(\\[]", "");
            int digits = 0;
            while (digits < bare.length() && digits < 4 && Character.isDigit(bare.charAt(digits))) digits++;
            if (digits > 0) {
                long n = Long.parseLong(bare.substring(0, digits));
                if (n <= lastNumber) return false;
                lastNumber = n;
            } else if (bare.matches("[A-Za-z]{1,2}[)\\]]?")) {
                int letter = Character.toUpperCase(bare.charAt(0)) * 32 + (bare.length() > 1 && Character.isLetter(bare.charAt(1))
                        ? Character.toUpperCase(bare.charAt(1)) : 0);
                if (letter <= lastLetter) return false;
                lastLetter = letter;
            }
            tokens++;
        }
        return tokens >= 2;
    }

    /** Whether a row under the header continues it: text only, and no unit in the unit columns. */
    private static boolean continuesHeader(Sheets.Row r, HeaderRule.Role[] first) {
        boolean any = false;
        for (int i = 0; i < r.size; i++) {
            if (r.blank(i)) continue;
            if (r.kind[i] != Sheets.TEXT) return false;
            String s = r.text(i);
            if (HeaderRule.isTotal(s)) return false;
            int c = r.column[i];
            HeaderRule.Role above = c < first.length ? first[c] : HeaderRule.Role.NONE;
            if ((above == HeaderRule.Role.UNIT || above == HeaderRule.Role.UNIT_NAME) && HeaderRule.role(s) == HeaderRule.Role.OTHER) return false;
            any = true;
        }
        return any;
    }

    /**
     * The finding for a row whose one cell holds a CSV header line ("unit;unit_name;period;…"): a CSV
     * opened or converted with another delimiter than its own puts each line in column A, and the
     * generic "no table" would not say why. Null when the row is not one.
     */
    private static CsvLine csvInOneCell(Sheets.Row r, List<String> texts) {
        if (texts.size() != 1) return null;
        int cells = 0, at = -1;
        for (int i = 0; i < r.size; i++) {
            if (r.blank(i)) continue;
            cells++;
            at = i;
        }
        if (cells != 1) return null;
        String line = texts.get(0);
        for (char d : new char[] {';', '\t', ','}) {
            if (line.indexOf(d) < 0 || !HeaderRule.isHeader(List.of(line.split(d == '\t' ? "\t" : String.valueOf(d), -1)), false, true)) continue;
            String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
            return new CsvLine(r.number, t("sheet.csvInOneCell", r.number, Sheets.letters(r.column[at]), shown,
                    d == '\t' ? "tab" : String.valueOf(d), (int) d));
        }
        return null;
    }

    private record CsvLine(long row, String message) {}

    private static List<String> texts(Sheets.Row r) {
        List<String> out = new ArrayList<>(r.size);
        for (int i = 0; i < r.size; i++) if (r.kind[i] == Sheets.TEXT) out.add(r.text(i));
        return out;
    }

    private static void appendTitle(StringBuilder title, Sheets.Row r) {
        for (int i = 0; i < r.size && title.length() < 4096; i++) {
            if (r.blank(i)) continue;
            if (title.length() > 0) title.append(" | ");
            title.append(r.kind[i] == Sheets.DATE && r.dates[i] != null ? r.dates[i] : r.text(i).strip());
        }
    }

    private static Sheets.Row copy(Sheets.Row r) {
        Sheets.Row c = new Sheets.Row();
        c.clear(r.number, r.hidden);
        for (int i = 0; i < r.size; i++) {
            c.add(r.column[i], r.kind[i], r.data, r.from[i], r.to[i] - r.from[i]);
            c.dates[i] = r.dates[i];
        }
        return c;
    }

    /** Each column's header texts, top to bottom, merged cells filled in. */
    record HeaderColumns(java.util.Map<Integer, List<String>> byColumn) {
        List<String> texts(int c) { return byColumn.getOrDefault(c, List.of()); }
    }

    private static HeaderColumns columns(List<Sheets.Row> header, List<int[]> merges) {
        int first = header.get(0).number;
        int n = header.get(header.size() - 1).number - first + 1;
        java.util.Map<Integer, String[]> grid = new java.util.TreeMap<>();
        for (Sheets.Row r : header) {
            for (int i = 0; i < r.size; i++) {
                if (r.blank(i)) continue;
                grid.computeIfAbsent(r.column[i], k -> new String[n])[r.number - first] = Field.nfc(r.text(i).strip());
            }
        }
        // a merged cell's text is in its first cell: it names every column and row it spans (across,
        // only above the header's last row, whose merged cells would otherwise name two columns alike)
        long filled = 0;
        for (int[] m : merges) {
            if (m[0] < first || m[0] > first + n - 1) continue;
            String[] top = grid.get(m[1]);
            String text = top == null ? null : top[m[0] - first];
            if (text == null) continue;
            for (int row = m[0]; row <= Math.min(m[2], first + n - 1); row++) {
                for (int c = m[1]; c <= Math.min(m[3], 16_383); c++) {
                    if (row == m[0] && c == m[1]) continue;
                    if (c != m[1] && row == first + n - 1 && n > 1) continue;
                    if (++filled > 1_000_000) break;
                    String[] col = grid.computeIfAbsent(c, k -> new String[n]);
                    if (col[row - first] == null) col[row - first] = text;
                }
            }
        }
        java.util.Map<Integer, List<String>> out = new java.util.TreeMap<>();
        for (var e : grid.entrySet()) {
            List<String> texts = new ArrayList<>();
            for (String s : e.getValue()) if (s != null && (texts.isEmpty() || !texts.get(texts.size() - 1).equals(s))) texts.add(s);
            out.put(e.getKey(), texts);
        }
        return new HeaderColumns(out);
    }

    /** Each column's role: the lowest of its texts that names one, else an indicator (or nothing, with no text). */
    private static HeaderRule.Role[] roles(HeaderColumns cols) { return roles(cols, false); }

    /** {@code targets}: a plan's target column is the value column ({@link ValueSink#targets}). */
    private static HeaderRule.Role[] roles(HeaderColumns cols, boolean targets) {
        int width = 0;
        for (int c : cols.byColumn().keySet()) width = Math.max(width, c + 1);
        HeaderRule.Role[] roles = new HeaderRule.Role[width];
        java.util.Arrays.fill(roles, HeaderRule.Role.NONE);
        for (var e : cols.byColumn().entrySet()) {
            List<String> texts = e.getValue();
            HeaderRule.Role role = texts.isEmpty() ? HeaderRule.Role.NONE : HeaderRule.Role.OTHER;
            for (int k = texts.size() - 1; k >= 0; k--) {
                HeaderRule.Role r = HeaderRule.role(texts.get(k), targets);
                if (r != HeaderRule.Role.OTHER && r != HeaderRule.Role.NONE) {
                    role = r;
                    break;
                }
            }
            roles[e.getKey()] = role;
        }
        return roles;
    }

    /** A template's unit column: letters (B), or a header text. */
    private static int templateColumn(String spec, HeaderColumns cols) {
        String key = HeaderRule.key(spec);
        for (var e : cols.byColumn().entrySet()) {
            for (String s : e.getValue()) if (HeaderRule.key(s).equals(key)) return e.getKey();
        }
        return Sheets.column(spec);
    }
}
