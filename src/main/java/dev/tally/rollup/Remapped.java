package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.CellTable;
import dev.tally.model.Era;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * left out and counted by reason. What is written is what the new unit could have sent
 * ({@link #sendable}): tally's own validate accepts every file remap writes.
 */
public final class Remapped {
    private Remapped() {}

    public record Value(Unit unit, Period period, Indicator indicator, BigDecimal value, boolean estimated) {}

    /** The values written, how many were left out for each reason, and the rollup's findings (an old unit divided without weights). */
    public record Result(List<Value> values, Map<String, Long> leftOut, List<dev.tally.model.Finding> findings) {}

    /**
     * The value as the new unit could have sent it: rounded half up to the indicator's decimals (a
     * whole number for an integer: an estimate of 0.3 households is 0), then held to what validate
     * accepts of a submission (the indicator's type and bounds, at most {@link Num#MAX_DIGITS}
     * digits); null when it cannot be (a weight of 1e-300 on a number without decimals gives a value
     * of 300 digits).
     */
    static BigDecimal sendable(Indicator ind, BigDecimal v) {
        Integer d = ind.valueDecimals();
        if (d != null) v = v.setScale(d, RoundingMode.HALF_UP);
        if (v.signum() == 0) v = v.setScale(Math.max(0, d == null ? 0 : d));
        if (v.precision() > Num.MAX_DIGITS || Math.max(0, v.scale()) + Math.max(0, v.precision() - v.scale()) > Num.MAX_DIGITS) return null;
        return ind.problem(v) == null ? v : null;
    }

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
                    else if (Aggregators.row(ind.aggregate()).parts() != Aggregators.Parts.ADD) why = t("remap.left.notSum", ind.aggregate().name().toLowerCase(java.util.Locale.ROOT));
                    else if (r.reported(u.index(), p, i) < r.expected(u.index(), p, i)) why = t("remap.left.partial");
                    else if ("estimated".equals(quality) && !estimates) why = t("remap.left.estimated");
                    BigDecimal v = why == null ? sendable(ind, r.value(u.index(), p, i)) : null;
                    if (why == null && v == null) why = t("remap.left.notSendable");
                    if (why != null) {
                        leftOut.merge(why, 1L, Long::sum);
                        continue;
                    }
                    out.add(new Value(u, periods.get(p), ind, v, "estimated".equals(quality)));
                }
            }
        }
        return new Result(out, leftOut, r.findings());
    }
}
