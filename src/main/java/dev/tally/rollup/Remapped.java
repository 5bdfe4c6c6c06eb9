package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.Aggregate;
import dev.tally.model.CellTable;
import dev.tally.model.Era;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An earlier era's submissions re-expressed as the later era's units would have sent them: for each
 * unit that reports an indicator in the later era and each period of the earlier data, the sum of
 * the old units it took over. Only what is exactly known is written: an aggregate other than a sum
 * (a mean of parts is not a unit's own value), a value with parts of unknown size (not comparable),
 * one that not every old unit reported (partial), and, unless asked for, a weighted estimate are
 * left out and counted by reason.
 */
public final class Remapped {
    private Remapped() {}

    public record Value(Unit unit, Period period, Indicator indicator, BigDecimal value, boolean estimated) {}

    /** The values written, and how many were left out for each reason. */
    public record Result(List<Value> values, Map<String, Long> leftOut) {}

    public static Result of(Era old, Era next, CellTable oldCells, boolean estimates, List<String> inputs) {
        Remap remap = Remap.of(old, next, oldCells);
        List<Period> periods = new ArrayList<>(oldCells.periods());
        periods.sort(null);
        RollupResult r = Rollup.run(remap, new RollupSpec(periods, false, true), inputs);
        List<Value> out = new ArrayList<>();
        Map<String, Long> leftOut = new TreeMap<>();
        for (int p = 0; p < periods.size(); p++) {
            for (Unit u : next.hierarchy().units()) {
                for (Indicator ind : next.catalog().indicators()) {
                    if (ind.derived() || !next.roster().reporter(u, next.hierarchy().reportingDepth(ind))) continue;
                    int i = ind.index();
                    if (r.expected(u.index(), p, i) == 0) continue; // nothing of the old era flows here
                    String quality = r.quality(u.index(), p, i);
                    String why = null;
                    if ("not-comparable".equals(quality)) why = t("remap.left.notComparable");
                    else if (r.value(u.index(), p, i) == null) continue;
                    else if (ind.aggregate() != Aggregate.SUM) why = t("remap.left.notSum", ind.aggregate().name().toLowerCase(java.util.Locale.ROOT));
                    else if (r.reported(u.index(), p, i) < r.expected(u.index(), p, i)) why = t("remap.left.partial");
                    else if ("estimated".equals(quality) && !estimates) why = t("remap.left.estimated");
                    if (why != null) {
                        leftOut.merge(why, 1L, Long::sum);
                        continue;
                    }
                    out.add(new Value(u, periods.get(p), ind, r.value(u.index(), p, i), "estimated".equals(quality)));
                }
            }
        }
        return new Result(out, leftOut);
    }
}
