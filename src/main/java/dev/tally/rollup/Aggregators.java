package dev.tally.rollup;

import dev.tally.model.Aggregate;
import dev.tally.model.OverTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The aggregator kinds, as a table from the catalog's names to constructors (a registry is data, not
 * a switch). Sums stay in a long while they fit, with {@link Math#addExact} so an overflow is
 * detected, never wrapped; any decimal value moves the sum to BigDecimal. Means keep sum and count
 * (a mean of means would be wrong in a hierarchy); medians keep every value and are exact
 * (Apache Commons Math for the position rule, BigDecimal for the arithmetic).
 */
public final class Aggregators {
    private Aggregators() {}

    static final MathContext MC = MathContext.DECIMAL128;

    private static final Map<Aggregate, Supplier<Aggregator>> OVER_UNITS = new EnumMap<>(Map.of(
            Aggregate.SUM, Sum::new,
            Aggregate.MEAN, Mean::new,
            Aggregate.MIN, () -> new Extreme(-1),
            Aggregate.MAX, () -> new Extreme(1),
            Aggregate.MEDIAN, MedianOf::new,
            Aggregate.COUNT, Count::new));

    private static final Map<OverTime, Supplier<Aggregator>> OVER_TIME = new EnumMap<>(Map.of(
            OverTime.SUM, Sum::new,
            OverTime.MEAN, Mean::new,
            OverTime.LAST, () -> new Edge(true),
            OverTime.FIRST, () -> new Edge(false),
            OverTime.MIN, () -> new Extreme(-1),
            OverTime.MAX, () -> new Extreme(1)));

    public static Aggregator of(Aggregate a) { return OVER_UNITS.get(a).get(); }

    public static Aggregator of(OverTime t) { return OVER_TIME.get(t).get(); }

    /** Exact sum: a long while every value is integral and the total fits, BigDecimal otherwise. */
    static final class Sum implements Aggregator {
        long whole;
        BigDecimal fraction;
        long n;
        boolean overflow;

        @Override
        public void add(BigDecimal v, long order) {
            n++;
            if (v.scale() <= 0) {
                try {
                    whole = Math.addExact(whole, v.longValueExact());
                } catch (ArithmeticException e) {
                    overflow = true;
                }
                return;
            }
            fraction = fraction == null ? v : fraction.add(v);
        }

        @Override
        public void merge(Aggregator o) {
            Sum s = (Sum) o;
            n += s.n;
            overflow |= s.overflow;
            try {
                whole = Math.addExact(whole, s.whole);
            } catch (ArithmeticException e) {
                overflow = true;
            }
            if (s.fraction != null) fraction = fraction == null ? s.fraction : fraction.add(s.fraction);
        }

        @Override
        public long count() { return n; }

        @Override
        public boolean overflowed() { return overflow; }

        @Override
        public BigDecimal result() {
            if (n == 0 || overflow) return null;
            BigDecimal w = BigDecimal.valueOf(whole);
            return fraction == null ? w : w.add(fraction);
        }
    }

    static final class Count implements Aggregator {
        long n;

        @Override
        public void add(BigDecimal v, long order) { n++; }

        @Override
        public void merge(Aggregator o) { n += o.count(); }

        @Override
        public long count() { return n; }

        @Override
        public BigDecimal result() { return n == 0 ? null : BigDecimal.valueOf(n); }
    }

    static final class Mean implements Aggregator {
        final Sum sum = new Sum();

        @Override
        public void add(BigDecimal v, long order) { sum.add(v, order); }

        @Override
        public void merge(Aggregator o) { sum.merge(((Mean) o).sum); }

        @Override
        public long count() { return sum.n; }

        @Override
        public boolean overflowed() { return sum.overflow; }

        @Override
        public BigDecimal result() {
            BigDecimal s = sum.result();
            return s == null ? null : s.divide(BigDecimal.valueOf(sum.n), MC);
        }
    }

    /** min (sign -1) or max (sign 1). */
    static final class Extreme implements Aggregator {
        final int sign;
        BigDecimal best;
        long n;

        Extreme(int sign) { this.sign = sign; }

        @Override
        public void add(BigDecimal v, long order) {
            n++;
            if (best == null || v.compareTo(best) * sign > 0) best = v;
        }

        @Override
        public void merge(Aggregator o) {
            Extreme e = (Extreme) o;
            if (e.best != null) {
                long keep = n + e.n;
                add(e.best, 0);
                n = keep;
            }
        }

        @Override
        public long count() { return n; }

        @Override
        public BigDecimal result() { return best; }
    }

    /** The value at the latest (last) or earliest (first) order; ties keep the one added first. */
    static final class Edge implements Aggregator {
        final boolean last;
        BigDecimal value;
        long at;
        long n;

        Edge(boolean last) { this.last = last; }

        @Override
        public void add(BigDecimal v, long order) {
            if (n == 0 || (last ? order > at : order < at)) {
                value = v;
                at = order;
            }
            n++;
        }

        @Override
        public void merge(Aggregator o) {
            Edge e = (Edge) o;
            if (e.n == 0) return;
            long keep = n + e.n;
            add(e.value, e.at);
            n = keep;
        }

        @Override
        public long count() { return n; }

        @Override
        public BigDecimal result() { return value; }
    }

    /** Exact median: keeps the values; for an even count, the mean of the two middle ones. */
    static final class MedianOf implements Aggregator {
        BigDecimal[] values = new BigDecimal[4];
        int n;

        @Override
        public void add(BigDecimal v, long order) {
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = v;
        }

        @Override
        public void merge(Aggregator o) {
            MedianOf m = (MedianOf) o;
            for (int i = 0; i < m.n; i++) add(m.values[i], 0);
        }

        @Override
        public long count() { return n; }

        @Override
        public BigDecimal result() {
            if (n == 0) return null;
            BigDecimal[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            // Commons Math's Median gives the position rule on ranks (1-based; p(n+1)/100), which we
            // apply to the exact values so no digit is lost to double.
            double[] ranks = new double[n];
            for (int i = 0; i < n; i++) ranks[i] = i;
            double pos = new Median().evaluate(ranks);
            int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
            if (lo == hi) return sorted[lo];
            return sorted[lo].add(sorted[hi]).divide(BigDecimal.valueOf(2), MC);
        }
    }
}
