package dev.tally.io;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A streaming RFC 4180 tokenizer that knows the line each record starts on, which findings must
 * name. Quoted fields may hold delimiters, doubled quotes and line breaks; CR LF, LF and CR all end
 * a record. Holds one buffer and one record: memory does not grow with the file.
 *
 * <p>Submissions and units files go through this class because it reports exact start lines for
 * multi-line records and avoids a record object per row; Commons CSV reads the (small) catalog.
 */
public final class CsvTokenizer {
    /** A quote that never closes, or a stray character after a closing quote. */
    public static final class MalformedCsv extends IOException {
        private static final long serialVersionUID = 1L;
        public final long line;

        MalformedCsv(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos, len;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder(64);

    public CsvTokenizer(Reader in, char delimiter) {
        this(in, delimiter, 1);
    }

    /** Starts counting at {@code firstLine}: for reading on from the middle of a file. */
    public CsvTokenizer(Reader in, char delimiter, long firstLine) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
    }

    /** The line the last record returned by {@link #next} started on. */
    public long recordLine() { return recordLine; }

    /** The line the tokenizer has reached (for errors raised while decoding). */
    public long currentLine() { return line; }

    /** Refills the buffer when it is used up; false at the end of the input. */
    private boolean available() throws IOException {
        if (pos < len) return true;
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len > 0) return true;
        len = 0;
        return false;
    }

    private int read() throws IOException { return available() ? buf[pos++] : -1; }

    private int peek() throws IOException { return available() ? buf[pos] : -1; }

    /**
     * Reads the next non-blank record into {@code out} (cleared first); false at end of input.
     * Blank lines are skipped.
     */
    public boolean next(List<String> out) throws IOException {
        out.clear();
        int c;
        // skip blank lines
        while (true) {
            c = peek();
            if (c == '\n') {
                read();
                line++;
            } else if (c == '\r') {
                read();
                if (peek() == '\n') read();
                line++;
            } else {
                break;
            }
        }
        if (c == -1) return false;
        recordLine = line;
        field.setLength(0);
        while (true) {
            c = read();
            if (c == '"' && field.length() == 0) {
                readQuoted();
                c = read();
                if (c != delimiter && c != '\n' && c != '\r' && c != -1) {
                    throw new MalformedCsv(line, "unexpected character '" + (char) c + "' after a closing quote");
                }
            }
            if (c == delimiter) {
                out.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                out.add(field.toString());
                field.setLength(0);
                if (c == '\r' && peek() == '\n') read();
                if (c != -1) line++;
                return true;
            } else {
                field.append((char) c);
            }
        }
    }

    private void readQuoted() throws IOException {
        long start = line;
        while (true) {
            int c = read();
            if (c == -1) throw new MalformedCsv(start, "a quoted field opened on this line is never closed");
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return;
                }
            } else {
                if (c == '\n') line++;
                else if (c == '\r' && peek() != '\n') line++;
                field.append((char) c);
            }
        }
    }
}
