package dev.tally.model;

import java.math.BigDecimal;

/**
 * A parsed value, filled in place by the reader's number parser so that reading a million numbers makes
 * no garbage. Exact always: {@link #EXACT} is {@code unscaled × 10^-scale} with the trailing zeros of
 * the fraction dropped (2.50 is 25 and scale 1; 3.0 is 3 and scale 0), for numbers of up to 18
 * digits; {@link #BIG} holds 19 to 38 digits as a BigDecimal of the same normal form.
 */
public final class Num {
    public static final byte MISSING = 0, EXACT = 1, BIG = 2, NOT_A_NUMBER = 3, TOO_MANY_DIGITS = 4;

    /** At most this many digits in all, before and after the point, as SQL's DECIMAL(38). */
    public static final int MAX_DIGITS = 38;

    public byte kind;
    public long unscaled;
    public int scale;
    public BigDecimal big;
    /** The value came from a yes/no word (true, có, …), not digits. */
    public boolean word;
    /** For {@link #TOO_MANY_DIGITS}: how many digits the value has. */
    public long digits;
    /** For {@link #NOT_A_NUMBER}: a hint for the message, or null. */
    public String hint;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /** The largest n for which 10^n is a long: {@link #pow10} takes 0 to this. */
    public static final int MAX_POW10 = 18;

    /** 10^n as a long, for n from 0 to {@link #MAX_POW10}; callers with a larger gap between scales go through BigDecimal. */
    public static long pow10(int n) { return POW10[n]; }

    /**
     * What {@link #times10} and {@link #plus} give when the exact result is not a long: the caller then
     * goes on in BigDecimal. (A result of exactly this value is given as not fitting too, which costs
     * that rare case a BigDecimal, never exactness.)
     */
    public static final long NO_LONG = Long.MIN_VALUE;

    /**
     * {@code u × 10^n} (n from 0 to {@link #MAX_POW10}), or {@link #NO_LONG} when it is not a long:
     * how an unscaled value is brought to a finer scale, checked. The one checked multiplication of
     * exact values: rounding to more places and sums of values of different scales use it.
     */
    public static long times10(long u, int n) {
        long f = POW10[n];
        long hi = Math.multiplyHigh(u, f), lo = u * f;
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : NO_LONG;
    }

    /**
     * {@code part} in percent of {@code whole}, to one decimal, half up, from the exact quotient: the
     * one percent rule (a change of 59 from 57 is 3.5 %, 59 of a plan of 64 is 92.2 %, 58 reports of
     * 60 is 96.7 %); null when {@code whole} is 0, since nothing expected is no rate at all, not 0 %.
     */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return null;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_UP);
    }

    /** {@link #percent(BigDecimal, BigDecimal)} of counts (status's reports received of expected). */
    public static BigDecimal percent(long part, long whole) { return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)); }

    /** {@code a + b}, or {@link #NO_LONG} when it is not a long: the one checked addition of exact values. */
    public static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) >= 0 ? r : NO_LONG;
    }

    public boolean isNumber() { return kind == EXACT || kind == BIG; }

    /** The value as a BigDecimal (null when missing or not a number). */
    public BigDecimal decimal() {
        return switch (kind) {
            case EXACT -> BigDecimal.valueOf(unscaled, scale);
            case BIG -> big;
            default -> null;
        };
    }

    /**
     * Rounds a number half up to exactly {@code decimals} places, in place, keeping that scale (90
     * at 1 decimal is 90.0): on the long where the result fits, else through BigDecimal, so any
     * scale a value may have (a value of 22 decimals, 10^-30) is rounded, never an index out of
     * range. Does nothing to a value that is not a number.
     */
    public Num round(int decimals) {
        if (kind == EXACT) {
            if (scale == decimals) return this;
            if (scale < decimals && decimals - scale <= MAX_POW10) {
                long up = times10(unscaled, decimals - scale);
                if (up != NO_LONG) {
                    unscaled = up;
                    scale = decimals;
                    return this;
                }
            } else if (scale > decimals && scale - decimals <= MAX_POW10) {
                long f = POW10[scale - decimals];
                long q = unscaled / f, rem = Math.abs(unscaled % f);
                if (rem >= f - rem) q += unscaled < 0 ? -1 : 1;
                unscaled = q;
                scale = decimals;
                return this;
            }
        } else if (kind != BIG) {
            return this;
        }
        return setScaled(decimal().setScale(decimals, java.math.RoundingMode.HALF_UP));
    }

    /**
     * Rounds a quotient (a mean, a formula's result) of an indicator without declared decimals, in
     * place: half up to two places, the trailing zeros of those then dropped (2.345 is 2.35, 2.996 is
     * 3, 2.5 stays 2.5); a value of two places or fewer stays as it is. On the long where the value is one.
     */
    public Num roundQuotient() {
        if ((kind == EXACT && scale <= 2) || !isNumber()) return this;
        round(2);
        if (kind == EXACT) {
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            return this;
        }
        BigDecimal r = big.stripTrailingZeros();
        return setScaled(r.scale() < 0 ? r.setScale(0) : r);
    }

    /** Sets a value keeping its scale as it is (no normal form): the result of a rounding. */
    public Num setScaled(BigDecimal r) {
        word = false;
        hint = null;
        if (r.precision() <= 18 && r.scale() >= 0) {
            kind = EXACT;
            unscaled = r.unscaledValue().longValueExact();
            scale = r.scale();
        } else {
            kind = BIG;
            big = r;
        }
        return this;
    }

    /** Sets an exact value from a BigDecimal of any form (for values that did not come from text). */
    public Num set(BigDecimal v) {
        word = false;
        hint = null;
        if (v == null) {
            kind = MISSING;
            return this;
        }
        BigDecimal n = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        if (n.scale() < 0) n = n.setScale(0);
        if (n.precision() <= 18) {
            kind = EXACT;
            unscaled = n.unscaledValue().longValueExact();
            scale = n.scale();
        } else {
            kind = BIG;
            big = n;
        }
        return this;
    }
}
