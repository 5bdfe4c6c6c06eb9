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

    /** 10^n as a long, for n from 0 to 18. */
    public static long pow10(int n) { return POW10[n]; }

    public boolean isNumber() { return kind == EXACT || kind == BIG; }

    /** The value as a BigDecimal (null when missing or not a number). */
    public BigDecimal decimal() {
        return switch (kind) {
            case EXACT -> BigDecimal.valueOf(unscaled, scale);
            case BIG -> big;
            default -> null;
        };
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
