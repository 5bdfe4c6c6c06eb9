package dev.tally.model;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A dense column of optional exact numbers, the one type that holds numbers by the million: the cells
 * read ({@link CellTable}, one column a period) and the rolled-up values alike. A cell is
 * {@link #NUM}, {@code unscaled × 10^-scale} in a long (9 bytes a cell, the scale in a byte array
 * made on the first cell that is not a whole number), {@link #BIG}, a BigDecimal (the array made on
 * first need), or no number: {@link #NONE}, or a state of the owner's (the cell table's missing and
 * rejected cells). A value keeps the scale it is given (90.0 at one decimal stays 90.0).
 *
 * <p>Threads may fill disjoint cells at once (one indicator or one slice of the input each): the
 * arrays made on first need are made under a lock.
 */
public final class ExactColumn {
    public static final byte NONE = 0, NUM = 2, BIG = 3;

    // not final: a release drops them
    long[] value;
    byte[] state;
    /** made on first need, by whichever thread needs it first */
    volatile byte[] scale;
    volatile BigDecimal[] big;

    public ExactColumn(int n) {
        value = new long[n];
        state = new byte[n];
    }

    /** A copy of {@code old} with {@code n} cells. */
    ExactColumn(ExactColumn old, int n) {
        value = Arrays.copyOf(old.value, n);
        state = Arrays.copyOf(old.state, n);
        scale = old.scale == null ? null : Arrays.copyOf(old.scale, n);
        big = old.big == null ? null : Arrays.copyOf(old.big, n);
    }

    /** Drops the arrays, for the garbage collector; any later use fails. */
    void release() {
        value = null;
        state = null;
        scale = null;
        big = null;
    }

    private byte[] scales() {
        byte[] s = scale;
        if (s == null) {
            synchronized (this) {
                s = scale;
                if (s == null) scale = s = new byte[state.length];
            }
        }
        return s;
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

    /** Number of cells. */
    public int size() { return state.length; }

    public void clear(int i) { state[i] = NONE; }

    /** Sets {@code unscaled × 10^-scale}. */
    public void putNum(int i, long unscaled, int s) {
        value[i] = unscaled;
        state[i] = NUM;
        // the scale in a method of its own: 35 bytes of bytecode at most are inlined by C1, and this is
        // called for every cell read and every value rolled up
        if (s != 0 || scale != null) putScale(i, s);
    }

    private void putScale(int i, int s) { scales()[i] = (byte) s; }

    /** Sets a value kept as a BigDecimal. */
    public void putBig(int i, BigDecimal v) {
        bigs()[i] = v;
        state[i] = BIG;
    }

    /** Sets a parsed or rolled-up value as it is; anything not a number clears the cell. */
    public void set(int i, Num v) {
        // the rare kinds in a method of their own, so that C1 inlines this (35 bytes of bytecode at most)
        // where every rolled-up value is stored
        if (v.kind == Num.EXACT) putNum(i, v.unscaled, v.scale);
        else setOther(i, v);
    }

    private void setOther(int i, Num v) {
        if (v.kind == Num.BIG) putBig(i, v.big);
        else state[i] = NONE;
    }

    /** Sets a value keeping its scale (90.0 stays 90.0, as the indicator's decimals ask); null clears the cell. */
    public void set(int i, BigDecimal v) {
        if (v == null) state[i] = NONE;
        else if (v.scale() >= 0 && v.precision() <= 18) putNum(i, v.unscaledValue().longValueExact(), v.scale());
        else putBig(i, v);
    }

    /** True when the cell holds a number. */
    public boolean has(int i) { return state[i] == NUM || state[i] == BIG; }

    public byte state(int i) { return state[i]; }

    /** The unscaled value of a {@link #NUM} cell. */
    public long longValue(int i) { return value[i]; }

    /** The scale of a {@link #NUM} cell. */
    public int scale(int i) {
        byte[] s = scale;
        return s == null ? 0 : s[i];
    }

    /** The cell as a Long where it is a whole number that fits (no BigDecimal for the common case), a BigDecimal, or null. */
    public Number number(int i) {
        return switch (state[i]) {
            case NUM -> scale(i) == 0 ? (Number) value[i] : BigDecimal.valueOf(value[i], scale(i));
            case BIG -> big[i];
            default -> null;
        };
    }

    /** Reads the cell into {@code out}; false when it holds no number. */
    public boolean get(int i, Num out) {
        switch (state[i]) {
            case NUM -> {
                out.kind = Num.EXACT;
                out.unscaled = value[i];
                out.scale = scale(i);
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

    /** The cell's number, or null. */
    public BigDecimal get(int i) {
        return switch (state[i]) {
            case NUM -> BigDecimal.valueOf(value[i], scale(i));
            case BIG -> big[i];
            default -> null;
        };
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /**
     * The cell as the nearest double (NaN when it holds no number), for statistics: a whole number
     * below 2^53 is exact, a decimal the correctly rounded quotient of its unscaled value by a power of ten.
     */
    public double doubleValue(int i) {
        return switch (state[i]) {
            case NUM -> {
                int s = scale(i);
                long v = value[i];
                yield s == 0 ? (double) v : s > 0 && s < POWERS.length && Math.abs(v) < (1L << 53) ? v / POWERS[s] : BigDecimal.valueOf(v, s).doubleValue();
            }
            case BIG -> big[i].doubleValue();
            default -> Double.NaN;
        };
    }

    /** Copies cell {@code from} of {@code src} into cell {@code to}: its number, or its state when it holds none. */
    public void copy(ExactColumn src, int from, int to) {
        switch (src.state[from]) {
            case NUM -> putNum(to, src.value[from], src.scale(from));
            case BIG -> putBig(to, src.big[from]);
            default -> state[to] = src.state[from];
        }
    }

    /** True when two cells hold the same number exactly (value and scale), or the same state without one. */
    public static boolean same(ExactColumn a, int ia, ExactColumn b, int ib) {
        byte sa = a.state[ia];
        if (sa != b.state[ib]) return false;
        return switch (sa) {
            case NUM -> a.value[ia] == b.value[ib] && a.scale(ia) == b.scale(ib);
            case BIG -> a.big[ia].compareTo(b.big[ib]) == 0;
            default -> true;
        };
    }
}
