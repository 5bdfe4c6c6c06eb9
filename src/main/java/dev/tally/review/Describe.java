package dev.tally.review;

import dev.tally.model.Catalog;
import dev.tally.model.Indicator;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import dev.tally.rollup.RollupResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution under each aggregate: for a unit, period and indicator, the values of the units in
 * its subtree that report the indicator (a reporting unit is itself its subtree) and gave it in full
 * for the period. {@code missing} counts the reporting units expected then that did not (exempt ones
 * are not expected); no missing value is ever a zero in a statistic. {@code sum} is exact and given
 * only where adding the values means something (an indicator aggregated by sum, not derived); the
 * other statistics come from {@link Stats}: mean, sample sd (empty below two values), min, quartiles
 * (R_7), max, and cv = sd / mean × 100 (empty when the mean is 0).
 */
public final class Describe {
    private Describe() {}

    public record Row(Unit unit, int period, Indicator indicator, int n, int missing, BigDecimal sum, double mean, double sd,
                      double min, double p25, double median, double p75, double max, double cv) {}

    public interface RowSink {
        void row(Row row) throws IOException;
    }

    /** Rows for the units in order, each period of the rollup, each of {@code indicators}; a row where some unit is expected. */
    public static void rows(Roster roster, Catalog c, RollupResult r, List<Unit> units, List<Indicator> indicators, RowSink sink)
            throws IOException {
        Reporters rep = new Reporters(roster, r);
        // units are described in parallel, a batch at a time, each thread with its own statistics, and written in order
        ThreadLocal<Stats> stats = ThreadLocal.withInitial(Stats::new);
        int batch = 128;
        for (int from = 0; from < units.size(); from += batch) {
            List<List<Row>> done = units.subList(from, Math.min(units.size(), from + batch)).parallelStream()
                    .map(u -> describe(rep, r, u, indicators, stats.get())).toList();
            for (List<Row> rows : done) for (Row row : rows) sink.row(row);
        }
    }

    private static List<Row> describe(Reporters rep, RollupResult r, Unit u, List<Indicator> indicators, Stats stats) {
        List<Row> out = new ArrayList<>();
        double[] values = new double[64];
        for (int p = 0; p < r.periods().size(); p++) {
            for (Indicator ind : indicators) {
                int i = ind.index();
                boolean additive = !ind.derived() && dev.tally.rollup.Aggregators.row(ind.aggregate()).parts() == dev.tally.rollup.Aggregators.Parts.ADD;
                int n = 0, missing = 0;
                BigDecimal sum = additive ? BigDecimal.ZERO : null;
                for (int pos = rep.start[u.index()]; pos < rep.end[u.index()]; pos++) {
                    int w = rep.order[pos];
                    if (!rep.reports(w, i) || r.expected(w, p, i) == 0) continue;
                    if (!r.complete(w, p, i)) {
                        missing++;
                        continue;
                    }
                    if (n == values.length) values = java.util.Arrays.copyOf(values, n * 2);
                    values[n++] = r.doubleValue(w, p, i);
                    if (additive) sum = sum.add(r.value(w, p, i));
                }
                if (n + missing == 0) continue;
                if (n == 0) {
                    out.add(new Row(u, p, ind, 0, missing, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN));
                    continue;
                }
                Stats.Summary s = stats.describe(values, 0, n);
                double cv = s.mean() != 0 && !Double.isNaN(s.sd()) ? s.sd() / Math.abs(s.mean()) * 100 : Double.NaN;
                out.add(new Row(u, p, ind, n, missing, sum, s.mean(), s.sd(), s.min(), s.p25(), s.median(), s.p75(), s.max(), cv));
            }
        }
        return out;
    }
}
