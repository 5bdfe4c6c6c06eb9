package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Severity;
import dev.tally.model.TallyException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The findings of one reading thread past {@link Validator#LISTED_PER_INPUT} for an input, kept on
 * disk instead of in memory, so that {@code --findings FILE} can write every finding of a file that is
 * wrong on each of its million rows in the memory of ten thousand. A temporary file in the directory
 * given (the findings file's own, where the same bytes go next), written as the thread reads (its
 * inputs in order, their lines in order) and read back in that order; deleted on {@link #close}, or at
 * the latest when the JVM exits. A record: input, its line twice (where it sorts, and the finding's
 * own), severity, code, then file, unit, period,
 * indicator, value and message as UTF-8 (length first, -1 for none).
 */
final class FindingSpill implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private long count;

    private FindingSpill(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    static FindingSpill in(Path dir) {
        try {
            Path f = Files.createTempFile(dir, ".tally-findings-", ".tmp");
            f.toFile().deleteOnExit();
            return new FindingSpill(f);
        } catch (IOException e) {
            throw failed(dir, e);
        }
    }

    private static TallyException failed(Path where, IOException e) {
        return TallyException.io(t("findings.spillFailed", where, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                Validator.LISTED_PER_INPUT));
    }

    long count() { return count; }

    void add(Validator.Located l) {
        Finding f = l.finding();
        try {
            out.writeInt(l.input());
            out.writeLong(l.line());
            out.writeLong(f.line());
            out.writeByte(f.severity().ordinal());
            out.writeByte(f.code().ordinal());
            for (String s : new String[] {f.file(), f.unit(), f.period(), f.indicator(), f.value(), f.message()}) text(s);
            count++;
        } catch (IOException e) {
            throw failed(file.getParent(), e);
        }
    }

    private void text(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** The findings in the order they were added; the file is complete once reading starts. */
    Iterator<Validator.Located> read() {
        DataInputStream in;
        try {
            out.flush();
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw failed(file.getParent(), e);
        }
        return new Iterator<>() {
            private long left = count;

            @Override
            public boolean hasNext() {
                if (left > 0) return true;
                close(in);
                return false;
            }

            @Override
            public Validator.Located next() {
                if (left <= 0) throw new NoSuchElementException();
                left--;
                try {
                    int input = in.readInt();
                    long at = in.readLong(), line = in.readLong();
                    Severity severity = Severity.values()[in.readByte()];
                    FindingCode code = FindingCode.values()[in.readByte()];
                    String file = text(in), unit = text(in), period = text(in), indicator = text(in), value = text(in), message = text(in);
                    return new Validator.Located(input, at, new Finding(severity, code, file, line, unit, period, indicator, value, message));
                } catch (EOFException e) {
                    throw new IllegalStateException("a findings spill ended early: " + file, e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void close(DataInputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // read to its end already
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // being deleted
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // deleteOnExit has it
        }
    }
}
