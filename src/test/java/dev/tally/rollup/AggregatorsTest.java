package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Aggregate;
import dev.tally.model.OverTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregatorsTest {
    static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test
    void mergingEqualsAddingOneByOne() {
        Random rnd = new Random(7);
        for (Aggregate kind : Aggregate.values()) {
            for (int trial = 0; trial < 50; trial++) {
                Aggregator whole = Aggregators.of(kind), left = Aggregators.of(kind), right = Aggregators.of(kind);
                int n = rnd.nextInt(20);
                for (int i = 0; i < n; i++) {
                    BigDecimal v = rnd.nextBoolean() ? BigDecimal.valueOf(rnd.nextInt(1000) - 500) : BigDecimal.valueOf(rnd.nextInt(100000), 2);
                    whole.add(v);
                    (rnd.nextBoolean() ? left : right).add(v);
                }
                left.merge(right);
                assertThat(left.count()).isEqualTo(whole.count());
                if (whole.result() == null) assertThat(left.result()).isNull();
                else assertThat(left.result()).as(kind.name()).isEqualByComparingTo(whole.result());
            }
        }
    }

    @Test
    void emptyAggregatesAreMissingNotZero() {
        for (Aggregate kind : Aggregate.values()) assertThat(Aggregators.of(kind).result()).as(kind.name()).isNull();
        for (OverTime kind : OverTime.values()) assertThat(Aggregators.of(kind).result()).as(kind.name()).isNull();
    }

    @Test
    void lastAndFirstFollowTimeNotArrival() {
        Aggregator last = Aggregators.of(OverTime.LAST), first = Aggregators.of(OverTime.FIRST);
        for (Aggregator a : List.of(last, first)) {
            a.add(d("2"), 20);
            a.add(d("3"), 30);
            a.add(d("1"), 10);
        }
        assertThat(last.result()).isEqualByComparingTo("3");
        assertThat(first.result()).isEqualByComparingTo("1");
        Aggregator other = Aggregators.of(OverTime.LAST);
        other.add(d("9"), 5);
        last.merge(other);
        assertThat(last.result()).isEqualByComparingTo("3");
    }

    @Test
    void exactSumsAndOverflow() {
        Aggregator s = Aggregators.of(Aggregate.SUM);
        s.add(d("9007199254740993"));
        s.add(d("5"));
        assertThat(s.result().toPlainString()).isEqualTo("9007199254740998");
        s.add(d("0.1"));
        s.add(d("0.2"));
        assertThat(s.result().toPlainString()).isEqualTo("9007199254740998.3");
        Aggregator big = Aggregators.of(Aggregate.SUM);
        big.add(BigDecimal.valueOf(Long.MAX_VALUE));
        big.add(BigDecimal.ONE);
        assertThat(big.overflowed()).isTrue();
        assertThat(big.result()).isNull();
    }

    @Test
    void medianIsExact() {
        Aggregator m = Aggregators.of(Aggregate.MEDIAN);
        for (String v : List.of("0.1", "0.2", "0.4", "100")) m.add(d(v));
        assertThat(m.result()).isEqualByComparingTo("0.3");
        m.add(d("0.3"));
        assertThat(m.result()).isEqualByComparingTo("0.3");
    }
}
