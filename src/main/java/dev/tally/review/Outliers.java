package dev.tally.review;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.PeriodType;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import dev.tally.rollup.RollupResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values implausible for the unit that sent them. Each value a reporting unit gave in full for a
 * target period is scored with a {@link Method} against comparison values: the same unit's values
 * for the previous periods of the same type ({@link Against#HISTORY}), or the values of the other
 * reporting units under the same parent for the same period ({@link Against#PEERS}). Missing values
 * are never comparison values. With fewer than {@code minN} comparison values a value is not scored
 * (counted). Outliers are ranked by |score|, largest first (an infinite score first), then unit,
 * indicator and period.
 */
public final class Outliers {
    private Outliers() {}

    public enum Against { HISTORY, PEERS }

    /** The fewest comparison values a value is scored against, unless asked otherwise (outliers --min-n). */
    public static final int DEFAULT_MIN_N = 4;

    /**
     * @param history how many previous periods make a unit's history; null: {@link #defaultHistory} of each target's type
     * @param scope   only units in this subtree are scored (null: all); peers may lie outside it
     */
    public record Spec(List<Period> targets, Against against, Method method, double threshold, Integer history, int minN, int max,
                       Unit scope, List<Indicator> indicators) {}

    public record Outlier(Unit unit, Period period, Indicator indicator, BigDecimal value, String method, double center, double spread,
                          double score, double lower, double upper, int n) {}

    /** The listed outliers (at most max) and the counts the summary gives. */
    public record Result(List<Outlier> outliers, long found, long scored, long tooFew, long values, long notComparable) {}

    /** The default length of a history: 12 months or weeks, 8 quarters, 6 halves, 5 years. */
    public static int defaultHistory(PeriodType t) {
        return switch (t) {
            case MONTH, WEEK -> 12;
            case QUARTER -> 8;
            case HALF -> 6;
            case YEAR -> 5;
            case RANGE -> 5;
        };
    }

    /**
     * The periods a run for {@code targets} rolls up: each target and, against history, the periods
     * before it ({@code history} of them, null: {@link #defaultHistory} of each target's type).
     */
    public static List<Period> periods(List<Period> targets, Against against, Integer history) {
        java.util.LinkedHashSet<Period> all = new java.util.LinkedHashSet<>(targets);
        if (against == Against.HISTORY) {
            for (Period t : targets) all.addAll(history(t, history != null ? history : defaultHistory(t.type())));
        }
        return new ArrayList<>(all);
    }

    /** The periods a unit's value for {@code target} is compared with: the {@code n} before it, latest first. */
    public static List<Period> history(Period target, int n) {
        List<Period> out = new ArrayList<>();
        Period p = target;
        for (int k = 0; k < n; k++) out.add(p = p.previous());
        return out;
    }

    /** @param r a rollup over the targets and (for a history) their previous periods, each exactly as in the data */
    public static Result find(Roster roster, Catalog c, RollupResult r, Spec spec) {
        Reporters rep = new Reporters(roster, r);
        Hierarchy h = roster.hierarchy();
        AtomicLong scored = new AtomicLong(), tooFew = new AtomicLong(), values = new AtomicLong(), notComparable = new AtomicLong();
        List<Outlier> found = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> scope = new ArrayList<>();
        if (spec.scope() == null) {
            for (int pos = 0; pos < h.size(); pos++) scope.add(rep.order[pos]);
        } else {
            for (int pos = rep.start[spec.scope().index()]; pos < rep.end[spec.scope().index()]; pos++) scope.add(rep.order[pos]);
        }
        // indicators are independent: score them in parallel, each thread with its own statistics
        spec.indicators().parallelStream().forEach(ind -> {
            Stats stats = new Stats();
            int i = ind.index();
            double[] comparison = new double[64];
            for (Period target : spec.targets()) {
                int p = r.periods().indexOf(target);
                if (p < 0) continue;
                int[] past = spec.against() == Against.HISTORY
                        ? history(target, spec.history() != null ? spec.history() : defaultHistory(target.type())).stream().mapToInt(q -> r.periods().indexOf(q)).filter(q -> q >= 0).toArray() : null;
                for (int u : scope) {
                    if (!rep.reports(u, i) || !r.complete(u, p, i)) continue;
                    values.incrementAndGet();
                    int n = 0;
                    if (past != null) {
                        for (int q : past) {
                            if ("not-comparable".equals(r.quality(u, q, i))) notComparable.incrementAndGet();
                            if (!r.complete(u, q, i)) continue;
                            if (n == comparison.length) comparison = java.util.Arrays.copyOf(comparison, n * 2);
                            comparison[n++] = r.doubleValue(u, q, i);
                        }
                    } else {
                        int parent = h.parentIndex()[u];
                        if (parent < 0) continue;
                        for (int pos = rep.start[parent]; pos < rep.end[parent]; pos++) {
                            int w = rep.order[pos];
                            if (w == u || h.parentIndex()[w] != parent || !rep.reports(w, i) || !r.complete(w, p, i)) continue;
                            if (n == comparison.length) comparison = java.util.Arrays.copyOf(comparison, n * 2);
                            comparison[n++] = r.doubleValue(w, p, i);
                        }
                    }
                    if (n < spec.minN()) {
                        tooFew.incrementAndGet();
                        continue;
                    }
                    scored.incrementAndGet();
                    double x = r.doubleValue(u, p, i);
                    Method.Score s = spec.method().score(stats, comparison, n, x, spec.threshold());
                    if (Math.abs(s.score()) > spec.threshold()) {
                        found.add(new Outlier(h.unit(u), target, ind, r.value(u, p, i), s.method(), s.center(), s.spread(), s.score(),
                                s.lower(), s.upper(), n));
                    }
                }
            }
        });
        List<Outlier> ranked = new ArrayList<>(found);
        ranked.sort(Comparator.comparingDouble((Outlier o) -> -Math.abs(o.score()))
                .thenComparing(o -> o.unit().code()).thenComparing(o -> o.indicator().code()).thenComparing(Outlier::period));
        List<Outlier> listed = ranked.size() > spec.max() ? List.copyOf(ranked.subList(0, spec.max())) : List.copyOf(ranked);
        return new Result(listed, ranked.size(), scored.get(), tooFew.get(), values.get(), notComparable.get());
    }
}
