package dev.tally.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file's bytes written through the page cache up to {@code directAfter} bytes, and past that, where
 * the file system allows it, around the cache (O_DIRECT): for a large output the kernel's copy into
 * the page cache is the cost. W3's 3 GB of CSV took this machine's kernel 8.2 s of CPU buffered
 * against 0.7 s direct ({@code dd bs=1M} against {@code oflag=direct}), with two cores to share. A
 * direct write waits for the device, so a device that takes them slower than {@code minDirectRate}
 * (a disk, a network share) gets the rest of the file through the cache again; so does a file
 * system that refuses O_DIRECT (tmpfs). Which way a byte went changes nothing in the file.
 *
 * <p>Direct writes need the buffer's address, the file position and the length to be multiples of
 * the file system's block size: the buffer is an aligned direct buffer, the switch happens at an
 * aligned position, only whole blocks go direct, and the tail goes through the cache at close.
 */
final class BypassingFileStream extends OutputStream {
    /** Smaller outputs stay wholly in the page cache, where whoever reads them next finds them. */
    static final long DIRECT_AFTER = 64L << 20;
    /** The rate below which direct writes cost more waiting than the cache's copy costs CPU. */
    static final long MIN_DIRECT_RATE = 400L << 20;
    /** How much is written direct before its rate is judged. */
    static final long JUDGE_AFTER = 32L << 20;
    private static final int BUFFER = 4 << 20;

    /** Opens the file for direct writes; throws where the file system refuses them. */
    interface DirectOpener {
        FileChannel open(Path path) throws IOException;
    }

    private static final DirectOpener O_DIRECT =
            p -> FileChannel.open(p, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);

    private final Path path;
    private final DirectOpener opener;
    private final long directAfter, minDirectRate, judgeAfter;
    private final int bufferSize;
    private final FileChannel cached;
    /** Open from the first whole buffer past directAfter until the end, a refusal or a slow device. */
    private FileChannel direct;
    /** After a refusal or a slow device: no more attempts for this file. */
    private boolean directDone;
    private ByteBuffer buf;
    private long position;
    private long directBytes, directNanos;
    /** The device took direct writes too slowly: the rest went through the cache. */
    private boolean slow;
    private boolean closed;
    /** The direct write that was refused, after which the rest went through the cache; null when none was. */
    private IOException refused;

    BypassingFileStream(Path path) throws IOException {
        this(path, DIRECT_AFTER, MIN_DIRECT_RATE, JUDGE_AFTER, BUFFER, O_DIRECT);
    }

    /**
     * @param path an existing file, written from its start
     * @param bufferSize the buffer of direct writes; before them, a buffer of at most 64 KB
     */
    BypassingFileStream(Path path, long directAfter, long minDirectRate, long judgeAfter, int bufferSize, DirectOpener opener)
            throws IOException {
        this.path = path;
        this.opener = opener;
        this.directAfter = directAfter;
        this.minDirectRate = minDirectRate;
        this.judgeAfter = judgeAfter;
        this.bufferSize = bufferSize;
        this.cached = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        // direct, so that the channel does not copy it once more; most outputs never need more than this
        this.buf = aligned((int) Math.max(4096, Math.min(bufferSize, Math.min(directAfter, 1 << 16))), 4096);
    }

    /** A direct buffer of {@code size} bytes whose address is a multiple of {@code align}. */
    private static ByteBuffer aligned(int size, int align) {
        // exactly size bytes: an aligned slice is as long as the allocation allows (up to size + align
        // where the address happens to be aligned), and clear() would give that length back, so the
        // direct writes' length would depend on where the allocator put the buffer
        return ByteBuffer.allocateDirect(size + align).alignedSlice(align).slice(0, size);
    }

    @Override
    public void write(int b) throws IOException {
        if (!buf.hasRemaining()) drain();
        buf.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buf.hasRemaining()) drain();
            int n = Math.min(len, buf.remaining());
            buf.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the full buffer, and opens the way around the cache once the file is past the threshold. */
    private void drain() throws IOException {
        buf.flip();
        FileChannel ch = direct != null ? direct : cached;
        long start = System.nanoTime();
        int n = buf.remaining();
        try {
            while (buf.hasRemaining()) ch.write(buf, position + (n - buf.remaining()));
        } catch (IOException e) {
            if (ch != direct) throw e;
            // a direct write the file system would not take (a block size it did not tell, a short
            // write that left the position unaligned): the same bytes again through the cache, which
            // reports a real failure (a full disk) as its own
            refused = e;
            ch = cached;
            stopDirect();
            buf.position(0);
            while (buf.hasRemaining()) ch.write(buf, position + (n - buf.remaining()));
        }
        position += n;
        buf.clear();
        if (ch == direct) {
            long nanos = System.nanoTime() - start;
            directBytes += n;
            directNanos += nanos;
            // once enough is written direct to judge, a slow device gets the cache back for the rest
            if (directBytes >= judgeAfter && directBytes * 1e9 / Math.max(1, directNanos) < minDirectRate) {
                slow = true;
                stopDirect();
            }
        } else if (position >= directAfter && !directDone) {
            openDirect();
        }
    }

    /**
     * Direct writes need the buffer's address, the position and the length to be multiples of the
     * file system's block size: the buffer is made anew with that alignment and a size of whole blocks.
     */
    private void openDirect() {
        directDone = true; // one attempt; reset only by success
        int block;
        try {
            long b = Files.getFileStore(path).getBlockSize();
            block = b >= 512 && b <= (1 << 16) && Long.bitCount(b) == 1 ? (int) b : 4096;
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (position % block != 0 || bufferSize < block) return;
        try {
            direct = opener.open(path);
        } catch (IOException | UnsupportedOperationException | NoClassDefFoundError e) {
            // the file system refuses O_DIRECT (tmpfs before Linux 6.6), or a runtime without the
            // jdk.unsupported module has no such option: the cache it is
            return;
        }
        directDone = false;
        buf = aligned(bufferSize / block * block, block);
    }

    private void stopDirect() {
        directDone = true;
        FileChannel d = direct;
        direct = null;
        try {
            d.close();
        } catch (IOException e) {
            // nothing was left unwritten in it: direct writes are not buffered
        }
    }

    @Override
    public void flush() {
        // bytes reach the file when the buffer is full and at close: a flush that wrote a short block
        // would end the direct writes (their positions must stay whole blocks)
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            buf.flip();
            // the tail is not whole blocks: through the cache, which takes any length
            int n = buf.remaining();
            while (buf.hasRemaining()) cached.write(buf, position + (n - buf.remaining()));
            position += n;
            buf.clear();
        } finally {
            try (FileChannel c = cached; FileChannel d = direct) {
                direct = null; // both closed, whatever the tail's write did
            }
        }
    }

    /** Bytes this stream wrote direct. */
    long directBytes() { return directBytes; }

    /** How this file's bytes went around the page cache, for TALLY_TIMING: MB, MB/s, and whether its device was too slow for it. */
    String directWrites() {
        // not String.format: asked for on every run, its first use cost 10 ms of a cron run's start-up
        return (directBytes >> 20) + " MB direct at " + (long) (directBytes * 1e3 / Math.max(1, directNanos)) + " MB/s" + (slow ? ", slow" : "");
    }

    /** True when the device took direct writes too slowly and the rest went through the cache. */
    boolean slow() { return slow; }

    /** Why direct writes stopped before the end, where a write was refused (tests); else null. */
    IOException refused() { return refused; }
}
