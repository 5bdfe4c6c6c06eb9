package dev.tally.write;

import static dev.tally.model.Text.t;

import dev.tally.io.AtomicFile;
import dev.tally.model.TallyException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's main output goes: standard output, or a file. A regular file (or a new one) is
 * written atomically: a temporary file in the same directory, renamed over the target on
 * {@link #commit}; closing without commit deletes the temporary file and leaves an existing file as
 * it was. Anything else that exists (a device, a FIFO) is written directly, never replaced by a
 * regular file. A write that fails (a full disk, a device that refuses) is an input/output error
 * (exit 4) naming the output and saying that the previous file is unchanged, never an internal error.
 */
public final class Output implements AutoCloseable {
    private final AtomicFile file;
    private final OutputStream stream;
    private final String name;
    private boolean owned;

    private Output(AtomicFile file, OutputStream raw, String name) {
        this.file = file;
        this.name = name;
        this.stream = new Guarded(raw, this);
    }

    /** {@code path} null (or {@code -}) means standard output, which is flushed, never closed. */
    public static Output open(Path path, OutputStream stdout) { return open(path, stdout, "-o"); }

    /**
     * As above, for the file given to {@code option} ({@code -o}, {@code --findings}): a message about a
     * file that cannot be written names the option to change.
     */
    public static Output open(Path path, OutputStream stdout, String option) {
        if (path == null || path.toString().equals("-")) {
            return new Output(null, new java.io.FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                @Override
                public void close() throws IOException { out.flush(); }
            }, t("output.stdout"));
        }
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            // a device or a FIFO: written to, never replaced
            try {
                Output o = new Output(null, new java.io.BufferedOutputStream(new FileOutputStream(path.toFile()), 1 << 16), path.toString());
                o.owned = true;
                return o;
            } catch (IOException e) {
                throw TallyException.io(t("file.cannotWriteHere", path, e.getMessage(), option));
            }
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            // name the directory as the user wrote it, not as an absolute path
            Path shown = path.getParent() == null ? dir : path.getParent();
            throw TallyException.io(t("file.noDirectory", path, shown, option));
        }
        if (Files.isDirectory(path)) throw TallyException.io(t("file.isDirectory", path, option));
        try {
            AtomicFile f = AtomicFile.create(path);
            return new Output(f, new java.io.BufferedOutputStream(f.stream(), 1 << 16), path.toString());
        } catch (IOException e) {
            throw TallyException.io(t("file.cannotWriteHere", path, e.getMessage(), option));
        }
    }

    public OutputStream stream() { return stream; }

    public String name() { return name; }

    /** How a file's bytes went around the page cache (TALLY_TIMING); null for standard output. */
    public String directWrites() { return file == null ? null : file.directWrites(); }

    /** Makes the output visible: flushes standard output, or renames the temp file over the target. */
    public void commit() {
        try {
            stream.flush();
            if (file != null) file.commit();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    TallyException failed(IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return TallyException.io(t("file.cannotWrite", name, why) + (file != null ? t("file.previousUnchanged") : ""));
    }

    @Override
    public void close() {
        try {
            if (file != null) file.close();
            else if (owned) stream.close();
            else stream.flush();
        } catch (IOException e) {
            throw failed(e);
        } catch (TallyException e) {
            // already reported by the write that failed
        }
    }

    /** Turns a failed write into the input/output error that names the output. */
    private static final class Guarded extends OutputStream {
        private final OutputStream out;
        private final Output owner;

        Guarded(OutputStream out, Output owner) {
            this.out = out;
            this.owner = owner;
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw owner.failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw owner.failed(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw owner.failed(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw owner.failed(e);
            }
        }
    }
}
