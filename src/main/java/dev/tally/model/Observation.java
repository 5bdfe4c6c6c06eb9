package dev.tally.model;

import java.math.BigDecimal;

/**
 * One value: unit, period, indicator, value. A null value is missing, never zero. {@code raw} is
 * the text as submitted, kept for messages.
 */
public record Observation(String unit, Period period, String indicator, BigDecimal value, String raw, Source source) {
    public boolean missing() { return value == null; }
}
