package dev.tally.rollup;

import dev.tally.model.Finding;
import dev.tally.model.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rolled-up values: for every unit (plus a virtual total over all roots at index
 * {@code units}), period and indicator, the value (null: missing) and its coverage: {@code reported}
 * units at the indicator's reporting level gave a value, of {@code expected}. Stored densely so that
 * memory follows the number of output cells. Values are already rounded to the indicator's decimals.
 */
public final class RollupResult {
    private final int units;
    private final int indicators;
    private final List<Period> periods;
    private final Values[] values;
    private final int[][] reported;
    private final int[] expected;
    private final List<Finding> findings;
    private final long bigSlots;

    RollupResult(int units, int indicators, List<Period> periods, Values[] values, int[][] reported, int[] expected,
                 List<Finding> findings, long bigSlots) {
        this.bigSlots = bigSlots;
        this.units = units;
        this.indicators = indicators;
        this.periods = periods;
        this.values = values;
        this.reported = reported;
        this.expected = expected;
        this.findings = findings;
    }

    /** Index of the virtual total over all roots. */
    public int totalIndex() { return units; }

    public List<Period> periods() { return periods; }

    private int cell(int unit, int indicator) { return unit * indicators + indicator; }

    public BigDecimal value(int unit, int period, int indicator) { return values[period].get(cell(unit, indicator)); }

    /** The value as a Long where it is integral and fits, else a BigDecimal; null when missing. */
    public Number number(int unit, int period, int indicator) { return values[period].number(cell(unit, indicator)); }

    public int reported(int unit, int period, int indicator) { return reported[period][cell(unit, indicator)]; }

    public int expected(int unit, int indicator) { return expected[cell(unit, indicator)]; }

    /** How many aggregates outgrew longs and were summed in BigDecimal (for tests: ordinary data never does). */
    public long bigSlots() { return bigSlots; }

    /** Overlaps (errors) and imbalances between reported totals and their subtree (warnings). */
    public List<Finding> findings() { return findings; }
}
