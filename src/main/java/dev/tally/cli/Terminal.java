package dev.tally.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether standard output and standard error are terminals, and the width of the one standard
 * output is on ($COLUMNS overrides it; 0 on a pipe: no fitting). JLine's native terminal support
 * answers; loading it costs about 45 ms, so on Linux the descriptors are first looked up in
 * /proc/self/fd and JLine is asked only when one of them may be a terminal: cron jobs and pipes
 * start without it.
 */
final class Terminal {
    private Terminal() {}

    record State(boolean out, boolean err, int width, int errWidth) {}

    static State detect() {
        if (!maybe(1) && !maybe(2)) return new State(false, false, 0, 0);
        boolean out, err;
        int width = 0, errWidth = 0;
        try {
            TerminalProvider p = TerminalProvider.load("jni");
            out = p.isSystemStream(SystemStream.Output);
            err = p.isSystemStream(SystemStream.Error);
            if (out) width = p.systemStreamWidth(SystemStream.Output);
            if (err) errWidth = p.systemStreamWidth(SystemStream.Error);
        } catch (Throwable e) {
            // no native support on this platform: the JVM's own answer, and a common width
            out = err = System.console() != null;
            width = errWidth = out ? 120 : 0;
        }
        return new State(out, err, out ? given(width) : 0, err ? given(errWidth) : 0);
    }

    /** A terminal's width: $COLUMNS when set, else what the terminal said, else 120. */
    private static int given(int measured) {
        Integer columns = columns();
        if (columns != null) return columns;
        return measured > 0 ? measured : 120;
    }

    /** The width of a terminal as $COLUMNS gives it, or null. */
    static Integer columns() { return columns(System.getenv("COLUMNS")); }

    /**
     * The width {@code COLUMNS} gives (null when it is not a number). Below 20 (1, 0, -5) it is taken as
     * 20: the table then keeps its keys whole and runs past that width where it must, rather than cut
     * them into ambiguity ('2018-…'); see the table writer.
     */
    static Integer columns(String c) {
        if (c == null) return null;
        try {
            return Math.max(20, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** False when the descriptor is certainly not a terminal (a file, a pipe); true when it may be. */
    private static boolean maybe(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(link)) return !Files.isDirectory(Path.of("/proc/self/fd"));
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (Exception e) {
            return true;
        }
    }
}
