package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Era;
import dev.tally.model.ExactColumn;
import dev.tally.model.Finding;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.Period;
import dev.tally.model.PeriodType;
import dev.tally.model.TallyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A rollup over periods that may lie in different eras of units. It is expressed in the units of
 * the latest era among its targets: targets of that era roll up as ever; targets of the era before it
 * are re-expressed in its units ({@link Remap}); a target that straddles the boundary (the year 2025)
 * combines its part before, re-mapped, with its part after. A unit code is never matched across
 * eras: every value is read against its own era's units, and crosses a boundary only through the
 * mapping.
 *
 * <p>Combining the two parts of a straddling target is exact for sums of flows (a sum of sums),
 * for stocks (the part after gives the last value, the part before the first), and for a minimum of
 * minima or maximum of maxima; any other combination of two parts that both have a value is not
 * comparable. Coverage then counts the units of both parts.
 *
 * <p>A comparison across the boundary is {@code comparable} when both sides are complete and exact,
 * {@code estimated} or {@code not-comparable} when the earlier side is, else {@code partial}.
 * Like-for-like comparisons need the same units on both sides and so cannot cross a boundary.
 */
public final class Across {
    private Across() {}

    /** An era's validated cells. */
    public record EraCells(Era era, CellTable table) {}

    /** The rollup, and the era whose units it is expressed in. */
    public record Result(RollupResult result, Era era) {}

    public static Result run(List<EraCells> eras, RollupSpec spec, List<String> inputs) {
        if (eras.size() == 1) {
            EraCells e = eras.get(0);
            return new Result(Rollup.run(e.era().roster(), e.era().catalog(), e.table(), spec, inputs), e.era());
        }
        List<Period> targets = new ArrayList<>(spec.periods());
        boolean exact = spec.exact();
        if (targets.isEmpty()) {
            TreeSet<Period> all = new TreeSet<>();
            for (EraCells e : eras) all.addAll(e.table().periods());
            targets.addAll(all);
            exact = true;
        }
        List<Era> all = eras.stream().map(EraCells::era).toList();
        int display = 0;
        for (Period t : targets) display = Math.max(display, Era.of(all, t).index());
        EraCells now = eras.get(display);
        // where each target's data come from: every data period is in the table of its own era (Era.of,
        // the era of its last day), so a target's data in an era are that era's periods inside it
        List<Period> nativeTargets = new ArrayList<>(), oldTargets = new ArrayList<>();
        Map<Period, Period[]> parts = new LinkedHashMap<>();
        List<Finding> overlaps = new ArrayList<>();
        for (Period t : targets) {
            int last = Era.of(all, t).index();
            int first = exact ? last : Era.at(all, t.start()).index();
            if (first == display) {
                nativeTargets.add(t);
            } else if (first == display - 1 && last == display - 1) {
                oldTargets.add(t);
            } else if (first == display - 1) {
                Period[] split = split(t, eras.get(display - 1).table(), now, overlaps);
                if (split == null) nativeTargets.add(t);
                else parts.put(t, split);
            } else {
                throw TallyException.usage(t(first < display - 1 ? "across.moreThanOne" : "across.across", t.text(), now.era().label()));
            }
        }
        if (oldTargets.isEmpty() && parts.isEmpty()) {
            return new Result(Rollup.run(now.era().roster(), now.era().catalog(), now.table(), new RollupSpec(targets, spec.preferReported(),
                    exact, spec.compare(), spec.likeForLike()), inputs), now.era());
        }
        if (spec.likeForLike()) {
            throw TallyException.usage(t("across.likeForLike", String.join(", ",
                    targets.stream().filter(x -> !nativeTargets.contains(x)).map(Period::text).toList()), now.era().label()));
        }
        // the periods each run rolls up: this era's targets and the parts after; the earlier era's and the parts before
        LinkedHashSet<Period> nowPeriods = new LinkedHashSet<>(nativeTargets), thenPeriods = new LinkedHashSet<>(oldTargets);
        for (Period[] p : parts.values()) {
            thenPeriods.add(p[0]);
            nowPeriods.add(p[1]);
        }
        Map<Period, Period> nowPairs = new LinkedHashMap<>();
        spec.compare().forEach((t, b) -> {
            if (nativeTargets.contains(t) && nativeTargets.contains(b)) nowPairs.put(t, b);
        });
        boolean nowExact = exact && parts.isEmpty();
        RollupResult a = Rollup.run(now.era().roster(), now.era().catalog(), now.table(),
                new RollupSpec(new ArrayList<>(nowPeriods), spec.preferReported(), nowExact, nowPairs, false), inputs);
        EraCells then = eras.get(display - 1);
        Remap remap = Remap.of(then.era(), now.era(), then.table());
        RollupResult b = Rollup.run(remap, new RollupSpec(new ArrayList<>(thenPeriods), spec.preferReported(), nowExact), inputs);
        RollupResult r = assemble(now.era().catalog(), now.era().hierarchy().size(), remap, targets, a, b, parts, spec.compare(), overlaps);
        return new Result(r, now.era());
    }

    /**
     * A target that starts before the boundary and ends after it, as its part before (re-mapped from
     * the earlier era) and its part after, or null when all its data are of the later era. The parts
     * meet where the later era's data inside the target begin: at the boundary, or earlier when one
     * of its periods straddles it (2025-H2 from a boundary on 2025-07-15 is the later era's, and
     * starts on 07-01), so every data period falls whole in its part and its coverage is counted
     * against the days it covers. Data of the two eras that cover the same days (2025-H1 of the old
     * units and the year 2025 of the new) are both counted, with an overlap error naming them.
     */
    private static Period[] split(Period t, CellTable before, EraCells after, List<Finding> overlaps) {
        java.time.LocalDate boundary = after.era().from(), meet = boundary;
        Period firstAfter = null;
        for (Period p : after.table().periods()) {
            if (t.contains(p) && p.start().isBefore(meet)) {
                meet = p.start();
                firstAfter = p;
            }
        }
        Period lastBefore = null;
        for (Period p : before.periods()) {
            if (t.contains(p) && (lastBefore == null || p.end().isAfter(lastBefore.end()))) lastBefore = p;
        }
        if (!meet.isAfter(t.start()) && lastBefore == null) return null;
        java.time.LocalDate beforeEnd = meet.minusDays(1);
        if (lastBefore != null && !lastBefore.end().isBefore(meet)) {
            beforeEnd = lastBefore.end();
            overlaps.add(new Finding(dev.tally.model.Severity.ERROR, dev.tally.model.FindingCode.OVERLAP, null, 0, null, t.text(), null, null,
                    t("across.overlap", lastBefore.text(), firstAfter.text(), boundary, t.text())));
        }
        java.time.LocalDate afterStart = meet.isAfter(t.start()) ? meet : t.start();
        return new Period[] {range(t.start(), beforeEnd), range(afterStart, t.end())};
    }

    private static Period range(java.time.LocalDate from, java.time.LocalDate to) {
        return new Period(PeriodType.RANGE, from, to, from + ".." + to);
    }

    /** One result over {@code targets} in the later era's units, from the run of that era ({@code a}) and the re-mapped run ({@code b}). */
    private static RollupResult assemble(Catalog c, int n, Remap remap, List<Period> targets, RollupResult a, RollupResult b,
                                         Map<Period, Period[]> parts, Map<Period, Period> pairs, List<Finding> overlaps) {
        int ni = c.size(), cells = (n + 1) * ni, k = targets.size();
        ExactColumn[] values = new ExactColumn[k];
        int[][] reported = new int[k][], expected = new int[k][], exempt = new int[k][];
        byte[][] quality = new byte[k][];
        boolean anyExempt = a.hasExempt() || b.hasExempt();
        for (int t = 0; t < k; t++) {
            Period target = targets.get(t);
            int ia = a.periods().indexOf(target), ib = b.periods().indexOf(target);
            values[t] = new ExactColumn(cells);
            reported[t] = new int[cells];
            expected[t] = new int[cells];
            exempt[t] = anyExempt ? new int[cells] : null;
            if (ia >= 0) {
                copy(a, ia, n, n, ni, values[t], reported[t], expected[t], exempt[t], null);
            } else if (ib >= 0) {
                quality[t] = new byte[cells];
                copy(b, ib, remap.hierarchy.size(), n, ni, values[t], reported[t], expected[t], exempt[t], quality[t]);
            } else {
                Period[] p = parts.get(target);
                quality[t] = new byte[cells];
                straddle(c, n, remap, a, a.periods().indexOf(p[1]), b, b.periods().indexOf(p[0]), values[t], reported[t], expected[t],
                        exempt[t], quality[t]);
            }
            // a value that cannot be compared with the later era's is not shown as if it could
            if (quality[t] != null) for (int cell = 0; cell < cells; cell++) if (quality[t][cell] == Remap.NOT_COMPARABLE) values[t].clear(cell);
        }
        RollupResult.Compared[] compared = new RollupResult.Compared[k];
        for (var pair : pairs.entrySet()) {
            int t = targets.indexOf(pair.getKey()), base = targets.indexOf(pair.getValue());
            if (t < 0 || base < 0) continue;
            int ia = a.periods().indexOf(pair.getKey());
            if (ia >= 0 && a.compared(ia)) {
                RollupResult.Compared x = a.comparedOf(ia);
                compared[t] = new RollupResult.Compared(base, values[t], reported[t], values[base], reported[base], x.status(), false);
                continue;
            }
            byte[] status = new byte[cells];
            for (int cell = 0; cell < cells; cell++) {
                byte q = (byte) Math.max(quality[t] == null ? 0 : quality[t][cell], quality[base] == null ? 0 : quality[base][cell]);
                boolean complete = expected[t][cell] > 0 && reported[t][cell] == expected[t][cell] && expected[base][cell] > 0
                        && reported[base][cell] == expected[base][cell];
                status[cell] = q == Remap.NOT_COMPARABLE ? RollupResult.NOT_COMPARABLE : q == Remap.ESTIMATED ? RollupResult.ESTIMATED
                        : complete ? RollupResult.COMPARABLE : RollupResult.PARTIAL;
            }
            compared[t] = new RollupResult.Compared(base, values[t], reported[t], values[base], reported[base], status, false);
        }
        List<Finding> findings = new ArrayList<>(overlaps);
        findings.addAll(a.findings());
        findings.addAll(b.findings());
        return new RollupResult(n, ni, List.copyOf(targets), values, reported, expected, anyExempt ? exempt : null, compared, findings,
                a.bigSlots() + b.bigSlots(), a.reportingDepths(), quality, a.skippedUnits() + b.skippedUnits(), null,
                a.shared() || b.shared());
    }

    /** Copies a period of a result into the later era's units: units 0 .. n-1 as they are, and the total from {@code total}. */
    private static void copy(RollupResult r, int p, int total, int n, int ni, ExactColumn values, int[] rep, int[] exp, int[] ex, byte[] q) {
        ExactColumn src = r.valuesOf(p);
        int[] rs = r.reportedOf(p), es = r.expectedOf(p), xs = r.exemptOf(p);
        byte[] qs = r.qualityOf(p);
        for (int u = 0; u <= n; u++) {
            int from = u < n ? u : total;
            for (int i = 0; i < ni; i++) {
                int s = from * ni + i, d = u * ni + i;
                values.copy(src, s, d);
                rep[d] = rs[s];
                exp[d] = es[s];
                if (ex != null && xs != null) ex[d] = xs[s];
                if (q != null && qs != null) q[d] = qs[s];
            }
        }
    }

    /**
     * A straddling target from its part after the boundary (period {@code pa} of {@code a}) and its
     * part before, re-mapped (period {@code pb} of {@code b}).
     */
    private static void straddle(Catalog c, int n, Remap remap, RollupResult a, int pa, RollupResult b, int pb, ExactColumn values, int[] rep,
                                 int[] exp, int[] ex, byte[] q) {
        int ni = c.size(), cells = (n + 1) * ni;
        ExactColumn after = new ExactColumn(cells), before = new ExactColumn(cells);
        int[] repA = new int[cells], expA = new int[cells], exA = new int[cells], repB = new int[cells], expB = new int[cells], exB = new int[cells];
        byte[] qB = new byte[cells];
        copy(a, pa, n, n, ni, after, repA, expA, exA, null);
        copy(b, pb, remap.hierarchy.size(), n, ni, before, repB, expB, exB, qB);
        Num x = new Num(), y = new Num();
        for (Indicator ind : c.indicators()) {
            if (ind.derived()) continue;
            int i = ind.index();
            // the two parts of the period combine as both rows say, over time and over units alike
            Aggregators.Parts overTime = Aggregators.row(ind.overTime()).parts(), overUnits = Aggregators.row(ind.aggregate()).parts();
            for (int u = 0; u <= n; u++) {
                int cell = u * ni + i;
                boolean hasA = after.get(cell, x), hasB = before.get(cell, y);
                if (overTime == Aggregators.Parts.LATER || overTime == Aggregators.Parts.EARLIER) {
                    // a stock: the part that holds the end (or the start) of the period is the value
                    boolean takeAfter = overTime == Aggregators.Parts.LATER;
                    values.copy(takeAfter ? after : before, cell, cell);
                    rep[cell] = takeAfter ? repA[cell] : repB[cell];
                    exp[cell] = takeAfter ? expA[cell] : expB[cell];
                    if (ex != null) ex[cell] = takeAfter ? exA[cell] : exB[cell];
                    q[cell] = takeAfter ? Remap.EXACT : qB[cell];
                    continue;
                }
                rep[cell] = repA[cell] + repB[cell];
                exp[cell] = expA[cell] + expB[cell];
                if (ex != null) ex[cell] = exA[cell] + exB[cell];
                q[cell] = qB[cell];
                if (!hasA || !hasB) {
                    values.copy(hasA ? after : before, cell, cell);
                    continue;
                }
                if (overTime == Aggregators.Parts.NONE || overTime != overUnits) {
                    q[cell] = Remap.NOT_COMPARABLE; // e.g. a mean over units of two halves is not the mean of the year
                    values.clear(cell);
                    continue;
                }
                values.set(cell, Rounding.round(ind, overTime.combine(y.decimal(), x.decimal())));
            }
        }
        Derived derived = new Derived(c);
        derived.compute(values, rep, n, (u, ind, failure) -> { });
        derived.worstQuality(q, n);
        derived.most(exp, n);
        if (ex != null) derived.most(ex, n);
    }
}
