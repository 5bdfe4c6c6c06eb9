package dev.tally.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The accepted values of a data set, one cell per unit × indicator × period, held in dense arrays so
 * that memory grows with the number of cells, not with the number of rows read (a file may repeat a
 * cell; it still takes one slot). A cell is {@link #EMPTY} (nobody gave it), {@link #MISSING} (given
 * as empty, N/A or -), {@link #NUM} (an exact value {@code unscaled × 10^-scale} of up to 18 digits,
 * kept as a long and a scale), {@link #BIG} (19 to 38 digits, kept as a BigDecimal) or
 * {@link #REJECTED} (given twice with different values, so neither counts). Values are in normal
 * form (no trailing zeros after the point), so two cells hold the same number exactly when their
 * long and scale are equal.
 *
 * <p>Each cell also remembers where its value came from (input index and line) for messages.
 * Threads may fill disjoint cells of one dense table at once ({@link #periodId} and the arrays made
 * on first need are safe for that; the validator proves afterwards that no cell was filled by two
 * threads). Anything else, and every sparse table, is for one thread at a time.
 *
 * <p>A dense table has a row of cells for every unit of the hierarchy ({@code cell = unit × indicators
 * + indicator}), which the rollup needs. A {@link #sparse} table gives rows only to the units it meets,
 * in the order met: one district's file then costs a few rows, not the whole country. Code that loops
 * over cells uses {@link #cells()} and {@link #unitOf(int)}, which work for both.
 */
public final class CellTable {
    public static final byte EMPTY = ExactColumn.NONE, MISSING = 1, NUM = ExactColumn.NUM, BIG = ExactColumn.BIG, REJECTED = 4;

    private final int units;
    private final int indicators;
    /** Sparse tables only: the row of each unit (-1: none yet), the unit of each row, the rows in use. */
    private final int[] rowOfUnit;
    private int[] unitOfRow;
    private int rows;
    private int capacity;
    private final List<Period> periods = new ArrayList<>();
    /** Read without a lock by threads filling a shared table; written under the table's lock, after the period's slab. */
    private final Map<Period, Integer> periodIds = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * One slab per period id, the array replaced whole when a period is added or released (never
     * changed in place), so that threads filling a shared table read it without a lock.
     */
    private volatile Slab[] slabs = new Slab[0];

    /** One period's cells: their numbers and states ({@link ExactColumn}), and where each came from. */
    private static final class Slab {
        final ExactColumn values;
        // not final: a release drops it (see release)
        long[] where;

        Slab(int n) {
            values = new ExactColumn(n);
            where = new long[n];
        }

        Slab(Slab old, int n) {
            values = new ExactColumn(old.values, n);
            where = Arrays.copyOf(old.where, n);
        }
    }

    /** A dense table: a row for every one of {@code units} units. */
    public CellTable(int units, int indicators) {
        this.units = units;
        this.indicators = indicators;
        this.rowOfUnit = null;
        this.rows = units;
        this.capacity = units;
    }

    private CellTable(int units, int indicators, boolean sparse) {
        this.units = units;
        this.indicators = indicators;
        this.rowOfUnit = new int[units];
        Arrays.fill(rowOfUnit, -1);
        this.unitOfRow = new int[16];
        this.capacity = 16;
    }

    /** A table that gives rows only to the units it meets. */
    public static CellTable sparse(int units, int indicators) { return new CellTable(units, indicators, true); }

    public boolean isDense() { return rowOfUnit == null; }

    /** How many units the hierarchy has. */
    public int units() { return units; }

    /** The number of cells in a period: rows × indicators (every unit's for a dense table). */
    public int cells() { return rows * indicators; }

    /** The unit a cell belongs to. */
    public int unitOf(int cell) {
        int row = cell / indicators;
        return rowOfUnit == null ? row : unitOfRow[row];
    }

    public int indicators() { return indicators; }

    /** Periods in the order first seen; ids index this list. */
    public List<Period> periods() { return periods; }

    public int periodId(Period p) {
        Integer id = periodIds.get(p);
        return id != null ? id : addPeriod(p);
    }

    /** What a cell of a dense period takes: its value and where it came from (longs) and its state. */
    static final int BYTES_PER_CELL = 17;
    /** The most a dense table's periods may take together: a share of the heap, so that the rest of a run fits too. */
    static volatile long budget = Runtime.getRuntime().maxMemory() / 10 * 6;

    /**
     * A dense table refused a period: its periods would take more than the budget. A dense period has
     * a cell for every unit and indicator however few were given, so 1,000 one-line periods against
     * a national hierarchy (9.5 MB a period) ran out of memory after seconds.
     */
    public static final class TooManyPeriods extends RuntimeException {
        public final int periods;
        public final long bytes, budget;

        TooManyPeriods(int periods, long bytes, long budget) {
            super(periods + " periods need " + bytes + " bytes, over " + budget, null, false, false);
            this.periods = periods;
            this.bytes = bytes;
            this.budget = budget;
        }
    }

    private synchronized int addPeriod(Period p) {
        Integer id = periodIds.get(p);
        if (id != null) return id;
        if (rowOfUnit == null) {
            long need = (long) (periods.size() + 1) * capacity * indicators * BYTES_PER_CELL;
            if (need > budget) throw new TooManyPeriods(periods.size() + 1, need, budget);
        }
        Slab[] more = Arrays.copyOf(slabs, slabs.length + 1);
        more[more.length - 1] = new Slab(capacity * indicators);
        slabs = more;
        periods.add(p);
        periodIds.put(p, periods.size() - 1);
        return periods.size() - 1;
    }

    /**
     * Gives up a period's cells, for a caller that has taken all it needs from them (a rollup whose
     * table is read once): their memory can then go before the result's is made. Any later use of
     * the period fails; releasing it again does nothing.
     */
    public synchronized void release(int period) {
        Slab s = slabs[period];
        if (s == null) return;
        Slab[] fewer = slabs.clone();
        fewer[period] = null;
        slabs = fewer;
        // the arrays are large enough for G1 to keep each in regions of its own, which a young
        // collection frees at once only when nothing on the heap still points at them: without this
        // they waited for the next full marking, and the result grew beside them (W3: 2.1 GB live, not 1.2)
        s.values.release();
        s.where = null;
    }

    /** True when the period's cells were {@link #release released}. */
    public boolean released(int period) { return slabs[period] == null; }

    // Small enough for C1 to inline (35 bytes of bytecode at most): called for every cell read or
    // written, and C1 leaves a larger callee a call. The rare failure is a method of its own.
    private Slab slab(int period) {
        Slab s = slabs[period];
        return s != null ? s : releasedSlab(period);
    }

    private Slab releasedSlab(int period) {
        throw new IllegalStateException("the cells of " + periods.get(period) + " were released");
    }

    /** The id of a known period, or -1. */
    public int findPeriod(Period p) {
        Integer id = periodIds.get(p);
        return id == null ? -1 : id;
    }

    /** The cell of a unit and indicator; a sparse table gives the unit a row on first use. */
    public int cell(int unit, int indicator) {
        // (the sparse table's row in a method of its own: this one short enough for C1 to inline, as slab)
        return (rowOfUnit == null ? unit : rowOrNew(unit)) * indicators + indicator;
    }

    private int rowOrNew(int unit) {
        int row = rowOfUnit[unit];
        return row >= 0 ? row : addRow(unit);
    }

    /** The cell of a unit and indicator, or -1 when a sparse table has no row for the unit. */
    public int findCell(int unit, int indicator) {
        // (short enough for C1 to inline, as cell)
        return rowOfUnit == null ? unit * indicators + indicator : sparseCell(unit, indicator);
    }

    private int sparseCell(int unit, int indicator) {
        int row = rowOfUnit[unit];
        return row < 0 ? -1 : row * indicators + indicator;
    }

    private int addRow(int unit) {
        if (rows == capacity) {
            capacity *= 2;
            unitOfRow = Arrays.copyOf(unitOfRow, capacity);
            Slab[] grown = new Slab[slabs.length];
            for (int p = 0; p < grown.length; p++) grown[p] = new Slab(slabs[p], capacity * indicators);
            slabs = grown;
        }
        rowOfUnit[unit] = rows;
        unitOfRow[rows] = unit;
        return rows++;
    }

    public byte state(int period, int cell) { return slab(period).values.state[cell]; }

    /**
     * The period's cell states, indexed by cell, for loops over millions of cells. The array is the
     * table's own: read it, never write it.
     */
    public byte[] states(int period) { return slab(period).values.state; }

    /** The period's unscaled values (meaningful where the state is NUM); read only, like {@link #states}. */
    public long[] longs(int period) { return slab(period).values.value; }

    /** The period's scales, or null when every NUM cell is a whole number; read only. */
    public byte[] scales(int period) { return slab(period).values.scale; }

    /** The period's BigDecimal values (meaningful where the state is BIG), or null when none; read only. */
    public BigDecimal[] bigs(int period) { return slab(period).values.big; }

    public long longValue(int period, int cell) { return slab(period).values.longValue(cell); }

    public int scale(int period, int cell) { return slab(period).values.scale(cell); }

    /** The value of a NUM or BIG cell; null otherwise. */
    public BigDecimal value(int period, int cell) { return slab(period).values.get(cell); }

    public long where(int period, int cell) { return slab(period).where[cell]; }

    public static long where(int input, long line) { return ((long) input << 40) | line; }

    public static int whereInput(long where) { return (int) (where >>> 40); }

    public static long whereLine(long where) { return where & ((1L << 40) - 1); }

    /** Sets an exact value of up to 18 digits in normal form. */
    public void putNum(int period, int cell, long unscaled, int scale, long where) {
        Slab s = slab(period);
        s.where[cell] = where;
        s.values.putNum(cell, unscaled, scale);
    }

    /** Sets a value of 19 to 38 digits in normal form. */
    public void putBig(int period, int cell, BigDecimal v, long where) {
        Slab s = slab(period);
        s.where[cell] = where;
        s.values.putBig(cell, v);
    }

    public void putMissing(int period, int cell, long where) {
        Slab s = slab(period);
        s.where[cell] = where;
        s.values.state[cell] = MISSING;
    }

    /** Marks a cell given with conflicting values; {@code where} is where it was first given. */
    public void reject(int period, int cell, long where) {
        Slab s = slab(period);
        s.where[cell] = where;
        s.values.state[cell] = REJECTED;
    }

    public void reject(int period, int cell) { slab(period).values.state[cell] = REJECTED; }

    /** Copies a cell of another table (state, value, where) into this one. */
    public void copy(CellTable from, int fromPeriod, int fromCell, int period, int cell) {
        Slab f = from.slab(fromPeriod);
        if (f.values.state[fromCell] == EMPTY) return;
        Slab s = slab(period);
        s.where[cell] = f.where[fromCell];
        s.values.copy(f.values, fromCell, cell);
    }

    /** True when two cells hold the same number, or are both missing. */
    public static boolean sameValue(CellTable a, int pa, int ca, CellTable b, int pb, int cb) {
        byte sa = a.state(pa, ca);
        return (sa == MISSING || sa == NUM || sa == BIG) && ExactColumn.same(a.slab(pa).values, ca, b.slab(pb).values, cb);
    }
}
