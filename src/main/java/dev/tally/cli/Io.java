package dev.tally.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process's streams, working directory and terminal width (0: unlimited), whether standard
 * output and standard error are terminals, passed in so tests run the real command line in-process
 * with fixed settings.
 */
record Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock, boolean terminal,
          boolean errTerminal) {
    Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock) {
        this(in, out, err, workingDir, width, clock, false, false);
    }

    Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock, boolean terminal) {
        this(in, out, err, workingDir, width, clock, terminal, false);
    }
}
