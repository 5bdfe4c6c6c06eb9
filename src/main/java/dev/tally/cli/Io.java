package dev.tally.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process's streams, working directory and terminal width (0: unlimited), whether standard
 * output and standard error are terminals and standard error's width (0: not one), passed in so
 * tests run the real command line in-process with fixed settings.
 */
record Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock, boolean terminal,
          boolean errTerminal, int errWidth) {
    /** Standard error, when a terminal, as wide as standard output's {@code width} (tests). */
    Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock, boolean terminal,
       boolean errTerminal) {
        this(in, out, err, workingDir, width, clock, terminal, errTerminal, errTerminal ? width : 0);
    }

    Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock) {
        this(in, out, err, workingDir, width, clock, false, false);
    }

    Io(InputStream in, PrintStream out, PrintStream err, Path workingDir, int width, java.time.Clock clock, boolean terminal) {
        this(in, out, err, workingDir, width, clock, terminal, false);
    }

    /**
     * A note for a person on standard error (a closing summary): on a terminal each line wrapped at
     * spaces to its width, continued 4 columns in, instead of broken mid-word at its edge; elsewhere
     * as it is, one line for grep and logs. Each line of {@code text} (a note of several lines is
     * joined with line separators) is shown with what a terminal would act on escaped
     * ({@link dev.tally.write.Visible}): a note quotes units, codes and paths from files.
     */
    void note(String text) { print(err, text, errWidth); }

    /**
     * A warning for a person on standard error, marked as one ({@code tally: warning: …}, in Vietnamese
     * {@code tally: cảnh báo: …}) so that it does not read as the error that stopped the run.
     */
    void warn(String text) { note("tally: " + dev.tally.model.Text.t("cli.warning", text)); }

    /** A message for a person on standard output, wrapped as {@link #note} when it is a terminal. */
    void say(String text) { print(out, text, terminal ? width : 0); }

    private static void print(PrintStream to, String text, int width) {
        for (String line : text.split("\r?\n", -1)) to.println(dev.tally.write.Cells.hanging(dev.tally.write.Visible.of(line), width));
    }
}
