package dev.tally.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted values of a data set, one cell per unit × indicator × period, held in dense arrays so
 * that memory grows with the number of cells, not with the number of rows read (a file may repeat a
 * cell; it still takes one slot). A cell is {@link #EMPTY} (nobody gave it), {@link #MISSING} (given
 * as empty, N/A or -), {@link #LONG} (an integral value that fits a long, kept exactly),
 * {@link #DECIMAL} (any other value, kept as an exact BigDecimal) or {@link #REJECTED} (given twice
 * with different values, so neither counts).
 *
 * <p>Each cell also remembers where its value came from (input index and line) for messages.
 * Not thread-safe: parallel readers fill one table each and {@link #absorb} them in input order.
 */
public final class CellTable {
    public static final byte EMPTY = 0, MISSING = 1, LONG = 2, DECIMAL = 3, REJECTED = 4;

    private final int units;
    private final int indicators;
    private final List<Period> periods = new ArrayList<>();
    private final Map<Period, Integer> periodIds = new HashMap<>();
    private final List<Slab> slabs = new ArrayList<>();

    /** One period's cells. */
    private static final class Slab {
        final long[] value;
        final byte[] state;
        final long[] where;
        BigDecimal[] decimal;

        Slab(int n) {
            value = new long[n];
            state = new byte[n];
            where = new long[n];
        }
    }

    public CellTable(int units, int indicators) {
        this.units = units;
        this.indicators = indicators;
    }

    public int units() { return units; }

    public int indicators() { return indicators; }

    /** Periods in the order first seen; ids index this list. */
    public List<Period> periods() { return periods; }

    public int periodId(Period p) {
        Integer id = periodIds.get(p);
        if (id != null) return id;
        periodIds.put(p, periods.size());
        periods.add(p);
        slabs.add(new Slab(units * indicators));
        return periods.size() - 1;
    }

    /** The id of a known period, or -1. */
    public int findPeriod(Period p) {
        Integer id = periodIds.get(p);
        return id == null ? -1 : id;
    }

    public int cell(int unit, int indicator) { return unit * indicators + indicator; }

    public byte state(int period, int cell) { return slabs.get(period).state[cell]; }

    /**
     * The period's cell states, indexed by cell, for loops over millions of cells. The array is the
     * table's own: read it, never write it.
     */
    public byte[] states(int period) { return slabs.get(period).state; }

    /** The period's integral values (meaningful where the state is LONG); read only, like {@link #states}. */
    public long[] longs(int period) { return slabs.get(period).value; }

    public long longValue(int period, int cell) { return slabs.get(period).value[cell]; }

    /** The value of a LONG or DECIMAL cell; null otherwise. */
    public BigDecimal value(int period, int cell) {
        Slab s = slabs.get(period);
        return switch (s.state[cell]) {
            case LONG -> BigDecimal.valueOf(s.value[cell]);
            case DECIMAL -> s.decimal[cell];
            default -> null;
        };
    }

    public long where(int period, int cell) { return slabs.get(period).where[cell]; }

    public static long where(int input, long line) { return ((long) input << 40) | line; }

    public static int whereInput(long where) { return (int) (where >>> 40); }

    public static long whereLine(long where) { return where & ((1L << 40) - 1); }

    /** Sets a cell (value null = missing) without checks; the caller has already compared with what was there. */
    public void put(int period, int cell, BigDecimal v, long where) {
        Slab s = slabs.get(period);
        s.where[cell] = where;
        if (v == null) {
            s.state[cell] = MISSING;
            return;
        }
        if (v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0) {
            try {
                s.value[cell] = v.longValueExact();
                s.state[cell] = LONG;
                return;
            } catch (ArithmeticException tooBig) {
                // falls through to DECIMAL
            }
        }
        if (s.decimal == null) s.decimal = new BigDecimal[s.state.length];
        s.decimal[cell] = v;
        s.state[cell] = DECIMAL;
    }

    /** Sets an integral value (the fast lane: no BigDecimal). */
    public void putLong(int period, int cell, long v, long where) {
        Slab s = slabs.get(period);
        s.where[cell] = where;
        s.value[cell] = v;
        s.state[cell] = LONG;
    }

    public void putMissing(int period, int cell, long where) {
        Slab s = slabs.get(period);
        s.where[cell] = where;
        s.state[cell] = MISSING;
    }

    public void reject(int period, int cell) { slabs.get(period).state[cell] = REJECTED; }

    /** True when two cell values are equal numbers (2 and 2.0 are equal), or both missing. */
    public static boolean sameValue(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) return a == b;
        return a.compareTo(b) == 0;
    }

    /** True when any cell of this unit and period was given. */
    public boolean hasSubmission(int period, int unit) {
        byte[] st = slabs.get(period).state;
        int from = unit * indicators;
        for (int i = from; i < from + indicators; i++) if (st[i] != EMPTY) return true;
        return false;
    }

    /** Fills every cell of a period with the given state (for tests and re-use). */
    void fill(int period, byte state) { Arrays.fill(slabs.get(period).state, state); }
}
