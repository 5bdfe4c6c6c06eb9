package dev.tally.review;

import dev.tally.model.Hierarchy;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import dev.tally.rollup.RollupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Who reports what, arranged for the review statistics: the units in preorder, so that every unit's
 * subtree is one run of positions, and whether a unit reports an indicator (the {@link Roster}'s
 * rule, at the rollup's reporting depth, derived indicators at their operands' depth). A reporting
 * unit's value is its value in the rollup: its own, and for a derived indicator the formula on its
 * own values, never a ratio averaged from parts.
 */
final class Reporters {
    final Hierarchy h;
    private final Roster roster;
    private final RollupResult r;
    /** units in preorder; a unit's subtree is order[start[u] .. end[u]) */
    final int[] order, start, end;

    Reporters(Roster roster, RollupResult r) {
        this.roster = roster;
        this.h = roster.hierarchy();
        this.r = r;
        int n = h.size();
        reporter = new boolean[Math.max(h.maxDepth() + 1, h.levels().size())][n];
        for (int d = 0; d < reporter.length; d++) for (Unit u : h.units()) reporter[d][u.index()] = roster.reporter(u, d);
        order = new int[n];
        start = new int[n];
        end = new int[n];
        int k = 0;
        for (Unit root : h.roots()) for (Unit u : h.subtree(root)) order[k++] = u.index();
        int[] size = new int[n];
        int[] parent = h.parentIndex();
        for (int pos = n - 1; pos >= 0; pos--) {
            int u = order[pos];
            size[u] += 1;
            if (parent[u] >= 0) size[parent[u]] += size[u];
        }
        for (int pos = 0; pos < n; pos++) {
            start[order[pos]] = pos;
            end[order[pos]] = pos + size[order[pos]];
        }
    }

    /** reporter[depth][unit]: whether the unit reports what is reported at that depth, worked out once */
    private final boolean[][] reporter;

    boolean reports(int unit, int indicator) {
        int d = r.reportingDepth(indicator);
        return d < reporter.length && reporter[d][unit];
    }

    /** The units under (and including) {@code unit} that report the indicator, in preorder. */
    List<Integer> below(int unit, int indicator) {
        List<Integer> out = new ArrayList<>();
        for (int pos = start[unit]; pos < end[unit]; pos++) if (reports(order[pos], indicator)) out.add(order[pos]);
        return out;
    }
}
