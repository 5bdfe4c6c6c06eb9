package dev.tally.rollup;

import dev.tally.model.CellTable;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.Period;
import java.math.BigDecimal;

/**
 * Over time: each unit's own value of an indicator for a target, the cell itself when one data period
 * is the target, else the data periods inside it combined with the indicator's over_time (folded for
 * all units at once, one period after another, in time order). {@link #whole} tells whether it covers
 * the whole target: for a flow (over_time sum or mean) the periods with a value must add up to every
 * day of it (2024-H1 alone is a value for 2024, not a full report); a stock's last or first value, or
 * a min or max, stands for the period whatever part of it was reported. Two data periods that overlap
 * for a unit (2024-Q1 and 2024-03) are an error, and the unit has no own value.
 */
final class OwnValues {
    /** Where two data periods of a unit overlap: the unit, the earlier member and the later, and the cell. */
    interface Overlaps {
        void overlap(int unit, int earlier, int later, int cell);
    }

    private final CellTable t;
    private final int i;
    private final int single;
    private final boolean flow;
    /** Every unit's own value covers the target: not a flow, or one data period as long as the target. */
    private final boolean allWhole;
    private final byte[] states, scales;
    private final long[] longs;
    private final long targetDays;
    /** The combination over time, or null when one data period is the target. */
    final Aggregator overTime;
    private final long[] covered;
    private final boolean[] overlapped;

    /**
     * @param n        the units of the hierarchy
     * @param overTime an empty aggregator of the indicator's over_time with {@code n} slots, used when
     *                 the target has more than one member
     */
    OwnValues(CellTable t, int n, Period target, int[] members, Indicator ind, java.util.function.Supplier<Aggregator> overTime, Overlaps overlaps) {
        this.t = t;
        i = ind.index();
        flow = Aggregators.row(ind.overTime()).flow();
        targetDays = days(target);
        if (members.length == 1) {
            single = members[0];
            states = t.states(single);
            longs = t.longs(single);
            scales = t.scales(single);
            allWhole = !flow || days(t.periods().get(single)) >= targetDays;
            this.overTime = null;
            covered = null;
            overlapped = null;
            return;
        }
        single = -1;
        states = scales = null;
        longs = null;
        allWhole = !flow;
        this.overTime = overTime.get();
        covered = new long[n];
        overlapped = new boolean[n];
        long[] prevEnd = new long[n];
        int[] prevMember = new int[n];
        java.util.Arrays.fill(prevEnd, Long.MIN_VALUE);
        for (int p : members) {
            Period dp = t.periods().get(p);
            long start = dp.start().toEpochDay(), end = dp.end().toEpochDay(), len = days(dp);
            byte[] states = t.states(p);
            long[] longs = t.longs(p);
            byte[] scales = t.scales(p);
            BigDecimal[] bigs = t.bigs(p);
            for (int u = 0; u < n; u++) {
                int cell = t.findCell(u, i);
                if (cell < 0) continue; // a sparse table's unit without a row: nothing of its own
                byte st = states[cell];
                if (st != CellTable.NUM && st != CellTable.BIG) continue;
                if (overlapped[u]) continue;
                if (prevEnd[u] >= start) {
                    overlaps.overlap(u, prevMember[u], p, cell);
                    overlapped[u] = true;
                    continue;
                }
                this.overTime.add(u, longs[cell], scales == null ? 0 : scales[cell], st == CellTable.BIG ? bigs[cell] : null, start);
                covered[u] += len;
                if (end > prevEnd[u]) {
                    prevEnd[u] = end;
                    prevMember[u] = p;
                }
            }
        }
    }

    /** Reads unit {@code u}'s own value into {@code out}; false when it has none. */
    boolean get(int u, Num out) {
        if (single >= 0) {
            int cell = t.findCell(u, i);
            if (cell < 0) return false;
            byte st = states[cell];
            if (st == CellTable.NUM) {
                out.kind = Num.EXACT;
                out.unscaled = longs[cell];
                out.scale = scales == null ? 0 : scales[cell];
                out.word = false;
                return true;
            }
            if (st == CellTable.BIG) {
                out.set(t.value(single, cell));
                return true;
            }
            return false;
        }
        return !overlapped[u] && overTime.result(u, out);
    }

    /** Whether unit {@code u}'s own value covers the whole target. */
    boolean whole(int u) {
        // (one test of a field where the answer is the same for every unit: short enough for C1 to inline
        // in the pass, which asks for each unit)
        return allWhole || covered != null && covered[u] >= targetDays;
    }

    private static long days(Period p) { return p.end().toEpochDay() - p.start().toEpochDay() + 1; }
}
