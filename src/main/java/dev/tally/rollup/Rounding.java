package dev.tally.rollup;

import dev.tally.model.Indicator;
import dev.tally.model.Num;
import java.math.BigDecimal;

/**
 * How a rolled-up value is rounded, the one rule every rollup path asks: to the indicator's decimals
 * (half up) when it declares them; otherwise a quotient (a formula's result, a mean over units, a
 * mean over time of several periods) to at most two places ({@link Num#roundQuotient}); sums,
 * minima, maxima, medians and counts stay exact. For example a mean of 1, 2 and 2 is 1.67, and with
 * {@code decimals: 1} it is 1.7; a sum of 1.25 and 2 stays 3.25.
 */
final class Rounding {
    private Rounding() {}

    /**
     * Whether the value is a quotient: a formula's result, or a mean over units ({@code overUnits}: the
     * value is an aggregate of units) or over time ({@code overTime}: of several data periods; one
     * period's own value is as it was given).
     */
    static boolean quotient(Indicator ind, boolean overUnits, boolean overTime) {
        return ind.derived() || (overUnits && Aggregators.row(ind.aggregate()).quotient()) || (overTime && Aggregators.row(ind.overTime()).quotient());
    }

    /** Rounds {@code v} in place, keeping the scale the rounding gives ({@code quotient}: see {@link #quotient}). */
    static void round(Indicator ind, boolean quotient, Num v) {
        if (ind.decimals() != null) v.round(ind.decimals());
        else if (quotient) v.roundQuotient();
    }

    /**
     * {@code part} in percent of {@code whole}, to one decimal, half up, from the exact quotient (a
     * change of 59 from 57 is 3.5 %, 59 of a plan of 64 is 92.2 %); null when {@code whole} is 0.
     */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return null;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_UP);
    }

    /** {@link #round(Indicator, boolean, Num)} of a value of any kind of aggregate, over units and time; null stays null. */
    static BigDecimal round(Indicator ind, BigDecimal v) {
        if (v == null) return null;
        boolean quotient = quotient(ind, true, true);
        if (ind.decimals() == null && !quotient) return v;
        Num n = new Num().set(v);
        round(ind, quotient, n);
        return n.decimal();
    }
}
