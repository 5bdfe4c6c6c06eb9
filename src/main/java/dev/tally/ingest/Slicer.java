package dev.tally.ingest;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a large CSV file into byte ranges that start at line starts, so several threads can read it,
 * each range knowing the number of its first line. A file is cut only where no quote comes before a
 * cut: a quoted field may hide a line break, which only reading from the start can see. The last
 * range is not looked at here: nothing after it depends on it, and its reader (the same tokenizer as
 * for a whole file) reads its quotes and counts its lines as it would in the whole file.
 */
final class Slicer {
    private Slicer() {}

    /** A byte range of a file, starting at a line start, and the number of that line. */
    record Slice(long from, long to, long firstLine) {}

    /**
     * The slices of a file, and how many bytes were counted for their line numbers (all but the last
     * slice's: tests prove the last slice is left to its reader).
     */
    record Cut(List<Slice> slices, long counted) {}

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL, QUOTES = 0x2222222222222222L, RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * About {@code parts} slices of {@code [start, size)} cut at line starts; empty when the data before
     * the last cut holds a quote or a carriage return without a line feed after it (then the cuts and
     * line numbers would need the tokenizer). {@code startLine} is the number of the line at {@code start}.
     */
    static Optional<Cut> slices(Path path, long start, long startLine, int parts, ByteBuffer bb) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Long> cuts = new ArrayList<>();
            cuts.add(start);
            long step = Math.max(1, (size - start) / Math.max(1, parts));
            for (int k = 1; k < parts; k++) {
                long cut = nextLineStart(ch, Math.max(start + k * step, cuts.get(cuts.size() - 1)), size, bb);
                if (cut > cuts.get(cuts.size() - 1) && cut < size) cuts.add(cut);
            }
            cuts.add(size);
            List<Slice> out = new ArrayList<>();
            long line = startLine;
            for (int k = 0; k + 1 < cuts.size(); k++) {
                out.add(new Slice(cuts.get(k), cuts.get(k + 1), line));
                if (k + 2 == cuts.size()) break; // the last slice: nothing after it needs its count
                long[] counted = countInTwo(ch, cuts.get(k), cuts.get(k + 1), bb);
                if (counted[1] != counted[2]) return Optional.empty(); // a quote, or a lone CR
                line += counted[0];
            }
            return Optional.of(new Cut(out, cuts.get(cuts.size() - 2) - start));
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

    /** Slices this long or longer are counted in two halves at once (tests lower it). */
    static long countInTwoFrom = 8L << 20;
    /** How many slices were counted in two halves: tests prove the way is taken. */
    static final java.util.concurrent.atomic.AtomicLong HALVED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * As {@link #count}, the second half on a thread of its own: the reading waits for this count
     * (W1's main thread, about 60 ms), and the other core is free then. The halves' sums add up; the
     * second half is told the byte before it, for a CR LF cut in two.
     */
    private static long[] countInTwo(FileChannel ch, long from, long to, ByteBuffer bb) throws IOException {
        long mid = from + (to - from) / 2;
        if (to - from < countInTwoFrom) return count(ch, from, to, bb, (byte) 0);
        HALVED.incrementAndGet();
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, mid - 1);
        byte before = one.get(0);
        java.util.concurrent.CompletableFuture<long[]> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return count(ch, mid, to, ByteBuffer.allocate(bb.capacity()), before);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long[] a = count(ch, from, mid, bb, (byte) 0);
        long[] b;
        try {
            b = second.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            throw e;
        }
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    /**
     * {line feeds, quotes + carriage returns, carriage returns followed by a line feed} in [from, to),
     * eight bytes at a time; the second equals the third exactly when there is no quote and every CR
     * ends a CR LF.
     */
    private static long[] count(FileChannel ch, long from, long to, ByteBuffer bb, byte before) throws IOException {
        long lines = 0, special = 0, crlf = 0;
        long offset = from;
        byte prev = before;
        while (offset < to) {
            bb.clear();
            bb.limit((int) Math.min(bb.capacity(), to - offset));
            int r = ch.read(bb, offset);
            if (r <= 0) break;
            byte[] a = bb.array();
            int i = 0;
            for (; i + 8 <= r; i += 8) {
                long w = (long) LONGS.get(a, i);
                // the line feeds' high bits, one per byte, summed in the top byte (no bitCount call under C1)
                lines += ((zeroBytes(w ^ NEWLINES) >>> 7) * 0x0101010101010101L) >>> 56;
                long q = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ RETURNS);
                if (q != 0) {
                    for (int k = i; k < i + 8; k++) {
                        if (a[k] == '"' || a[k] == '\r') special++;
                        if (a[k] == '\n' && (k > 0 ? a[k - 1] : prev) == '\r') crlf++;
                    }
                } else if (a[i] == '\n' && (i > 0 ? a[i - 1] : prev) == '\r') {
                    crlf++;
                }
            }
            for (; i < r; i++) {
                if (a[i] == '\n') lines++;
                if (a[i] == '"' || a[i] == '\r') special++;
                if (a[i] == '\n' && (i > 0 ? a[i - 1] : prev) == '\r') crlf++;
            }
            prev = a[r - 1];
            offset += r;
        }
        return new long[] {lines, special, crlf};
    }

    /** The high bit of each byte of the result is set exactly where {@code x} has a zero byte. */
    private static long zeroBytes(long x) {
        long t = (x & LOW7) + LOW7;
        return ~(t | x | LOW7);
    }
}
