package dev.tally.model;

import java.time.LocalDate;

/**
 * A span of time with one set of units and one catalog: before a reorganisation of the units, and
 * after it (tally.yaml's {@code boundaries}). A unit code means the unit of the era its period falls
 * in, since new units often keep old codes. {@code from} is the first day (null for the first era);
 * {@code mapping} links the previous era's units to this one's (null for the first era).
 *
 * <p>Which era a period's values belong to is decided here and nowhere else ({@link #of}): the era
 * its last day falls in. A period that straddles a boundary (2025-H2 with a boundary on 2025-07-15,
 * or the year 2025 with one on 2025-07-01) is reported by the units that exist at its end, in their
 * codes; reading, validating, importing, status and rollup all ask this.
 */
public record Era(int index, LocalDate from, LocalDate until, Hierarchy hierarchy, Catalog catalog, Roster roster, Mapping mapping) {
    /** True when a period's values belong to this era: its last day falls in it ({@link #of}). */
    public boolean holds(Period p) { return holds(p.end()); }

    /** True when the day falls in this era. */
    public boolean holds(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
    }

    /** The era a period's values belong to: the one its last day falls in. {@code eras} cover all time, in order. */
    public static Era of(java.util.List<Era> eras, Period p) { return at(eras, p.end()); }

    /** The era a day falls in. */
    public static Era at(java.util.List<Era> eras, LocalDate day) {
        for (int k = eras.size() - 1; k > 0; k--) if (eras.get(k).holds(day)) return eras.get(k);
        return eras.get(0);
    }

    /** True when the period has days in this era. */
    public boolean touches(Period p) { return touches(from, until, p); }

    /**
     * True when the period has days in the span from {@code from} (null: all time before) until
     * {@code until} (null: all time after): what an era's exemptions and status rows take in, while
     * its values are those of the periods it {@link #holds}.
     */
    public static boolean touches(LocalDate from, LocalDate until, Period p) {
        return (from == null || !p.end().isBefore(from)) && (until == null || p.start().isBefore(until));
    }

    /** How the era is named in messages: "before 2025-07-01", "from 2025-07-01". */
    public String label() {
        if (from == null) return until == null ? Text.t("era.all") : Text.t("era.before", until);
        return until == null ? Text.t("era.from", from) : Text.t("era.between", from, until.minusDays(1));
    }
}
