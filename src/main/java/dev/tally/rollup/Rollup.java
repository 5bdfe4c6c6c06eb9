package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.expr.Formula;
import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.OverTime;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.Severity;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls validated cells up the hierarchy and over time.
 *
 * <p>For each target period and indicator: first over time, per unit, with the indicator's over_time
 * (the data periods inside the target, in time order; two of them overlapping for the same unit and
 * indicator is an error and neither is used); then over units, children before parents, with the
 * indicator's aggregate, merging mergeable {@link Aggregator}s so a mean is a ratio of sums and a
 * median sees every value. Derived indicators are then computed at every unit from the rolled-up
 * operands (a ratio of sums, never a mean of ratios); division by zero gives a missing value.
 *
 * <p>The most detailed data wins: a unit's own value for an indicator its descendants also report is
 * a reported total, compared with the computed aggregate (a difference is an imbalance warning) and
 * used only with {@code preferReported} when the children are incomplete, or when no descendant has
 * data. Coverage counts the units at the indicator's reporting level: {@code reported} of
 * {@code expected}; a reported total that is used counts as covering its subtree.
 */
public final class Rollup {
    private final Hierarchy h;
    private final Roster roster;
    private final Catalog c;
    private final CellTable t;
    private final RollupSpec spec;
    private final List<String> inputs;
    private final int n;
    private final int[] parentX;
    private final int[] depthX;
    private final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Set when the cells are an earlier era's re-expressed in a later era's units (see {@link Remap}). */
    private Remap remap;
    /** The units each indicator's pass visits, children before parents, the total last ({@link #visited}). */
    private int[] visit;
    /** Units the passes did not need to visit, over all rollups in this process: tests prove the way is taken. */
    static final java.util.concurrent.atomic.AtomicLong SKIPPED_UNITS = new java.util.concurrent.atomic.AtomicLong();
    /** Tests: every unit visited, as before the skipping, to compare results with. */
    static volatile boolean visitAll;

    private Rollup(Roster roster, Catalog c, CellTable t, RollupSpec spec, List<String> inputs) {
        if (!t.isDense()) throw new IllegalArgumentException("the rollup needs a dense cell table");
        Hierarchy h = roster.hierarchy();
        this.roster = roster;
        this.h = h;
        this.c = c;
        this.t = t;
        this.spec = spec;
        this.inputs = inputs;
        this.n = h.size();
        this.parentX = new int[n + 1];
        this.depthX = new int[n + 1];
        int[] parent = h.parentIndex();
        for (int u = 0; u < n; u++) {
            parentX[u] = parent[u] >= 0 ? parent[u] : n;
            depthX[u] = h.unit(u).depth();
        }
        parentX[n] = -1;
        depthX[n] = -1;
    }

    /** @param inputs display names of the inputs the cells came from, for messages */
    public static RollupResult run(Hierarchy h, Catalog c, CellTable t, RollupSpec spec, List<String> inputs) {
        return run(Roster.of(h), c, t, spec, inputs);
    }

    /** @param roster who is expected to report what and when (activity dates, exemptions) */
    public static RollupResult run(Roster roster, Catalog c, CellTable t, RollupSpec spec, List<String> inputs) {
        return new Rollup(roster, c, t, spec, inputs).run();
    }

    /** An earlier era's data in a later era's units: the result covers the combined hierarchy; {@link RollupResult#project} trims it. */
    static RollupResult run(Remap remap, RollupSpec spec, List<String> inputs) {
        Rollup r = new Rollup(remap.roster, remap.catalog, remap.table, spec, inputs);
        r.remap = remap;
        return r.run();
    }

    private RollupResult run() {
        List<Period> targets = new ArrayList<>(spec.periods());
        if (targets.isEmpty()) {
            targets.addAll(t.periods());
            targets.sort(Comparator.naturalOrder());
        }
        int ni = c.size();
        int[] dI = new int[ni];
        for (Indicator ind : c.indicators()) if (!ind.derived()) dI[ind.index()] = h.reportingDepth(ind);
        // who is expected: the same for every period, unless units can be excused (activity dates, exemptions)
        int[] base = expected(null, dI, null);
        int[][] expectedPer = new int[targets.size()][];
        int[][] exemptPer = roster.hasExcuses() ? new int[targets.size()][] : null;
        for (int ti = 0; ti < targets.size(); ti++) {
            if (exemptPer == null) {
                expectedPer[ti] = base;
            } else {
                exemptPer[ti] = new int[(n + 1) * ni];
                expectedPer[ti] = expected(targets.get(ti), dI, exemptPer[ti]);
            }
        }
        Values[] values = new Values[targets.size()];
        byte[][] quality = remap == null ? null : new byte[targets.size()][];
        int[][] reported = new int[targets.size()][];
        int[][] contributed = spec.compare().isEmpty() ? null : new int[targets.size()][];
        java.util.concurrent.atomic.AtomicLong bigSlots = new java.util.concurrent.atomic.AtomicLong();
        int[][] membersOf = new int[targets.size()][];
        for (int ti = 0; ti < targets.size(); ti++) membersOf[ti] = members(targets.get(ti));
        // like-for-like rolls the cells up again after every target, so they are kept until the end
        int[] lastUse = spec.releaseCells() && !spec.likeForLike() ? lastUse(membersOf) : null;
        visit = visited();
        if (lastUse != null) releaseUsedBy(lastUse, -1);
        for (int ti = 0; ti < targets.size(); ti++) {
            Period target = targets.get(ti);
            int[] members = membersOf[ti];
            values[ti] = new Values((n + 1) * ni);
            reported[ti] = new int[(n + 1) * ni];
            if (contributed != null) contributed[ti] = new int[(n + 1) * ni];
            Values vals = values[ti];
            int[] rep = reported[ti];
            int[] con = contributed == null ? null : contributed[ti];
            int[] expected = expectedPer[ti];
            // indicators fill disjoint cells, so they roll up in parallel; findings are sorted after
            c.indicators().parallelStream().filter(ind -> !ind.derived())
                    .forEach(ind -> bigSlots.addAndGet(rollIndicator(target, members, ind, dI[ind.index()], expected, vals, rep, con)));
            if (remap != null) {
                quality[ti] = new byte[(n + 1) * ni];
                byte[] q = quality[ti];
                int[] own = expectedPer[ti] = expected.clone(); // periods may share one expected array
                for (Indicator ind : c.indicators()) if (!ind.derived()) remap.adjust(ind, vals, rep, own, q);
                findings.addAll(remap.unweightedFindings(target));
            }
            derive(target, values[ti], reported[ti], expectedPer[ti]);
            if (remap != null) {
                // a derived value is as good as its worst operand
                for (Indicator ind : derivedInOrder()) {
                    for (int u = 0; u <= n; u++) {
                        byte worst = Remap.EXACT;
                        for (Indicator op : operands(ind)) worst = (byte) Math.max(worst, quality[ti][u * ni + op.index()]);
                        quality[ti][u * ni + ind.index()] = worst;
                    }
                }
            }
            if (lastUse != null) releaseUsedBy(lastUse, ti);
        }
        RollupResult.Compared[] compared = new RollupResult.Compared[targets.size()];
        for (var pair : spec.compare().entrySet()) {
            int ti = targets.indexOf(pair.getKey()), bi = targets.indexOf(pair.getValue());
            if (ti < 0 || bi < 0) throw new IllegalArgumentException("a compared period is not among the targets");
            compared[ti] = compare(targets, ti, bi, dI, expectedPer[ti], expectedPer[bi], values, reported, contributed);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing((Finding f) -> f.period() == null ? "" : f.period())
                .thenComparing(f -> f.unit() == null ? "" : f.unit())
                .thenComparing(f -> f.indicator() == null ? "" : f.indicator()));
        int[] depths = dI.clone();
        for (Indicator ind : derivedInOrder()) depths[ind.index()] = operands(ind).stream().mapToInt(op -> depths[op.index()]).max().orElse(h.maxDepth());
        return new RollupResult(n, ni, List.copyOf(targets), values, reported, expectedPer, exemptPer, compared, List.copyOf(sorted),
                bigSlots.get(), depths, quality);
    }

    /**
     * The units an indicator's pass visits, in the order it needs (descending index: children before
     * their parents), then the total ({@code n}): every unit with a cell in the table (a value, a
     * missing or a rejected one, in any period) and their ancestors. A unit with nothing in its
     * subtree would add only zeros (nothing reported, no value, nothing merged into its parent), so
     * one district's file against the national hierarchy visits a few dozen units, not 11,000, in
     * the same loop. A unit with a cell is usually found at its first indicator, so a full table
     * costs a read or so a unit.
     */
    private int[] visited() {
        boolean[] has = new boolean[n + 1];
        if (visitAll) java.util.Arrays.fill(has, true);
        int ni = c.size();
        for (int p = 0; p < t.periods().size(); p++) {
            if (t.released(p)) continue;
            byte[] states = t.states(p);
            for (int u = 0; u < n; u++) {
                if (has[u]) continue;
                for (int cell = u * ni, end = cell + ni; cell < end; cell++) {
                    if (states[cell] != CellTable.EMPTY) {
                        has[u] = true;
                        break;
                    }
                }
            }
        }
        int count = 1;
        for (int u = n - 1; u >= 0; u--) {
            if (!has[u]) continue;
            has[parentX[u]] = true; // a parent's index is below its children's: marked before its turn
            count++;
        }
        int[] order = new int[count];
        int k = 0;
        for (int u = n - 1; u >= 0; u--) if (has[u]) order[k++] = u;
        order[k] = n;
        SKIPPED_UNITS.addAndGet(n + 1 - count);
        return order;
    }

    /** For each data period, the last target (by index) that reads it; -1 when none does. */
    private int[] lastUse(int[][] membersOf) {
        int[] last = new int[t.periods().size()];
        java.util.Arrays.fill(last, -1);
        for (int ti = 0; ti < membersOf.length; ti++) for (int p : membersOf[ti]) last[p] = ti;
        return last;
    }

    /** Gives up the cells of the data periods that no target after {@code ti} reads. */
    private void releaseUsedBy(int[] lastUse, int ti) {
        for (int p = 0; p < lastUse.length; p++) if (lastUse[p] == ti) t.release(p);
    }

    /**
     * A target and the period it is compared with. Plainly, both sides as rolled up, and a cell is
     * {@code comparable} when both come from the same reporting units, each of which reported in
     * full (as many reported on each side as reported on both, and no unit gave only part of a
     * period). Like-for-like, both sides are rolled up again over only the reporting
     * units with a full value in both periods, so every change is comparable by construction.
     */
    private RollupResult.Compared compare(List<Period> targets, int ti, int bi, int[] dI, int[] expected, int[] baseExpected,
                                          Values[] values, int[][] reported, int[][] contributed) {
        int ni = c.size();
        if (spec.likeForLike()) {
            Values main = new Values((n + 1) * ni), base = new Values((n + 1) * ni);
            int[] mainRep = new int[(n + 1) * ni], baseRep = new int[(n + 1) * ni];
            int[] mt = members(targets.get(ti)), mb = members(targets.get(bi));
            c.indicators().parallelStream().filter(ind -> !ind.derived()).forEach(ind -> {
                boolean[] keep = new boolean[n];
                for (int u = 0; u < n; u++) {
                    int cell = u * ni + ind.index();
                    keep[u] = reported[ti][cell] == 1 && reported[bi][cell] == 1;
                }
                rollIndicator(targets.get(ti), mt, ind, dI[ind.index()], expected, main, mainRep, keep, null);
                rollIndicator(targets.get(bi), mb, ind, dI[ind.index()], baseExpected, base, baseRep, keep, null);
            });
            derive(targets.get(ti), main, mainRep, expected, true);
            derive(targets.get(bi), base, baseRep, baseExpected, true);
            byte[] status = new byte[(n + 1) * ni];
            java.util.Arrays.fill(status, RollupResult.COMPARABLE);
            return new RollupResult.Compared(bi, main, mainRep, base, baseRep, status, true);
        }
        byte[] status = new byte[(n + 1) * ni];
        int[] rt = reported[ti], rb = reported[bi], ct = contributed[ti], cb = contributed[bi];
        for (Indicator ind : c.indicators()) {
            if (ind.derived()) continue;
            int i = ind.index(), d = dI[i];
            int[] both = new int[n + 1];
            for (int k = n - 1; k >= -1; k--) {
                int u = k < 0 ? n : k;
                int cell = u * ni + i;
                int b = depthX[u] == d ? (rt[cell] == 1 && rb[cell] == 1 ? 1 : 0) : depthX[u] < d ? both[u] : 0;
                if (rt[cell] == expected[cell] && rb[cell] == baseExpected[cell] && expected[cell] == baseExpected[cell]) b = expected[cell];
                both[u] = b;
                // like with like: every unit that put data in reported in full, on both sides, and the same units
                status[cell] = rt[cell] == ct[cell] && rb[cell] == cb[cell] && rt[cell] == rb[cell] && rt[cell] == b
                        ? RollupResult.COMPARABLE : RollupResult.PARTIAL;
                if (parentX[u] >= 0 && depthX[u] <= d) both[parentX[u]] += b;
            }
        }
        // a derived value is comparable where every operand is
        for (Indicator ind : derivedInOrder()) {
            List<Indicator> ops = operands(ind);
            for (int u = 0; u <= n; u++) {
                byte st = RollupResult.COMPARABLE;
                for (Indicator op : ops) if (status[u * ni + op.index()] != RollupResult.COMPARABLE) st = RollupResult.PARTIAL;
                status[u * ni + ind.index()] = st;
            }
        }
        return new RollupResult.Compared(bi, values[ti], reported[ti], values[bi], reported[bi], status, false);
    }

    /**
     * How many units at each indicator's reporting level are expected in each subtree (a unit above
     * that level with no units below reports for itself). With a target period, units excused for
     * it (not active throughout, or exempt from the indicator's form) are not expected, and
     * {@code exempt} counts them. Derived indicators expect what their operands do, at most.
     */
    private int[] expected(Period target, int[] dI, int[] exempt) {
        int ni = c.size();
        int[] expected = new int[(n + 1) * ni];
        for (Indicator ind : c.indicators()) {
            if (ind.derived()) continue;
            int i = ind.index();
            String form = c.formOf(ind).code();
            for (int k = n - 1; k >= -1; k--) {
                int u = k < 0 ? n : k;
                int cell = u * ni + i;
                if (u < n && roster.reporter(h.unit(u), dI[i])) {
                    if (target != null && roster.excused(h.unit(u), form, target) != null) exempt[cell] += 1;
                    else expected[cell] += 1;
                }
                if (parentX[u] >= 0) {
                    expected[parentX[u] * ni + i] += expected[cell];
                    if (exempt != null) exempt[parentX[u] * ni + i] += exempt[cell];
                }
            }
        }
        for (Indicator ind : derivedInOrder()) {
            List<Indicator> ops = operands(ind);
            for (int u = 0; u <= n; u++) {
                int e = 0, x = 0;
                for (Indicator op : ops) {
                    e = Math.max(e, expected[u * ni + op.index()]);
                    if (exempt != null) x = Math.max(x, exempt[u * ni + op.index()]);
                }
                expected[u * ni + ind.index()] = e;
                if (exempt != null) exempt[u * ni + ind.index()] = x;
            }
        }
        return expected;
    }

    /** The data periods inside the target, earliest first. */
    private int[] members(Period target) {
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < t.periods().size(); p++) {
            Period dp = t.periods().get(p);
            if (dp.equals(target) || (!spec.exact() && !spec.periods().isEmpty() && target.contains(dp))) ids.add(p);
        }
        ids.sort(Comparator.comparing(p -> t.periods().get(p)));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Rolls one indicator up the hierarchy for one target period, every aggregate kind the same way:
     * children before parents (the units in reverse hierarchy order, then the virtual total), each
     * unit's state merged into its parent's. Returns the number of aggregate slots that outgrew longs.
     */
    private long rollIndicator(Period target, int[] members, Indicator ind, int dI, int[] expected, Values out, int[] rep, int[] contrib) {
        return rollIndicator(target, members, ind, dI, expected, out, rep, null, contrib);
    }

    /**
     * @param keep null, or for like-for-like: the units at the reporting level to take (indexed by
     *             unit); the others count as not reported, with their subtrees, and reported totals
     *             above the reporting level are not used (they cannot be split by unit)
     * @param contrib null, or filled with how many units at the reporting level put data into each
     *                aggregate, in full or for part of the period (a comparison is of like with like
     *                only when every one of them reported in full)
     */
    private long rollIndicator(Period target, int[] members, Indicator ind, int dI, int[] expected, Values out, int[] rep, boolean[] keep,
                               int[] contrib) {
        int ni = c.size(), i = ind.index();
        Aggregator agg = reused(ind.aggregate(), n + 1);
        Own own = new Own(target, members, ind, keep != null);
        String excusedForm = roster.hasExcuses() ? c.formOf(ind).code() : null;
        int[] repChildren = new int[n + 1];
        int[] contribChildren = contrib == null ? null : new int[n + 1];
        boolean division = Aggregators.row(ind.aggregate()).quotient() || (own.overTime != null && Aggregators.row(ind.overTime()).quotient());
        Num v = new Num(), o = new Num(), ownRounded = new Num();
        for (int u : visit) {
            boolean hasOwn = u < n && own.get(u, o);
            int depthU = depthX[u];
            if (keep != null && u < n && (depthU < dI || (depthU == dI && !keep[u]))) {
                hasOwn = false;
                if (depthU == dI) {
                    agg.reset(u);
                    repChildren[u] = 0;
                }
            }
            // a flow given for part of the target period only (H1 of a year) is a value, but not a full report;
            // nor is the value of a unit not expected then (inactive, or exempt)
            int counts = hasOwn && own.whole(u) && (excusedForm == null || u >= n
                    || roster.excused(h.unit(u), excusedForm, target) == null) ? 1 : 0;
            int depth = depthX[u];
            int cell = u * ni + i;
            int r, cu = 0;
            if (agg.count(u) > 0) {
                r = depth == dI ? 1 : depth < dI ? repChildren[u] : 0;
                if (contrib != null) cu = depth == dI ? 1 : depth < dI ? contribChildren[u] : 0;
                if (hasOwn) {
                    agg.result(u, v);
                    round(ind, division, v);
                    ownRounded.set(o.decimal());
                    round(ind, own.overTime != null && Aggregators.row(ind.overTime()).quotient(), ownRounded);
                    boolean incomplete = repChildren[u] < expected[cell];
                    boolean useOwn = spec.preferReported() && incomplete;
                    if (keep == null && v.decimal().compareTo(ownRounded.decimal()) != 0) {
                        imbalance(u, ind, target, members, ownRounded.decimal(), v.decimal(), repChildren[u], expected[cell], useOwn);
                    }
                    if (useOwn) {
                        agg.reset(u);
                        agg.add(u, o, 0);
                        r = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
                        cu = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
                    }
                }
            } else if (hasOwn) {
                agg.add(u, o, 0);
                r = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
                cu = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
            } else {
                r = 0;
            }
            rep[cell] = r;
            if (contrib != null) {
                contrib[cell] = cu;
                if (parentX[u] >= 0) contribChildren[parentX[u]] += cu;
            }
            if (agg.result(u, v)) {
                round(ind, division, v);
                out.set(cell, v);
                if (parentX[u] >= 0) agg.merge(parentX[u], u);
            }
            if (parentX[u] >= 0) repChildren[parentX[u]] += r;
        }
        return agg.bigSlots() + (own.overTime == null ? 0 : own.overTime.bigSlots());
    }

    /**
     * An aggregator of a kind, emptied, re-used by the thread from one indicator to the next: a
     * national rollup rolls hundreds of indicators and periods, and new state vectors for each would
     * be garbage by the hundred megabytes. Its BigDecimal count is taken before it is handed out again.
     */
    private Aggregator reused(Enum<?> kind, int slots) {
        java.util.Map<Enum<?>, Aggregator> mine = pool.get();
        Aggregator a = mine.get(kind);
        if (a == null || a.slots() != slots || a.bigSlots() > 0) {
            a = kind instanceof Aggregate k ? Aggregators.of(k, slots) : Aggregators.of((OverTime) kind, slots);
            mine.put(kind, a);
        } else {
            a.clear();
        }
        return a;
    }

    private final ThreadLocal<java.util.Map<Enum<?>, Aggregator>> pool = ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * Each unit's own value of an indicator for the target: the cell itself, or its data periods
     * combined with over_time (folded for all units at once, one period after another). {@link #whole}
     * tells whether it covers the whole target: for a flow (over_time sum or mean) the periods with a
     * value must add up to every day of it; a stock's last or first value, or a min or max, stands for
     * the period whatever part of it was reported. Two data periods that overlap for a unit are an
     * error and the unit has no own value.
     */
    private final class Own {
        final int i;
        final int single;
        final boolean flow, singleWhole;
        final byte[] states, scales;
        final long[] longs;
        final long targetDays;
        final Aggregator overTime;
        final long[] covered;
        final boolean[] overlapped;

        final int ni = c.size();

        Own(Period target, int[] members, Indicator ind, boolean quiet) {
            i = ind.index();
            flow = Aggregators.row(ind.overTime()).flow();
            targetDays = days(target);
            if (members.length == 1) {
                single = members[0];
                states = t.states(single);
                longs = t.longs(single);
                scales = t.scales(single);
                singleWhole = !flow || days(t.periods().get(single)) >= targetDays;
                overTime = null;
                covered = null;
                overlapped = null;
                return;
            }
            single = -1;
            states = scales = null;
            longs = null;
            singleWhole = false;
            overTime = reused(ind.overTime(), n);
            covered = new long[n];
            overlapped = new boolean[n];
            long[] prevEnd = new long[n];
            int[] prevMember = new int[n];
            java.util.Arrays.fill(prevEnd, Long.MIN_VALUE);
            int ni = c.size();
            for (int p : members) {
                Period dp = t.periods().get(p);
                long start = dp.start().toEpochDay(), end = dp.end().toEpochDay(), len = days(dp);
                byte[] states = t.states(p);
                long[] longs = t.longs(p);
                byte[] scales = t.scales(p);
                BigDecimal[] bigs = t.bigs(p);
                for (int u = 0; u < n; u++) {
                    int cell = u * ni + i;
                    byte st = states[cell];
                    if (st != CellTable.NUM && st != CellTable.BIG) continue;
                    if (overlapped[u]) continue;
                    if (prevEnd[u] >= start) {
                        if (!quiet) overlap(u, ind, target, prevMember[u], p, cell);
                        overlapped[u] = true;
                        continue;
                    }
                    overTime.add(u, longs[cell], scales == null ? 0 : scales[cell], st == CellTable.BIG ? bigs[cell] : null, start);
                    covered[u] += len;
                    if (end > prevEnd[u]) {
                        prevEnd[u] = end;
                        prevMember[u] = p;
                    }
                }
            }
        }

        boolean get(int u, Num out) {
            if (single >= 0) {
                int cell = u * ni + i;
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

        boolean whole(int u) {
            if (!flow) return true;
            return single >= 0 ? singleWhole : covered[u] >= targetDays;
        }
    }

    private static long days(Period p) { return p.end().toEpochDay() - p.start().toEpochDay() + 1; }

    /** Derived indicators with every derived operand before its users (the loader refused cycles). */
    private List<Indicator> derivedInOrder() { return derivedInOrder(c); }

    /** The derived indicators, each after the derived ones it uses. */
    static List<Indicator> derivedInOrder(Catalog c) {
        List<Indicator> order = new ArrayList<>();
        for (Indicator ind : c.indicators()) if (ind.derived()) visit(c, ind, order);
        return order;
    }

    private static void visit(Catalog c, Indicator ind, List<Indicator> order) {
        // by index, the indicator's identity in its catalog: a record's equals is bootstrapped
        // through method handles on first use, which costs a start-up ~7 ms
        for (Indicator done : order) if (done.index() == ind.index()) return;
        for (Indicator op : operands(c, ind)) if (op.derived()) visit(c, op, order);
        order.add(ind);
    }

    private void derive(Period target, Values out, int[] rep, int[] expected) { derive(target, out, rep, expected, false); }

    private void derive(Period target, Values out, int[] rep, int[] expected, boolean quiet) {
        derive(c, out, rep, n, (u, ind, failure) -> {
            if (quiet) return;
            findings.add(new Finding(Severity.WARNING, FindingCode.EVALUATION, null, 0, u < n ? h.unit(u).code() : null, target.text(),
                    ind.code(), null, t("rollup.evaluation", ind.code(), ind.formula(), u < n ? h.unit(u).code() : t("rollup.theTotal"), failure)));
        });
    }

    /** Where a formula could not be computed: the unit (its index; the total is the last), the indicator, why. */
    interface Failures {
        void failed(int unit, Indicator ind, String failure);
    }

    /**
     * Derived indicators at every unit (0 .. {@code units}, the last the total) from the values of
     * their operands: a ratio of sums, never a mean of ratios; missing when an operand is, or the
     * formula cannot be computed (division by zero). Their {@code rep} is their operands' least.
     */
    static void derive(Catalog c, Values out, int[] rep, int units, Failures failures) {
        int ni = c.size();
        for (Indicator ind : derivedInOrder(c)) {
            Formula f = Formula.compile(ind.formula());
            List<Indicator> ops = operands(c, ind);
            Map<String, BigDecimal> vars = new HashMap<>();
            for (int u = 0; u <= units; u++) {
                boolean complete = true;
                int minRep = Integer.MAX_VALUE;
                for (Indicator op : ops) {
                    BigDecimal v = out.get(u * ni + op.index());
                    if (v == null) complete = false;
                    vars.put(op.code(), v);
                    minRep = Math.min(minRep, rep[u * ni + op.index()]);
                }
                int cell = u * ni + ind.index();
                rep[cell] = ops.isEmpty() ? 0 : minRep;
                if (!complete) {
                    out.clear(cell);
                    continue;
                }
                Formula.Outcome result = f.evaluate(vars);
                if (result.failure() != null) failures.failed(u, ind, result.failure());
                out.set(cell, round(ind, result.number()));
            }
        }
    }

    private List<Indicator> operands(Indicator ind) { return operands(c, ind); }

    static List<Indicator> operands(Catalog c, Indicator ind) {
        List<Indicator> ops = new ArrayList<>();
        for (String v : Formula.compile(ind.formula()).variables()) ops.add(c.indicator(v));
        return ops;
    }

    /**
     * Rounds to the indicator's decimals (half up); results of a division (a mean, a formula) without
     * decimals are given to 2 places with trailing zeros dropped. Sums, minima, maxima, medians and
     * counts without decimals stay exact.
     */
    static BigDecimal round(Indicator ind, BigDecimal v) {
        if (v == null) return null;
        if (ind.decimals() != null) return v.setScale(ind.decimals(), RoundingMode.HALF_UP);
        if (ind.derived() || Aggregators.row(ind.aggregate()).quotient() || Aggregators.row(ind.overTime()).quotient()) return twoPlaces(v);
        return v;
    }

    private static BigDecimal twoPlaces(BigDecimal v) {
        BigDecimal r = v.setScale(Math.min(v.scale(), 2), RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** {@link #round} in place, on longs where the value is one ({@code division}: the value is a quotient). */
    static void round(Indicator ind, boolean division, Num v) {
        if (ind.decimals() != null) {
            v.round(ind.decimals());
            return;
        }
        if (!division || (v.kind != Num.EXACT && v.kind != Num.BIG) || (v.kind == Num.EXACT && v.scale <= 2)) return;
        // keep the scale the rounding gives (no normal form here)
        v.setScaled(twoPlaces(v.decimal()));
    }

    private String where(int p, int cell) {
        long w = t.where(p, cell);
        return inputs.get(CellTable.whereInput(w)) + ":" + CellTable.whereLine(w);
    }

    private void overlap(int u, Indicator ind, Period target, int a, int b, int cell) {
        Unit unit = h.unit(u);
        long w = t.where(b, cell);
        findings.add(new Finding(Severity.ERROR, FindingCode.OVERLAP, inputs.get(CellTable.whereInput(w)), CellTable.whereLine(w),
                unit.code(), target.text(), ind.code(), null,
                t("rollup.overlap", unit.code(), ind.code(), t.periods().get(a).text(), where(a, cell), t.periods().get(b).text(), where(b, cell),
                        target.text())));
    }

    private void imbalance(int u, Indicator ind, Period target, int[] members, BigDecimal own, BigDecimal computed, int rep, int exp, boolean usedOwn) {
        Unit unit = h.unit(u);
        String file = null;
        long line = 0;
        if (members.length == 1) {
            long w = t.where(members[0], t.cell(u, ind.index()));
            file = inputs.get(CellTable.whereInput(w));
            line = CellTable.whereLine(w);
        }
        findings.add(new Finding(Severity.WARNING, FindingCode.IMBALANCE, file, line, unit.code(), target.text(), ind.code(), own.toPlainString(),
                t("rollup.imbalance", unit.code(), unit.name(), own.toPlainString(), ind.code(), target.text(), computed.toPlainString(),
                        own.subtract(computed).toPlainString(), rep, exp,
                        usedOwn ? t("rollup.imbalance.reported", own.toPlainString()) : t("rollup.imbalance.computed", computed.toPlainString()),
                        usedOwn ? "" : rep < exp ? t("rollup.imbalance.prefer") : "")));
    }
}
