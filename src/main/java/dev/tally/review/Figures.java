package dev.tally.review;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the review commands write a statistic: for programs (csv, tsv, json, ndjson, xlsx) to 12
 * significant digits, for people (table, markdown) to at most 4 decimal places; trailing zeros
 * dropped, nothing when it is not a number.
 */
public final class Figures {
    private final boolean forPeople;

    private Figures(boolean forPeople) { this.forPeople = forPeople; }

    public static final Figures EXACT = new Figures(false), FOR_PEOPLE = new Figures(true);

    public BigDecimal format(double d) {
        BigDecimal v = of(d);
        if (v == null || !forPeople || v.scale() <= 4) return v;
        v = v.setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static final MathContext DIGITS = new MathContext(12);

    public static BigDecimal of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        // whole numbers (counts, and the min, max and median of counts) are the common case
        if (d == Math.rint(d) && Math.abs(d) < 1e12) return BigDecimal.valueOf((long) d);
        BigDecimal v = BigDecimal.valueOf(d); // the shortest decimal that is this double
        if (v.precision() > DIGITS.getPrecision()) v = v.round(DIGITS);
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
