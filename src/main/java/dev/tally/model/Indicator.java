package dev.tally.model;

import java.math.BigDecimal;

/**
 * One figure a unit reports. {@code min}, {@code max}, {@code decimals}, {@code reportedAt} and
 * {@code formula} may be null. A non-null formula makes the indicator derived: it is computed at
 * every level from the rolled-up parts and never submitted. {@code index} is its position in the
 * catalog, which is also the output order.
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
        int index) {

    public boolean derived() { return formula != null; }

    /** The display name, falling back to the code. */
    public String label() { return name == null || name.isBlank() ? code : name; }
}
