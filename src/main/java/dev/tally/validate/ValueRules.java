package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.FindingCode;
import dev.tally.model.Indicator;
import dev.tally.model.IndicatorType;
import dev.tally.model.Num;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The per-value rules, in one place for every reader: a value must be of its indicator's type (a
 * whole number for an integer, 0 to 100 for a percent, 1 or 0 for a yes/no value; a yes/no word only
 * for a yes/no indicator) and within its min and max. {@link #check} answers with a problem number
 * (0: valid) without allocating for whole numbers, comparing longs against bounds worked out once
 * from the catalog's exact BigDecimal bounds; {@link #message} words the problem.
 */
final class ValueRules {
    static final int OK = 0, WORD = 1, NOT_WHOLE = 2, NOT_PERCENT = 3, NOT_BOOLEAN = 4, BELOW_MIN = 5, ABOVE_MAX = 6;

    private final Indicator[] byIndex;
    /** For whole numbers: v is at least min iff v >= minWhole (when minSet); likewise max. */
    private final long[] minWhole, maxWhole;
    private final boolean[] minSet, maxSet;
    /** The run reads 1.234,5 (--decimal-comma); else a dot is the decimal sign. */
    private final boolean decimalComma;

    ValueRules(Catalog c, boolean decimalComma) {
        this.decimalComma = decimalComma;
        int n = c.size();
        byIndex = c.indicators().toArray(new Indicator[0]);
        minWhole = new long[n];
        maxWhole = new long[n];
        minSet = new boolean[n];
        maxSet = new boolean[n];
        for (Indicator ind : c.indicators()) {
            int i = ind.index();
            if (ind.min() != null) {
                minSet[i] = true;
                minWhole[i] = clamp(ind.min().setScale(0, RoundingMode.CEILING));
            }
            if (ind.max() != null) {
                maxSet[i] = true;
                maxWhole[i] = clamp(ind.max().setScale(0, RoundingMode.FLOOR));
            }
        }
    }

    /** A bound beyond the long range stays beyond every long: Long.MIN/MAX_VALUE then means "all" or "none" exactly. */
    private static long clamp(BigDecimal whole) {
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) return Long.MAX_VALUE;
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) return Long.MIN_VALUE;
        return whole.longValueExact();
    }

    /** The problem with a number for an indicator, or {@link #OK}. */
    int check(int indicator, Num n) {
        Indicator ind = byIndex[indicator];
        IndicatorType type = ind.type();
        if (n.word && type != IndicatorType.BOOLEAN) return WORD;
        if (n.kind == Num.EXACT && n.scale == 0) {
            long v = n.unscaled;
            switch (type) {
                case PERCENT -> {
                    if (v < 0 || v > 100) return NOT_PERCENT;
                }
                case BOOLEAN -> {
                    if (v != 0 && v != 1) return NOT_BOOLEAN;
                }
                default -> { }
            }
            // a bound beyond the long range: clamp() made Long.MIN/MAX; a long equal to it needs the exact test
            if (minSet[indicator] && (v < minWhole[indicator] || (v == Long.MAX_VALUE && minWhole[indicator] == Long.MAX_VALUE
                    && ind.min().compareTo(BigDecimal.valueOf(v)) > 0))) return BELOW_MIN;
            if (maxSet[indicator] && (v > maxWhole[indicator] || (v == Long.MIN_VALUE && maxWhole[indicator] == Long.MIN_VALUE
                    && ind.max().compareTo(BigDecimal.valueOf(v)) < 0))) return ABOVE_MAX;
            return OK;
        }
        // any other number: the indicator's own rule (the one remap checks what it writes with)
        Indicator.Problem p = ind.problem(n.decimal());
        if (p == null) return OK;
        return switch (p) {
            case NOT_WHOLE -> NOT_WHOLE;
            case NOT_PERCENT -> NOT_PERCENT;
            case NOT_BOOLEAN -> NOT_BOOLEAN;
            case BELOW_MIN -> BELOW_MIN;
            case ABOVE_MAX -> ABOVE_MAX;
        };
    }

    /**
     * The message for a value that is not a number, with examples this run reads: 1234,5 with
     * --decimal-comma, 1234.5 without (a Vietnamese message once suggested the 1234,5 it had just refused).
     */
    String notANumber(String raw, String hint) {
        return t("finding.notANumber", raw, hint == null ? "" : "; " + hint, t(decimalComma ? "number.examples.comma" : "number.examples"));
    }

    static FindingCode code(int problem) {
        return problem >= BELOW_MIN ? FindingCode.OUT_OF_RANGE : FindingCode.WRONG_TYPE;
    }

    /**
     * What is wrong and what to give instead; {@code raw} is the value as written, {@code jsonNumber}
     * when it was a JSON number token (which --decimal-comma does not read differently).
     */
    String message(int problem, int indicator, Num n, String raw, boolean jsonNumber) {
        Indicator ind = byIndex[indicator];
        String code = ind.code();
        return switch (problem) {
            case WORD -> t("value.word", raw, code, article(ind.type()));
            case NOT_WHOLE -> {
                String whole = n.decimal().setScale(0, RoundingMode.DOWN).toPlainString();
                // a dot between groups of three digits is how Vietnamese reports write thousands: the
                // value is most likely the whole number, not a fraction to round down
                yield !decimalComma && !jsonNumber && dev.tally.read.Numbers.groupedInThrees(raw, '.')
                        ? t("value.notWholeThousands", raw, code, raw.strip().replace(".", ""), whole)
                        : t("value.notWhole", raw, code, whole);
            }
            case NOT_PERCENT -> t("value.notPercent", raw, code);
            case NOT_BOOLEAN -> t("value.notBoolean", raw, code);
            case BELOW_MIN -> t("value.belowMin", n.decimal().toPlainString(), ind.min().toPlainString(), code, bounds(ind));
            case ABOVE_MAX -> t("value.aboveMax", n.decimal().toPlainString(), ind.max().toPlainString(), code, bounds(ind));
            default -> "";
        };
    }

    private static String article(IndicatorType t) {
        return switch (t) {
            case INTEGER -> t("value.type.integer");
            case NUMBER -> t("value.type.number");
            case PERCENT -> t("value.type.percent");
            case BOOLEAN -> t("value.type.boolean");
        };
    }

    private static String bounds(Indicator ind) {
        String lo = ind.min() == null ? "" : ind.min().toPlainString();
        String hi = ind.max() == null ? "" : ind.max().toPlainString();
        return ind.min() != null && ind.max() != null ? t("value.bounds.both", lo, hi)
                : ind.min() != null ? t("value.bounds.min", lo) : t("value.bounds.max", hi);
    }
}
