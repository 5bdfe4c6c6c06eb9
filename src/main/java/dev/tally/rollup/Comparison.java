package dev.tally.rollup;

import dev.tally.model.ExactColumn;
import dev.tally.model.Indicator;

/**
 * A target and the period it is compared with ({@code --compare}). Plainly, both sides as rolled
 * up, and a cell is {@code comparable} when both come from the same reporting units, each of which
 * reported in full (as many reported on each side as reported on both, and no unit gave only part of
 * a period); 2024-Q1 against 2023-Q1 where one commune reported only in 2024 is {@code partial}.
 * Like-for-like, both sides are rolled up again over only the reporting units with a full value in
 * both periods, so every change is comparable by construction.
 */
final class Comparison {
    private Comparison() {}

    /**
     * @param ti          the target (an index of the plan's targets)
     * @param bi          the period it is compared with
     * @param expected    each target's expected counts
     * @param contributed each target's count of reporting units that put data in (see {@link Pass#roll}); unused like-for-like
     */
    static RollupResult.Compared of(Rollup r, Plan plan, Pass pass, int ti, int bi, int[] dI, int[][] expected, ExactColumn[] values,
                                    int[][] reported, int[][] contributed) {
        int n = r.n, ni = r.c.size(), cells = (r.lastSlot + 1) * ni;
        if (r.spec.likeForLike()) {
            ExactColumn main = new ExactColumn(cells), base = new ExactColumn(cells);
            int[] mainRep = new int[cells], baseRep = new int[cells];
            r.c.indicators().parallelStream().filter(ind -> !ind.derived()).forEach(ind -> {
                boolean[] keep = new boolean[n];
                for (int u = 0; u < n; u++) {
                    int s = r.slot(u);
                    if (s < 0) continue; // not visited: reported nothing
                    int cell = s * ni + ind.index();
                    keep[u] = reported[ti][cell] == 1 && reported[bi][cell] == 1;
                }
                pass.roll(plan.targets.get(ti), plan.members[ti], ind, dI[ind.index()], expected[ti], main, mainRep, keep, null);
                pass.roll(plan.targets.get(bi), plan.members[bi], ind, dI[ind.index()], expected[bi], base, baseRep, keep, null);
            });
            r.derive(plan.targets.get(ti), main, mainRep, true);
            r.derive(plan.targets.get(bi), base, baseRep, true);
            byte[] status = new byte[cells];
            java.util.Arrays.fill(status, RollupResult.COMPARABLE);
            return new RollupResult.Compared(bi, main, mainRep, base, baseRep, status, true);
        }
        byte[] status = new byte[cells];
        int[] rt = reported[ti], rb = reported[bi], ct = contributed[ti], cb = contributed[bi], et = expected[ti], eb = expected[bi];
        int[] parentX = r.parentX, depthX = r.depthX;
        for (Indicator ind : r.c.indicators()) {
            if (ind.derived()) continue;
            int i = ind.index(), d = dI[i];
            int[] both = new int[n + 1];
            for (int k = n - 1; k >= -1; k--) {
                int u = k < 0 ? n : k;
                int s = r.slot(u);
                // a unit not visited reported nothing on either side, nor did its subtree: it adds 0 to its
                // parent's both, and its status is comparable (RollupResult gives that for a unit without a row)
                if (s < 0) continue;
                int cell = s * ni + i, full = u * ni + i;
                int b = depthX[u] == d ? (rt[cell] == 1 && rb[cell] == 1 ? 1 : 0) : depthX[u] < d ? both[u] : 0;
                if (rt[cell] == et[full] && rb[cell] == eb[full] && et[full] == eb[full]) b = et[full];
                both[u] = b;
                // like with like: every unit that put data in reported in full, on both sides, and the same units
                status[cell] = rt[cell] == ct[cell] && rb[cell] == cb[cell] && rt[cell] == rb[cell] && rt[cell] == b
                        ? RollupResult.COMPARABLE : RollupResult.PARTIAL;
                if (parentX[u] >= 0 && depthX[u] <= d) both[parentX[u]] += b;
            }
        }
        r.derived.comparable(status, r.lastSlot);
        return new RollupResult.Compared(bi, values[ti], reported[ti], values[bi], reported[bi], status, false);
    }
}
