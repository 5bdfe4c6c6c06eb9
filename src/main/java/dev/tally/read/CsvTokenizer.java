package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one CSV tokenizer: RFC 4180 on UTF-8 bytes, for submissions and units files. Quoted fields may
 * hold delimiters, doubled quotes and line breaks; CR LF, LF and CR all end a record; blank lines are
 * skipped. Each record knows the line it starts on. Fields are views into the tokenizer's buffer
 * ({@link #field}): no String and no object per field.
 *
 * <p>Bounded whatever the input: a field holds at most {@link #MAX_FIELD} bytes, a record at most
 * {@link #MAX_RECORD} bytes and {@link #MAX_FIELDS} fields; a record past a bound is returned with a
 * {@link Problem} (its fields unusable) and reading goes on with the next line, so one hostile line
 * costs one finding and a few megabytes, never the rest of the file. A quote that does not close
 * within those bounds or before the end is {@link Problem#UNCLOSED_QUOTE}: reading resumes on the line
 * after the one the quote opened on, so the rows after a missing quote are still read. A character
 * after a closing quote ({@code "a"b}) is {@link Problem#AFTER_QUOTE}. A record with bytes that are
 * not valid UTF-8 (or that hold U+FFFD, the mark a decoder leaves for bytes it could not read) is
 * {@link Problem#ENCODING}.
 */
public final class CsvTokenizer {
    /** The longest field, in bytes. */
    public static final int MAX_FIELD = 1 << 20;
    /** The longest record held, in bytes. */
    public static final int MAX_RECORD = 4 << 20;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 10_000;

    public enum Problem { NONE, UNCLOSED_QUOTE, AFTER_QUOTE, FIELD_TOO_LONG, RECORD_TOO_LONG, TOO_MANY_FIELDS, ENCODING }

    private final InputStream in;
    private final byte delim;
    /** The bytes that end an unquoted field: the delimiter, LF and CR (one look-up instead of three tests a byte). */
    private final boolean[] stops = new boolean[256];
    private long remaining;
    private byte[] buf;
    private int pos, len;
    private boolean eof;
    private long line;

    // the current record
    private int[] starts = new int[16], ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private int fields;
    private long fieldCount;
    private long recordLine, recordBytes;
    private Problem problem = Problem.NONE;
    private long problemLine;
    private final Field view = new Field();

    /**
     * @param limit the most bytes to read ({@code Long.MAX_VALUE}: to the end); a slice of a file ends at a line start
     * @param firstLine the number of the first line read
     * @param scratch a buffer to re-use (one per thread), or null
     */
    public CsvTokenizer(InputStream in, byte delimiter, long firstLine, long limit, byte[] scratch) {
        this.in = in;
        this.delim = delimiter;
        stops[delimiter & 0xff] = true;
        stops['\n'] = true;
        stops['\r'] = true;
        this.line = firstLine;
        this.remaining = limit;
        this.buf = scratch != null ? scratch : new byte[1 << 16];
    }

    public CsvTokenizer(InputStream in, byte delimiter) { this(in, delimiter, 1, Long.MAX_VALUE, null); }

    /** The buffer, to be handed to the next tokenizer of the same thread. */
    public byte[] buffer() { return buf; }

    public byte delimiter() { return delim; }

    /** Fields of the current record (0 when it has a problem other than AFTER_QUOTE or ENCODING). */
    public int fields() { return fields; }

    /** All fields the record had, kept or not (for messages about too many fields). */
    public long fieldCount() { return fieldCount; }

    public long line() { return recordLine; }

    /** The line the current problem is about (the quote's line for an unclosed quote). */
    public long problemLine() { return problemLine; }

    public long recordBytes() { return recordBytes; }

    public Problem problem() { return problem; }

    /** Field {@code i} of the current record, quotes removed; the view is re-used by the next call. */
    public Field field(int i) { return view.set(buf, starts[i], ends[i]); }

    /** Points {@code f} at field {@code i}. */
    public Field field(int i, Field f) { return f.set(buf, starts[i], ends[i]); }

    /** The field as text (for headers and messages). */
    public String text(int i) { return new String(buf, starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.UTF_8); }

    private boolean fill() throws IOException {
        if (eof) return false;
        if (len == buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                pos = 0;
            } else {
                buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD + (1 << 16)));
            }
        } else if (pos > 0 && pos == len) {
            pos = len = 0;
        }
        int want = (int) Math.min(buf.length - len, remaining);
        if (want <= 0) {
            eof = true;
            return false;
        }
        int n = in.read(buf, len, want);
        if (n <= 0) {
            eof = true;
            return false;
        }
        len += n;
        remaining -= n;
        return true;
    }

    /** Moves the unread data to the front, so a record can grow to the whole buffer. */
    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
    }

    /** Reads the next non-blank record; false at the end of the input. */
    public boolean next() throws IOException {
        // skip blank lines
        while (true) {
            if (pos == len && !fill()) return false;
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                if (pos == len) fill();
                if (pos < len && buf[pos] == '\n') pos++;
                line++;
            } else {
                break;
            }
        }
        recordLine = line;
        problem = Problem.NONE;
        problemLine = line;
        while (true) {
            int end = scan();
            if (end >= 0) return true;
            // the record goes on past the data in the buffer
            if (len - pos >= MAX_RECORD || (end == -2)) {
                overflow();
                return true;
            }
            compact();
            if (!fill()) {
                // the end of the input ends the record (scan sees eof now)
                continue;
            }
        }
    }

    // state of the last scan, for overflow()
    private boolean scanInQuote;
    private int quoteOpen;
    private long quoteLine;

    /**
     * Scans one record from {@code pos}: the index after it (having moved pos and line past it), or
     * -1 when the buffer ends first, or -2 when a quoted field grew past its bound.
     */
    private int scan() {
        byte[] b = buf;
        int n = len;
        byte d = delim;
        int i = pos;
        int nf = 0;
        long count = 0;
        long lines = 0;
        int or = 0;
        boolean after = false, tooLong = false;
        int fieldStart = i, fieldEnd;
        boolean quoted = false, esc = false, anyEscaped = false, fieldEscaped;
        scanInQuote = false;
        // the field arrays in locals: C1 loads a field from memory at every use (ensure may replace them)
        int[] st = starts, en = ends;
        boolean[] ex = escaped;
        while (true) {
            // at a field start
            if (i < n && b[i] == '"') {
                quoted = true;
                esc = false;
                quoteOpen = i;
                quoteLine = recordLine + lines;
                scanInQuote = true;
                i++;
                int contentStart = i;
                while (true) {
                    if (i == n) {
                        if (!eof) return -1;
                        // the input ends inside the quote
                        unclosed();
                        return pos;
                    }
                    byte c = b[i];
                    if (c == '"') {
                        if (i + 1 == n && !eof) return -1;
                        if (i + 1 < n && b[i + 1] == '"') {
                            esc = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') lines++;
                    else if (c == '\r') {
                        if (i + 1 == n && !eof) return -1;
                        if (i + 1 == n || b[i + 1] != '\n') lines++;
                    }
                    or |= c;
                    i++;
                    if (i - contentStart > MAX_FIELD) return -2;
                }
                scanInQuote = false;
                int contentEnd = i;
                i++; // the closing quote
                fieldStart = contentStart;
                // anything up to the delimiter or line end after a closing quote is a problem
                int s = i;
                while (i < n && b[i] != d && b[i] != '\n' && b[i] != '\r') {
                    or |= b[i];
                    i++;
                }
                if (i == n && !eof) return -1;
                if (i > s) after = true;
                if (i > s) contentEnd = i; // keep what is there, for the message
                fieldEnd = contentEnd;
                fieldEscaped = esc && i == s;
                anyEscaped |= fieldEscaped;
            } else {
                fieldStart = i;
                boolean[] stop = stops;
                while (i < n) {
                    byte c = b[i];
                    if (stop[c & 0xff]) break;
                    or |= c;
                    i++;
                }
                if (i == n && !eof) return -1;
                fieldEnd = i;
                fieldEscaped = false;
            }
            if (fieldEnd - fieldStart > MAX_FIELD) tooLong = true;
            if (nf < MAX_FIELDS) {
                // the arrays grown only when full: a call on every field was C1's (ensure is too large to inline)
                if (nf == st.length) {
                    ensure(nf + 1);
                    st = starts;
                    en = ends;
                    ex = escaped;
                }
                st[nf] = fieldStart;
                en[nf] = fieldEnd;
                ex[nf] = fieldEscaped;
                nf++;
            }
            count++;
            // after a field: a delimiter, a line end, or the end of the input
            if (i < n && b[i] == d) {
                i++;
                if (i - pos > MAX_RECORD) return -1;
                continue;
            }
            // the record ends
            int recordEnd = i;
            if (i < n && b[i] == '\r') {
                i++;
                if (i == n && !eof) return -1;
                if (i < n && b[i] == '\n') i++;
            } else if (i < n) {
                i++;
            }
            fields = nf;
            fieldCount = count;
            recordBytes = recordEnd - pos;
            if (anyEscaped) unescape(nf);
            if (count > MAX_FIELDS) {
                problem = Problem.TOO_MANY_FIELDS;
                fields = 0;
            } else if (tooLong) {
                problem = Problem.FIELD_TOO_LONG;
                fields = 0;
            } else if (or < 0 && !Utf8.valid(b, pos, recordEnd)) {
                problem = Problem.ENCODING;
            } else if (after) {
                problem = Problem.AFTER_QUOTE;
            }
            line = recordLine + lines + 1;
            pos = i;
            return i;
        }
    }

    /** Doubled quotes become one, in place (the field only shrinks). */
    private void unescape(int nf) {
        for (int k = 0; k < nf; k++) {
            if (!escaped[k]) continue;
            int w = starts[k];
            for (int r = starts[k]; r < ends[k]; r++) {
                buf[w++] = buf[r];
                if (buf[r] == '"' && r + 1 < ends[k] && buf[r + 1] == '"') r++;
            }
            ends[k] = w;
        }
    }

    private void ensure(int n) {
        if (n > starts.length) {
            int cap = Math.min(MAX_FIELDS, Math.max(n, starts.length * 2));
            starts = java.util.Arrays.copyOf(starts, cap);
            ends = java.util.Arrays.copyOf(ends, cap);
            escaped = java.util.Arrays.copyOf(escaped, cap);
        }
    }

    /**
     * A quote that never closes: the record is reported, and reading resumes on the line after the
     * one the quote opened on (the rows after a forgotten quote are still read). False when that
     * line goes on past the buffer: the caller skips the rest of it.
     */
    private boolean unclosed() {
        problem = Problem.UNCLOSED_QUOTE;
        problemLine = quoteLine;
        fields = 0;
        fieldCount = 0;
        recordBytes = len - pos;
        int i = quoteOpen + 1;
        while (i < len && buf[i] != '\n' && buf[i] != '\r') i++;
        if (i < len) {
            if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') i++;
            pos = i + 1;
            line = quoteLine + 1;
            return true;
        }
        pos = len;
        line = quoteLine;
        return false;
    }

    /** The record does not fit its bounds: report it, and go on after its line (or the quote's line). */
    private void overflow() throws IOException {
        if (scanInQuote) {
            if (!unclosed()) skipLine();
            return;
        }
        problem = Problem.RECORD_TOO_LONG;
        fields = 0;
        long count = 1;
        // count what is held, then skip the rest of the line
        for (int i = pos; i < len; i++) if (buf[i] == delim) count++;
        long bytes = len - pos;
        pos = len;
        long[] rest = skipLine();
        fieldCount = count + rest[0];
        recordBytes = bytes + rest[1];
        problemLine = recordLine;
    }

    /** Discards input to the end of the current line: {delimiters seen, bytes}. */
    private long[] skipLine() throws IOException {
        long delims = 0, bytes = 0;
        while (true) {
            if (pos == len) {
                pos = len = 0;
                if (!fill()) {
                    line++;
                    return new long[] {delims, bytes};
                }
            }
            byte c = buf[pos++];
            if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    if (pos == len) fill();
                    if (pos < len && buf[pos] == '\n') pos++;
                }
                line++;
                return new long[] {delims, bytes};
            }
            bytes++;
            if (c == delim) delims++;
        }
    }
}
