package dev.tally.review;

/**
 * How a value is scored against its comparison values; each gives a center, a spread, the score and
 * the bounds of what is plausible (a value is an outlier when its |score| is above the threshold,
 * i.e. outside [lower, upper]).
 *
 * <p>When the comparison values have no spread at all (every one the same), there is no scale to
 * measure by: a value equal to them scores 0, and any other value is an outlier with an infinite
 * score (written as an empty score, with lower = upper = the center), listed first. The modified z
 * score first falls back, when the median absolute deviation is 0 but the values are not all the
 * same, to the mean absolute deviation (score (x − median) / (1.253314 · meanAD)), as Iglewicz and
 * Hoaglin's practice and IBM SPSS do; its method is then {@code modified-z/meanAD}.
 */
public enum Method {
    /** Median and median absolute deviation: 0.6745 · (x − median) / MAD (Iglewicz and Hoaglin), threshold 3.5. */
    MODIFIED_Z("modified-z", 3.5) {
        @Override
        Score score(Stats s, double[] v, int n, double x, double threshold) {
            double median = s.median(v, 0, n);
            double[] ad = s.absoluteDeviations(v, 0, n, median);
            if (ad[0] > 0) return Score.of(key(), x, median, ad[0], ad[0] / 0.6745, threshold);
            return Score.of(key() + "/meanAD", x, median, ad[1], 1.253314 * ad[1], threshold);
        }
    },
    /** Mean and sample standard deviation: (x − mean) / sd (DHIS2's z-score), threshold 3. */
    Z("z", 3.0) {
        @Override
        Score score(Stats s, double[] v, int n, double x, double threshold) {
            double mean = s.mean(v, 0, n), sd = s.sd(v, 0, n);
            return Score.of(key(), x, mean, sd, sd, threshold);
        }
    },
    /**
     * Tukey's fences Q1 − k·IQR and Q3 + k·IQR (quartiles R_7, as Excel's PERCENTILE.INC), k 1.5:
     * the score is how many IQRs the value lies beyond the nearer quartile (0 between them).
     */
    IQR("iqr", 1.5) {
        @Override
        Score score(Stats s, double[] v, int n, double x, double threshold) {
            double[] q = s.quartiles(v, 0, n);
            double iqr = q[1] - q[0], median = s.median(v, 0, n);
            double beyond = x > q[1] ? x - q[1] : x < q[0] ? x - q[0] : 0;
            double score = beyond == 0 ? 0 : iqr > 0 ? beyond / iqr : Math.copySign(Double.POSITIVE_INFINITY, beyond);
            return new Score(key(), median, iqr, score, q[0] - threshold * iqr, q[1] + threshold * iqr);
        }
    };

    private final String key;
    private final double threshold;

    Method(String key, double threshold) {
        this.key = key;
        this.threshold = threshold;
    }

    public String key() { return key; }

    /** The default threshold (for iqr, the fence factor k). */
    public double defaultThreshold() { return threshold; }

    /** Scores {@code x} against the first {@code n} values of {@code v}. */
    abstract Score score(Stats s, double[] v, int n, double x, double threshold);

    public static Method of(String key) {
        for (Method m : values()) if (m.key.equalsIgnoreCase(key)) return m;
        return null;
    }

    /** A scored value: an infinite score when the comparison values have no spread and it differs from them. */
    record Score(String method, double center, double spread, double score, double lower, double upper) {
        /** (x − center) / scale, the bounds center ∓ threshold · scale. */
        static Score of(String method, double x, double center, double spread, double scale, double threshold) {
            double d = x - center;
            double score = d == 0 ? 0 : scale > 0 ? d / scale : Math.copySign(Double.POSITIVE_INFINITY, d);
            double reach = scale > 0 ? threshold * scale : 0;
            return new Score(method, center, spread, score, center - reach, center + reach);
        }
    }
}
