package dev.tally.config;

import dev.tally.model.TallyException;
import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, one line each ("file:line: what is wrong; what to do"), and throws them together. */
final class ConfigErrors {
    private final List<String> lines = new ArrayList<>();
    private final String file;

    ConfigErrors(String file) { this.file = file; }

    void add(long line, String message) {
        lines.add(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    boolean any() { return !lines.isEmpty(); }

    /** Throws a configuration error (exit 3) listing every problem, when there is any. */
    void throwIfAny() {
        if (!lines.isEmpty()) throw TallyException.config(String.join(System.lineSeparator(), lines));
    }
}
