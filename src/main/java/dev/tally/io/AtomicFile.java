package dev.tally.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written atomically: bytes go to a temporary file in the same directory, and
 * {@link #commit()} renames it over the target. Closing without commit deletes the temporary file,
 * so a failed or killed job never leaves a half-written table, and an existing target stays as it was.
 *
 * <pre>try (AtomicFile f = AtomicFile.create(path)) { write(f.stream()); f.commit(); }</pre>
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
    }

    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = newTemp(dir, abs.getFileName().toString());
        permissions(abs, temp);
        return new AtomicFile(abs, temp, new BypassingFileStream(temp));
    }

    /**
     * A new file {@code .NAME.RANDOM.tmp} beside the target. The name need not be unguessable: the
     * file is created only if nothing is there (a link included), else another name is tried.
     * Files.createTempFile would seed a SecureRandom for it, ~10 ms of every run that writes a file.
     */
    static Path newTemp(Path dir, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    /**
     * The output should read like any other file: the temporary file gets the permissions of the
     * file it replaces, else rw-r--r--, while it is still empty.
     */
    private static void permissions(Path target, Path temp) {
        try {
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the platform default stands
        }
    }

    public OutputStream stream() { return out; }

    /** How this file's bytes went around the page cache, for TALLY_TIMING: MB, MB/s, and whether its device was too slow for it. */
    public String directWrites() { return out instanceof BypassingFileStream b ? b.directWrites() : "buffered"; }

    public Path target() { return target; }

    /** Flushes, closes and renames the temporary file over the target. */
    public void commit() throws IOException {
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
