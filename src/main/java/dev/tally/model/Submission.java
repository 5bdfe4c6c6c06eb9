package dev.tally.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One unit's report for one form and one period: indicator code to value, a null value meaning
 * given as missing. For each value, {@code imports} holds the import (file) it came from and
 * {@code lines} its line, since the values of one submission may come from several files of an
 * import. Values are in catalog order.
 */
public record Submission(String unit, String form, Period period, Map<String, BigDecimal> values, Map<String, Long> imports,
                         Map<String, Long> lines) {}
