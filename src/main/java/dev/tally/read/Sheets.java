package dev.tally.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * What a workbook reader ({@link XlsxBook}, {@link OdsBook}) gives {@link SheetTable}: its sheets, and
 * each sheet as rows of typed cells, one row at a time. Nothing here knows a catalog or a unit.
 */
final class Sheets {
    private Sheets() {}

    /** A cell's type as the spreadsheet stored it. */
    static final byte EMPTY = 0, TEXT = 1, NUMBER = 2, BOOLEAN = 3, ERROR = 4, FORMULA = 5, DATE = 6;

    /** How much of a date a date cell's format shows (a period column's date names a year, a month, or a day). */
    static final byte YEAR = 1, MONTH = 2, DAY = 3;

    /** A workbook: its sheets in order, each opened on demand. */
    interface Book extends AutoCloseable {
        List<Info> sheets();

        Rows open(int index) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A sheet's name and whether the workbook hides it. */
    record Info(String name, boolean hidden) {}

    /** The rows of one sheet, in order; only rows with at least one cell are returned. */
    interface Rows extends AutoCloseable {
        /** The next row, or null at the end; the row object is re-used by the next call. */
        Row next() throws IOException;

        /** The hidden columns (0 for A), known before the first row. */
        BitSet hiddenColumns();

        /**
         * The merged ranges that touch rows {@code from..to} (1-based), as {first row, first column, last row,
         * last column}. An xlsx sheet lists them after its rows: this reads the sheet a second time.
         */
        List<int[]> merges(int from, int to) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * One row: its number (1-based, as the spreadsheet shows it), whether it is hidden, and its cells in
     * column order. A cell's text is UTF-8 bytes in {@link #data}: what it shows for text, the number as
     * Excel shows it for a number ({@code 0.1}, at most 15 significant digits), {@code true}/{@code false},
     * the error ({@code #DIV/0!}), a formula with no saved value as {@code =SUM(C5:C9)}. A date keeps its
     * serial number as its text and the date it shows in {@link #dates} ({@code 2024-06}, {@code 2024-06-30}).
     */
    static final class Row {
        int number;
        boolean hidden;
        int size;
        int[] column = new int[32];
        byte[] kind = new byte[32];
        int[] from = new int[32], to = new int[32];
        String[] dates = new String[32];
        byte[] data = new byte[1 << 12];
        int used;

        void clear(int number, boolean hidden) {
            this.number = number;
            this.hidden = hidden;
            size = 0;
            used = 0;
        }

        /** Adds a cell (columns must come in increasing order; a repeated column replaces the earlier cell). */
        void add(int col, byte k, byte[] b, int off, int len) {
            if (size > 0 && column[size - 1] >= col) {
                // out of order or repeated: keep the order by dropping what does not fit
                if (column[size - 1] == col) size--;
                else return;
            }
            if (size == column.length) {
                int n = size * 2;
                column = java.util.Arrays.copyOf(column, n);
                kind = java.util.Arrays.copyOf(kind, n);
                from = java.util.Arrays.copyOf(from, n);
                to = java.util.Arrays.copyOf(to, n);
                dates = java.util.Arrays.copyOf(dates, n);
            }
            if (used + len > data.length) data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + len));
            System.arraycopy(b, off, data, used, len);
            column[size] = col;
            kind[size] = k;
            from[size] = used;
            to[size] = used + len;
            dates[size] = null;
            used += len;
            size++;
        }

        void add(int col, byte k, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            add(col, k, b, 0, b.length);
        }

        /** The index of the cell in column {@code col}, or -1. */
        int find(int col) {
            int lo = 0, hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (column[mid] < col) lo = mid + 1;
                else if (column[mid] > col) hi = mid - 1;
                else return mid;
            }
            return -1;
        }

        String text(int i) { return new String(data, from[i], to[i] - from[i], StandardCharsets.UTF_8); }

        boolean blank(int i) {
            for (int k = from[i]; k < to[i]; k++) if (data[k] != ' ' && data[k] != '\t' && data[k] != '\n' && data[k] != '\r') return false;
            return true;
        }
    }

    /** The column's letters: 0 is A, 26 is AA. */
    static String letters(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) sb.insert(0, (char) ('A' + (c - 1) % 26));
        return sb.toString();
    }

    /** A column given as letters (A, ab), 0-based; -1 when it is not letters. */
    static int column(String letters) {
        String s = letters.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.isEmpty() || s.length() > 3) return -1;
        int col = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') return -1;
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    /**
     * A number as Excel shows it: a binary double's shortest decimal up to 15 significant digits
     * ({@code 0.30000000000000004} is 0.3, {@code 1.0E-3} is 0.001); null when it is not a number.
     */
    static String number(String raw) {
        String s = raw.strip();
        if (plain(s)) return s;
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(s);
            if (d.precision() > 15) d = d.round(new java.math.MathContext(15, java.math.RoundingMode.HALF_UP));
            d = d.stripTrailingZeros();
            if (d.signum() == 0) return "0";
            if (d.scale() < 0) d = d.setScale(0);
            return d.toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An integer or a decimal of at most 15 significant digits with no trailing zero after its point and no exponent. */
    static boolean plain(String s) {
        int i = 0, n = s.length(), digits = 0;
        if (n == 0) return false;
        if (s.charAt(0) == '-') i++;
        boolean point = false, lead = true;
        int start = i;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (point) return false;
                point = true;
                continue;
            }
            if (c < '0' || c > '9') return false;
            if (c != '0' || !lead) {
                lead = false;
                digits++;
            } else if (point) {
                digits++; // zeros after the point count as written
            }
        }
        if (i == start || s.charAt(n - 1) == '.' || s.charAt(start) == '.') return false;
        if (point && s.charAt(n - 1) == '0') return false;
        if (s.equals("-0")) return false;
        return digits <= 15;
    }
}
