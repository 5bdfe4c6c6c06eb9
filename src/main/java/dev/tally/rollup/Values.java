package dev.tally.rollup;

import dev.tally.model.Num;
import java.math.BigDecimal;

/**
 * A dense column of optional exact numbers: {@code unscaled × 10^-scale} in a long where it fits
 * (the common case, 10 bytes a cell), a BigDecimal otherwise, nothing for missing. Threads fill
 * disjoint cells at once (one indicator each), so the rare BigDecimal array is made under a lock.
 */
final class Values {
    private static final byte NONE = 0, LONG = 1, BIG = 2;
    private final long[] longs;
    private final byte[] state;
    private final byte[] scale;
    private volatile BigDecimal[] big;

    Values(int n) {
        longs = new long[n];
        state = new byte[n];
        scale = new byte[n];
    }

    private BigDecimal[] bigs() {
        BigDecimal[] b = big;
        if (b == null) {
            synchronized (this) {
                b = big;
                if (b == null) big = b = new BigDecimal[state.length];
            }
        }
        return b;
    }

    void clear(int i) { state[i] = NONE; }

    void set(int i, Num v) {
        if (v.kind == Num.EXACT) {
            longs[i] = v.unscaled;
            scale[i] = (byte) v.scale;
            state[i] = LONG;
        } else if (v.kind == Num.BIG) {
            bigs()[i] = v.big;
            state[i] = BIG;
        } else {
            state[i] = NONE;
        }
    }

    /** Sets a value keeping its scale (90.0 stays 90.0, as the indicator's decimals ask). */
    void set(int i, BigDecimal v) {
        if (v == null) {
            state[i] = NONE;
        } else if (v.scale() >= 0 && v.precision() <= 18) {
            longs[i] = v.unscaledValue().longValueExact();
            scale[i] = (byte) v.scale();
            state[i] = LONG;
        } else {
            bigs()[i] = v;
            state[i] = BIG;
        }
    }

    boolean has(int i) { return state[i] != NONE; }

    /** The cell as a Long where it is a whole number that fits (no BigDecimal for the common case), a BigDecimal, or null. */
    Number number(int i) {
        return switch (state[i]) {
            case LONG -> scale[i] == 0 ? (Number) longs[i] : BigDecimal.valueOf(longs[i], scale[i]);
            case BIG -> big[i];
            default -> null;
        };
    }

    /** Reads the cell into {@code out}; false when missing. */
    boolean get(int i, Num out) {
        switch (state[i]) {
            case LONG -> {
                out.kind = Num.EXACT;
                out.unscaled = longs[i];
                out.scale = scale[i];
                out.word = false;
                return true;
            }
            case BIG -> {
                out.set(big[i]);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    BigDecimal get(int i) {
        return switch (state[i]) {
            case LONG -> BigDecimal.valueOf(longs[i], scale[i]);
            case BIG -> big[i];
            default -> null;
        };
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /**
     * The cell as the nearest double (NaN when missing), for statistics: a whole number below 2^53
     * is exact, a decimal the correctly rounded quotient of its unscaled value by a power of ten.
     */
    double doubleValue(int i) {
        return switch (state[i]) {
            case LONG -> scale[i] == 0 ? (double) longs[i] : scale[i] > 0 && scale[i] < POWERS.length && Math.abs(longs[i]) < (1L << 53)
                    ? longs[i] / POWERS[scale[i]] : BigDecimal.valueOf(longs[i], scale[i]).doubleValue();
            case BIG -> big[i].doubleValue();
            default -> Double.NaN;
        };
    }

    /** Copies cell {@code from} of {@code src} into cell {@code to}. */
    void copy(Values src, int from, int to) {
        switch (src.state[from]) {
            case LONG -> {
                longs[to] = src.longs[from];
                scale[to] = src.scale[from];
                state[to] = LONG;
            }
            case BIG -> {
                bigs()[to] = src.big[from];
                state[to] = BIG;
            }
            default -> state[to] = NONE;
        }
    }

    /** Number of cells. */
    int size() { return state.length; }
}
