package dev.tally.rollup;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Era;
import dev.tally.model.ExactColumn;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Mapping;
import dev.tally.model.Num;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An earlier era's data re-expressed in a later era's units, by rolling it up through the later
 * hierarchy with each old unit standing in below its home: the lowest new unit that holds all of it
 * (its one new unit when it went whole; the common ancestor of its parts when divided). So every
 * aggregate from a home up counts each old unit once with its whole value, which makes it exact for
 * every aggregate kind (a mean is over the old units, a median sees their values), and coverage
 * counts old units.
 *
 * <p>Below a divided unit's home, each new unit on the way to one of its parts holds an unknown
 * share of it: with weights, a sum gets weight × value and is {@link #ESTIMATED}; otherwise (no
 * weights, or another aggregate) the aggregate is {@link #NOT_COMPARABLE}. An old unit without
 * links (ceased) makes every new unit below its home not comparable where it has a value.
 */
final class Remap {
    /** How far a re-mapped aggregate can be trusted; a derived value takes the worst of its operands. */
    static final byte EXACT = 0, ESTIMATED = 1, NOT_COMPARABLE = 2;

    final Hierarchy hierarchy;
    final Roster roster;
    final Catalog catalog;
    final CellTable table;
    /** new units: 0 .. newUnits - 1, in the later era's order */
    final int newUnits;
    private final Mapping mapping;
    private final int[] standIn; // old unit -> its stand-in in the combined hierarchy
    private final int[] parent;

    private Remap(Hierarchy hierarchy, Roster roster, Catalog catalog, CellTable table, int newUnits, Mapping mapping, int[] standIn) {
        this.hierarchy = hierarchy;
        this.roster = roster;
        this.catalog = catalog;
        this.table = table;
        this.newUnits = newUnits;
        this.mapping = mapping;
        this.standIn = standIn;
        this.parent = hierarchy.parentIndex();
    }

    /** Builds the combined hierarchy, roster, catalog and cells of {@code old}'s data in {@code next}'s units. */
    static Remap of(Era old, Era next, CellTable oldCells) {
        Mapping m = next.mapping();
        Hierarchy hn = next.hierarchy(), ho = old.hierarchy();
        int base = hn.levels().size();
        List<String> levels = new ArrayList<>(hn.levels());
        while (levels.size() < base) levels.add("(level " + levels.size() + ")");
        for (String l : ho.levels()) levels.add("before:" + l);
        levels.add("before:(none)");
        List<Unit> units = new ArrayList<>(hn.units());
        int[] oldOf = new int[hn.size() + ho.size()];
        java.util.Arrays.fill(oldOf, -1);
        int[] standIn = new int[ho.size()];
        String suffix = " (before " + next.from() + ")";
        for (Unit o : ho.units()) {
            int home = m.home(o.index());
            int index = units.size();
            units.add(new Unit(o.code() + suffix, o.name(), home < 0 ? null : hn.unit(home).code(), "before:" + o.level(), base + o.depth(),
                    index, o.activeFrom(), o.activeTo()));
            oldOf[index] = o.index();
            standIn[o.index()] = index;
        }
        Hierarchy combined = new Hierarchy(units, levels);
        Roster roster = Roster.standIns(combined, old.roster(), oldOf, base);
        Catalog cn = next.catalog(), co = old.catalog();
        List<Indicator> inds = new ArrayList<>();
        for (Indicator i : cn.indicators()) {
            String at = "before:(none)";
            Indicator was = co.indicator(i.code());
            if (!i.derived() && was != null && !was.derived()) at = "before:" + ho.levels().get(Math.min(ho.reportingDepth(was), ho.levels().size() - 1));
            inds.add(new Indicator(i.code(), i.name(), i.type(), i.unitOfMeasure(), i.required(), i.min(), i.max(), i.decimals(), i.aggregate(),
                    i.overTime(), i.derived() ? i.reportedAt() : at, i.formula(), i.index(), i.better()));
        }
        Catalog catalog = new Catalog(inds, List.of(), cn.declaresForms() ? cn.forms() : List.of(), cn::hash);
        CellTable cells = new CellTable(combined.size(), catalog.size());
        int ni = co.size();
        for (int p = 0; p < oldCells.periods().size(); p++) {
            int q = cells.periodId(oldCells.periods().get(p));
            byte[] states = oldCells.states(p);
            for (Indicator i : cn.indicators()) {
                Indicator was = co.indicator(i.code());
                if (i.derived() || was == null || was.derived()) continue;
                int d = ho.reportingDepth(was);
                for (int o = 0; o < ho.size(); o++) {
                    // a reported total above the reporting level was a check on its units' values, not data of its own
                    if (!old.roster().reporter(ho.unit(o), d)) continue;
                    int from = o * ni + was.index();
                    if (states[from] == CellTable.EMPTY || states[from] == CellTable.REJECTED) continue;
                    cells.copy(oldCells, p, from, q, cells.cell(standIn[o], i.index()));
                }
            }
        }
        return new Remap(combined, roster, catalog, cells, hn.size(), m, standIn);
    }

    /**
     * After the hierarchy rollup of one target, before derived indicators: the new units below a
     * divided or ceased old unit's home get its weighted share (a sum with weights: estimated) or are
     * marked not comparable.
     */
    void adjust(Indicator ind, ExactColumn values, int[] reported, int[] expected, byte[] quality) {
        int ni = catalog.size(), i = ind.index();
        // a whole that is the sum of its parts can be shared out among them by weight
        boolean sums = Aggregators.row(ind.aggregate()).parts() == Aggregators.Parts.ADD;
        Num v = new Num();
        for (Unit o : mapping.from().units()) {
            List<Mapping.Link> links = mapping.links(o.index());
            if (links.size() == 1) continue;
            int u = standIn[o.index()];
            int cell = u * ni + i;
            if (!values.get(cell, v)) continue;
            int home = mapping.home(o.index());
            if (links.isEmpty()) {
                // no successor known: somewhere below its home, but nobody knows where
                for (int a = 0; a < newUnits; a++) if (a != home && below(a, home)) quality[a * ni + i] = NOT_COMPARABLE;
                continue;
            }
            boolean estimate = sums && mapping.weighted(o.index());
            if (sums && !estimate) unweighted.add(o.index());
            // each new unit between a part and the home, with the share of the old unit it holds
            java.util.Map<Integer, BigDecimal> shares = new java.util.LinkedHashMap<>();
            for (Mapping.Link l : links) {
                for (int a = l.newUnit(); a >= 0 && a != home; a = parent[a]) {
                    shares.merge(a, l.weight() == null ? BigDecimal.ZERO : l.weight(), BigDecimal::add);
                }
            }
            BigDecimal value = v.decimal();
            for (var e : shares.entrySet()) {
                int c = e.getKey() * ni + i;
                if (!estimate) {
                    quality[c] = NOT_COMPARABLE;
                    continue;
                }
                BigDecimal share = value.multiply(e.getValue()).stripTrailingZeros();
                if (share.scale() < 0) share = share.setScale(0);
                BigDecimal now = values.get(c);
                values.set(c, Rounding.round(ind, now == null ? share : now.add(share)));
                reported[c] += reported[cell];
                expected[c] += expected[cell];
                if (quality[c] < ESTIMATED) quality[c] = ESTIMATED;
            }
        }
    }

    /** Old units divided without weights whose values a sum could not share out; each is named once ({@link #unweightedFindings}). */
    private final java.util.Set<Integer> unweighted = new java.util.TreeSet<>(), named = new java.util.HashSet<>();

    /**
     * A warning for each old unit divided without weights that made new units' sums not comparable
     * in {@code target} and was not named before in this run: which unit, which new units received
     * part of it, and what to add to the mapping to get estimates instead.
     */
    List<dev.tally.model.Finding> unweightedFindings(dev.tally.model.Period target) {
        List<dev.tally.model.Finding> out = new ArrayList<>();
        Hierarchy hn = mapping.to(), ho = mapping.from();
        for (int o : unweighted) {
            if (!named.add(o)) continue;
            Unit old = ho.unit(o);
            List<String> parts = mapping.links(o).stream().map(l -> hn.unit(l.newUnit()).code()).toList();
            int home = mapping.home(o);
            String above = home < 0 ? dev.tally.model.Text.t("remap.unweighted.total") : hn.unit(home).code() + " (" + hn.unit(home).name() + ")";
            out.add(new dev.tally.model.Finding(dev.tally.model.Severity.WARNING, dev.tally.model.FindingCode.NOT_COMPARABLE, null, 0, old.code(),
                    target.text(), null, null, dev.tally.model.Text.t("remap.unweighted", old.code(), old.name(), String.join(", ", parts), above)));
        }
        unweighted.clear();
        return out;
    }

    /** True when {@code unit} is in the subtree of {@code ancestor} (-1: the whole hierarchy). */
    private boolean below(int unit, int ancestor) {
        if (ancestor < 0) return true;
        for (int a = unit; a >= 0; a = parent[a]) if (a == ancestor) return true;
        return false;
    }
}
