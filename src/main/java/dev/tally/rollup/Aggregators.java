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
 * The aggregator kinds, as a table from the catalog's names to constructors (a registry is data, not
 * a switch): adding a kind is a class here and a line in a table. Sums stay in longs (with the scale
 * of their most precise value) while they fit, with checked arithmetic, and move a slot to BigDecimal
 * the moment one would overflow: totals are exact at any size. Means keep sum and count (a mean of
 * means would be wrong in a hierarchy); medians keep every value and are exact (Apache Commons Math
 * for the position rule, BigDecimal for the arithmetic).
 */
public final class Aggregators {
    private Aggregators() {}

    static final MathContext MC = MathContext.DECIMAL128;

    private static final Map<Aggregate, IntFunction<Aggregator>> OVER_UNITS = new EnumMap<>(Map.of(
            Aggregate.SUM, Sum::new,
            Aggregate.MEAN, Mean::new,
            Aggregate.MIN, n -> new Extreme(n, -1),
            Aggregate.MAX, n -> new Extreme(n, 1),
            Aggregate.MEDIAN, MedianOf::new,
            Aggregate.COUNT, Count::new));

    private static final Map<OverTime, IntFunction<Aggregator>> OVER_TIME = new EnumMap<>(Map.of(
            OverTime.SUM, Sum::new,
            OverTime.MEAN, Mean::new,
            OverTime.LAST, n -> new Edge(n, true),
            OverTime.FIRST, n -> new Edge(n, false),
            OverTime.MIN, n -> new Extreme(n, -1),
            OverTime.MAX, n -> new Extreme(n, 1)));

    /** An aggregator over units with {@code slots} states. */
    public static Aggregator of(Aggregate a, int slots) { return OVER_UNITS.get(a).apply(slots); }

    /** An aggregator over time with {@code slots} states. */
    public static Aggregator of(OverTime t, int slots) { return OVER_TIME.get(t).apply(slots); }

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
