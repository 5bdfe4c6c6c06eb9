package dev.tally.review;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Every statistic of the review commands, from Apache Commons Math: mean, the sample standard
 * deviation (n − 1), minimum, maximum and percentiles as Excel's PERCENTILE.INC computes them
 * ({@link Percentile.EstimationType#R_7}; the median is the 50th). The median absolute deviation and
 * the mean absolute deviation are those statistics of the absolute deviations from the median. Not
 * thread-safe (the percentile keeps its sorted copy): one per thread.
 */
final class Stats {
    private final Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    private final Mean mean = new Mean();
    private final StandardDeviation sd = new StandardDeviation(true);
    private final Min min = new Min();
    private final Max max = new Max();
    private double[] deviations = new double[16];

    /** The description of a sample: sd is NaN for fewer than two values. */
    record Summary(int n, double mean, double sd, double min, double p25, double median, double p75, double max) {}

    Summary describe(double[] v, int from, int n) {
        percentile.setData(v, from, n);
        return new Summary(n, mean.evaluate(v, from, n), n < 2 ? Double.NaN : sd.evaluate(v, from, n), min.evaluate(v, from, n),
                percentile.evaluate(25), percentile.evaluate(50), percentile.evaluate(75), max.evaluate(v, from, n));
    }

    double mean(double[] v, int from, int n) { return mean.evaluate(v, from, n); }

    /** The sample standard deviation; NaN for fewer than two values. */
    double sd(double[] v, int from, int n) { return n < 2 ? Double.NaN : sd.evaluate(v, from, n); }

    double median(double[] v, int from, int n) { return percentile.evaluate(v, from, n, 50); }

    /** The first and third quartiles. */
    double[] quartiles(double[] v, int from, int n) {
        percentile.setData(v, from, n);
        return new double[] {percentile.evaluate(25), percentile.evaluate(75)};
    }

    /** The median and the mean of the absolute deviations from {@code center}: {MAD, mean AD}. */
    double[] absoluteDeviations(double[] v, int from, int n, double center) {
        if (deviations.length < n) deviations = new double[Math.max(n, deviations.length * 2)];
        for (int k = 0; k < n; k++) deviations[k] = Math.abs(v[from + k] - center);
        return new double[] {percentile.evaluate(deviations, 0, n, 50), mean.evaluate(deviations, 0, n)};
    }
}
