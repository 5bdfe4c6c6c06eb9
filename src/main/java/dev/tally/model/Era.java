package dev.tally.model;

import java.time.LocalDate;

/**
 * A span of time with one set of units and one catalog: before a reorganisation of the units, and
 * after it (tally.yaml's {@code boundaries}). A unit code means the unit of the era its period falls
 * in, since new units often keep old codes. {@code from} is the first day (null for the first era);
 * {@code mapping} links the previous era's units to this one's (null for the first era).
 */
public record Era(int index, LocalDate from, LocalDate until, Hierarchy hierarchy, Catalog catalog, Roster roster, Mapping mapping) {
    /** True when the whole period lies in this era. */
    public boolean holds(Period p) {
        return (from == null || !p.start().isBefore(from)) && (until == null || p.end().isBefore(until));
    }

    /** True when the period has days in this era. */
    public boolean touches(Period p) {
        return (from == null || !p.end().isBefore(from)) && (until == null || p.start().isBefore(until));
    }

    /** How the era is named in messages: "before 2025-07-01", "from 2025-07-01". */
    public String label() {
        if (from == null) return until == null ? Text.t("era.all") : Text.t("era.before", until);
        return until == null ? Text.t("era.from", from) : Text.t("era.between", from, until.minusDays(1));
    }
}
