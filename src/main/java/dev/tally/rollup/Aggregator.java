package dev.tally.rollup;

import dev.tally.model.Num;
import java.math.BigDecimal;

/**
 * A row of small mergeable aggregate states, one per slot (a unit of the hierarchy, or the total):
 * {@link #add} one value to a slot, {@link #merge} one slot into another (a child into its parent),
 * read a slot's {@link #result}. Merging must give the same result as adding the other slot's values
 * one by one: that is what lets one kind serve the hierarchy, time and parallel parts. Like DuckDB's
 * aggregate functions (update, combine, finalize) over a vector of states, so that a rollup over ten
 * thousand units makes no object per unit. Missing values are never added: missing is not zero.
 *
 * <p>Exact: values are {@code unscaled × 10^-scale} longs while they fit, BigDecimal beyond; nothing
 * goes through binary floating point. {@link #bigSlots} counts the slots that left the long range, so
 * a test can prove that ordinary data stays on longs.
 *
 * <p>Example: {@code Aggregator s = Aggregators.of(Aggregate.SUM, 2); s.add(0, 5, 0, null, 0); s.merge(1, 0); s.result(1, num);}
 */
public interface Aggregator {
    /** Adds one value to a slot: {@code big} when not null, else {@code unscaled × 10^-scale}. {@code order} places it in time (first, last). */
    void add(int slot, long unscaled, int scale, BigDecimal big, long order);

    /** Folds slot {@code from} into slot {@code into}. */
    void merge(int into, int from);

    /** Empties a slot. */
    void reset(int slot);

    /** How many slots there are. */
    int slots();

    /** Empties every slot, so one aggregator serves one indicator after another. */
    default void clear() {
        for (int i = 0, n = slots(); i < n; i++) reset(i);
    }

    /** How many values went into a slot. */
    long count(int slot);

    /** Writes the slot's aggregate into {@code out}; false (out untouched) when no value went in. */
    boolean result(int slot, Num out);

    /** How many slots had to leave longs for BigDecimal. */
    default long bigSlots() { return 0; }

    /** Adds a parsed number. */
    default void add(int slot, Num n, long order) {
        if (n.kind == Num.BIG) add(slot, 0, 0, n.big, order);
        else add(slot, n.unscaled, n.scale, null, order);
    }
}
