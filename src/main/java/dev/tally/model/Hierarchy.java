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

    public int maxDepth() {
        int d = 0;
        for (Unit u : units) d = Math.max(d, u.depth());
        return d;
    }

    /** The unit and all its descendants, parents before children, in hierarchy order. */
    public List<Unit> subtree(Unit root) {
        List<Unit> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(Unit u, List<Unit> out) {
        out.add(u);
        for (Unit c : children.get(u.index())) collect(c, out);
    }
}
