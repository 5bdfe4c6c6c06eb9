package dev.tally.rollup;

import dev.tally.model.ExactColumn;
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
    private final ExactColumn[] values;
    private final int[][] reported;
    private final int[][] expected;
    private final int[][] exempt;
    private final List<Finding> findings;
    private final long bigSlots;
    private final Compared[] compared;
    private final int[] reportingDepth;
    /** per period and cell, for an earlier era re-expressed in later units: exact, estimated or not comparable; null otherwise */
    private final byte[][] quality;
    private final long skippedUnits;
    /** Whether the indicators' passes were shared among threads ({@link dev.tally.model.Parallelism#worthSharing}). */
    private final boolean shared;
    /** Each unit's row in the rolled-up columns, -1 for a unit without one; null: a row per unit (see Rollup's slotOf). */
    private final int[] slotOf;

    /**
     * Whether the two sides of a comparison come from the same reporting units; across a boundary,
     * whether both are complete and exact, or the earlier side is estimated or not comparable.
     */
    static final byte PARTIAL = 0, COMPARABLE = 1, ESTIMATED = 2, NOT_COMPARABLE = 3;

    /**
     * A target compared with another period: the target's values as shown ({@code main}: like-for-like
     * they differ from the plain rollup) and the other side's, with a status per cell.
     */
    record Compared(int base, ExactColumn main, int[] mainReported, ExactColumn other, int[] otherReported, byte[] status, boolean likeForLike) {}

    RollupResult(int units, int indicators, List<Period> periods, ExactColumn[] values, int[][] reported, int[][] expected, int[][] exempt,
                 Compared[] compared, List<Finding> findings, long bigSlots, int[] reportingDepth, byte[][] quality, long skippedUnits,
                 int[] slotOf, boolean shared) {
        this.slotOf = slotOf;
        this.shared = shared;
        this.skippedUnits = skippedUnits;
        this.reportingDepth = reportingDepth;
        this.quality = quality;
        this.exempt = exempt;
        this.bigSlots = bigSlots;
        this.compared = compared;
        this.units = units;
        this.indicators = indicators;
        this.periods = periods;
        this.values = values;
        this.reported = reported;
        this.expected = expected;
        this.findings = findings;
    }

    // the raw columns, for assembling a rollup from several (across a boundary), which rolls up dense
    // tables: a row per unit
    ExactColumn valuesOf(int period) {
        if (slotOf != null) throw new IllegalStateException("the columns have rows for the visited units only");
        return values[period];
    }

    int[] reportedOf(int period) {
        if (slotOf != null) throw new IllegalStateException("the columns have rows for the visited units only");
        return reported[period];
    }

    int[] expectedOf(int period) { return expected[period]; }

    int[] exemptOf(int period) { return exempt == null ? null : exempt[period]; }

    byte[] qualityOf(int period) { return quality == null ? null : quality[period]; }

    Compared comparedOf(int period) {
        if (slotOf != null) throw new IllegalStateException("the columns have rows for the visited units only");
        return compared[period];
    }

    int[] reportingDepths() { return reportingDepth; }

    int indicatorCount() { return indicators; }

    /** Index of the virtual total over all roots. */
    public int totalIndex() { return units; }

    public List<Period> periods() { return periods; }

    /** The cell of the rolled-up columns; -1 for a unit without a row (nothing below it was visited: no value, none reported). */
    private int cell(int unit, int indicator) {
        int row = rowStart(unit);
        return row < 0 ? -1 : row + indicator;
    }

    /**
     * The cell of a unit's first indicator in the rolled-up columns ({@link #mainColumn}, {@link
     * #mainReported}): indicator i's is this plus i. -1 for a unit without a row. For reading a unit's
     * cells one after another, as a long table does millions of times, without a call for each.
     */
    int rowStart(int unit) {
        if (slotOf == null) return unit * indicators;
        int s = slotOf[unit];
        return s < 0 ? -1 : s * indicators;
    }

    /** The cell of a unit's first indicator in the expected and exempt counts ({@link #expectedOf}), which have a row for every unit. */
    int fullRowStart(int unit) { return full(unit, 0); }

    /** The values shown for a period, by {@link #rowStart} cell: what {@link #number} and {@link #value} read. */
    ExactColumn mainColumn(int period) { return main(period); }

    /** How many units reported each value shown for a period, by {@link #rowStart} cell: what {@link #reported} reads. */
    int[] mainReported(int period) {
        Compared x = compared[period];
        return x == null ? reported[period] : x.mainReported();
    }

    /**
     * False when the unit has no row in the rolled-up columns: nothing in its subtree was read (no
     * value, nothing reported in any period), so a table that leaves out empty cells has nothing of it
     * to show. Always true for a rollup over a dense table.
     */
    public boolean hasRow(int unit) { return rowStart(unit) >= 0; }

    /** The cell of the expected (and exempt) counts, which have a row for every unit. */
    private int full(int unit, int indicator) { return unit * indicators + indicator; }

    /** The value shown for a period (like-for-like: over the units that reported in both periods). */
    public BigDecimal value(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? null : main(period).get(c);
    }

    /** True when some period is an earlier era's data in later units, so some values may be estimated or not comparable. */
    public boolean remapped() {
        if (quality == null) return false;
        for (byte[] q : quality) if (q != null) return true;
        return false;
    }

    /** "estimated" or "not-comparable" for a re-mapped value that is not exact; null otherwise. */
    public String quality(int unit, int period, int indicator) {
        if (quality == null || quality[period] == null) return null;
        int c = cell(unit, indicator);
        if (c < 0) return null;
        return switch (quality[period][c]) {
            case Remap.ESTIMATED -> "estimated";
            case Remap.NOT_COMPARABLE -> "not-comparable";
            default -> null;
        };
    }

    /** The value as the nearest double, NaN when missing: for statistics. */
    public double doubleValue(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? Double.NaN : main(period).doubleValue(c);
    }

    /**
     * The depth of the units that report an indicator: its reporting level, and for a derived one
     * the deepest level of its operands. A unit above it with no units below it reports for itself.
     */
    public int reportingDepth(int indicator) { return reportingDepth[indicator]; }

    /** True when the unit's value covers every unit expected in it (for a reporting unit: it reported in full). */
    public boolean complete(int unit, int period, int indicator) {
        int e = expected(unit, period, indicator);
        int c = cell(unit, indicator);
        return e > 0 && c >= 0 && reported(unit, period, indicator) == e && main(period).has(c);
    }

    /** The value as a Long where it is integral and fits, else a BigDecimal; null when missing. */
    public Number number(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? null : main(period).number(c);
    }

    public int reported(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? 0 : mainReported(period)[c];
    }

    private ExactColumn main(int period) {
        Compared x = compared[period];
        return x == null ? values[period] : x.main();
    }

    /** True when the period is compared with another. */
    public boolean compared(int period) { return compared[period] != null; }

    /** The index of the period it is compared with. */
    public int comparedWith(int period) { return compared[period].base(); }

    public boolean likeForLike(int period) { return compared[period] != null && compared[period].likeForLike(); }

    /** The other period's value, as it is compared (like-for-like: over the same units). */
    public BigDecimal compareValue(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? null : compared[period].other().get(c);
    }

    public Number compareNumber(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? null : compared[period].other().number(c);
    }

    public int compareReported(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        return c < 0 ? 0 : compared[period].otherReported()[c];
    }

    /**
     * comparable: both sides come from the same reporting units (across a boundary: both complete and
     * exact); partial: they do not; estimated or not-comparable: the earlier era's side is; no-data:
     * nothing at all was reported for the other side (no value, no reporting unit), so there is nothing
     * to compare with — not a partial comparison.
     */
    public String compareStatus(int unit, int period, int indicator) {
        int c = cell(unit, indicator);
        if (c < 0) return "comparable"; // nothing on either side, as a unit with a row and nothing reported is
        Compared x = compared[period];
        return switch (x.status()[c]) {
            case COMPARABLE -> "comparable";
            case ESTIMATED -> "estimated";
            case NOT_COMPARABLE -> "not-comparable";
            default -> !x.other().has(c) && x.otherReported()[c] == 0 ? "no-data" : "partial";
        };
    }

    /**
     * Whether anything at all was reported for the period {@code period} is compared with, in any unit
     * and indicator: false means every comparison of that period is empty, which a command says.
     */
    public boolean compareHasData(int period) {
        Compared x = compared[period];
        for (int c = 0, n = x.otherReported().length; c < n; c++) if (x.otherReported()[c] > 0 || x.other().has(c)) return true;
        return false;
    }

    /** How many units at the reporting level are expected in the unit's subtree for the period. */
    public int expected(int unit, int period, int indicator) { return expected[period][full(unit, indicator)]; }

    /** True when some units could be excused (activity dates or exemptions): outputs then say how many were. */
    public boolean hasExempt() { return exempt != null; }

    /** How many units at the reporting level were not expected for the period (inactive, or exempt). */
    public int exempt(int unit, int period, int indicator) { return exempt == null ? 0 : exempt[period][full(unit, indicator)]; }

    /** How many aggregates outgrew longs and were summed in BigDecimal (for tests: ordinary data never does). */
    public long bigSlots() { return bigSlots; }

    /**
     * How many units (and totals) the passes did not visit, having nothing below them (for tests: a
     * national hierarchy with one district's data skips nearly all of it).
     */
    public long skippedUnits() { return skippedUnits; }

    /** Whether the indicators were rolled up on several threads: a large table; a small one is rolled up on the caller's alone. */
    public boolean shared() { return shared; }

    /** Overlaps (errors) and imbalances between reported totals and their subtree (warnings). */
    public List<Finding> findings() { return findings; }
}
