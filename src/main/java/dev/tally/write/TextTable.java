package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aligned columns by display width, numbers right-aligned. When the table is wider than the
 * terminal, the widest text columns are cut (with …) until it fits; numbers are never cut.
 */
final class TextTable extends Buffered {
    private final int width;
    /** Partial markers ([r/e], "partial") in yellow, for a terminal. */
    private final boolean colour;
    /** The widest a text column gets (the last one, unpadded, may run longer), in display columns. */
    static final int MAX_CELL = 80, LAST_CELL = 160;
    /** The narrowest a key column (a unit's code, a name) is cut to so that numbers fit beside the keys. */
    static final int KEY_FLOOR = 6;

    TextTable(OutputStream out, int width, NumberStyle style, boolean colour) {
        super(out, style);
        this.colour = colour;
        this.width = width;
    }

    @Override
    public void finish() throws IOException {
        if (caption != null) w.write(Cells.hanging(caption, width) + "\n\n");
        if (width > 0 && rows.isEmpty()) {
            // on a terminal a header over nothing says less than this, and may not fit (psql does the same)
            w.write(dev.tally.model.Text.t("table.noRows") + "\n");
            w.flush();
            return;
        }
        int n = columns.size();
        int[] wid = natural(headerCells());
        boolean whole = columns.stream().anyMatch(Column::whole);
        if (whole && width > 0) {
            w.write(new WrappedTable(columns, headerCells(), rows, width).render());
            w.flush();
            return;
        }
        if (width > 0 && total(wid) > width && fitsInBlocks()) {
            blocks();
            return;
        }
        // one huge cell must not pad every row to its width: long text is cut, numbers never are, nor
        // a list a person acts on
        for (int i = 0; i < n; i++) {
            if (!columns.get(i).numeric() && !columns.get(i).whole()) wid[i] = Math.min(wid[i], i == n - 1 ? LAST_CELL : MAX_CELL);
        }
        if (width > 0) fit(wid);
        StringBuilder sb = new StringBuilder();
        render(sb, headerCells(), wid, inRow());
        w.write(sb.toString());
        w.flush();
    }

    /**
     * A closing text column (a finding's message) on a terminal: never cut, since it says what to
     * fix, and never left for the terminal to wrap mid-word back at its left edge. It wraps at spaces
     * within its own column ({@code closing} columns wide) when at least {@link #MIN_ROOM} are left
     * for it; on a narrower terminal it goes under its row, indented ({@code under}).
     */
    private int closing;
    private boolean under;
    static final int MIN_ROOM = 24, WANT_ROOM = 40, UNDER_INDENT = Cells.HANG;

    private void fit(int[] wid) {
        int n = wid.length, last = n - 1;
        if (columns.get(last).numeric()) {
            shrink(wid, n, 0, 16);
            return;
        }
        int[] inPlace = wid.clone();
        shrink(inPlace, last, Math.min(wid[last], WANT_ROOM), 16);
        int room = width - start(inPlace, last);
        if (room >= Math.min(wid[last], MIN_ROOM)) {
            System.arraycopy(inPlace, 0, wid, 0, last);
            closing = Math.min(wid[last], room);
            return;
        }
        // the other columns must then fit the terminal's whole width, cut further if need be; a
        // location (file, line) goes with the message, whole, as a compiler writes it
        under = true;
        location = location();
        if (location >= 0) wid[location] = wid[location + 1] = 0;
        shrink(wid, last, 0, 16);
        shrink(wid, last, 0, 8);
    }

    /**
     * The column of a finding's file when the line's column follows it ({@link FindingReport#COLUMNS}),
     * else -1. Under-mode writes them as {@code file:line:} before the message, whole, instead of
     * cutting a path to a few letters: a terminal can open it, and the row keeps room for the code.
     */
    private int location() {
        for (int i = 0; i + 1 < columns.size() - 1; i++) {
            if (columns.get(i).name().equals(FindingReport.FILE) && !columns.get(i).numeric()
                    && columns.get(i + 1).name().equals(FindingReport.LINE)) return i;
        }
        return -1;
    }

    /** In under-mode, the column of the file that goes with the message (and the line's after it), or -1. */
    private int location = -1;

    private boolean moved(int i) { return location >= 0 && (i == location || i == location + 1); }

    /** Where column {@code last} starts: the columns before it that are in the row, and their gaps. */
    private int start(int[] wid, int last) {
        int t = 0;
        for (int i = 0; i < last; i++) if (!moved(i)) t += wid[i] + 2;
        return t;
    }

    private int[] natural(List<String> header) {
        int n = columns.size();
        int[] wid = new int[n];
        for (int i = 0; i < n; i++) wid[i] = Cells.displayWidth(header.get(i));
        for (List<String> r : rows) for (int i = 0; i < n; i++) wid[i] = Math.max(wid[i], Cells.displayWidth(r.get(i)));
        return wid;
    }

    private static int total(int[] wid) {
        int t = 2 * (wid.length - 1);
        for (int x : wid) t += x;
        return t;
    }

    /** The columns a row shows: all but a location that goes with the message. */
    private int[] inRow() {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) if (!moved(i)) in.add(i);
        return in.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Leading text columns (the unit, its name…) are the keys every block repeats; the rest must hold numbers. */
    private int keys() {
        int k = 0;
        while (k < columns.size() && !columns.get(k).numeric()) k++;
        return k;
    }

    private boolean fitsInBlocks() {
        int k = keys();
        if (k == 0 || k == columns.size()) return false;
        for (int i = k; i < columns.size(); i++) if (!columns.get(i).numeric()) return false;
        return true;
    }

    /** What a key column becomes in blocks: repeated in every block, said once above, shown once after the keys, or in a legend below. */
    private enum KeyRole { REPEATED, SAID, ONCE, LEGEND }

    /**
     * A table too wide for the terminal, as people expect of a good command line: the columns are
     * headed by their short keys (an indicator's code) with a legend of the full names below, and
     * when that is still too wide they are split into blocks that each fit, each repeating the key
     * columns. A number is never cut; a row is never wrapped.
     *
     * <p>Keys with one value in every row (one form, one period) are said once above the table. When
     * the keys would take more than two thirds of the width, a name that goes with a code among them
     * (unit_name with unit) is not repeated in every block, cut to a few letters ('Thành …' was any
     * of three cities): the code beside the numbers tells the rows apart, and the name is shown
     * whole, once, after the keys in the first block, or, where it repeats down the rows (a form's
     * name, a unit's over many periods), in a legend below, each code with its name.
     */
    private void blocks() throws IOException {
        int n = columns.size(), k = keys();
        List<String> header = new ArrayList<>();
        boolean legend = false;
        for (Column c : columns) {
            // a rank's key (CODE_rank) too: a block may part it from its indicator's column
            header.add(c.measure() || !c.key().equals(c.name()) ? c.key() : c.heading());
            legend |= c.measure() && !c.key().equals(c.name());
        }
        int[] wid = natural(header);
        KeyRole[] role = new KeyRole[k];
        java.util.Arrays.fill(role, KeyRole.REPEATED);
        markSaid(role);
        int[] full = wid.clone();
        boolean[] prose = new boolean[k];
        for (int i = 0; i < k; i++) for (List<String> r : rows) prose[i] |= r.get(i).indexOf(' ') >= 0;
        // the key columns may give up some width (a long name) so that numbers fit beside them
        int keysWidth = 0;
        for (int i = 0; i < k; i++) {
            if (role[i] != KeyRole.REPEATED) continue;
            if (prose[i]) wid[i] = Math.min(wid[i], Math.max(16, Math.min(40, width / 3)));
            keysWidth += wid[i] + 2;
        }
        int[] codeOf = new int[k];
        java.util.Arrays.fill(codeOf, -1);
        if (keysWidth > width * 2 / 3) {
            for (int i = 0; i < k; i++) {
                int code = codeNamed(i, role);
                if (code < 0) continue;
                codeOf[i] = code;
                role[i] = repeatsDown(code, i) ? KeyRole.LEGEND : KeyRole.ONCE;
                keysWidth -= wid[i] + 2;
                wid[i] = full[i];
            }
        }
        // and more, the widest first, down to KEY_FLOOR: names (text with spaces) while the keys take
        // more than two thirds of the width, codes only when no number would fit beside them, since a
        // cut code can look like another ('petitions_…'). status's form, its name, period, level, unit
        // and its name took 82 columns before any count: ten blocks of one column at 80.
        int number = 1;
        for (int i = k; i < n; i++) for (List<String> r : rows) number = Math.max(number, Cells.displayWidth(r.get(i)));
        for (boolean codesToo : new boolean[] {false, true}) {
            while (codesToo ? keysWidth + number > width : keysWidth > width * 2 / 3) {
                int widest = -1;
                for (int i = 0; i < k; i++) {
                    if (role[i] != KeyRole.REPEATED) continue;
                    if ((codesToo || prose[i]) && wid[i] > Math.max(KEY_FLOOR, whole(i)) && (widest < 0 || wid[i] > wid[widest])) widest = i;
                }
                if (widest < 0) break;
                wid[widest]--;
                keysWidth--;
            }
        }
        List<Integer> keys = new ArrayList<>(), flowing = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (role[i] == KeyRole.REPEATED) keys.add(i);
            else if (role[i] == KeyRole.ONCE) flowing.add(i);
        }
        for (int i = k; i < n; i++) flowing.add(i);
        // a column too wide to stand beside the keys even alone loses the end of its header, never of
        // a number; a name shown once, its end
        for (int i : flowing) {
            if (keysWidth + wid[i] <= width) continue;
            int data = 1;
            if (i >= k) for (List<String> r : rows) data = Math.max(data, Cells.displayWidth(r.get(i)));
            wid[i] = Math.max(data, width - keysWidth);
        }
        // each block takes the names still to show that fit, then the next numbers, in order, that fit
        List<int[]> blocks = new ArrayList<>();
        java.util.ArrayDeque<Integer> names = new java.util.ArrayDeque<>(), numbers = new java.util.ArrayDeque<>();
        for (int i : flowing) (i < k ? names : numbers).add(i);
        while (!names.isEmpty() || !numbers.isEmpty()) {
            List<Integer> current = new ArrayList<>();
            int used = keysWidth;
            for (java.util.Iterator<Integer> it = names.iterator(); it.hasNext(); ) {
                int i = it.next();
                if (current.isEmpty() || used + wid[i] <= width) {
                    current.add(i);
                    used += wid[i] + 2;
                    it.remove();
                }
            }
            while (!numbers.isEmpty() && (current.isEmpty() || used + wid[numbers.peek()] <= width)) {
                current.add(numbers.peek());
                used += wid[numbers.poll()] + 2;
            }
            blocks.add(block(keys, current));
        }
        StringBuilder sb = new StringBuilder();
        said(sb, header, role);
        for (int b = 0; b < blocks.size(); b++) {
            if (b > 0) sb.append('\n');
            render(sb, header, wid, blocks.get(b));
        }
        for (int i = 0; i < k; i++) {
            if (role[i] != KeyRole.LEGEND) continue;
            int code = codeOf[i];
            Map<String, String> nameOf = new java.util.LinkedHashMap<>();
            for (List<String> r : rows) nameOf.putIfAbsent(r.get(code), r.get(i));
            int codeWidth = Cells.displayWidth(header.get(code));
            for (String c : nameOf.keySet()) codeWidth = Math.max(codeWidth, Cells.displayWidth(c));
            sb.append('\n');
            legendLine(sb, header.get(code), codeWidth, header.get(i));
            for (var e : nameOf.entrySet()) legendLine(sb, e.getKey(), codeWidth, e.getValue());
        }
        if (legend) {
            sb.append('\n');
            int codeWidth = 0;
            for (Column c : columns) if (c.measure()) codeWidth = Math.max(codeWidth, Cells.displayWidth(c.key()));
            for (Column c : columns) {
                if (c.measure() && !c.key().equals(c.name())) legendLine(sb, c.key(), codeWidth, c.name());
            }
        }
        w.write(sb.toString());
        w.flush();
    }

    /** {@code code}, padded to {@code codeWidth}, then {@code text}, wrapped at spaces under itself so that it fits the terminal. */
    private void legendLine(StringBuilder sb, String code, int codeWidth, String text) {
        // a code too long for half the terminal (a hostile one) is cut there, so the text keeps room
        codeWidth = Math.min(codeWidth, Math.max(KEY_FLOOR, width / 2));
        code = Cells.truncate(code, codeWidth);
        sb.append(code).append(" ".repeat(codeWidth - Cells.displayWidth(code) + 2));
        List<String> parts = Cells.wrap(text, Math.max(1, width - codeWidth - 2));
        for (int part = 0; part < parts.size(); part++) {
            if (part > 0) sb.append(" ".repeat(codeWidth + 2));
            sb.append(parts.get(part)).append('\n');
        }
    }

    /**
     * Marks {@link KeyRole#SAID} the key columns that hold one value in every row, of two rows or
     * more, as long as another key still tells the rows apart (a single row is its own heading).
     */
    private void markSaid(KeyRole[] role) {
        if (rows.size() < 2) return;
        List<Integer> same = new ArrayList<>();
        for (int i = 0; i < role.length; i++) {
            String first = rows.get(0).get(i);
            boolean all = true;
            for (List<String> r : rows) {
                if (!r.get(i).equals(first)) {
                    all = false;
                    break;
                }
            }
            if (all) same.add(i);
        }
        if (same.size() < role.length) for (int i : same) role[i] = KeyRole.SAID;
    }

    /** The key whose name key {@code i} is ({@code X} for {@code X_name}), still repeated in the rows; -1 when none is. */
    private int codeNamed(int i, KeyRole[] role) {
        String name = columns.get(i).name();
        if (role[i] != KeyRole.REPEATED || !name.endsWith("_name")) return -1;
        String code = name.substring(0, name.length() - "_name".length());
        for (int j = 0; j < role.length; j++) if (j != i && role[j] == KeyRole.REPEATED && columns.get(j).name().equals(code)) return j;
        return -1;
    }

    /**
     * Names in column {@code name} repeat down the rows, each code having one name, so that a legend
     * says them in fewer lines than the rows: a code that appears at least twice on average. A row
     * with a name but no code (a total) keeps its name in the rows.
     */
    private boolean repeatsDown(int code, int name) {
        Map<String, String> names = new java.util.HashMap<>();
        for (List<String> r : rows) {
            String c = r.get(code), was = names.putIfAbsent(c, r.get(name));
            if (c.isEmpty() && !r.get(name).isEmpty()) return false;
            if (was != null && !was.equals(r.get(name))) return false;
        }
        return names.size() * 2 <= rows.size();
    }

    /** The keys with one value in every row, each on a line of its own before the table, and a blank line. */
    private void said(StringBuilder sb, List<String> header, KeyRole[] role) {
        int headWidth = -1;
        for (int i = 0; i < role.length; i++) if (role[i] == KeyRole.SAID) headWidth = Math.max(headWidth, Cells.displayWidth(header.get(i)));
        if (headWidth < 0) return;
        for (int i = 0; i < role.length; i++) if (role[i] == KeyRole.SAID) legendLine(sb, header.get(i), headWidth, rows.get(0).get(i));
        sb.append('\n');
    }

    private static int[] block(List<Integer> keys, List<Integer> cols) {
        int[] out = new int[keys.size() + cols.size()];
        for (int i = 0; i < keys.size(); i++) out[i] = keys.get(i);
        for (int j = 0; j < cols.size(); j++) out[keys.size() + j] = cols.get(j);
        return out;
    }

    /** The header, its rule and the rows, of the columns {@code which}. */
    private void render(StringBuilder sb, List<String> header, int[] wid, int[] which) {
        line(sb, header, wid, which, true);
        int last = columns.size() - 1;
        for (int j = 0; j < which.length; j++) {
            int i = which[j];
            boolean closingText = i == last && !columns.get(i).numeric();
            if (closingText && under) continue;
            if (j > 0) sb.append("  ");
            sb.append("-".repeat(closingText && closing > 0 ? Math.min(wid[i], closing) : wid[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) line(sb, r, wid, which, false);
    }

    /** The widest a code may be and still be kept whole in a narrow table; a longer one (a hostile one) may be cut. */
    static final int CODE_MAX = 24;

    /**
     * The width text column {@code i} is never cut below: its widest value when it holds codes (no
     * value with a space, none wider than {@link #CODE_MAX}: periods, unit codes, values), 0 otherwise.
     * A cut code stands for several ('2018-…' for any half, quarter or month of 2018, 'BG-LN-D…' for
     * two communes), so on a terminal too narrow for the keys (COLUMNS=1) the rows run past its edge
     * rather than become ambiguous; names and paths may still be cut.
     */
    private int whole(int i) {
        int widest = 0;
        for (List<String> r : rows) {
            String v = r.get(i);
            if (v.indexOf(' ') >= 0) return 0;
            widest = Math.max(widest, Cells.displayWidth(v));
            if (widest > CODE_MAX) return 0;
        }
        return widest;
    }

    /** A column of file paths, cut by its start when it must be: the file's name is at the end. */
    private boolean path(int i) {
        String name = columns.get(i).name();
        return name.equals(FindingReport.FILE);
    }

    private List<String> headerCells() {
        List<String> h = new ArrayList<>();
        for (Column c : columns) h.add(c.heading());
        return h;
    }

    /**
     * Narrows columns {@code [0, upTo)} until they fit with {@code reserve} columns left after them
     * (0: nothing follows): text columns down to {@code textFloor}, numeric columns down to their
     * widest value (only their header is cut, never a number), the widest candidate first.
     */
    private void shrink(int[] wid, int upTo, int reserve, int textFloor) {
        int[] floor = new int[upTo];
        for (int i = 0; i < upTo; i++) {
            if (!columns.get(i).numeric()) {
                // a finding's code is what a person looks up: never cut (the longest is 17 columns)
                floor[i] = columns.get(i).name().equals(FindingReport.CODE) ? wid[i] : Math.max(Math.min(wid[i], textFloor), whole(i));
            } else {
                int data = 1;
                for (List<String> r : rows) data = Math.max(data, Cells.displayWidth(r.get(i)));
                floor[i] = Math.max(data, Math.min(wid[i], 6));
            }
        }
        int total = start(wid, upTo) - 2 + (reserve > 0 ? 2 + reserve : 0);
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < upTo; i++) {
                if (wid[i] > floor[i] && (widest < 0 || wid[i] > wid[widest])) widest = i;
            }
            if (widest < 0) break;
            wid[widest]--;
            total--;
        }
    }

    /**
     * "file:line: " of a row whose location goes with its message; "" without one. The line as
     * digits alone, as editors and terminals read a location, not as the run's locale groups a
     * number in its column (1.402 in Vietnamese).
     */
    private String located(List<String> cells) {
        if (location < 0 || cells.get(location).isEmpty()) return "";
        String line = cells.get(location + 1).replaceAll("[^0-9]", "");
        return cells.get(location) + (line.isEmpty() ? "" : ":" + line) + ": ";
    }

    /** A measure's coverage marker in yellow, after the padding is measured: escape codes take no columns. */
    private static String marked(String cell) {
        int k = -1;
        for (String mark : new String[] {" " + Cells.ESTIMATED, " [", " ("}) {
            int at = cell.indexOf(mark);
            if (at >= 0 && (k < 0 || at < k)) k = at;
        }
        return k < 0 ? cell : cell.substring(0, k) + "\u001b[33m" + cell.substring(k) + "\u001b[0m";
    }

    /** A finding's severity cell in its colour ({@link FindingReport#painted}), after the padding is measured; any other cell as it is. */
    private String severity(int i, String cell) {
        if (!columns.get(i).name().equals(FindingReport.SEVERITY)) return cell;
        for (dev.tally.model.Severity s : dev.tally.model.Severity.values()) if (s.key().equals(cell)) return FindingReport.painted(s, cell);
        return cell;
    }

    private void line(StringBuilder sb, List<String> cells, int[] wid, int[] which, boolean header) {
        StringBuilder l = new StringBuilder();
        int last = columns.size() - 1;
        List<String> more = List.of();
        for (int j = 0; j < which.length; j++) {
            int i = which[j];
            // a closing text column (a message) is never cut or padded: nothing follows it
            boolean whole = i == last && !columns.get(i).numeric();
            if (whole && under) {
                if (!header) more = Cells.wrap(located(cells) + cells.get(i), width - UNDER_INDENT);
                continue;
            }
            // a number is never cut; a header may be
            String c = whole || (columns.get(i).numeric() && !header) ? cells.get(i)
                    : !header && path(i) ? Cells.truncateStart(cells.get(i), wid[i]) : Cells.truncate(cells.get(i), wid[i]);
            if (whole && closing > 0) {
                List<String> parts = Cells.wrap(c, closing);
                c = parts.get(0);
                more = parts.subList(1, parts.size());
            }
            int pad = Math.max(0, wid[i] - Cells.displayWidth(c));
            if (j > 0) l.append("  ");
            if (colour && !header && columns.get(i).measure()) c = marked(c);
            else if (colour && !header) c = severity(i, c);
            if (columns.get(i).numeric()) l.append(" ".repeat(pad)).append(c);
            else l.append(c).append(" ".repeat(pad));
        }
        int end = l.length();
        while (end > 0 && l.charAt(end - 1) == ' ') end--;
        sb.append(l, 0, end).append('\n');
        String indent = " ".repeat(under ? UNDER_INDENT : start(wid, last));
        for (String part : more) sb.append(indent).append(part).append('\n');
    }
}
