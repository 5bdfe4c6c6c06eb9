package dev.tally.model;

/**
 * A node of the hierarchy. {@code parent} is null for a root; {@code level} is the level name
 * (from the units file or from the configured level names by depth), {@code depth} 0 for a root.
 * {@code index} is the unit's dense position in its {@link Hierarchy}, parents before children.
 * {@code activeFrom} and {@code activeTo} (inclusive, either may be null) bound when the unit exists:
 * a commune created or merged away is expected to report only for periods it existed for in full.
 */
public record Unit(String code, String name, String parent, String level, int depth, int index, java.time.LocalDate activeFrom,
                   java.time.LocalDate activeTo) {
    public Unit(String code, String name, String parent, String level, int depth, int index) {
        this(code, name, parent, level, depth, index, null, null);
    }

    /** True when the unit exists on every day of {@code p}. */
    public boolean activeThroughout(Period p) {
        return (activeFrom == null || !activeFrom.isAfter(p.start())) && (activeTo == null || !activeTo.isBefore(p.end()));
    }
}
