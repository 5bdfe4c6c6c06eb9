package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180 quoting: a cell with the delimiter, a quote or a line break is quoted, quotes doubled)
 * and TSV (tabs and line breaks inside cells become spaces), written straight to bytes. Long outputs
 * repeat the same few strings (unit codes and names, periods, indicator codes) millions of times, so
 * each distinct text is escaped, neutralised and encoded once while it stays in a small cache;
 * integers are written digit by digit without a String. This is the hot path of a large rollup.
 */
final class FastDelimited implements TableSink {
    /**
     * Slots of the encoded-text cache, a power of two. A text is found in the slot its hash names, so
     * a lookup is one hash (kept in the String) and one comparison; an IdentityHashMap's probing was
     * 9 % of W2's writing. A text whose slot another took is encoded again, which costs time, never bytes.
     */
    private static final int CACHE_SLOTS = 1 << 12;

    private final OutputStream out;
    private final byte delimiter;
    private final boolean tsv;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final String[] cachedText = new String[CACHE_SLOTS];
    private final byte[][] cachedBytes = new byte[CACHE_SLOTS][];
    /**
     * Per column, the last String written and its bytes: a long table repeats a unit's code, name and
     * level and the period on row after row, so most texts are found here without the cache.
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
    /** How many leading cells the last row that shared any shared with the row before it; 0 until one has. */
    private int sharedDepth;
    /** Rows written, for the prefix's periodic second look (see write). */
    private int rows;
    /** Text cells copied into the prefix: tests prove a cell that changes on every row is not. */
    private long extendedCells;
    /** Texts encoded for the cache: tests prove a text met again is found there, not encoded again. */
    private long encodedTexts;
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
        this.plainLongs = plainNumbers && !quoteNumbers;
    }

    /**
     * Numbers are quoted when their text may hold the delimiter (--delimiter . with 1234.5, a style
     * whose separator is the delimiter): RFC 4180 quoting, as for text. Otherwise, the usual case,
     * they are written as they are, digit by digit.
     */
    private final boolean quoteNumbers;
    /** A Long is written as its digits: plain numbers, and no delimiter they could hold. */
    private final boolean plainLongs;

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
        // how many leading texts this row keeps for the next: as many as rows have shared of late, so
        // that a cell that changes on every row (a long table's indicator) is not copied into the
        // prefix on every row for nothing; all of them while no row has shared any, and on every 64th
        // row, so that rows that come to share more are seen
        int keep = sharedDepth == 0 || (++rows & 63) == 0 ? n : Math.max(same, sharedDepth);
        if (same > 0) sharedDepth = same;
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
            // the commonest cell of a large table first: a count or a whole value, written as it is
            if (plainLongs && c instanceof Long l) {
                putLong(l);
                continue;
            }
            if (c instanceof String || !(c instanceof Number)) {
                String s = c instanceof String text ? text : c.toString();
                byte[] e;
                if (lastText[i] == s) {
                    e = lastBytes[i];
                } else {
                    e = cached(s);
                    lastText[i] = s;
                    lastBytes[i] = e;
                }
                put(e);
                if (prefixCells == i && i < keep) extendPrefix(i, e);
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

    /** The bytes of a text cell, from the cache or encoded into it. */
    private byte[] cached(String s) {
        int h = s.hashCode();
        int slot = (h ^ (h >>> 12)) & (CACHE_SLOTS - 1);
        String k = cachedText[slot];
        if (k != s) {
            if (k == null || !k.equals(s)) {
                cachedBytes[slot] = encode(s, true);
                encodedTexts++;
            }
            cachedText[slot] = s;
        }
        return cachedBytes[slot];
    }

    /** Adds text cell {@code i}, the next of the row's leading texts, to the prefix the next row may share. */
    private void extendPrefix(int i, byte[] e) {
        extendedCells++;
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
        // written from the last digit back, straight into the buffer (the caller made room for 21 bytes)
        int end = pos + digitCount(v);
        int at = end;
        do {
            int q = (int) ((v * 0xCCCCCCCDL) >>> 35);
            buf[--at] = (byte) ('0' + (v - q * 10));
            v = q;
        } while (v != 0);
        pos = end;
    }

    /** How many digits a non-negative int has. */
    private static int digitCount(int v) {
        if (v < 10000) return v < 100 ? (v < 10 ? 1 : 2) : (v < 1000 ? 3 : 4);
        int n = 5;
        for (int limit = 100000; n < 10 && v >= limit; limit *= 10) n++;
        return n;
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

    /** How many text cells were copied into the prefix the next row may share. */
    long extendedCells() { return extendedCells; }

    /** How many text cells were encoded rather than found in the cache. */
    long encodedTexts() { return encodedTexts; }

    @Override
    public void finish() throws IOException {
        ARRAY_ROWS.addAndGet(arrayRows);
        arrayRows = 0;
        flushBuffer();
        out.flush();
    }
}
