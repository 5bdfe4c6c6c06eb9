package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180 quoting: a cell with the delimiter, a quote or a line break is quoted, quotes doubled)
 * and TSV (tabs and line breaks inside cells become spaces), written straight to bytes. Long outputs
 * repeat the same few strings (unit codes and names, periods, indicator codes) millions of times, so
 * each distinct String instance is escaped, neutralised and encoded once; integers are written digit
 * by digit without a String. This is the hot path of a large rollup.
 */
final class FastDelimited implements TableSink {
    private static final int CACHE_LIMIT = 1 << 16;

    private final OutputStream out;
    private final byte delimiter;
    private final boolean tsv;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final Map<String, byte[]> encoded = new IdentityHashMap<>();
    /**
     * Per column, the last String written and its bytes: a long table repeats a unit's code, name and
     * level and the period on row after row, so most texts are found here without the map.
     */
    private String[] lastText = new String[16];
    private byte[][] lastBytes = new byte[16][];
    private final byte[] digits = new byte[20];
    /**
     * The last row's leading text cells as written (delimiters between them): the first
     * {@code prefixCells} of lastText, ending at prefixEnd[i] for cell i. A long table's rows share
     * their unit, its name and level, and the period, with the rows before.
     */
    private byte[] prefix = new byte[256];
    private int[] prefixEnd = new int[16];
    private int prefixCells, prefixLength;
    /** Rows that began with the last row's bytes: tests prove the way is taken. */
    private long reusedRows;
    /** Rows given as arrays by this sink, and by all sinks once finished: tests prove the long rollup's way is taken. */
    private long arrayRows;
    static final java.util.concurrent.atomic.AtomicLong ARRAY_ROWS = new java.util.concurrent.atomic.AtomicLong();
    private final NumberStyle numbers;
    /** numbers.plain(), asked once: every number of every row needs it */
    private final boolean plainNumbers;
    private final boolean coverage;
    private List<Column> columns;
    private boolean spreads;
    private final java.util.ArrayList<Object> spread = new java.util.ArrayList<>();

    FastDelimited(OutputStream out, char delimiter, boolean tsv, WriteOptions opt) {
        this(out, (byte) delimiter, tsv, opt.numbers(), opt.coverage());
    }

    private FastDelimited(OutputStream out, byte delimiter, boolean tsv, NumberStyle numbers, boolean coverage) {
        this.out = out;
        this.delimiter = delimiter;
        this.tsv = tsv;
        this.numbers = numbers;
        this.plainNumbers = numbers.plain();
        this.coverage = coverage;
        this.quoteNumbers = !tsv && clashes((char) (delimiter & 0xff), numbers);
    }

    /**
     * Numbers are quoted when their text may hold the delimiter (--delimiter . with 1234.5, a style
     * whose separator is the delimiter): RFC 4180 quoting, as for text. Otherwise, the usual case,
     * they are written as they are, digit by digit.
     */
    private final boolean quoteNumbers;

    private static boolean clashes(char delimiter, NumberStyle numbers) {
        return "0123456789+-.Ee\"".indexOf(delimiter) >= 0 || delimiter == numbers.decimal() || (numbers.group() != 0 && delimiter == numbers.group());
    }

    @Override
    public TableSink fork(OutputStream to) {
        FastDelimited f = new FastDelimited(to, delimiter, tsv, numbers, coverage);
        f.columns = columns;
        f.spreads = spreads;
        return f;
    }

    @Override
    public void append(java.io.ByteArrayOutputStream rows) throws IOException {
        flushBuffer();
        rows.writeTo(out);
    }

    @Override
    public void start(List<Column> columns, Map<String, Object> meta) throws IOException {
        this.columns = columns;
        int k = 0;
        for (Column c : columns) {
            spreads |= c.measure();
            for (String name : Cells.spreadNames(c, coverage)) {
                if (k++ > 0) put(delimiter);
                put(encode(name, false));
            }
        }
        put((byte) '\n');
    }

    /** A row given as a List, copied here so that both ways write through {@link #write}. */
    private Object[] given = new Object[16];

    @Override
    public void row(List<?> cells) throws IOException {
        if (spreads) {
            spread.clear();
            for (int i = 0; i < columns.size(); i++) Cells.spread(columns.get(i), cells.get(i), coverage, spread);
            cells = spread;
        }
        int n = cells.size();
        if (n > given.length) given = new Object[n];
        for (int i = 0; i < n; i++) given[i] = cells.get(i);
        write(given, n);
    }

    @Override
    public void row(Object[] cells) throws IOException {
        arrayRows++;
        if (spreads) row(java.util.Arrays.asList(cells));
        else write(cells, cells.length);
    }

    /** Cells {@code [0, n)} as one line. */
    private void write(Object[] cells, int n) throws IOException {
        if (n > lastText.length) {
            lastText = java.util.Arrays.copyOf(lastText, n);
            lastBytes = java.util.Arrays.copyOf(lastBytes, n);
        }
        // the leading texts this row shares with the last one (the same String objects) are copied
        // as the bytes they were written as last time, in one piece
        int same = 0;
        while (same < prefixCells && same < n && cells[same] == lastText[same]) same++;
        int i = 0;
        if (same > 0) {
            int len = prefixEnd[same - 1];
            put(prefix, len);
            prefixCells = same;
            prefixLength = len;
            i = same;
            reusedRows++;
        } else {
            prefixCells = 0;
            prefixLength = 0;
        }
        for (; i < n; i++) {
            if (i > 0) put(delimiter);
            Object c = cells[i];
            if (c == null) continue;
            if (c instanceof String || !(c instanceof Number)) {
                String s = c instanceof String text ? text : c.toString();
                byte[] e;
                if (lastText[i] == s) {
                    e = lastBytes[i];
                } else {
                    e = encoded.get(s);
                    if (e == null) {
                        e = encode(s, true);
                        if (encoded.size() >= CACHE_LIMIT) encoded.clear();
                        encoded.put(s, e);
                    }
                    lastText[i] = s;
                    lastBytes[i] = e;
                }
                put(e);
                if (prefixCells == i) extendPrefix(i, e);
                continue;
            }
            if (quoteNumbers) {
                put(encode(numbers.format((Number) c), false));
            } else if (!plainNumbers && c instanceof Number num) {
                put(numbers.format(num).getBytes(StandardCharsets.UTF_8));
            } else if (c instanceof Long l) {
                putLong(l);
            } else if (c instanceof Integer k) {
                putLong(k);
            } else if (c instanceof BigDecimal b) {
                if (b.scale() == 0 && b.precision() < 19) putLong(b.longValue());
                else put(b.toPlainString().getBytes(StandardCharsets.US_ASCII));
            } else {
                put(Cells.text(c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        put((byte) '\n');
    }

    /** Adds text cell {@code i}, the next of the row's leading texts, to the prefix the next row may share. */
    private void extendPrefix(int i, byte[] e) {
        int need = prefixLength + (i > 0 ? 1 : 0) + e.length;
        if (need > prefix.length) prefix = java.util.Arrays.copyOf(prefix, Math.max(need, prefix.length * 2));
        if (i >= prefixEnd.length) prefixEnd = java.util.Arrays.copyOf(prefixEnd, Math.max(i + 1, prefixEnd.length * 2));
        if (i > 0) prefix[prefixLength++] = delimiter;
        System.arraycopy(e, 0, prefix, prefixLength, e.length);
        prefixLength += e.length;
        prefixEnd[i] = prefixLength;
        prefixCells = i + 1;
    }

    private byte[] encode(String s, boolean neutralise) {
        String t = neutralise ? Cells.neutralise(s) : s;
        if (tsv) {
            t = t.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        } else if (needsQuotes(t)) {
            t = '"' + t.replace("\"", "\"\"") + '"';
        }
        return t.getBytes(StandardCharsets.UTF_8);
    }

    private boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') return true;
        }
        return s.isEmpty() ? false : s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ';
    }

    private void putLong(long v) throws IOException {
        if (pos + 21 > buf.length) flushBuffer();
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            putDigits((int) v);
            return;
        }
        if (v == Long.MIN_VALUE) {
            put(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        while (n > 0) buf[pos++] = digits[--n];
    }

    /**
     * The digits of a non-negative int, the common case (counts, most values), without a division:
     * C1, which compiles a rollup, makes {@code x / 10} a division instruction, and for a long a call
     * into the runtime (in W2's profile the digits were 16 % of writing). For 0 <= x < 2^32,
     * x * 0xCCCCCCCD >>> 35 is x / 10 exactly.
     */
    private void putDigits(int v) {
        int n = 0;
        do {
            int q = (int) ((v * 0xCCCCCCCDL) >>> 35);
            digits[n++] = (byte) ('0' + (v - q * 10));
            v = q;
        } while (v != 0);
        while (n > 0) buf[pos++] = digits[--n];
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) flushBuffer();
        buf[pos++] = b;
    }

    private void put(byte[] b) throws IOException { put(b, b.length); }

    /** The first {@code len} bytes of {@code b}. */
    private void put(byte[] b, int len) throws IOException {
        if (len > buf.length - pos) {
            flushBuffer();
            if (len > buf.length) {
                out.write(b, 0, len);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, len);
        pos += len;
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** How many rows began with the bytes of the row before. */
    long reusedRows() { return reusedRows; }

    @Override
    public void finish() throws IOException {
        ARRAY_ROWS.addAndGet(arrayRows);
        arrayRows = 0;
        flushBuffer();
        out.flush();
    }
}
