package dev.tally.rollup;

import java.math.BigDecimal;

/**
 * A small mergeable aggregate: {@link #add} one value, {@link #merge} another aggregator of the same
 * kind (a child unit's, or a parallel chunk's), and read the {@link #result}. Merging must give the
 * same result as adding the other's values one by one: that is what lets one class serve parallel
 * reading, the hierarchy and time. Missing values are never added: missing is not zero.
 *
 * <p>Example: {@code Aggregator s = Aggregators.of(Aggregate.SUM); s.add(ONE); s.merge(other); s.result();}
 */
public interface Aggregator {
    /** Adds one value. {@code order} places it in time (the period's start day) for first and last; others ignore it. */
    void add(BigDecimal value, long order);

    default void add(BigDecimal value) { add(value, 0); }

    /** Folds in another aggregator of the same kind. */
    void merge(Aggregator other);

    /** How many values went in. */
    long count();

    /** The aggregate, or null when no value went in. Exact: no binary floating point. */
    BigDecimal result();

    /** True when an integer sum left the 64-bit range; the result is then unusable. */
    default boolean overflowed() { return false; }
}
