package dev.tally.review;

import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import dev.tally.rollup.RollupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Consistency over time as the WHO Data Quality Review defines it: a unit's value for the target
 * period over the mean of its values for the same period of the {@code years} years before (the
 * ratio), compared with its parent's ratio (a top unit's: the total's). A unit is flagged when its ratio differs from its
 * parent's by more than {@code tolerance} percent of the parent's. Values are the rollup's
 * aggregates; a unit, or its parent, without a value for the target or for every base year is not
 * scored (counted), and a row says whether any of the aggregates it uses is partial (fewer units
 * reported than expected), since a partial total would make a ratio look inconsistent.
 */
public final class Consistency {
    private Consistency() {}

    public record Row(Unit unit, Indicator indicator, double value, double baseMean, double ratio, double parentRatio, double deviationPct,
                      boolean flagged, int baseN, boolean partial) {}

    public record Result(List<Row> rows, long notScored) {}

    /** The same period in each of the {@code years} years before {@code target}, latest first. */
    public static List<Period> base(Period target, int years) {
        List<Period> out = new ArrayList<>();
        Period p = target;
        for (int k = 0; k < years; k++) out.add(p = p.yearAgo());
        return out;
    }

    /**
     * @param r a rollup whose period 0 is the target and periods 1..years its base years
     * @param units the units to score
     */
    public static Result compute(RollupResult r, Hierarchy h, List<Unit> units, List<Indicator> indicators, int years, double tolerance) {
        int[] parentIndex = h.parentIndex();
        Stats stats = new Stats();
        List<Row> rows = new ArrayList<>();
        long notScored = 0;
        double[] base = new double[years];
        for (Unit u : units) {
            // a top unit is compared with the total over all of them
            int parent = parentIndex[u.index()] >= 0 ? parentIndex[u.index()] : r.totalIndex();
            for (Indicator ind : indicators) {
                int i = ind.index();
                double[] own = ratio(r, u.index(), i, years, stats, base);
                double[] theirs = ratio(r, parent, i, years, stats, base);
                if (own == null || theirs == null) {
                    if (r.expected(u.index(), 0, i) > 0) notScored++;
                    continue;
                }
                double deviation = theirs[2] == 0 ? Double.NaN : (own[2] - theirs[2]) / theirs[2] * 100;
                boolean flagged = Double.isNaN(deviation) ? own[2] != theirs[2] : Math.abs(deviation) > tolerance;
                boolean partial = own[3] > 0 || theirs[3] > 0;
                rows.add(new Row(u, ind, own[0], own[1], own[2], theirs[2], deviation, flagged, years, partial));
            }
        }
        return new Result(rows, notScored);
    }

    /** {value, base mean, ratio, partial (1/0)} for a unit, or null when the target or a base year has no value, or the base mean is 0. */
    private static double[] ratio(RollupResult r, int u, int i, int years, Stats stats, double[] base) {
        double value = r.doubleValue(u, 0, i);
        if (Double.isNaN(value)) return null;
        boolean partial = !r.complete(u, 0, i);
        for (int k = 0; k < years; k++) {
            base[k] = r.doubleValue(u, k + 1, i);
            if (Double.isNaN(base[k])) return null;
            partial |= !r.complete(u, k + 1, i);
        }
        double mean = stats.mean(base, 0, years);
        if (mean == 0) return null;
        return new double[] {value, mean, value / mean, partial ? 1 : 0};
    }
}
