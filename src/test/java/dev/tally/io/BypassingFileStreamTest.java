package dev.tally.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The large-output way around the page cache: the file's bytes are the same whichever way each of
 * them went, and the way taken is the one expected (direct past the threshold in whole buffers, the
 * tail and everything before through the cache; the cache again after a slow device or a refusal).
 */
@Isolated // reads BypassingFileStream.DIRECT_BYTES and SLOW, which every large output counts
class BypassingFileStreamTest {
    private static final int KB = 1024;

    @TempDir
    Path dir;

    /** 1 MB and 123 bytes, written in chunks of every size from 1 byte to 40 KB and single bytes. */
    private static byte[] write(BypassingFileStream out) throws IOException {
        byte[] data = new byte[1024 * KB + 123];
        new Random(7).nextBytes(data);
        Random sizes = new Random(11);
        int off = 0;
        while (off < data.length) {
            int n = Math.min(data.length - off, sizes.nextInt(40 * KB) + 1);
            if (n % 5 == 0) {
                out.write(data[off]);
                n = 1;
            } else {
                out.write(data, off, n);
            }
            off += n;
        }
        out.close();
        out.close(); // closing twice writes nothing twice
        return data;
    }

    private static final BypassingFileStream.DirectOpener DIRECT =
            p -> FileChannel.open(p, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);

    private static boolean directAllowed(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "probe", ".bin");
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void pastTheThresholdWholeBuffersGoDirectAndTheFileIsTheSame() throws IOException {
        Path f = Files.createFile(dir.resolve("out.bin"));
        BypassingFileStream out = new BypassingFileStream(f, 64 * KB, 0, 1L << 40, 16 * KB, DIRECT);
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        if (directAllowed(dir) && out.refused() == null) {
            // 64 full buffers of 16 KB; the first four end before 64 KB, the 123-byte tail goes through the cache
            assertThat(out.directBytes()).isEqualTo(60 * 16 * KB);
            assertThat(out.directWrites()).startsWith("0 MB direct at ").doesNotContain("slow");
        } else if (directAllowed(dir)) {
            // the kernel refused one direct write (seen once in CI: 59 of the 60 went direct): that
            // buffer and the rest went through the cache, and the file is still the same (above)
            assertThat(out.directBytes()).as(String.valueOf(out.refused())).isLessThan(60 * 16 * KB);
            assertThat(out.directBytes() % (16 * KB)).isZero();
        } else {
            assertThat(out.directBytes()).isZero();
        }
    }

    @Test
    void theBufferGrowsToItsFullSizeOnlyWhenTheFileGoesDirect() throws IOException {
        Path f = Files.createFile(dir.resolve("grow.bin"));
        // 64 KB through the cache in one small buffer, then buffers of 128 KB: 7 whole ones in the rest
        BypassingFileStream out = new BypassingFileStream(f, 64 * KB, 0, 1L << 40, 128 * KB, p -> FileChannel.open(p, StandardOpenOption.WRITE));
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        assertThat(out.directBytes()).isEqualTo(7 * 128 * KB);
    }

    @Test
    void aSlowDeviceGetsTheCacheBackAfterTheFirstJudgement() throws IOException {
        Path f = Files.createFile(dir.resolve("slow.bin"));
        // no device writes at 2^62 bytes a second: judged after two buffers, then the cache (the "direct"
        // channel here is a plain one, so that the judging is tested on any file system)
        BypassingFileStream out = new BypassingFileStream(f, 64 * KB, 1L << 62, 32 * KB, 16 * KB,
                p -> FileChannel.open(p, StandardOpenOption.WRITE));
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        assertThat(out.directBytes()).isEqualTo(2 * 16 * KB);
        assertThat(out.slow()).isTrue();
        assertThat(out.directWrites()).endsWith(", slow");
    }

    @Test
    void aFileSystemThatRefusesDirectWritesGetsEverythingThroughTheCache() throws IOException {
        Path f = Files.createFile(dir.resolve("refused.bin"));
        int[] asked = {0};
        BypassingFileStream out = new BypassingFileStream(f, 64 * KB, 0, 1L << 40, 16 * KB, p -> {
            asked[0]++;
            throw new IOException("Invalid argument"); // what open(2) says on a file system without O_DIRECT
        });
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        assertThat(out.directBytes()).isZero();
        assertThat(asked[0]).as("asked once, not for every buffer").isEqualTo(1);
    }

    @Test
    void aDirectWriteTheFileSystemRefusesIsWrittenThroughTheCacheInstead() throws IOException {
        Path f = Files.createFile(dir.resolve("refusing.bin"));
        // a channel that fails every write, as one with a block size the file system did not report would
        BypassingFileStream out = new BypassingFileStream(f, 64 * KB, 0, 1L << 40, 16 * KB, p -> {
            FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE);
            c.close();
            return c;
        });
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        assertThat(out.directBytes()).isZero();
    }

    @Test
    void aSmallOutputNeverGoesDirect() throws IOException {
        Path f = Files.createFile(dir.resolve("small.bin"));
        BypassingFileStream out = new BypassingFileStream(f);
        byte[] data = write(out);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
        assertThat(out.directBytes()).isZero();
    }
}
