package dev.tally.write;

import java.math.BigDecimal;

/**
 * A cell holding an aggregate with its coverage: {@code reported} of {@code expected} units gave a
 * value (a partial aggregate says so in every format), and optionally how it compares with another
 * period. Each writer shows it its own way: a table as {@code 1234 [17/20] (+5.0%)}, CSV as columns
 * of their own, a workbook as a marked cell with a note. {@code quality} is null for an exact value.
 * With a plan, the target and the value's attainment of it: {@code 59 / 64 (92.2 %)} in a table.
 */
public record Measure(Number value, int reported, int expected, int exempt, Comparison comparison, String quality, Number plan,
                      BigDecimal planPct) {
    /**
     * Without a plan. With one ({@code plan}, the unit's resolved target, null when it has none),
     * {@code planPct} is the value in percent of it (null when either is missing or the plan is 0); a
     * partial value's attainment is partial as the value is ({@link #partial}), and writers say so.
     */
    public Measure(Number value, int reported, int expected, int exempt, Comparison comparison, String quality) {
        this(value, reported, expected, exempt, comparison, quality, null, null);
    }

    public Measure(Number value, int reported, int expected, Comparison comparison) {
        this(value, reported, expected, 0, comparison, null);
    }

    public Measure(Number value, int reported, int expected, int exempt, Comparison comparison) {
        this(value, reported, expected, exempt, comparison, null);
    }

    public boolean partial() { return expected > 0 && reported < expected; }

    /** An earlier era's value re-expressed in later units that is not exact: "estimated" (weighted shares) or "not-comparable". */
    public boolean estimated() { return "estimated".equals(quality); }

    public boolean notComparable() { return "not-comparable".equals(quality); }

    /**
     * The other period's side: its value and coverage, whether the two are comparable
     * ({@code comparable}: both from the same reporting units; else {@code partial}), the difference,
     * and the change in percent, or for a rate in percentage points ({@code points} true).
     */
    public record Comparison(String period, Number value, int reported, int expected, String status, Number difference,
                             BigDecimal change, boolean points) {
        public boolean comparable() { return "comparable".equals(status); }
    }
}
