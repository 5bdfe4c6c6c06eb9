package dev.tally.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the real command line in the test's process with the settings fixed: English unless the
 * arguments ask for Vietnamese, no terminal unless asked, a given width and clock. (The process's own
 * entry, {@link Cli#run(String[], InputStream, PrintStream, PrintStream, Path)}, reads them from the
 * environment.)
 */
public final class InProcess {
    private InProcess() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDir, int width) {
        return run(args, in, out, err, workingDir, width, Clock.systemUTC());
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, Clock clock) {
        return run(args, in, out, err, workingDir, width, clock, false);
    }

    /** @param terminal standard output is a terminal (to see what a person at a terminal sees) */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, Clock clock,
                          boolean terminal) {
        return Cli.run(args, new Io(in, out, err, workingDir, width, clock, terminal));
    }
}
