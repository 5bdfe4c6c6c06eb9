package dev.tally.cli;

import java.io.PrintStream;

/** Phase timings on standard error when TALLY_TIMING is set: for profiling runs, silent otherwise. */
final class Timing {
    private final PrintStream err;
    private final boolean on = System.getenv("TALLY_TIMING") != null;
    private long last = System.nanoTime();

    Timing(PrintStream err) { this.err = err; }

    void mark(String phase) {
        if (!on) return;
        long now = System.nanoTime();
        err.printf("timing: %-18s %6d ms%n", phase, (now - last) / 1_000_000);
        last = now;
    }

    /** A line of its own, when timings are on. */
    void note(String what, String text) {
        if (on) err.printf("timing: %-18s %s%n", what, text);
    }
}
