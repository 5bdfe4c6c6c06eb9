package dev.tally.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One unit's report for one period: indicator code to value, a null value meaning given as missing.
 * {@code lines} holds the source line of each value (0 when unknown). Values are in catalog order.
 */
public record Submission(String unit, Period period, Map<String, BigDecimal> values, Map<String, Long> lines) {}
