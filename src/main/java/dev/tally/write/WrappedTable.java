package dev.tally.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The table format's layout on a terminal for a table with a column that is never cut
 * ({@link Column#keptWhole}: a list a person acts on, such as what each unit still owes). Every
 * character of every cell is shown: text columns with one value in every row are said once above;
 * then, when every column fits at the width of its heading and its longest word, a table whose text
 * wraps at spaces within its columns, else each row as a record of lines, its values wrapped beside
 * their headings. Lines never run past {@code width}.
 */
final class WrappedTable {
    private final List<Column> columns;
    private final List<String> header;
    private final List<List<String>> rows;
    private final int width;
    /** The narrowest a heading is cut to in a record, when the terminal is too narrow for it. */
    static final int HEAD_FLOOR = 6;

    WrappedTable(List<Column> columns, List<String> header, List<List<String>> rows, int width) {
        this.columns = columns;
        this.header = header;
        this.rows = rows;
        this.width = width;
    }

    /** The lines, each ending in a newline: a row taking several lines in the table is set off by a blank line. */
    String render() {
        int n = columns.size();
        boolean[] said = new boolean[n];
        int saidCount = 0;
        if (rows.size() > 1) {
            for (int i = 0; i < n; i++) {
                if (columns.get(i).numeric()) continue;
                String first = rows.get(0).get(i);
                boolean same = !first.isEmpty();
                for (List<String> r : rows) same &= r.get(i).equals(first);
                if (same) {
                    said[i] = true;
                    saidCount++;
                }
            }
            if (saidCount == n) {
                java.util.Arrays.fill(said, false); // nothing would tell the rows apart
                saidCount = 0;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (saidCount > 0) {
            int headWidth = 0;
            for (int i = 0; i < n; i++) if (said[i]) headWidth = Math.max(headWidth, Cells.displayWidth(header.get(i)));
            for (int i = 0; i < n; i++) if (said[i]) headed(sb, header.get(i), headWidth, rows.get(0).get(i));
            sb.append('\n');
        }
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!said[i]) shown.add(i);
        int[] natural = new int[n], least = new int[n];
        for (int i : shown) {
            natural[i] = least[i] = Cells.displayWidth(header.get(i));
            for (List<String> r : rows) {
                String c = r.get(i);
                natural[i] = Math.max(natural[i], Cells.displayWidth(c));
                if (columns.get(i).numeric()) least[i] = Math.max(least[i], Cells.displayWidth(c));
                else for (String word : c.split(" ")) least[i] = Math.max(least[i], Cells.displayWidth(word));
            }
        }
        int need = 2 * (shown.size() - 1);
        for (int i : shown) need += least[i];
        int[] wid = need <= width ? shared(shown, natural, least, width - need) : null;
        if (wid != null && roomy(shown, natural, wid)) wrappedTable(sb, shown, wid);
        else records(sb, shown);
        return sb.toString();
    }

    /**
     * Widths for the columns {@code shown}, at least {@code least}, with {@code room} more shared so that
     * the columns that lack little of their natural width (a name, a status) get it whole, on one line,
     * and the long lists share the rest and wrap: as water fills, each column, the least lacking first,
     * gets its natural width or an even share of what is left, whichever is less.
     */
    private static int[] shared(List<Integer> shown, int[] natural, int[] least, int room) {
        int[] wid = least.clone();
        List<Integer> byLack = new ArrayList<>(shown);
        byLack.sort(java.util.Comparator.comparingInt(i -> natural[i] - least[i]));
        for (int k = 0; k < byLack.size(); k++) {
            int i = byLack.get(k);
            int give = Math.min(natural[i] - wid[i], room / (byLack.size() - k));
            wid[i] += give;
            room -= give;
        }
        return wid;
    }

    /** A wrapped column narrower than this (unless its text is shorter) reads worse than a record: a word or two a line. */
    static final int WRAPPED_ROOM = 24;

    private boolean roomy(List<Integer> shown, int[] natural, int[] wid) {
        for (int i : shown) if (!columns.get(i).numeric() && wid[i] < Math.min(natural[i], WRAPPED_ROOM)) return false;
        return true;
    }

    /** The columns {@code shown}, {@code wid} wide, their text wrapped at spaces. */
    private void wrappedTable(StringBuilder sb, List<Integer> shown, int[] wid) {
        boolean separate = false;
        List<List<List<String>>> cells = new ArrayList<>();
        for (List<String> r : rows) {
            List<List<String>> parts = new ArrayList<>();
            for (int i : shown) {
                List<String> p = columns.get(i).numeric() ? List.of(r.get(i)) : wrapAt(r.get(i), wid[i]);
                separate |= p.size() > 1;
                parts.add(p);
            }
            cells.add(parts);
        }
        List<List<String>> head = new ArrayList<>();
        for (int i : shown) head.add(List.of(header.get(i)));
        wrappedLine(sb, head, shown, wid);
        for (int j = 0; j < shown.size(); j++) sb.append(j > 0 ? "  " : "").append("-".repeat(wid[shown.get(j)]));
        sb.append('\n');
        for (int k = 0; k < cells.size(); k++) {
            if (separate && k > 0) sb.append('\n');
            wrappedLine(sb, cells.get(k), shown, wid);
        }
    }

    /** One row whose cells are each a list of lines: as many lines as its tallest cell, each cell padded to its column. */
    private void wrappedLine(StringBuilder sb, List<List<String>> parts, List<Integer> shown, int[] wid) {
        int height = 1;
        for (List<String> p : parts) height = Math.max(height, p.size());
        for (int line = 0; line < height; line++) {
            StringBuilder l = new StringBuilder();
            for (int j = 0; j < shown.size(); j++) {
                int i = shown.get(j);
                String c = line < parts.get(j).size() ? parts.get(j).get(line) : "";
                int pad = Math.max(0, wid[i] - Cells.displayWidth(c));
                if (j > 0) l.append("  ");
                if (columns.get(i).numeric()) l.append(" ".repeat(pad)).append(c);
                else l.append(c).append(" ".repeat(pad));
            }
            int end = l.length();
            while (end > 0 && l.charAt(end - 1) == ' ') end--;
            sb.append(l, 0, end).append('\n');
        }
    }

    /** Each row as lines of heading and value, the value wrapped beside its heading; rows apart by a blank line; empty values left out. */
    private void records(StringBuilder sb, List<Integer> shown) {
        int headWidth = 0;
        for (int i : shown) headWidth = Math.max(headWidth, Cells.displayWidth(header.get(i)));
        for (int k = 0; k < rows.size(); k++) {
            if (k > 0) sb.append('\n');
            for (int i : shown) {
                String v = rows.get(k).get(i);
                if (!v.isEmpty()) headed(sb, header.get(i), headWidth, v);
            }
        }
    }

    /**
     * A heading padded to {@code headWidth}, then {@code value} wrapped at spaces beside it. A heading
     * wider than a third of the terminal (a hostile column name) is cut there, so the value keeps room;
     * the value never is.
     */
    private void headed(StringBuilder sb, String heading, int headWidth, String value) {
        headWidth = Math.min(headWidth, Math.max(HEAD_FLOOR, width / 3));
        String head = Cells.truncate(heading, headWidth);
        sb.append(head).append(" ".repeat(headWidth - Cells.displayWidth(head) + 2));
        List<String> parts = wrapAt(value, Math.max(1, width - headWidth - 2));
        for (int part = 0; part < parts.size(); part++) {
            if (part > 0) sb.append(" ".repeat(headWidth + 2));
            sb.append(parts.get(part)).append('\n');
        }
    }

    /** {@code s} in lines of at most {@code width} columns, broken at spaces (a word wider than that at the edge), at any width. */
    private static List<String> wrapAt(String s, int width) {
        if (Cells.displayWidth(s) <= width) return List.of(s);
        if (width >= 10) return Cells.wrap(s, width);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i), cw = Cells.width(cp);
            if (used + cw > width && used > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                if (cp == ' ') {
                    i++;
                    continue;
                }
            }
            line.appendCodePoint(cp);
            used += cw;
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }
}
