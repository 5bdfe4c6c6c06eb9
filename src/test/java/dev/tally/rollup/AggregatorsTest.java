package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Aggregate;
import dev.tally.model.Num;
import dev.tally.model.OverTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregatorsTest {
    static BigDecimal d(String s) { return new BigDecimal(s); }

    static void add(Aggregator a, int slot, BigDecimal v, long order) { a.add(slot, new Num().set(v), order); }

    static BigDecimal result(Aggregator a, int slot) {
        Num out = new Num();
        return a.result(slot, out) ? out.decimal() : null;
    }

    /** Every kind has its row (the table's Map.ofEntries refuses one given twice), so no switch is needed anywhere. */
    @Test
    void everyKindHasExactlyOneRow() {
        assertThat(Aggregators.OVER_UNITS.keySet()).containsExactly(Aggregate.values());
        assertThat(Aggregators.OVER_TIME.keySet()).containsExactly(OverTime.values());
    }

    @Test
    void partsCombineAsTheirKindSaysKeepingTheLaterPartsWriting() {
        assertThat(Aggregators.Parts.ADD.combine(d("1.5"), d("2"))).isEqualTo(d("3.5"));
        assertThat(Aggregators.Parts.LEAST.combine(d("2.00"), d("2.0"))).isEqualTo(d("2.0"));
        assertThat(Aggregators.Parts.GREATEST.combine(d("2.00"), d("2.0"))).isEqualTo(d("2.0"));
        assertThat(Aggregators.Parts.GREATEST.combine(d("3"), d("2"))).isEqualTo(d("3"));
        assertThat(Aggregators.Parts.LATER.combine(d("3"), d("2"))).isEqualTo(d("2"));
        assertThat(Aggregators.Parts.EARLIER.combine(d("3"), d("2"))).isEqualTo(d("3"));
        // only sums can be shared out among parts by weight, so only they are written for new units
        for (Aggregate a : List.of(Aggregate.MEAN, Aggregate.MIN, Aggregate.MAX, Aggregate.MEDIAN, Aggregate.COUNT)) {
            assertThat(Aggregators.row(a).parts()).as(a.key()).isNotEqualTo(Aggregators.Parts.ADD);
        }
        assertThat(Aggregators.row(Aggregate.SUM).parts()).isEqualTo(Aggregators.Parts.ADD);
        // a quotient is rounded to two places; a flow must cover every day of the period
        assertThat(Aggregators.row(Aggregate.MEAN).quotient()).isTrue();
        assertThat(Aggregators.row(OverTime.MEAN).quotient()).isTrue();
        for (Aggregate a : List.of(Aggregate.SUM, Aggregate.MIN, Aggregate.MAX, Aggregate.MEDIAN, Aggregate.COUNT)) {
            assertThat(Aggregators.row(a).quotient()).as(a.key()).isFalse();
        }
        for (OverTime t : List.of(OverTime.SUM, OverTime.MEAN)) assertThat(Aggregators.row(t).flow()).as(t.key()).isTrue();
        for (OverTime t : List.of(OverTime.LAST, OverTime.FIRST, OverTime.MIN, OverTime.MAX)) assertThat(Aggregators.row(t).flow()).as(t.key()).isFalse();
    }

    @Test
    void mergingEqualsAddingOneByOne() {
        Random rnd = new Random(7);
        for (Aggregate kind : Aggregate.values()) {
            for (int trial = 0; trial < 50; trial++) {
                // slot 0: every value; slots 1 and 2: a split of them, then 2 merged into 1
                Aggregator a = Aggregators.of(kind, 3);
                int n = rnd.nextInt(20);
                for (int i = 0; i < n; i++) {
                    BigDecimal v = switch (rnd.nextInt(3)) {
                        case 0 -> BigDecimal.valueOf(rnd.nextInt(1000) - 500);
                        case 1 -> BigDecimal.valueOf(rnd.nextInt(100000), 2);
                        default -> BigDecimal.valueOf(rnd.nextLong() / 4); // close to the long range: sums leave it
                    };
                    add(a, 0, v, i);
                    add(a, rnd.nextBoolean() ? 1 : 2, v, i);
                }
                a.merge(1, 2);
                assertThat(a.count(1)).isEqualTo(a.count(0));
                if (result(a, 0) == null) assertThat(result(a, 1)).isNull();
                else assertThat(result(a, 1)).as(kind.name()).isEqualByComparingTo(result(a, 0));
            }
        }
    }

    @Test
    void emptyAggregatesAreMissingNotZero() {
        for (Aggregate kind : Aggregate.values()) assertThat(result(Aggregators.of(kind, 1), 0)).as(kind.name()).isNull();
        for (OverTime kind : OverTime.values()) assertThat(result(Aggregators.of(kind, 1), 0)).as(kind.name()).isNull();
    }

    @Test
    void lastAndFirstFollowTimeNotArrival() {
        Aggregator last = Aggregators.of(OverTime.LAST, 2), first = Aggregators.of(OverTime.FIRST, 1);
        for (Aggregator a : List.of(last, first)) {
            add(a, 0, d("2"), 20);
            add(a, 0, d("3"), 30);
            add(a, 0, d("1"), 10);
        }
        assertThat(result(last, 0)).isEqualByComparingTo("3");
        assertThat(result(first, 0)).isEqualByComparingTo("1");
        add(last, 1, d("9"), 5);
        last.merge(0, 1);
        assertThat(result(last, 0)).isEqualByComparingTo("3");
    }

    @Test
    void sumsAreExactOnLongsAndBeyondThem() {
        Aggregator s = Aggregators.of(Aggregate.SUM, 2);
        add(s, 0, d("9007199254740993"), 0);
        add(s, 0, d("5"), 0);
        assertThat(result(s, 0).toPlainString()).isEqualTo("9007199254740998");
        add(s, 0, d("0.1"), 0);
        add(s, 0, d("0.2"), 0);
        // 9007199254740998.3: still a long, at scale 1
        assertThat(result(s, 0).toPlainString()).isEqualTo("9007199254740998.3");
        assertThat(s.bigSlots()).isZero();
        // Long.MAX_VALUE + 1 = 9223372036854775808: exact, in BigDecimal from then on
        add(s, 1, BigDecimal.valueOf(Long.MAX_VALUE), 0);
        add(s, 1, BigDecimal.ONE, 0);
        assertThat(result(s, 1).toPlainString()).isEqualTo("9223372036854775808");
        assertThat(s.bigSlots()).isEqualTo(1);
        // 10^37 × 3 = 30000000000000000000000000000000000000 (38 digits)
        Aggregator big = Aggregators.of(Aggregate.SUM, 1);
        for (int i = 0; i < 3; i++) add(big, 0, BigDecimal.TEN.pow(37), 0);
        assertThat(result(big, 0).toPlainString()).isEqualTo("3" + "0".repeat(37));
    }

    @Test
    void aScaledSumThatWouldOverflowMovesToBigDecimal() {
        Aggregator s = Aggregators.of(Aggregate.SUM, 1);
        add(s, 0, BigDecimal.valueOf(Long.MAX_VALUE / 10), 0); // 922337203685477580
        add(s, 0, d("0.01"), 0);                                // needs scale 2: ×100 overflows
        assertThat(result(s, 0).toPlainString()).isEqualTo("922337203685477580.01");
    }

    @Test
    void meanIsASumOverACount() {
        Aggregator m = Aggregators.of(Aggregate.MEAN, 1);
        for (String v : List.of("8", "6", "1")) add(m, 0, d(v), 0);
        assertThat(result(m, 0)).isEqualByComparingTo("5"); // 15 / 3
    }

    @Test
    void minAndMaxCompareAcrossScales() {
        Aggregator lo = Aggregators.of(Aggregate.MIN, 1), hi = Aggregators.of(Aggregate.MAX, 1);
        for (String v : List.of("2.5", "3", "-0.75", "10")) {
            add(lo, 0, d(v), 0);
            add(hi, 0, d(v), 0);
        }
        assertThat(result(lo, 0)).isEqualByComparingTo("-0.75");
        assertThat(result(hi, 0)).isEqualByComparingTo("10");
    }

    @Test
    void medianIsExact() {
        Aggregator m = Aggregators.of(Aggregate.MEDIAN, 1);
        for (String v : List.of("0.1", "0.2", "0.4", "100")) add(m, 0, d(v), 0);
        assertThat(result(m, 0)).isEqualByComparingTo("0.3"); // (0.2 + 0.4) / 2
        add(m, 0, d("0.3"), 0);
        assertThat(result(m, 0)).isEqualByComparingTo("0.3");
    }

    @Test
    void aResetSlotStartsOver() {
        Aggregator s = Aggregators.of(Aggregate.SUM, 1);
        add(s, 0, d("7"), 0);
        s.reset(0);
        assertThat(result(s, 0)).isNull();
        add(s, 0, d("2"), 0);
        assertThat(result(s, 0)).isEqualByComparingTo("2");
    }
}
