package dev.tally.read;

import static dev.tally.model.Text.reason;
import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Source;
import dev.tally.model.TallyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Reads one submission input, whatever its format, into a {@link ValueSink}. The encoding is settled
 * first (a UTF-8 or UTF-16 byte order mark wins, else {@link ReadOptions#encoding()}, else UTF-8) and
 * anything that is not UTF-8 is re-encoded, so the readers work on UTF-8 bytes alone. The format is
 * recognised from the content ({@link InputFormat}): a workbook by its first bytes ({@link Workbooks}), and
 * text by its first character: {@code {} or {@code [} is JSON ({@link JsonSubmissions}), anything else
 * CSV ({@link CsvSubmissions}). A file that cannot be opened is an input/output error
 * (exit 4); everything inside a file that cannot be read is a finding.
 */
public final class Submissions {
    private Submissions() {}

    /** How much of an input is looked at to recognise it. */
    static final int HEAD = 1 << 16;

    /** Per-thread buffers, re-used from one input to the next. */
    public static final class Scratch {
        byte[] csv;
        /** where an input's head is read before it is copied to its own length */
        byte[] head;
    }

    public static void read(InputFile file, InputStream stdin, ReadOptions options, ValueSink sink, Scratch scratch) {
        try (InputStream raw = file.stdin() ? stdin : Files.newInputStream(file.path())) {
            byte[] head = head(raw, scratch);
            InputFormat format = InputFormat.of(head);
            InputFormat named = file.stdin() ? null : InputFormat.named(file.path().getFileName().toString());
            if (format == InputFormat.TEXT && named != null && named != InputFormat.TEXT) {
                // report.xlsx that is a web page or a CSV: one finding, not a screen of CSV ones
                Workbooks.misnamed(file, head, named, sink);
                return;
            }
            format.reader.read(file, head, raw, options, sink, scratch);
        } catch (NoSuchFileException e) {
            throw TallyException.io(t("file.noSuchFile", file.display()));
        } catch (IOException e) {
            throw TallyException.io(t("file.cannotRead", file.display(), reason(e)));
        }
    }

    /**
     * The first {@link #HEAD} bytes of an input (all of it when shorter), in an array of their length.
     * Read into the thread's buffer first: {@code readNBytes(HEAD)} made and copied 8 KB pieces, three
     * arrays for a 12 KB file; and the text formats read the head a second time from a stream over it.
     * The real-shaped set's 693 files: 19 of the run's 63 MB allocated, 33 ms of its 0.97 s.
     */
    private static byte[] head(InputStream in, Scratch scratch) throws IOException {
        if (scratch == null) return in.readNBytes(HEAD);
        if (scratch.head == null) scratch.head = new byte[HEAD];
        int n = in.readNBytes(scratch.head, 0, HEAD);
        return java.util.Arrays.copyOf(scratch.head, n);
    }

    /** What follows blank lines that filled the head: how many lines they were, and the next head (null: blank to the end). */
    private record AfterBlanks(long lines, byte[] head) {}

    /**
     * Reads past the blank lines that fill {@code head[from..]} and go on in {@code tail}, counting
     * their line breaks as the CSV reader does (CR LF, LF and CR each end a line). Returns the count
     * and, from the first byte that is not a space, tab or line break, up to {@link #HEAD} bytes.
     */
    private static AfterBlanks afterBlanks(byte[] head, int from, InputStream tail) throws IOException {
        long lines = 0;
        boolean afterCr = false;
        byte[] b = head;
        int i = from, n = head.length;
        while (true) {
            for (; i < n; i++) {
                byte c = b[i];
                if (c == '\n') {
                    if (!afterCr) lines++;
                    afterCr = false;
                } else if (c == '\r') {
                    lines++;
                    afterCr = true;
                } else if (c == ' ' || c == '\t') {
                    afterCr = false;
                } else {
                    byte[] next = java.util.Arrays.copyOfRange(b, i, n);
                    byte[] more = tail.readNBytes(Math.max(0, HEAD - next.length));
                    byte[] all = java.util.Arrays.copyOf(next, next.length + more.length);
                    System.arraycopy(more, 0, all, next.length, more.length);
                    return new AfterBlanks(lines, all);
                }
            }
            b = tail.readNBytes(HEAD);
            i = 0;
            n = b.length;
            if (n == 0) return new AfterBlanks(lines, null);
        }
    }

    /** {@code count} line feeds, made as they are read: the blank lines {@link #afterBlanks} read past. */
    private static final class LineBreaks extends InputStream {
        private long left;

        LineBreaks(long count) { left = count; }

        @Override
        public int read() {
            if (left == 0) return -1;
            left--;
            return '\n';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (left == 0) return -1;
            int k = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + k, (byte) '\n');
            left -= k;
            return k;
        }
    }

    /** The index of the first byte of {@code b[from, to)} that is not a space, tab or line break; {@code to} when none is. */
    private static int blankEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        return i;
    }

    /** The start of the line that holds {@code b[at]}, not before {@code from}. */
    private static int lineStart(byte[] b, int from, int at) {
        int i = at;
        while (i > from && b[i - 1] != '\n' && b[i - 1] != '\r') i--;
        return i;
    }

    /** The text formats: CSV and JSON, told apart by the first character; {@code after} follows {@code head}. */
    static void readText(InputFile file, byte[] head, InputStream after, ReadOptions options, ValueSink sink, Scratch scratch) throws IOException {
        int n = head.length;
        Charset cs = options.encoding() == null ? StandardCharsets.UTF_8 : options.encoding();
        int skip = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        String display = file.display();
        // what follows the head
        InputStream tail = after;
        if (!cs.equals(StandardCharsets.UTF_8)) {
            // re-encoded to UTF-8: the head is read again from the new stream
            tail = new Transcoder(new SequenceInputStream(new ByteArrayInputStream(head, skip, n - skip), after), cs);
            head = tail.readNBytes(HEAD);
            n = head.length;
            skip = 0;
        }
        int first = blankEnd(head, skip, n);
        long blankLines = 0;
        if (first == n && n == HEAD) {
            // blank lines filling the head (read in full: more may follow) may have data after them, as
            // in an export that pads its start: they are read past, their line breaks counted, and the
            // reader is given as many empty lines before the first byte that is not blank, so that the
            // lines it names are the file's; memory stays one head whatever their length
            AfterBlanks past = afterBlanks(head, skip, tail);
            if (past.head() == null) {
                sink.problem(Finding.of(FindingCode.NO_DATA, new Source(display, 0), null, null, null, null, t("input.blank")), 0, 0);
                return;
            }
            blankLines = past.lines();
            head = past.head();
            n = head.length;
            skip = 0;
            first = 0;
        }
        if (first == n) {
            sink.problem(Finding.of(FindingCode.NO_DATA, new Source(display, 0), null, null, null, null,
                    n == skip ? t("input.empty") : t("input.blank")), 0, 0);
            return;
        }
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, skip, n - skip), tail);
        if (blankLines > 0) rest = new SequenceInputStream(new LineBreaks(blankLines), rest);
        if (head[first] == '{' || head[first] == '[') {
            JsonSubmissions.read(display, rest, head, skip, n, sink);
        } else {
            // the delimiter from the first line that is not blank (a blank line above the header gave ',')
            byte delim = options.delimiter() != null ? (byte) options.delimiter().charValue() : Delimiters.sniff(head, lineStart(head, skip, first), n);
            CsvTokenizer t = new CsvTokenizer(rest, delim, 1, Long.MAX_VALUE, scratch == null ? null : scratch.csv);
            CsvSubmissions.read(display, t, options, sink);
            if (scratch != null) scratch.csv = t.buffer();
        }
    }
}
