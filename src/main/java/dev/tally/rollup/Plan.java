package dev.tally.rollup;

import dev.tally.model.CellTable;
import dev.tally.model.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a rollup will do, decided before any value is rolled up: the target periods (those asked for,
 * else every period of the data as it is), the data periods inside each (earliest first), when each
 * data period's cells may be given up, and the units a pass visits. For {@code --period 2024} over
 * monthly data the target 2024 has twelve members, and each month's cells go once 2024 is rolled up.
 */
final class Plan {
    /** The target periods, in the order asked (or of time). */
    final List<Period> targets;
    /** For each target, the data periods inside it, earliest first. */
    final int[][] members;
    /** The units each indicator's pass visits, children before parents, the total last ({@link #visited}). */
    final int[] visit;
    /** How many units (of the hierarchy and the total) the passes need not visit. */
    final long skipped;
    /** For each data period, the last target (by index) that reads it, -1 when none does; null when the cells are kept. */
    private final int[] lastUse;

    private Plan(List<Period> targets, int[][] members, int[] visit, long skipped, int[] lastUse) {
        this.targets = targets;
        this.members = members;
        this.visit = visit;
        this.skipped = skipped;
        this.lastUse = lastUse;
    }

    /**
     * @param parentX each unit's parent, the total ({@code n}) for a root
     */
    static Plan of(CellTable t, RollupSpec spec, int n, int[] parentX) {
        List<Period> targets = new ArrayList<>(spec.periods());
        if (targets.isEmpty()) {
            targets.addAll(t.periods());
            targets.sort(Comparator.naturalOrder());
        }
        int[][] members = new int[targets.size()][];
        for (int ti = 0; ti < targets.size(); ti++) members[ti] = members(t, spec, targets.get(ti));
        // like-for-like rolls the cells up again after every target, so they are kept until the end
        int[] lastUse = spec.releaseCells() && !spec.likeForLike() ? lastUse(t, members) : null;
        boolean[] has = visited(t, spec, n, parentX);
        int count = 0;
        for (boolean b : has) if (b) count++;
        int[] order = new int[count];
        int k = 0;
        for (int u = n - 1; u >= 0; u--) if (has[u]) order[k++] = u;
        order[k] = n;
        return new Plan(List.copyOf(targets), members, order, n + 1 - count, lastUse);
    }

    /** The data periods inside the target, earliest first. */
    private static int[] members(CellTable t, RollupSpec spec, Period target) {
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < t.periods().size(); p++) {
            Period dp = t.periods().get(p);
            if (dp.equals(target) || (!spec.exact() && !spec.periods().isEmpty() && target.contains(dp))) ids.add(p);
        }
        // written out: Comparator.comparing's own lambda (the JDK's, in an interface) is one the class-data archive cannot keep
        ids.sort((a, b) -> t.periods().get(a).compareTo(t.periods().get(b)));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The units an indicator's pass visits (and the total, {@code n}): every unit with a cell in the
     * table (a value, a missing or a rejected one, in any period) and their ancestors. A unit with
     * nothing in its subtree would add only zeros (nothing reported, no value, nothing merged into its
     * parent), so one district's file against the national hierarchy visits a few dozen units, not
     * 11,000, in the same loop. A unit with a cell is usually found at its first indicator, so a full
     * table costs a read or so a unit. The pass visits them in descending index: children before their
     * parents, then the total.
     */
    private static boolean[] visited(CellTable t, RollupSpec spec, int n, int[] parentX) {
        boolean[] has = new boolean[n + 1];
        if (spec.everyUnit()) Arrays.fill(has, true);
        int ni = t.indicators(), rows = t.cells() / Math.max(1, ni);
        // a row is a unit's in a dense table, the row's unit's in a sparse one (units met only)
        for (int p = 0; p < t.periods().size(); p++) {
            if (t.released(p)) continue;
            byte[] states = t.states(p);
            for (int row = 0; row < rows; row++) {
                int u = t.unitOf(row * ni);
                if (has[u]) continue;
                for (int cell = row * ni, end = cell + ni; cell < end; cell++) {
                    if (states[cell] != CellTable.EMPTY) {
                        has[u] = true;
                        break;
                    }
                }
            }
        }
        has[n] = true;
        for (int u = n - 1; u >= 0; u--) if (has[u]) has[parentX[u]] = true; // a parent's index is below its children's: marked before its turn
        return has;
    }

    private static int[] lastUse(CellTable t, int[][] members) {
        int[] last = new int[t.periods().size()];
        Arrays.fill(last, -1);
        for (int ti = 0; ti < members.length; ti++) for (int p : members[ti]) last[p] = ti;
        return last;
    }

    /**
     * Gives up the cells of the data periods that no target after {@code ti} reads (-1: those no
     * target reads), when the spec lets the rollup give them up.
     */
    void release(CellTable t, int ti) {
        if (lastUse == null) return;
        for (int p = 0; p < lastUse.length; p++) if (lastUse[p] == ti) t.release(p);
    }
}
