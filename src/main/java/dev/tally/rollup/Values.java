package dev.tally.rollup;

import java.math.BigDecimal;

/**
 * A dense column of optional exact numbers: a long where the value is integral and fits (the common
 * case, 9 bytes a cell), a BigDecimal otherwise, nothing for missing.
 */
final class Values {
    private static final byte NONE = 0, LONG = 1, BIG = 2;
    private final long[] longs;
    private final byte[] state;
    /** Only for the rare non-integral value; made under a lock, as threads fill disjoint cells at once. */
    private volatile BigDecimal[] big;

    Values(int n) {
        longs = new long[n];
        state = new byte[n];
    }

    private BigDecimal[] big() {
        BigDecimal[] b = big;
        if (b == null) {
            synchronized (this) {
                b = big;
                if (b == null) big = b = new BigDecimal[state.length];
            }
        }
        return b;
    }

    void set(int i, BigDecimal v) {
        if (v == null) {
            state[i] = NONE;
            return;
        }
        if (v.scale() <= 0 && v.precision() - v.scale() <= 18) {
            longs[i] = v.longValueExact();
            state[i] = LONG;
            return;
        }
        big()[i] = v;
        state[i] = BIG;
    }

    /** The cell as a Long where it is one (no BigDecimal for the common case), a BigDecimal, or null. */
    Number number(int i) {
        return switch (state[i]) {
            case LONG -> longs[i];
            case BIG -> big[i];
            default -> null;
        };
    }

    void setLong(int i, long v) {
        longs[i] = v;
        state[i] = LONG;
    }

    BigDecimal get(int i) {
        return switch (state[i]) {
            case LONG -> BigDecimal.valueOf(longs[i]);
            case BIG -> big[i];
            default -> null;
        };
    }
}
