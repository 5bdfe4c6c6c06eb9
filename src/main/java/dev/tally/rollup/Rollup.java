package dev.tally.rollup;

import dev.tally.expr.Formula;
import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.OverTime;
import dev.tally.model.Period;
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
    private final Catalog c;
    private final CellTable t;
    private final RollupSpec spec;
    private final List<String> inputs;
    private final int n;
    private final int[] parentX;
    private final int[] depthX;
    private final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());

    private Rollup(Hierarchy h, Catalog c, CellTable t, RollupSpec spec, List<String> inputs) {
        if (!t.isDense()) throw new IllegalArgumentException("the rollup needs a dense cell table");
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
        return new Rollup(h, c, t, spec, inputs).run();
    }

    /** The depth at which an indicator is reported: its reported_at level, else the lowest level. */
    public static int reportingDepth(Indicator ind, Hierarchy h) {
        if (ind.reportedAt() != null) {
            int d = h.depthOf(ind.reportedAt());
            if (d >= 0) return d;
        }
        return h.maxDepth();
    }

    private RollupResult run() {
        List<Period> targets = new ArrayList<>(spec.periods());
        if (targets.isEmpty()) {
            targets.addAll(t.periods());
            targets.sort(Comparator.naturalOrder());
        }
        int ni = c.size();
        int[] expected = new int[(n + 1) * ni];
        int[] dI = new int[ni];
        for (Indicator ind : c.indicators()) {
            if (ind.derived()) continue;
            dI[ind.index()] = reportingDepth(ind, h);
            for (int k = n - 1; k >= -1; k--) {
                int u = k < 0 ? n : k;
                int cell = u * ni + ind.index();
                if (u < n && depthX[u] == dI[ind.index()]) expected[cell] += 1;
                if (parentX[u] >= 0) expected[parentX[u] * ni + ind.index()] += expected[cell];
            }
        }
        Values[] values = new Values[targets.size()];
        int[][] reported = new int[targets.size()][];
        for (int ti = 0; ti < targets.size(); ti++) {
            Period target = targets.get(ti);
            int[] members = members(target);
            values[ti] = new Values((n + 1) * ni);
            reported[ti] = new int[(n + 1) * ni];
            Values vals = values[ti];
            int[] rep = reported[ti];
            // indicators fill disjoint cells, so they roll up in parallel; findings are sorted after
            c.indicators().parallelStream().filter(ind -> !ind.derived())
                    .forEach(ind -> rollIndicator(target, members, ind, dI[ind.index()], expected, vals, rep));
            derive(values[ti], reported[ti], expected);
        }
        for (Indicator ind : derivedInOrder()) {
            List<Indicator> ops = operands(ind);
            for (int u = 0; u <= n; u++) {
                int e = 0;
                for (Indicator op : ops) e = Math.max(e, expected[u * ni + op.index()]);
                expected[u * ni + ind.index()] = e;
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing((Finding f) -> f.period() == null ? "" : f.period())
                .thenComparing(f -> f.unit() == null ? "" : f.unit())
                .thenComparing(f -> f.indicator() == null ? "" : f.indicator()));
        return new RollupResult(n, ni, List.copyOf(targets), values, reported, expected, List.copyOf(sorted));
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

    /** The dense sum lane's working arrays, one set per thread, cleared before each pass. */
    private static final class Scratch {
        long[] sum = new long[0], result = new long[0];
        int[] count = new int[0], repChildren = new int[0], r = new int[0];
        boolean[] has = new boolean[0];

        Scratch ready(int size) {
            if (sum.length < size) {
                sum = new long[size];
                result = new long[size];
                count = new int[size];
                repChildren = new int[size];
                r = new int[size];
                has = new boolean[size];
            } else {
                java.util.Arrays.fill(sum, 0, size, 0);
                java.util.Arrays.fill(count, 0, size, 0);
                java.util.Arrays.fill(repChildren, 0, size, 0);
                java.util.Arrays.fill(has, 0, size, false);
                // result and r are written for every unit before they are read
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Off only in tests, which compare the dense sum lane with the general one. */
    static boolean denseSums = true;

    private void rollIndicator(Period target, int[] members, Indicator ind, int dI, int[] expected, Values out, int[] rep) {
        if (denseSums && ind.aggregate() == Aggregate.SUM && members.length == 1 && ind.decimals() == null
                && t.periods().get(members[0]).equals(target)
                && rollSum(target, members[0], ind, dI, expected, out, rep)) {
            return;
        }
        int ni = c.size(), i = ind.index();
        Aggregator[] agg = new Aggregator[n + 1];
        int[] repChildren = new int[n + 1];
        boolean[] overflowSeen = new boolean[n + 1];
        boolean[] whole = new boolean[1];
        // children before parents: the units in reverse hierarchy order, then the virtual total (index n)
        for (int k = n - 1; k >= -1; k--) {
            int u = k < 0 ? n : k;
            BigDecimal own = u < n ? own(u, i, target, members, ind, whole) : null;
            // a flow given for part of the target period only (H1 of a year) is a value, but not a full report
            int counts = own != null && whole[0] ? 1 : 0;
            Aggregator a = agg[u];
            Aggregator eff = null;
            int r;
            int depth = depthX[u];
            int cell = u * ni + i;
            if (a != null) {
                eff = a;
                r = depth == dI ? 1 : depth < dI ? repChildren[u] : 0;
                if (own != null) {
                    BigDecimal computed = round(ind, a.result());
                    BigDecimal ownR = round(ind, own);
                    boolean incomplete = repChildren[u] < expected[cell];
                    boolean useOwn = spec.preferReported() && incomplete;
                    if (computed != null && computed.compareTo(ownR) != 0) imbalance(u, ind, target, members, ownR, computed, repChildren[u], expected[cell], useOwn);
                    if (useOwn) {
                        eff = single(ind, own);
                        r = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
                    }
                }
            } else if (own != null) {
                eff = single(ind, own);
                r = depth == dI ? counts : depth < dI ? counts * expected[cell] : 0;
            } else {
                r = 0;
            }
            rep[cell] = r;
            if (eff != null) {
                if (eff.overflowed()) {
                    if (!overflowSeen[u]) overflow(u, ind, target);
                    out.set(cell, null);
                } else {
                    out.set(cell, round(ind, eff.result()));
                }
                int p = parentX[u];
                if (p >= 0) {
                    if (agg[p] == null) agg[p] = Aggregators.of(ind.aggregate());
                    agg[p].merge(eff);
                    if (eff.overflowed()) overflowSeen[p] = true;
                }
            }
            if (parentX[u] >= 0) repChildren[parentX[u]] += r;
        }
    }

    /**
     * The common case on dense arrays: a sum of integral values of one data period, with exactly the
     * semantics of the general lane (coverage, reported totals, imbalance) but no object per unit.
     * Returns false, having written nothing, when a value is not a long or a sum overflows; the
     * general lane then does the work and reports.
     */
    private boolean rollSum(Period target, int p, Indicator ind, int dI, int[] expected, Values out, int[] rep) {
        int ni = c.size(), i = ind.index();
        // five passes' worth of arrays per indicator and period add up: reuse them per thread
        Scratch sc = SCRATCH.get().ready(n + 1);
        long[] sum = sc.sum, result = sc.result;
        int[] count = sc.count, repChildren = sc.repChildren, r = sc.r;
        boolean[] has = sc.has;
        List<Runnable> imbalances = new ArrayList<>();
        byte[] states = t.states(p);
        long[] longs = t.longs(p);
        for (int k = n - 1; k >= -1; k--) {
            int u = k < 0 ? n : k;
            boolean hasOwn = false;
            long own = 0;
            if (u < n) {
                int cell = u * ni + i;
                byte st = states[cell];
                if (st == CellTable.LONG) {
                    hasOwn = true;
                    own = longs[cell];
                } else if (st == CellTable.DECIMAL) {
                    return false;
                }
            }
            int depth = depthX[u];
            int cell = u * ni + i;
            long eff;
            int effCount;
            if (count[u] > 0) {
                eff = sum[u];
                effCount = count[u];
                r[u] = depth == dI ? 1 : depth < dI ? repChildren[u] : 0;
                if (hasOwn) {
                    boolean useOwn = spec.preferReported() && repChildren[u] < expected[cell];
                    if (own != eff) {
                        final int uu = u;
                        final long o = own, e = eff, rc = repChildren[u], ex = expected[cell];
                        imbalances.add(() -> imbalance(uu, ind, target, new int[] {p}, BigDecimal.valueOf(o), BigDecimal.valueOf(e),
                                (int) rc, (int) ex, useOwn));
                    }
                    if (useOwn) {
                        eff = own;
                        effCount = 1;
                        r[u] = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
                    }
                }
            } else if (hasOwn) {
                eff = own;
                effCount = 1;
                r[u] = depth == dI ? 1 : depth < dI ? expected[cell] : 0;
            } else {
                effCount = 0;
                eff = 0;
                r[u] = 0;
            }
            if (effCount > 0) {
                has[u] = true;
                result[u] = eff;
                int par = parentX[u];
                if (par >= 0) {
                    long s2 = sum[par] + eff;
                    if (((sum[par] ^ s2) & (eff ^ s2)) < 0) return false; // overflow: the general lane reports it
                    sum[par] = s2;
                    count[par] += effCount;
                }
            }
            if (parentX[u] >= 0) repChildren[parentX[u]] += r[u];
        }
        for (int u = 0; u <= n; u++) {
            int cell = u * ni + i;
            rep[cell] = r[u];
            if (has[u]) out.setLong(cell, result[u]);
        }
        imbalances.forEach(Runnable::run);
        return true;
    }

    private static Aggregator single(Indicator ind, BigDecimal v) {
        Aggregator a = Aggregators.of(ind.aggregate());
        a.add(v);
        return a;
    }

    /**
     * The unit's own value for the target: the cell itself, or its data periods combined with
     * over_time. {@code whole[0]} tells whether it covers the whole target: for a flow (over_time sum
     * or mean) the periods with a value must add up to every day of it; a stock's last or first value,
     * or a min or max, stands for the period whatever part of it was reported.
     */
    private BigDecimal own(int u, int i, Period target, int[] members, Indicator ind, boolean[] whole) {
        int cell = t.cell(u, i);
        boolean flow = ind.overTime() == OverTime.SUM || ind.overTime() == OverTime.MEAN;
        long targetDays = days(target);
        if (members.length == 1) {
            BigDecimal v = t.value(members[0], cell);
            whole[0] = !flow || days(t.periods().get(members[0])) >= targetDays;
            return v;
        }
        Aggregator a = null;
        int prev = -1;
        long covered = 0;
        for (int p : members) {
            BigDecimal v = t.value(p, cell);
            if (v == null) continue;
            if (prev >= 0 && t.periods().get(prev).overlaps(t.periods().get(p))) {
                overlap(u, ind, target, prev, p, cell);
                return null;
            }
            if (a == null) a = Aggregators.of(ind.overTime());
            a.add(v, t.periods().get(p).start().toEpochDay());
            covered += days(t.periods().get(p));
            if (prev < 0 || t.periods().get(p).end().isAfter(t.periods().get(prev).end())) prev = p;
        }
        whole[0] = !flow || covered >= targetDays;
        return a == null || a.overflowed() ? null : a.result();
    }

    private static long days(Period p) { return p.end().toEpochDay() - p.start().toEpochDay() + 1; }

    /** Derived indicators with every derived operand before its users (the loader refused cycles). */
    private List<Indicator> derivedInOrder() {
        List<Indicator> order = new ArrayList<>();
        for (Indicator ind : c.indicators()) if (ind.derived()) visit(ind, order);
        return order;
    }

    private void visit(Indicator ind, List<Indicator> order) {
        if (order.contains(ind)) return;
        for (Indicator op : operands(ind)) if (op.derived()) visit(op, order);
        order.add(ind);
    }

    private void derive(Values out, int[] rep, int[] expected) {
        int ni = c.size();
        for (Indicator ind : derivedInOrder()) {
            Formula f = Formula.compile(ind.formula());
            List<Indicator> ops = operands(ind);
            Map<String, BigDecimal> vars = new HashMap<>();
            for (int u = 0; u <= n; u++) {
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
                out.set(cell, complete ? round(ind, f.evaluateNumber(vars).orElse(null)) : null);
            }
        }
    }

    private List<Indicator> operands(Indicator ind) {
        List<Indicator> ops = new ArrayList<>();
        for (String v : Formula.compile(ind.formula()).variables()) ops.add(c.indicator(v));
        return ops;
    }

    /**
     * Rounds to the indicator's decimals; results of a division (mean, an even median, a formula)
     * without decimals are given to 2 places with trailing zeros dropped. Exact sums stay exact.
     */
    static BigDecimal round(Indicator ind, BigDecimal v) {
        if (v == null) return null;
        if (ind.decimals() != null) return v.setScale(ind.decimals(), RoundingMode.HALF_UP);
        if (v.scale() > 6 || ind.derived() || ind.aggregate() == Aggregate.MEAN || ind.overTime() == OverTime.MEAN) {
            BigDecimal r = v.setScale(Math.min(v.scale(), 2), RoundingMode.HALF_UP).stripTrailingZeros();
            return r.scale() < 0 ? r.setScale(0) : r;
        }
        return v;
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
                unit.code() + " gave " + ind.code() + " for both " + t.periods().get(a).text() + " (" + where(a, cell) + ") and "
                        + t.periods().get(b).text() + " (" + where(b, cell) + "), which overlap inside " + target.text()
                        + "; neither is used, since it would count twice. Keep one granularity"));
    }

    private void overflow(int u, Indicator ind, Period target) {
        String who = u < n ? h.unit(u).code() : "the total";
        findings.add(new Finding(Severity.ERROR, FindingCode.OVERFLOW, null, 0, u < n ? h.unit(u).code() : null, target.text(), ind.code(), null,
                "the sum of " + ind.code() + " for " + who + " in " + target.text() + " does not fit in 64 bits; it is left missing. Check for a mistyped value"));
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
                unit.code() + " (" + unit.name() + ") reported " + own.toPlainString() + " for " + ind.code() + " in " + target.text()
                        + " but its subtree gives " + computed.toPlainString() + " (difference " + own.subtract(computed).toPlainString()
                        + "; " + rep + " of " + exp + " reporting units); the " + (usedOwn ? "reported " + own.toPlainString() : "computed " + computed.toPlainString())
                        + " is used" + (usedOwn ? "" : rep < exp ? " (--prefer reported would use the reported total)" : "")));
    }
}
