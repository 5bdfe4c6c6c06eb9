package dev.tally.review;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.KthSelector;

/**
 * Every statistic of the review commands, from Apache Commons Math: mean, the sample standard
 * deviation (n − 1), minimum, maximum and percentiles as Excel's PERCENTILE.INC computes them
 * ({@link Percentile.EstimationType#R_7}; the median is the 50th). The median absolute deviation and
 * the mean absolute deviation are those statistics of the absolute deviations from the median. Not
 * thread-safe: one per thread.
 */
final class Stats {
    // Percentile's own evaluate allocates and fills a 1,023-entry pivot cache on every call, which
    // for the millions of small samples of a national describe cost more than everything else;
    // its estimation type evaluates a work array directly, with the same selection
    private static final Percentile.EstimationType R_7 = Percentile.EstimationType.R_7;
    private final KthSelector selector = new KthSelector();
    private final Mean mean = new Mean();
    private final StandardDeviation sd = new StandardDeviation(true);
    private final Min min = new Min();
    private final Max max = new Max();
    private double[] deviations = new double[16];

    /** The description of a sample: sd is NaN for fewer than two values. */
    record Summary(int n, double mean, double sd, double min, double p25, double median, double p75, double max) {}

    Summary describe(double[] v, int from, int n) {
        double[] work = Arrays.copyOfRange(v, from, from + n);
        return new Summary(n, mean.evaluate(v, from, n), n < 2 ? Double.NaN : sd.evaluate(v, from, n), min.evaluate(v, from, n),
                R_7.evaluate(work, 25, selector), R_7.evaluate(work, 50, selector), R_7.evaluate(work, 75, selector), max.evaluate(v, from, n));
    }

    double mean(double[] v, int from, int n) { return mean.evaluate(v, from, n); }

    /** The sample standard deviation; NaN for fewer than two values. */
    double sd(double[] v, int from, int n) { return n < 2 ? Double.NaN : sd.evaluate(v, from, n); }

    double median(double[] v, int from, int n) { return R_7.evaluate(Arrays.copyOfRange(v, from, from + n), 50, selector); }

    /** The first and third quartiles. */
    double[] quartiles(double[] v, int from, int n) {
        double[] work = Arrays.copyOfRange(v, from, from + n);
        return new double[] {R_7.evaluate(work, 25, selector), R_7.evaluate(work, 75, selector)};
    }

    /** The median and the mean of the absolute deviations from {@code center}: {MAD, mean AD}. */
    double[] absoluteDeviations(double[] v, int from, int n, double center) {
        if (deviations.length < n) deviations = new double[Math.max(n, deviations.length * 2)];
        for (int k = 0; k < n; k++) deviations[k] = Math.abs(v[from + k] - center);
        return new double[] {R_7.evaluate(Arrays.copyOf(deviations, n), 50, selector), mean.evaluate(deviations, 0, n)};
    }
}
