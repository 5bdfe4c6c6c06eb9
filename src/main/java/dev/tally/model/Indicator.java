package dev.tally.model;

import java.math.BigDecimal;

/**
 * One figure a unit reports. {@code min}, {@code max}, {@code decimals}, {@code reportedAt} and
 * {@code formula} may be null. A non-null formula makes the indicator derived: it is computed at
 * every level from the rolled-up parts and never submitted. {@code index} is its position in the
 * catalog, which is also the output order. {@code better} is the direction a rank reads it in
 * (the catalog's {@code better: higher|lower}, default higher).
 */
public record Indicator(
        String code,
        String name,
        IndicatorType type,
        String unitOfMeasure,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer decimals,
        Aggregate aggregate,
        OverTime overTime,
        String reportedAt,
        String formula,
        int index,
        Better better) {

    /** As the catalog leaves it when it does not say {@code better:}: a higher value is better. */
    public Indicator(String code, String name, IndicatorType type, String unitOfMeasure, boolean required, BigDecimal min, BigDecimal max,
                     Integer decimals, Aggregate aggregate, OverTime overTime, String reportedAt, String formula, int index) {
        this(code, name, type, unitOfMeasure, required, min, max, decimals, aggregate, overTime, reportedAt, formula, index, Better.HIGHER);
    }

    /**
     * Which way a unit ranks ahead of its siblings ({@code rollup --rank}): more models registered is
     * better ({@code higher}), more criminal cases is not ({@code lower}).
     */
    public enum Better {
        HIGHER, LOWER;

        /** The word the catalog writes ({@code better: lower}). */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public boolean derived() { return formula != null; }

    /** The display name, falling back to the code. */
    public String label() { return name == null || name.isBlank() ? code : name; }

    /** What keeps a number from being a value of an indicator. */
    public enum Problem { NOT_WHOLE, NOT_PERCENT, NOT_BOOLEAN, BELOW_MIN, ABOVE_MAX }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The rule a value must keep, in one place: of the indicator's type (a whole number for an
     * integer, 0 to 100 for a percent, 1 or 0 for a yes/no value), then within its min and max.
     * Null when {@code v} keeps it. (The validator keeps the same rule on longs for speed.)
     */
    public Problem problem(BigDecimal v) {
        switch (type) {
            case INTEGER -> {
                if (v.stripTrailingZeros().scale() > 0) return Problem.NOT_WHOLE;
            }
            case PERCENT -> {
                if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) return Problem.NOT_PERCENT;
            }
            case BOOLEAN -> {
                if (v.compareTo(BigDecimal.ZERO) != 0 && v.compareTo(BigDecimal.ONE) != 0) return Problem.NOT_BOOLEAN;
            }
            default -> { }
        }
        if (min != null && v.compareTo(min) < 0) return Problem.BELOW_MIN;
        if (max != null && v.compareTo(max) > 0) return Problem.ABOVE_MAX;
        return null;
    }

    /** The decimals a value of this indicator is written with: its own, 0 for a whole-number type, null when any. */
    public Integer valueDecimals() {
        if (decimals != null) return decimals;
        return type == IndicatorType.INTEGER || type == IndicatorType.BOOLEAN ? 0 : null;
    }
}
