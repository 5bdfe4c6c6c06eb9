package dev.tally.rollup;

import dev.tally.model.Hierarchy;
import dev.tally.model.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which units become rows: the subtree of {@code root} (null: every root), down to the absolute depth
 * {@code maxDepth} (inclusive; Integer.MAX_VALUE: all the way).
 */
public record Selection(Unit root, int maxDepth) {

    /** The selected units in hierarchy order (parents before children), the root(s) included. */
    public List<Unit> units(Hierarchy h) { return select(h, u -> true); }

    /**
     * The selected units that {@code r} has a row for ({@link RollupResult#hasRow}), in the same
     * order: those of {@link #units} the long shape shows. The units with rows are closed upward (a
     * rolled-up unit's ancestors are rolled up too), so the walk leaves out whole subtrees.
     */
    List<Unit> unitsWithRows(Hierarchy h, RollupResult r) { return select(h, r::hasRow); }

    private List<Unit> select(Hierarchy h, java.util.function.IntPredicate within) {
        List<Unit> out = new ArrayList<>();
        List<Unit> tops = root == null ? h.roots() : List.of(root);
        for (Unit t : tops) {
            for (Unit u : h.subtree(t, within)) if (u.depth() <= maxDepth) out.add(u);
        }
        return out;
    }

    /** The units below the root(s) down to maxDepth, for the rows of a wide table. */
    public List<Unit> below(Hierarchy h) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units(h)) if (root == null || u != root) out.add(u);
        return out;
    }
}
