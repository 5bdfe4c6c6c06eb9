package dev.tally.config;

import dev.tally.model.TallyException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects configuration problems, one line each ("file:line: what is wrong; what to do"), and throws
 * them together: the first {@link #SHOWN} by line, then how many more, so that a units file of the wrong
 * shape (100,000 rows, each naming an unknown parent) is a screenful to act on, not 100,000 lines.
 */
final class ConfigErrors {
    /** The most problems listed; the rest are counted. */
    static final int SHOWN = 50;

    private record Line(long line, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final String file;

    ConfigErrors(String file) { this.file = file; }

    void add(long line, String message) {
        lines.add(new Line(line, file + (line > 0 ? ":" + line : "") + ": " + message));
    }

    boolean any() { return !lines.isEmpty(); }

    /**
     * The rule every CSV tally reads keeps, as submissions do (read.CsvSubmissions): a row has as many
     * fields as the header. A field past the header's columns (a weight under a header without
     * {@code weight}) would otherwise be dropped in silence, and a missing one read as empty.
     * Returns false (and adds the problem) when the row breaks it.
     */
    boolean width(long line, int fields, int header, byte delimiter) {
        if (fields == header) return true;
        // the delimiter shown only here: made for every row, its text cost the units file (11,000 rows) a string each
        add(line, dev.tally.model.Text.t("config.csvWidth", fields, header, dev.tally.read.Delimiters.shown(delimiter)));
        return false;
    }

    /** Throws a configuration error (exit 3) listing every problem, when there is any. */
    void throwIfAny() {
        if (lines.isEmpty()) return;
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingLong(Line::line)); // stable: same-line problems keep their order
        List<String> shown = new ArrayList<>(sorted.stream().limit(SHOWN).map(Line::text).toList());
        if (sorted.size() > SHOWN) shown.add(file + ": " + dev.tally.model.Text.t("config.moreProblems", sorted.size() - SHOWN, sorted.size(), SHOWN));
        throw TallyException.config(String.join(System.lineSeparator(), shown));
    }
}
