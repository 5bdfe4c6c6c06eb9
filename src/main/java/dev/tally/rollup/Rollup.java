package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.ExactColumn;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.Severity;
import dev.tally.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rolls validated cells up the hierarchy and over time: for each target period and indicator, first
 * over time, per unit, with the indicator's over_time ({@link OwnValues}); then over units, children
 * before parents, with the indicator's aggregate ({@link Pass}), merging mergeable {@link Aggregator}s
 * so a mean is a ratio of sums and a median sees every value. Derived indicators are then computed at
 * every unit from the rolled-up operands ({@link Derived}); values are rounded as {@link Rounding}
 * says; coverage counts {@link Expected} reporters; a comparison is {@link Comparison}'s. What to roll
 * up, and in what order, is the {@link Plan}. This class runs them and gathers the result.
 *
 * <p>Example: {@code Rollup.run(hierarchy, catalog, cells, new RollupSpec(List.of(Period.parseOrThrow("2024")), false), inputs)}
 * gives every unit's 2024 from its months, quarters or halves, with reported of expected units.
 */
public final class Rollup {
    // what the concerns share, read only once the rollup runs
    final Hierarchy h;
    final Roster roster;
    final Catalog c;
    final CellTable t;
    final RollupSpec spec;
    final List<String> inputs;
    final int n;
    /** Each unit's parent, {@code n} (the total) for a root, -1 for the total. */
    final int[] parentX;
    /** Each unit's depth, -1 for the total. */
    final int[] depthX;
    final Derived derived;
    /** Set when the cells are an earlier era's re-expressed in a later era's units (see {@link Remap}). */
    private final Remap remap;
    private final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
    /**
     * Where a unit's cells are in the rolled-up columns: null when every unit has its row (row = unit
     * index, the total {@code n}); else, for a sparse table (a small input against a large hierarchy),
     * rows for the visited units only ({@link Plan#visit}), -1 for the others, so that the columns
     * grow with the units the input touches, not with the country. Set by {@link #run()}.
     */
    private int[] slotOf;
    /** The unit of each row (the total {@code n}); null with {@code slotOf}. */
    private int[] unitAt;
    /** The last row of the rolled-up columns: {@code n}, or the visited units' count less one. */
    int lastSlot;

    private Rollup(Roster roster, Catalog c, CellTable t, RollupSpec spec, List<String> inputs, Remap remap) {
        if (remap != null && !t.isDense()) throw new IllegalArgumentException("a re-expressed era needs a dense cell table");
        Hierarchy h = roster.hierarchy();
        this.roster = roster;
        this.h = h;
        this.c = c;
        this.t = t;
        this.spec = spec;
        this.inputs = inputs;
        this.remap = remap;
        this.derived = new Derived(c);
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
        return new Rollup(roster, c, t, spec, inputs, null).run();
    }

    /** An earlier era's data in a later era's units: the result covers the combined hierarchy; {@link RollupResult#project} trims it. */
    static RollupResult run(Remap remap, RollupSpec spec, List<String> inputs) {
        return new Rollup(remap.roster, remap.catalog, remap.table, spec, inputs, remap).run();
    }

    private RollupResult run() {
        Plan plan = Plan.of(t, spec, n, parentX);
        List<Period> targets = plan.targets;
        lastSlot = n;
        if (!t.isDense()) {
            unitAt = plan.visit;
            slotOf = new int[n + 1];
            java.util.Arrays.fill(slotOf, -1);
            for (int s = 0; s < unitAt.length; s++) slotOf[unitAt[s]] = s;
            lastSlot = unitAt.length - 1;
        }
        // expected counts have a row for every unit (units that sent nothing are still expected); the
        // rolled-up columns a row per slot
        int ni = c.size(), cells = (n + 1) * ni, slotCells = (lastSlot + 1) * ni;
        int[] dI = new int[ni];
        for (Indicator ind : c.indicators()) if (!ind.derived()) dI[ind.index()] = h.reportingDepth(ind);
        // who is expected: the same for every period, unless units can be excused (activity dates, exemptions)
        int[] base = Expected.cells(roster, c, derived, dI, null, null);
        int[][] expectedPer = new int[targets.size()][];
        int[][] exemptPer = roster.hasExcuses() ? new int[targets.size()][] : null;
        for (int ti = 0; ti < targets.size(); ti++) {
            if (exemptPer == null) {
                expectedPer[ti] = base;
            } else {
                exemptPer[ti] = new int[cells];
                expectedPer[ti] = Expected.cells(roster, c, derived, dI, targets.get(ti), exemptPer[ti]);
            }
        }
        ExactColumn[] values = new ExactColumn[targets.size()];
        byte[][] quality = remap == null ? null : new byte[targets.size()][];
        int[][] reported = new int[targets.size()][];
        int[][] contributed = spec.compare().isEmpty() ? null : new int[targets.size()][];
        AtomicLong bigSlots = new AtomicLong();
        boolean shared = false;
        Pass pass = new Pass(this, plan.visit);
        plan.release(t, -1);
        for (int ti = 0; ti < targets.size(); ti++) {
            Period target = targets.get(ti);
            int[] members = plan.members[ti];
            ExactColumn vals = values[ti] = new ExactColumn(slotCells);
            int[] rep = reported[ti] = new int[slotCells];
            int[] con = contributed == null ? null : (contributed[ti] = new int[slotCells]);
            int[] expected = expectedPer[ti];
            // indicators fill disjoint cells, so they roll up in parallel (where there is enough of them); findings are sorted after
            java.util.stream.Stream<Indicator> indicators = c.indicators().stream();
            if (dev.tally.model.Parallelism.worthSharing((long) slotCells * Math.max(1, members.length))) {
                indicators = indicators.parallel();
                shared = true;
            }
            indicators.filter(ind -> !ind.derived())
                    .forEach(ind -> bigSlots.addAndGet(pass.roll(target, members, ind, dI[ind.index()], expected, vals, rep, null, con)));
            if (remap != null) {
                byte[] q = quality[ti] = new byte[cells];
                int[] own = expectedPer[ti] = expected.clone(); // periods may share one expected array
                for (Indicator ind : c.indicators()) if (!ind.derived()) remap.adjust(ind, vals, rep, own, q);
                findings.addAll(remap.unweightedFindings(target));
            }
            derive(target, vals, rep, false);
            if (remap != null) derived.worstQuality(quality[ti], n);
            plan.release(t, ti);
        }
        RollupResult.Compared[] compared = new RollupResult.Compared[targets.size()];
        for (var pair : spec.compare().entrySet()) {
            int ti = targets.indexOf(pair.getKey()), bi = targets.indexOf(pair.getValue());
            if (ti < 0 || bi < 0) throw new IllegalArgumentException("a compared period is not among the targets");
            compared[ti] = Comparison.of(this, plan, pass, ti, bi, dI, expectedPer, values, reported, contributed);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        // by period, unit and indicator (none first); not Comparator.comparing(..).thenComparing(..), whose
        // lambdas (the JDK's, in an interface) the class-data archive cannot keep
        sorted.sort((a, b) -> {
            int c = orEmpty(a.period()).compareTo(orEmpty(b.period()));
            if (c == 0) c = orEmpty(a.unit()).compareTo(orEmpty(b.unit()));
            return c != 0 ? c : orEmpty(a.indicator()).compareTo(orEmpty(b.indicator()));
        });
        int[] depths = dI.clone();
        derived.depths(depths, h.maxDepth());
        return new RollupResult(n, ni, targets, values, reported, expectedPer, exemptPer, compared, List.copyOf(sorted),
                bigSlots.get(), depths, quality, plan.skipped, slotOf, shared);
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    /** Derived values at every unit; {@code quiet}: a formula that cannot be computed is not a finding (a comparison's second pass). */
    void derive(Period target, ExactColumn out, int[] rep, boolean quiet) {
        derived.compute(out, rep, lastSlot, (s, ind, failure) -> {
            if (quiet) return;
            int u = unitOf(s);
            found(new Finding(Severity.WARNING, FindingCode.EVALUATION, null, 0, u < n ? h.unit(u).code() : null, target.text(),
                    ind.code(), null, t("rollup.evaluation", ind.code(), ind.formula(), u < n ? h.unit(u).code() : t("rollup.theTotal"), failure)));
        });
    }

    /** The row of unit {@code u} (the total: {@code n}) in the rolled-up columns; -1 when it has none (not visited). */
    int slot(int u) { return slotOf == null ? u : slotOf[u]; }

    /** The unit of a row of the rolled-up columns. */
    int unitOf(int slot) { return unitAt == null ? slot : unitAt[slot]; }

    /** A finding of the rollup (from any thread): sorted by period, unit and indicator at the end. */
    void found(Finding f) { findings.add(f); }

    private String where(int p, int cell) {
        long w = t.where(p, cell);
        return inputs.get(CellTable.whereInput(w)) + ":" + CellTable.whereLine(w);
    }

    /** Two data periods of a unit overlap ({@link OwnValues}): an error naming both, and neither is used. */
    void overlap(int u, Indicator ind, Period target, int a, int b, int cell) {
        Unit unit = h.unit(u);
        long w = t.where(b, cell);
        found(new Finding(Severity.ERROR, FindingCode.OVERLAP, inputs.get(CellTable.whereInput(w)), CellTable.whereLine(w),
                unit.code(), target.text(), ind.code(), null,
                t("rollup.overlap", unit.code(), ind.code(), t.periods().get(a).text(), where(a, cell), t.periods().get(b).text(), where(b, cell),
                        target.text())));
    }
}
