package dev.tally.rollup;

import dev.tally.model.Aggregate;
import dev.tally.model.Num;
import dev.tally.model.OverTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The aggregate kinds as data, one row per kind (a registry is data, not a switch; like Miller's
 * accumulator table): for each {@link Aggregate} (over units) and each {@link OverTime} (over
 * periods), the aggregator it makes, whether its result is a quotient, and how the values of two
 * parts combine ({@link Parts}); over time also whether it is a flow. Rollup, Across and Remap ask the
 * row and never switch on the kind, so adding a kind is a constant in its enum and a row (and, for a
 * new way to aggregate, a class) here. The enums stay in {@code model} (an {@code Indicator} holds
 * them, and {@code model} sees nothing but the JDK); their behaviour lives here, beside the
 * aggregators it constructs.
 *
 * <p>Sums stay in longs (with the scale of their most precise value) while they fit, with checked
 * arithmetic, and move a slot to BigDecimal the moment one would overflow: totals are exact at any
 * size. Means keep sum and count (a mean of means would be wrong in a hierarchy); medians keep every
 * value and are exact (Apache Commons Math for the position rule, BigDecimal for the arithmetic).
 */
public final class Aggregators {
    private Aggregators() {}

    static final MathContext MC = MathContext.DECIMAL128;

    /**
     * How the values of two parts that do not overlap (the halves of a year on either side of an era
     * boundary; the new units a divided old unit went to) give the value of the whole.
     */
    public enum Parts {
        /** The whole is the sum of its parts: it may also be shared out among parts by weight. */
        ADD,
        /** The smaller of the two. */
        LEAST,
        /** The larger of the two. */
        GREATEST,
        /** The value of the part that holds the end of the whole (a stock). */
        LATER,
        /** The value of the part that holds its start. */
        EARLIER,
        /** None: the parts' values lack what the whole needs (a mean its counts, a median every value). */
        NONE;

        /**
         * The whole from its part {@code before} and its part {@code after}. Of two equal values
         * written differently (2.0 and 2.00) the later part's is kept, as it is written.
         */
        public BigDecimal combine(BigDecimal before, BigDecimal after) {
            return switch (this) {
                case ADD -> after.add(before);
                case LEAST -> after.min(before);
                case GREATEST -> after.max(before);
                case LATER -> after;
                case EARLIER -> before;
                case NONE -> throw new IllegalStateException("parts that do not combine");
            };
        }
    }

    /**
     * An aggregate kind's behaviour over units: {@code factory} makes its aggregator with a number of
     * slots; {@code quotient}: its result is a division (a mean), given to two places when the
     * indicator sets no decimals; {@code parts}: how two parts' values combine.
     */
    public record OverUnits(IntFunction<Aggregator> factory, boolean quotient, Parts parts) {
        public Aggregator make(int slots) { return factory.apply(slots); }
    }

    /**
     * A kind's behaviour over periods, as {@link OverUnits}, and {@code flow}: a value covers the
     * whole target period only when the periods with a value cover every day of it (a sum of sessions
     * held for H1 is not the year's); a stock's last value, or a minimum, stands for the period
     * whatever part of it was reported.
     */
    public record OverPeriods(IntFunction<Aggregator> factory, boolean quotient, boolean flow, Parts parts) {
        public Aggregator make(int slots) { return factory.apply(slots); }
    }

    // Map.ofEntries refuses a kind given twice; AggregatorsTest holds that none is left out
    static final Map<Aggregate, OverUnits> OVER_UNITS = new EnumMap<>(Map.ofEntries(
            Map.entry(Aggregate.SUM, new OverUnits(Sum::new, false, Parts.ADD)),
            Map.entry(Aggregate.MEAN, new OverUnits(Mean::new, true, Parts.NONE)),
            Map.entry(Aggregate.MIN, new OverUnits(n -> new Extreme(n, -1), false, Parts.LEAST)),
            Map.entry(Aggregate.MAX, new OverUnits(n -> new Extreme(n, 1), false, Parts.GREATEST)),
            Map.entry(Aggregate.MEDIAN, new OverUnits(MedianOf::new, false, Parts.NONE)),
            // the units with a value in either of two parts are not the sum of the two counts
            Map.entry(Aggregate.COUNT, new OverUnits(Count::new, false, Parts.NONE))));

    static final Map<OverTime, OverPeriods> OVER_TIME = new EnumMap<>(Map.ofEntries(
            Map.entry(OverTime.SUM, new OverPeriods(Sum::new, false, true, Parts.ADD)),
            Map.entry(OverTime.MEAN, new OverPeriods(Mean::new, true, true, Parts.NONE)),
            Map.entry(OverTime.LAST, new OverPeriods(n -> new Edge(n, true), false, false, Parts.LATER)),
            Map.entry(OverTime.FIRST, new OverPeriods(n -> new Edge(n, false), false, false, Parts.EARLIER)),
            Map.entry(OverTime.MIN, new OverPeriods(n -> new Extreme(n, -1), false, false, Parts.LEAST)),
            Map.entry(OverTime.MAX, new OverPeriods(n -> new Extreme(n, 1), false, false, Parts.GREATEST))));

    /** The row of an aggregate over units. */
    public static OverUnits row(Aggregate a) { return OVER_UNITS.get(a); }

    /** The row of an aggregate over time. */
    public static OverPeriods row(OverTime t) { return OVER_TIME.get(t); }

    /** An aggregator over units with {@code slots} states. */
    public static Aggregator of(Aggregate a, int slots) { return row(a).make(slots); }

    /** An aggregator over time with {@code slots} states. */
    public static Aggregator of(OverTime t, int slots) { return row(t).make(slots); }

    /** Compares two exact values; {@code null} big means the (unscaled, scale) pair. */
    static int compare(long ua, int sa, BigDecimal ba, long ub, int sb, BigDecimal bb) {
        if (ba == null && bb == null && sa == sb) return Long.compare(ua, ub);
        BigDecimal a = ba != null ? ba : BigDecimal.valueOf(ua, sa), b = bb != null ? bb : BigDecimal.valueOf(ub, sb);
        return a.compareTo(b);
    }

    /** Exact sums: {@code sum × 10^-scale} in a long per slot, a BigDecimal for a slot that outgrew it. */
    static class Sum implements Aggregator {
        final long[] sum;
        final byte[] scale;
        final long[] n;
        BigDecimal[] big;
        long bigSlots;

        Sum(int slots) {
            sum = new long[slots];
            scale = new byte[slots];
            n = new long[slots];
        }

        @Override
        public void add(int slot, long u, int s, BigDecimal b, long order) {
            n[slot]++;
            accumulate(slot, u, s, b);
        }

        final void accumulate(int slot, long u, int s, BigDecimal b) {
            if (b == null && (big == null || big[slot] == null)) {
                int have = scale[slot];
                if (s == have) {
                    long r = sum[slot] + u;
                    if (((sum[slot] ^ r) & (u ^ r)) >= 0) {
                        sum[slot] = r;
                        return;
                    }
                } else if (s > have && s - have <= 18) {
                    // the slot takes the finer scale
                    long f = Num.pow10(s - have);
                    long hi = Math.multiplyHigh(sum[slot], f), lo = sum[slot] * f;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                        long r = lo + u;
                        if (((lo ^ r) & (u ^ r)) >= 0) {
                            sum[slot] = r;
                            scale[slot] = (byte) s;
                            return;
                        }
                    }
                } else if (s < have && have - s <= 18) {
                    long f = Num.pow10(have - s);
                    long hi = Math.multiplyHigh(u, f), lo = u * f;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                        long r = sum[slot] + lo;
                        if (((sum[slot] ^ r) & (lo ^ r)) >= 0) {
                            sum[slot] = r;
                            return;
                        }
                    }
                }
            }
            // beyond a long: exact in BigDecimal from here on
            BigDecimal add = b != null ? b : BigDecimal.valueOf(u, s);
            BigDecimal have = toBig(slot);
            big[slot] = have.add(add);
        }

        private BigDecimal toBig(int slot) {
            if (big == null) big = new BigDecimal[sum.length];
            if (big[slot] == null) {
                big[slot] = BigDecimal.valueOf(sum[slot], scale[slot]);
                bigSlots++;
            }
            return big[slot];
        }

        @Override
        public void merge(int into, int from) {
            if (n[from] == 0) return;
            n[into] += n[from];
            if (big != null && big[from] != null) accumulate(into, 0, 0, big[from]);
            else accumulate(into, sum[from], scale[from], null);
        }

        @Override
        public void reset(int slot) {
            sum[slot] = 0;
            scale[slot] = 0;
            n[slot] = 0;
            if (big != null) big[slot] = null;
        }

        @Override
        public long count(int slot) { return n[slot]; }

        @Override
        public int slots() { return n.length; }

        @Override
        public boolean result(int slot, Num out) {
            if (n[slot] == 0) return false;
            if (big != null && big[slot] != null) out.set(big[slot]);
            else if (scale[slot] == 0) {
                out.kind = Num.EXACT;
                out.unscaled = sum[slot];
                out.scale = 0;
                out.word = false;
            } else {
                out.set(BigDecimal.valueOf(sum[slot], scale[slot]));
            }
            return true;
        }

        @Override
        public long bigSlots() { return bigSlots; }
    }

    static final class Count implements Aggregator {
        final long[] n;

        Count(int slots) { n = new long[slots]; }

        @Override
        public void add(int slot, long u, int s, BigDecimal b, long order) { n[slot]++; }

        @Override
        public void merge(int into, int from) { n[into] += n[from]; }

        @Override
        public void reset(int slot) { n[slot] = 0; }

        @Override
        public int slots() { return n.length; }

        @Override
        public long count(int slot) { return n[slot]; }

        @Override
        public boolean result(int slot, Num out) {
            if (n[slot] == 0) return false;
            out.kind = Num.EXACT;
            out.unscaled = n[slot];
            out.scale = 0;
            out.word = false;
            return true;
        }
    }

    /** A sum over a count: the mean of every value below, never a mean of means. */
    static final class Mean extends Sum {
        Mean(int slots) { super(slots); }

        @Override
        public boolean result(int slot, Num out) {
            if (n[slot] == 0) return false;
            BigDecimal s = big != null && big[slot] != null ? big[slot] : BigDecimal.valueOf(sum[slot], scale[slot]);
            out.set(s.divide(BigDecimal.valueOf(n[slot]), MC));
            return true;
        }
    }

    /** min (sign -1) or max (sign 1). */
    static final class Extreme implements Aggregator {
        final int sign;
        final long[] best;
        final byte[] scale;
        final long[] n;
        BigDecimal[] big;

        Extreme(int slots, int sign) {
            this.sign = sign;
            best = new long[slots];
            scale = new byte[slots];
            n = new long[slots];
        }

        private BigDecimal bigAt(int slot) { return big == null ? null : big[slot]; }

        @Override
        public void add(int slot, long u, int s, BigDecimal b, long order) {
            if (n[slot]++ == 0 || compare(u, s, b, best[slot], scale[slot], bigAt(slot)) * sign > 0) set(slot, u, s, b);
        }

        private void set(int slot, long u, int s, BigDecimal b) {
            best[slot] = u;
            scale[slot] = (byte) s;
            if (b != null) {
                if (big == null) big = new BigDecimal[best.length];
                big[slot] = b;
            } else if (big != null) {
                big[slot] = null;
            }
        }

        @Override
        public void merge(int into, int from) {
            if (n[from] == 0) return;
            long keep = n[into] + n[from];
            add(into, best[from], scale[from], bigAt(from), 0);
            n[into] = keep;
        }

        @Override
        public void reset(int slot) {
            n[slot] = 0;
            if (big != null) big[slot] = null;
        }

        @Override
        public int slots() { return n.length; }

        @Override
        public long count(int slot) { return n[slot]; }

        @Override
        public boolean result(int slot, Num out) {
            if (n[slot] == 0) return false;
            if (bigAt(slot) != null) out.set(big[slot]);
            else {
                out.kind = Num.EXACT;
                out.unscaled = best[slot];
                out.scale = scale[slot];
                out.word = false;
            }
            return true;
        }
    }

    /** The value at the latest (last) or earliest (first) order; ties keep the one added first. */
    static final class Edge implements Aggregator {
        final boolean last;
        final long[] value;
        final byte[] scale;
        final long[] at;
        final long[] n;
        BigDecimal[] big;

        Edge(int slots, boolean last) {
            this.last = last;
            value = new long[slots];
            scale = new byte[slots];
            at = new long[slots];
            n = new long[slots];
        }

        @Override
        public void add(int slot, long u, int s, BigDecimal b, long order) {
            if (n[slot] == 0 || (last ? order > at[slot] : order < at[slot])) {
                value[slot] = u;
                scale[slot] = (byte) s;
                at[slot] = order;
                if (b != null) {
                    if (big == null) big = new BigDecimal[value.length];
                    big[slot] = b;
                } else if (big != null) {
                    big[slot] = null;
                }
            }
            n[slot]++;
        }

        @Override
        public void merge(int into, int from) {
            if (n[from] == 0) return;
            long keep = n[into] + n[from];
            add(into, value[from], scale[from], big == null ? null : big[from], at[from]);
            n[into] = keep;
        }

        @Override
        public void reset(int slot) {
            n[slot] = 0;
            if (big != null) big[slot] = null;
        }

        @Override
        public int slots() { return n.length; }

        @Override
        public long count(int slot) { return n[slot]; }

        @Override
        public boolean result(int slot, Num out) {
            if (n[slot] == 0) return false;
            if (big != null && big[slot] != null) out.set(big[slot]);
            else {
                out.kind = Num.EXACT;
                out.unscaled = value[slot];
                out.scale = scale[slot];
                out.word = false;
            }
            return true;
        }
    }

    /** Exact median: keeps the values of each slot; for an even count, the mean of the two middle ones. */
    static final class MedianOf implements Aggregator {
        final BigDecimal[][] values;
        final int[] n;

        MedianOf(int slots) {
            values = new BigDecimal[slots][];
            n = new int[slots];
        }

        @Override
        public void add(int slot, long u, int s, BigDecimal b, long order) {
            put(slot, b != null ? b : BigDecimal.valueOf(u, s));
        }

        private void put(int slot, BigDecimal v) {
            BigDecimal[] a = values[slot];
            if (a == null) values[slot] = a = new BigDecimal[4];
            else if (n[slot] == a.length) values[slot] = a = Arrays.copyOf(a, n[slot] * 2);
            a[n[slot]++] = v;
        }

        @Override
        public void merge(int into, int from) {
            for (int i = 0; i < n[from]; i++) put(into, values[from][i]);
        }

        @Override
        public void reset(int slot) {
            n[slot] = 0;
            values[slot] = null;
        }

        @Override
        public int slots() { return n.length; }

        @Override
        public long count(int slot) { return n[slot]; }

        @Override
        public boolean result(int slot, Num out) {
            int k = n[slot];
            if (k == 0) return false;
            BigDecimal[] sorted = Arrays.copyOf(values[slot], k);
            Arrays.sort(sorted);
            // Commons Math's Median gives the position rule on ranks (1-based; p(n+1)/100), which we
            // apply to the exact values so no digit is lost to double.
            double[] ranks = new double[k];
            for (int i = 0; i < k; i++) ranks[i] = i;
            double pos = new Median().evaluate(ranks);
            int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
            out.set(lo == hi ? sorted[lo] : sorted[lo].add(sorted[hi]).divide(BigDecimal.valueOf(2), MC));
            return true;
        }
    }
}
