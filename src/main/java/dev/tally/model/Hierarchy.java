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
    private final List<List<Unit>> children;
    private final List<String> levels;
    private final int maxDepth;

    public Hierarchy(List<Unit> unitsInOrder, List<String> levels) {
        this.units = List.copyOf(unitsInOrder);
        this.levels = List.copyOf(levels);
        this.byCode = new HashMap<>(units.size() * 2);
        this.parent = new int[units.size()];
        List<List<Unit>> kids = new ArrayList<>(units.size());
        for (Unit u : units) {
            byCode.put(u.code(), u);
            kids.add(new ArrayList<>());
        }
        for (Unit u : units) {
            if (u.parent() == null) {
                parent[u.index()] = -1;
            } else {
                Unit p = byCode.get(u.parent());
                parent[u.index()] = p.index();
                kids.get(p.index()).add(u);
            }
        }
        List<List<Unit>> frozen = new ArrayList<>(kids.size());
        for (List<Unit> k : kids) frozen.add(Collections.unmodifiableList(k));
        this.children = Collections.unmodifiableList(frozen);
        int d = 0;
        for (Unit u : units) d = Math.max(d, u.depth());
        this.maxDepth = d;
    }

    public List<Unit> units() { return units; }

    public int size() { return units.size(); }

    public Unit unit(String code) { return byCode.get(code); }

    public Unit unit(int index) { return units.get(index); }

    /** Dense parent indices, -1 for roots. Shared, do not modify. */
    public int[] parentIndex() { return parent; }

    public List<Unit> children(Unit u) { return children.get(u.index()); }

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
        collect(root, out);
        return out;
    }

    /** Preorder without recursion: a hierarchy may be 100,000 levels deep. */
    private void collect(Unit root, List<Unit> out) {
        java.util.ArrayDeque<Unit> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Unit u = stack.pop();
            out.add(u);
            List<Unit> kids = children.get(u.index());
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
    }
}
