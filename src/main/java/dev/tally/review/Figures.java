package dev.tally.review;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the review commands write a statistic: 12 significant digits, trailing zeros dropped; nothing when it is not a number. */
public final class Figures {
    private Figures() {}

    private static final MathContext DIGITS = new MathContext(12);

    public static BigDecimal of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        BigDecimal v = new BigDecimal(d).round(DIGITS).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
