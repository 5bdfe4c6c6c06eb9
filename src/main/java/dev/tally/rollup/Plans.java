package dev.tally.rollup;

import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A plan (kế hoạch): the target of every unit, period and indicator it gives, resolved up the
 * hierarchy, and how far a value attains it. The rule is here and nowhere else:
 * <ul>
 *   <li>a unit's target is its own, when the plan gives one;</li>
 *   <li>else, for an indicator whose values add up (aggregate {@code sum}, not derived), the sum of its
 *       children's targets when every child has one (its own, or resolved the same way); the total over
 *       the roots likewise;</li>
 *   <li>else none. A rate, a mean, a minimum or a derived indicator's targets are never added up: they
 *       have a plan only where a unit has its own.</li>
 * </ul>
 * A target counts for the period it names exactly (a target for 2024 is not one for 2024-H1). A
 * missing target (an empty cell) is none, never 0. For example with BG-TP 40 and BG-LN 24 for
 * {@code dvk_models} and nothing for their province BG, BG's target is 64; give BG-LN none and BG
 * has none.
 *
 * <p>{@link #attainment}: the value over the target in percent, to one decimal (half up); none when
 * either is missing or the target is 0.
 */
public final class Plans {
    /** Per period: per indicator (null: no target in that period) the resolved target of every unit and, last, of the total. */
    private final Map<Period, BigDecimal[][]> byPeriod;
    /** The indicators the plan gives a target for, in any period and unit. */
    private final boolean[] named;

    private Plans(Map<Period, BigDecimal[][]> byPeriod, boolean[] named) {
        this.byPeriod = byPeriod;
        this.named = named;
    }

    /**
     * Resolves the targets a plan's files gave (validated into {@code targets}, in the hierarchy's and
     * catalog's indexes) for every unit and the total ({@code h.size()}).
     */
    public static Plans resolve(CellTable targets, Hierarchy h, Catalog c) {
        int n = h.size(), ni = c.size();
        int[] parent = h.parentIndex();
        // how many children each unit has, and the total its roots
        int[] kids = new int[n + 1];
        for (int u = 0; u < n; u++) kids[parent[u] < 0 ? n : parent[u]]++;
        boolean[] named = new boolean[ni];
        Map<Period, BigDecimal[][]> out = new HashMap<>();
        for (int p = 0; p < targets.periods().size(); p++) {
            byte[] states = targets.states(p);
            BigDecimal[][] own = new BigDecimal[ni][];
            for (int cell = 0, cells = targets.cells(); cell < cells; cell++) {
                if (states[cell] != CellTable.NUM && states[cell] != CellTable.BIG) continue; // empty, missing or in conflict: no target
                int i = cell % ni;
                if (own[i] == null) own[i] = new BigDecimal[n + 1];
                own[i][targets.unitOf(cell)] = targets.value(p, cell);
                named[i] = true;
            }
            for (Indicator ind : c.indicators()) {
                BigDecimal[] t = own[ind.index()];
                if (t != null && adds(ind)) upward(t, parent, kids);
            }
            out.put(targets.periods().get(p), own);
        }
        return new Plans(out, named);
    }

    /** Whether children's targets add up to their parent's: the indicator's values do (a sum), and it is not computed from others. */
    static boolean adds(Indicator ind) { return !ind.derived() && ind.aggregate() == Aggregate.SUM; }

    /**
     * Fills in, in place, the target of every unit without its own whose children all have one: their
     * sum. Children come before their parents in descending index (a parent's index is below its
     * children's), so each child is resolved before its parent is.
     */
    private static void upward(BigDecimal[] t, int[] parent, int[] kids) {
        int n = parent.length;
        BigDecimal[] sum = new BigDecimal[n + 1];
        int[] have = new int[n + 1];
        for (int u = n - 1; u >= 0; u--) {
            if (t[u] == null && kids[u] > 0 && have[u] == kids[u]) t[u] = sum[u];
            if (t[u] == null) continue;
            int q = parent[u] < 0 ? n : parent[u];
            have[q]++;
            sum[q] = sum[q] == null ? t[u] : sum[q].add(t[u]);
        }
        // the total over the roots, which have no parent
        if (t[n] == null && kids[n] > 0 && have[n] == kids[n]) t[n] = sum[n];
    }

    /** The resolved target of a unit (or the total, {@code h.size()}) for the period and indicator; null when it has none. */
    public BigDecimal target(int unit, Period period, Indicator ind) {
        BigDecimal[][] t = byPeriod.get(period);
        if (t == null || t[ind.index()] == null) return null;
        return t[ind.index()][unit];
    }

    /** True when the plan gives some unit a target for the period. */
    public boolean has(Period period) {
        BigDecimal[][] t = byPeriod.get(period);
        if (t != null) for (BigDecimal[] x : t) if (x != null) return true;
        return false;
    }

    /** True when the plan gives the indicator a target anywhere (a wide table has its plan columns for these). */
    public boolean names(Indicator ind) { return named[ind.index()]; }

    /** The value over the target in percent to one decimal, half up (59 of 64: 92.2); null when either is missing or the target is 0. */
    public static BigDecimal attainment(BigDecimal value, BigDecimal target) {
        return value == null || target == null ? null : dev.tally.model.Num.percent(value, target);
    }
}
