package dev.tally.read;

import dev.tally.model.Period;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast lane for long CSV files in UTF-8 without quotes, the shape of large exports: bytes are
 * split into fields in place, codes are resolved through {@link ByteKeyIndex} without creating
 * Strings, integers are parsed straight from the bytes and handed to a {@link FastSink}. Any row it
 * does not fully understand (a quote, a non-ASCII byte, an unknown code, a decimal, a failed check)
 * goes through {@link SubmissionReader#longRow}, so findings and counts are exactly those of the
 * ordinary reader. A file is cut into byte ranges at line starts so several threads can read it.
 */
public final class FastLongCsv {
    private FastLongCsv() {}

    /** A byte range of a file, starting at a line start, and the number of that line. */
    public record Slice(long from, long to, long firstLine) {}

    /**
     * The layout when {@code file} is a UTF-8 long CSV whose header has no quotes; empty otherwise
     * (stdin, another encoding, JSON, wide CSV): those take the ordinary path.
     */
    public static Optional<LongLayout> layout(InputFile file, ReadOptions opt) {
        if (file.stdin() || (opt.encoding() != null && !opt.encoding().equals(StandardCharsets.UTF_8))) return Optional.empty();
        byte[] head = new byte[1 << 16];
        int n;
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(head);
            while (bb.hasRemaining() && ch.read(bb) > 0) { }
            n = bb.position();
        } catch (IOException e) {
            return Optional.empty();
        }
        int start = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        int eol = -1;
        for (int i = start; i < n; i++) {
            if (head[i] == '\n') {
                eol = i;
                break;
            }
            if (head[i] == '"' || head[i] == '{' || head[i] == '[') return Optional.empty();
        }
        if (eol < 0) return Optional.empty();
        String header = new String(head, start, eol - start, StandardCharsets.UTF_8).replace("\r", "");
        char delim = opt.delimiter() != null ? opt.delimiter() : sniff(header);
        List<String> cols = new ArrayList<>();
        for (String c : header.split(java.util.regex.Pattern.quote(String.valueOf(delim)), -1)) cols.add(c.strip().toLowerCase(java.util.Locale.ROOT));
        int u = cols.indexOf("unit"), p = cols.indexOf("period"), i = cols.indexOf("indicator"), v = cols.indexOf("value");
        if (u < 0 || p < 0 || i < 0 || v < 0) return Optional.empty();
        return Optional.of(new LongLayout(delim, cols.size(), u, p, i, v, eol + 1, 1));
    }

    private static char sniff(String header) {
        int commas = 0, semis = 0, tabs = 0;
        for (char c : header.toCharArray()) {
            if (c == ',') commas++;
            else if (c == ';') semis++;
            else if (c == '\t') tabs++;
        }
        if (tabs > commas && tabs > semis) return '\t';
        return semis > commas ? ';' : ',';
    }

    /**
     * Cuts the data into about {@code parts} slices at line starts, counting lines so each slice knows
     * its first line number. Empty when the data holds a quote anywhere (a quoted field could hide a
     * line break, so only the ordinary reader can cut it safely).
     */
    public static Optional<List<Slice>> slices(Path path, LongLayout layout, int parts, ByteBuffer bb) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            long start = layout.dataStart();
            // cut points: the first line start at or after each equal share of the bytes
            List<Long> cuts = new ArrayList<>();
            cuts.add(start);
            long step = Math.max(1, (size - start) / Math.max(1, parts));
            for (int k = 1; k < parts; k++) {
                long cut = nextLineStart(ch, Math.max(start + k * step, cuts.get(cuts.size() - 1)), size, bb);
                if (cut > cuts.get(cuts.size() - 1) && cut < size) cuts.add(cut);
            }
            cuts.add(size);
            // one pass counts the lines of each slice and looks for quotes, eight bytes at a time
            List<Slice> out = new ArrayList<>();
            long line = layout.headerLines() + 1;
            for (int k = 0; k + 1 < cuts.size(); k++) {
                long[] counted = count(ch, cuts.get(k), cuts.get(k + 1), bb);
                if (counted[1] > 0) return Optional.empty();
                out.add(new Slice(cuts.get(k), cuts.get(k + 1), line));
                line += counted[0];
            }
            return Optional.of(out);
        }
    }

    private static long nextLineStart(FileChannel ch, long from, long size, ByteBuffer bb) throws IOException {
        long offset = from;
        while (offset < size) {
            bb.clear();
            int r = ch.read(bb, offset);
            if (r <= 0) break;
            byte[] a = bb.array();
            for (int i = 0; i < r; i++) if (a[i] == '\n') return offset + i + 1;
            offset += r;
        }
        return size;
    }

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL, QUOTES = 0x2222222222222222L;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** {line breaks, quotes} in [from, to). */
    private static long[] count(FileChannel ch, long from, long to, ByteBuffer bb) throws IOException {
        long lines = 0, quotes = 0;
        long offset = from;
        while (offset < to) {
            bb.clear();
            bb.limit((int) Math.min(bb.capacity(), to - offset));
            int r = ch.read(bb, offset);
            if (r <= 0) break;
            byte[] a = bb.array();
            int i = 0;
            for (; i + 8 <= r; i += 8) {
                long w = (long) LONGS.get(a, i);
                lines += Long.bitCount(zeroBytes(w ^ NEWLINES));
                quotes |= zeroBytes(w ^ QUOTES);
            }
            for (; i < r; i++) {
                if (a[i] == '\n') lines++;
                if (a[i] == '"') quotes = 1;
            }
            offset += r;
        }
        return new long[] {lines, quotes == 0 ? 0 : 1};
    }

    /** The high bit of each byte of the result is set exactly where {@code x} has a zero byte. */
    private static long zeroBytes(long x) {
        long t = (x & LOW7) + LOW7;
        return ~(t | x | LOW7);
    }

    /**
     * Reads one slice; rows it does not handle go through {@code reader.longRow}. A slice of a file that
     * was not scanned for quotes ({@code checked} false) stops at the first quote and the ordinary
     * tokenizer reads on from that line.
     */
    public static void read(InputFile file, LongLayout l, Slice slice, boolean checked, SubmissionReader reader,
                            ObservationSink sink, FastSink fast) throws IOException {
        Run run = new Run(file, l, reader, sink, fast);
        run.read(slice);
        if (run.quoteAt >= 0) {
            if (checked) throw new IllegalStateException("a quote in a slice that was scanned for quotes");
            reader.continueLong(file, l, run.quoteAt, run.quoteLine, sink);
        }
    }

    private static final class Run {
        final InputFile file;
        final LongLayout l;
        final SubmissionReader reader;
        final ObservationSink sink;
        final FastSink fast;
        final ByteKeyIndex units, indicators;
        final byte delim;
        final int[] starts, ends;
        final Map<String, Period> periods = new HashMap<>();
        byte[] buf;
        /** Where the first row with a quote starts (file offset and line), or -1. */
        long quoteAt = -1, quoteLine;
        // the previous row's unit and period bytes, to skip lookups on grouped rows
        byte[] lastUnit = new byte[64];
        int lastUnitLen = -1, lastUnitIdx;
        byte[] lastPeriod = new byte[32];
        int lastPeriodLen = -1;
        Period lastPeriodValue;

        Run(InputFile file, LongLayout l, SubmissionReader reader, ObservationSink sink, FastSink fast) {
            this.file = file;
            this.l = l;
            this.reader = reader;
            this.sink = sink;
            this.fast = fast;
            this.units = fast.units();
            this.indicators = fast.indicators();
            this.delim = (byte) l.delimiter();
            this.starts = new int[l.width() + 1];
            this.ends = new int[l.width() + 1];
            this.buf = reader.scratch;
        }

        void read(Slice s) throws IOException {
            try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                ch.position(s.from());
                long remaining = s.to() - s.from();
                long bufStart = s.from(); // the file offset of buf[0]
                int len = 0, pos = 0;
                long line = s.firstLine();
                boolean eof = false;
                while (true) {
                    int nl = -1;
                    for (int i = pos; i < len; i++) {
                        if (buf[i] == '\n') {
                            nl = i;
                            break;
                        }
                    }
                    if (nl < 0) {
                        if (eof) {
                            if (pos < len && !row(pos, len, line)) {
                                quoteAt = bufStart + pos;
                                quoteLine = line;
                            }
                            return;
                        }
                        // move the partial line to the front and read more
                        System.arraycopy(buf, pos, buf, 0, len - pos);
                        bufStart += pos;
                        len -= pos;
                        pos = 0;
                        if (len == buf.length) {
                            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                            reader.scratch = buf;
                        }
                        int want = (int) Math.min(buf.length - len, remaining);
                        int got = want <= 0 ? -1 : ch.read(ByteBuffer.wrap(buf, len, want));
                        if (got <= 0) eof = true;
                        else {
                            len += got;
                            remaining -= got;
                            if (remaining == 0) eof = true;
                        }
                        continue;
                    }
                    if (!row(pos, nl, line)) {
                        quoteAt = bufStart + pos;
                        quoteLine = line;
                        return;
                    }
                    line++;
                    pos = nl + 1;
                }
            }
        }

        /** Handles one line; false (having done nothing) when it holds a quote. */
        private boolean row(int from, int to, long line) {
            if (to > from && buf[to - 1] == '\r') to--;
            if (to == from) return true; // a blank line
            for (int i = from; i < to; i++) if (buf[i] == '"') return false;
            sink.record();
            int n = 0;
            boolean ascii = true;
            starts[0] = from;
            for (int i = from; i < to; i++) {
                byte b = buf[i];
                if (b < 0) ascii = false;
                if (b == delim) {
                    ends[n] = i;
                    if (++n > l.width()) break;
                    starts[n] = i + 1;
                }
            }
            if (n <= l.width()) ends[n] = to;
            n++;
            if (!ascii || n < l.needed() || !fastRow(line)) slow(from, to, line);
            return true;
        }

        private boolean fastRow(long line) {
            int us = trimStart(starts[l.unit()], ends[l.unit()]), ue = trimEnd(us, ends[l.unit()]);
            int unit;
            int ulen = ue - us;
            if (ulen == lastUnitLen && java.util.Arrays.equals(buf, us, ue, lastUnit, 0, ulen)) {
                unit = lastUnitIdx;
            } else {
                unit = units.get(buf, us, ue);
                if (unit < 0) return false;
                if (ulen > lastUnit.length) lastUnit = new byte[ulen * 2];
                System.arraycopy(buf, us, lastUnit, 0, ulen);
                lastUnitLen = ulen;
                lastUnitIdx = unit;
            }
            int is = trimStart(starts[l.indicator()], ends[l.indicator()]), ie = trimEnd(is, ends[l.indicator()]);
            int ind = indicators.get(buf, is, ie);
            if (ind < 0) return false;
            int ps = starts[l.period()], pe = ends[l.period()], plen = pe - ps;
            Period period;
            if (plen == lastPeriodLen && java.util.Arrays.equals(buf, ps, pe, lastPeriod, 0, plen)) {
                period = lastPeriodValue;
            } else {
                String text = new String(buf, ps, plen, StandardCharsets.US_ASCII);
                period = periods.computeIfAbsent(text, reader::period);
                if (period == null) {
                    periods.remove(text);
                    return false;
                }
                if (plen > lastPeriod.length) lastPeriod = new byte[plen * 2];
                System.arraycopy(buf, ps, lastPeriod, 0, plen);
                lastPeriodLen = plen;
                lastPeriodValue = period;
            }
            int vs = trimStart(starts[l.value()], ends[l.value()]), ve = trimEnd(vs, ends[l.value()]);
            if (vs == ve) return fast.value(unit, ind, period, 0, true, line);
            int i = vs;
            boolean neg = false;
            if (buf[i] == '-' || buf[i] == '+') {
                neg = buf[i] == '-';
                i++;
            }
            if (i == ve || ve - i > 18) return false;
            long v = 0;
            for (; i < ve; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) return false;
                v = v * 10 + d;
            }
            return fast.value(unit, ind, period, neg ? -v : v, false, line);
        }

        private int trimStart(int s, int e) {
            while (s < e && (buf[s] == ' ' || buf[s] == '\t')) s++;
            return s;
        }

        private int trimEnd(int s, int e) {
            while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) e--;
            return e;
        }

        private void slow(int from, int to, long line) {
            String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
            List<String> row = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(String.valueOf(l.delimiter())), -1)));
            reader.longRow(file.display(), line, row, l, sink);
        }
    }
}
