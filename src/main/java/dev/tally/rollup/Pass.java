package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.Aggregate;
import dev.tally.model.CellTable;
import dev.tally.model.ExactColumn;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.OverTime;
import dev.tally.model.Period;
import dev.tally.model.Severity;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The pass: one indicator rolled up the hierarchy for one target period, every aggregate kind the
 * same way. The units are visited children before parents ({@link Plan#visit}, then the virtual
 * total); each unit's own value ({@link OwnValues}) goes into its aggregate state, which is merged
 * into its parent's. The most detailed data wins: a unit's own value beside its children's is a
 * reported total, compared with their aggregate (a difference is an imbalance warning) and used
 * only with {@code preferReported} when the children are incomplete, or when no descendant has data.
 * Coverage: {@code reported} counts the units at the reporting level that gave a full value; a
 * reported total that is used counts as covering its subtree.
 *
 * <p>Indicators fill disjoint cells, so passes of different indicators run in parallel, each thread
 * re-using its aggregators.
 */
final class Pass {
    private final Rollup r;
    private final int[] visit;

    Pass(Rollup r, int[] visit) {
        this.r = r;
        this.visit = visit;
    }

    /**
     * Rolls one indicator up for one target into {@code out} and {@code rep}. Returns the number of
     * aggregate slots that outgrew longs.
     *
     * @param keep null, or for like-for-like: the units at the reporting level to take (indexed by
     *             unit); the others count as not reported, with their subtrees, and reported totals
     *             above the reporting level are not used (they cannot be split by unit)
     * @param contrib null, or filled with how many units at the reporting level put data into each
     *                aggregate, in full or for part of the period (a comparison is of like with like
     *                only when every one of them reported in full)
     */
    long roll(Period target, int[] members, Indicator ind, int dI, int[] expected, ExactColumn out, int[] rep, boolean[] keep, int[] contrib) {
        Rolling one = new Rolling(target, members, ind, dI, expected, out, rep, keep, contrib);
        for (int u : visit) one.unit(u);
        return one.agg.bigSlots() + (one.own.overTime == null ? 0 : one.own.overTime.bigSlots());
    }

    /**
     * One pass's state, and its step for one unit. The step is a method of its own so that C1, which
     * compiles a method after about 200 calls but a loop only after 60,000 turns, compiles it within
     * the first pass over a national hierarchy: as one loop, the first six passes of W1 (67,000 units)
     * ran in the interpreter, a quarter of the rollup's CPU.
     */
    private final class Rolling {
        final Period target;
        final int[] members;
        final Indicator ind;
        final int dI, n, ni, i;
        final int[] expected, rep, contrib, parentX, depthX;
        final ExactColumn out;
        final boolean[] keep;
        final Aggregator agg;
        final OwnValues own;
        final String excusedForm;
        // by slot, not by unit: a pass runs for every indicator and target, and one district's file against the
        // national hierarchy would make 45 KB of garbage each time for 18 slots (the cron run: 22 of its 43 MB)
        final int[] repChildren, contribChildren;
        final boolean quotient, ownQuotient;
        final Num v = new Num(), o = new Num(), ownRounded = new Num();

        Rolling(Period target, int[] members, Indicator ind, int dI, int[] expected, ExactColumn out, int[] rep, boolean[] keep, int[] contrib) {
            this.target = target;
            this.members = members;
            this.ind = ind;
            this.dI = dI;
            this.expected = expected;
            this.out = out;
            this.rep = rep;
            this.keep = keep;
            this.contrib = contrib;
            n = r.n;
            ni = r.c.size();
            i = ind.index();
            parentX = r.parentX;
            depthX = r.depthX;
            agg = reused(ind.aggregate(), n + 1);
            own = new OwnValues(r.t, n, target, members, ind, () -> reused(ind.overTime(), n),
                    keep != null ? (u, a, b, cell) -> { } : (u, a, b, cell) -> r.overlap(u, ind, target, a, b, cell));
            excusedForm = r.roster.hasExcuses() ? r.c.formOf(ind).code() : null;
            repChildren = new int[r.lastSlot + 1];
            contribChildren = contrib == null ? null : new int[r.lastSlot + 1];
            quotient = Rounding.quotient(ind, true, own.overTime != null);
            ownQuotient = Rounding.quotient(ind, false, own.overTime != null);
        }

        void unit(int u) {
            int su = r.slot(u), sp = parentX[u] >= 0 ? r.slot(parentX[u]) : -1; // a visited unit's parent is visited
            boolean hasOwn = u < n && own.get(u, o);
            int depthU = depthX[u];
            if (keep != null && u < n && (depthU < dI || (depthU == dI && !keep[u]))) {
                hasOwn = false;
                if (depthU == dI) {
                    agg.reset(u);
                    repChildren[su] = 0;
                }
            }
            // a flow given for part of the target period only (H1 of a year) is a value, but not a full report;
            // nor is the value of a unit not expected then (inactive, or exempt)
            int counts = hasOwn && own.whole(u) && (excusedForm == null || u >= n
                    || r.roster.excused(r.h.unit(u), excusedForm, target) == null) ? 1 : 0;
            int depth = depthX[u];
            int cell = u * ni + i, at = su * ni + i; // expected: a row per unit; out, rep, contrib: per slot
            int reported, cu = 0;
            if (agg.count(u) > 0) {
                reported = depth == dI ? 1 : depth < dI ? repChildren[su] : 0;
                if (contrib != null) cu = depth == dI ? 1 : depth < dI ? contribChildren[su] : 0;
                if (hasOwn) {
                    agg.result(u, v);
                    Rounding.round(ind, quotient, v);
                    ownRounded.set(o.decimal());
                    Rounding.round(ind, ownQuotient, ownRounded);
                    boolean incomplete = repChildren[su] < expected[cell];
                    boolean useOwn = r.spec.preferReported() && incomplete;
                    if (keep == null && v.decimal().compareTo(ownRounded.decimal()) != 0) {
                        imbalance(u, ind, target, members, ownRounded.decimal(), v.decimal(), repChildren[su], expected[cell], useOwn);
                    }
                    if (useOwn) {
                        agg.reset(u);
                        agg.add(u, o, 0);
                        reported = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
                        cu = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
                    }
                }
            } else if (hasOwn) {
                agg.add(u, o, 0);
                reported = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
                cu = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
            } else {
                reported = 0;
            }
            rep[at] = reported;
            if (contrib != null) {
                contrib[at] = cu;
                if (sp >= 0) contribChildren[sp] += cu;
            }
            if (agg.result(u, v)) {
                Rounding.round(ind, quotient, v);
                out.set(at, v);
                if (parentX[u] >= 0) agg.merge(parentX[u], u);
            }
            if (sp >= 0) repChildren[sp] += reported;
        }
    }

    /**
     * An aggregator of a kind, emptied, re-used by the thread from one indicator to the next: a
     * national rollup rolls hundreds of indicators and periods, and new state vectors for each would
     * be garbage by the hundred megabytes. Its BigDecimal count is taken before it is handed out again.
     * Contract: every pass that uses it touches only the slots of {@link #visit}.
     */
    private Aggregator reused(Enum<?> kind, int slots) {
        Map<Enum<?>, Aggregator> mine = pool.get();
        Aggregator a = mine.get(kind);
        if (a == null || a.slots() != slots || a.bigSlots() > 0) {
            a = kind instanceof Aggregate k ? Aggregators.of(k, slots) : Aggregators.of((OverTime) kind, slots);
            mine.put(kind, a);
        } else {
            // only the slots a pass can have touched: the visited units' and the total's (a unit's own
            // value goes into its slot, a slot merges into its parent's, and both are visited); one
            // district's file against the national hierarchy empties 17 slots a pass, not 11,152
            for (int u : visit) if (u < slots) a.reset(u); // an over-time aggregator has no slot for the total
        }
        return a;
    }

    private final ThreadLocal<Map<Enum<?>, Aggregator>> pool = ThreadLocal.withInitial(HashMap::new);

    private void imbalance(int u, Indicator ind, Period target, int[] members, BigDecimal own, BigDecimal computed, int rep, int exp, boolean usedOwn) {
        Unit unit = r.h.unit(u);
        String file = null;
        long line = 0;
        if (members.length == 1) {
            long w = r.t.where(members[0], r.t.findCell(u, ind.index())); // a unit with its own value has its row
            file = r.inputs.get(CellTable.whereInput(w));
            line = CellTable.whereLine(w);
        }
        r.found(new Finding(Severity.WARNING, FindingCode.IMBALANCE, file, line, unit.code(), target.text(), ind.code(), own.toPlainString(),
                t("rollup.imbalance", unit.code(), unit.name(), own.toPlainString(), ind.code(), target.text(), computed.toPlainString(),
                        own.subtract(computed).toPlainString(), rep, exp,
                        usedOwn ? t("rollup.imbalance.reported", own.toPlainString()) : t("rollup.imbalance.computed", computed.toPlainString()),
                        usedOwn ? "" : rep < exp ? t("rollup.imbalance.prefer") : "")));
    }
}
