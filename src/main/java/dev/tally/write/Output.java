package dev.tally.write;

import dev.tally.io.AtomicFile;
import dev.tally.model.TallyException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's main output goes: standard output, or a file written atomically (temp file in
 * the same directory, renamed on {@link #commit}). Closing without commit leaves an existing file as
 * it was. An unwritable destination is an input/output error (exit 4) naming it.
 */
public final class Output implements AutoCloseable {
    private final AtomicFile file;
    private final OutputStream stream;
    private final String name;

    private Output(AtomicFile file, OutputStream stream, String name) {
        this.file = file;
        this.stream = stream;
        this.name = name;
    }

    /** {@code path} null means standard output, which is flushed, never closed. */
    public static Output open(Path path, OutputStream stdout) {
        if (path == null) {
            return new Output(null, new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                @Override
                public void close() throws IOException { out.flush(); }
            }, "standard output");
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            // name the directory as the user wrote it, not as an absolute path
            Path shown = path.getParent() == null ? dir : path.getParent();
            throw TallyException.io(path + ": the directory " + shown + " does not exist; create it or choose another -o");
        }
        if (Files.isDirectory(path)) throw TallyException.io(path + ": is a directory; give a file name to -o");
        try {
            AtomicFile f = AtomicFile.create(path);
            return new Output(f, new java.io.BufferedOutputStream(f.stream(), 1 << 16), path.toString());
        } catch (IOException e) {
            throw TallyException.io(path + ": cannot write here (" + e.getMessage() + "); check permissions or choose another -o");
        }
    }

    public OutputStream stream() { return stream; }

    public String name() { return name; }

    /** Makes the output visible: flushes standard output, or renames the temp file over the target. */
    public void commit() {
        try {
            stream.flush();
            if (file != null) file.commit();
        } catch (IOException e) {
            throw TallyException.io(name + ": cannot write: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (file != null) file.close();
            else stream.flush();
        } catch (IOException e) {
            throw TallyException.io(name + ": cannot write: " + e.getMessage());
        }
    }
}
