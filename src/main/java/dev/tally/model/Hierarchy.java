package dev.tally.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forest of units, indexed densely: {@code units().get(i).index() == i}, and every parent comes
 * before its children (so one reverse pass over the indices folds children into parents). Level
 * names are top-down, e.g. [province, district, commune]; a unit's level is the name at its depth.
 * Built only by the config loader, which has already checked codes, parents, cycles and levels.
 */
public final class Hierarchy {
    private final List<Unit> units;
    private final Map<String, Unit> byCode;
    private final int[] parent;
    /** Every unit's children, grouped by parent in unit order: those of unit i are [childStart[i], childStart[i + 1]). */
    private final List<Unit> children;
    private final int[] childStart;
    private final List<String> levels;
    private final int maxDepth;

    public Hierarchy(List<Unit> unitsInOrder, List<String> levels) {
        this.units = List.copyOf(unitsInOrder);
        this.levels = List.copyOf(levels);
        int n = units.size();
        this.byCode = new HashMap<>(n * 2);
        this.parent = new int[n];
        // loops over an array, not the list: this runs once a run, interpreted, and each step of a list's
        // iterator is two calls (a national hierarchy from the units cache: 21.5 -> 14.2 ms of the cron run, async-profiler, six runs)
        Unit[] all = units.toArray(new Unit[0]);
        for (Unit u : all) byCode.put(u.code(), u);
        // children as one array in unit order with each unit's range in it (not a list per unit: a
        // national hierarchy has 110,000 units, most of them without children)
        int[] start = new int[n + 1];
        for (Unit u : all) {
            int p = u.parent() == null ? -1 : byCode.get(u.parent()).index();
            parent[u.index()] = p;
            if (p >= 0) start[p + 1]++;
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        Unit[] kids = new Unit[start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (Unit u : all) {
            int p = parent[u.index()];
            if (p >= 0) kids[fill[p]++] = u;
        }
        this.childStart = start;
        this.children = Collections.unmodifiableList(java.util.Arrays.asList(kids));
        int d = 0;
        for (Unit u : all) d = Math.max(d, u.depth());
        this.maxDepth = d;
    }

    public List<Unit> units() { return units; }

    public int size() { return units.size(); }

    public Unit unit(String code) { return byCode.get(code); }

    private volatile UnitLookup lookup;

    /** Finds a unit by what a person wrote (code, name, a code that lost its leading zeros): built on first use. */
    public UnitLookup lookup() {
        UnitLookup l = lookup;
        if (l == null) {
            synchronized (this) {
                if (lookup == null) lookup = new UnitLookup(this);
                l = lookup;
            }
        }
        return l;
    }

    public Unit unit(int index) { return units.get(index); }

    /** Dense parent indices, -1 for roots. Shared, do not modify. */
    public int[] parentIndex() { return parent; }

    public List<Unit> children(Unit u) { return children.subList(childStart[u.index()], childStart[u.index() + 1]); }

    /** True when no unit has {@code u} as its parent (asked for every unit and indicator: no list is made). */
    public boolean isLeaf(Unit u) { return childStart[u.index()] == childStart[u.index() + 1]; }

    public List<Unit> roots() {
        List<Unit> r = new ArrayList<>();
        for (Unit u : units) if (u.parent() == null) r.add(u);
        return r;
    }

    /** Level names top-down; may be shorter than the deepest depth when no names were given. */
    public List<String> levels() { return levels; }

    /** The depth of a named level, or -1. */
    public int depthOf(String level) {
        for (int i = 0; i < levels.size(); i++) if (levels.get(i).equalsIgnoreCase(level)) return i;
        return -1;
    }

    /** The depth at which an indicator is reported: its reported_at level, else the lowest level. */
    public int reportingDepth(Indicator ind) {
        if (ind.reportedAt() != null) {
            int d = depthOf(ind.reportedAt());
            if (d >= 0) return d;
        }
        return maxDepth();
    }

    public int maxDepth() { return maxDepth; }

    /** The unit and all its descendants, parents before children, in hierarchy order. */
    public List<Unit> subtree(Unit root) {
        List<Unit> out = new ArrayList<>();
        collect(root, null, out);
        return out;
    }

    /**
     * The same, without each unit {@code within} refuses and everything below it: for a set of units
     * closed upward (a unit's parent is in it whenever the unit is), such as the units a rollup has
     * rows for, this is {@code subtree(root)} filtered by {@code within}, but it walks only the units
     * kept and their children (one district's rows against the national hierarchy: a few hundred
     * units, not 11,000).
     */
    public List<Unit> subtree(Unit root, java.util.function.IntPredicate within) {
        List<Unit> out = new ArrayList<>();
        if (within.test(root.index())) collect(root, within, out);
        return out;
    }

    /** Preorder without recursion: a hierarchy may be 100,000 levels deep. {@code within} null: every unit. */
    private void collect(Unit root, java.util.function.IntPredicate within, List<Unit> out) {
        java.util.ArrayDeque<Unit> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Unit u = stack.pop();
            out.add(u);
            for (int i = childStart[u.index() + 1] - 1; i >= childStart[u.index()]; i--) {
                Unit child = children.get(i);
                if (within == null || within.test(child.index())) stack.push(child);
            }
        }
    }
}
