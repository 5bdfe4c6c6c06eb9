package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** Num's checked arithmetic and the rounding of quotients, the one home of each. */
class NumTest {
    @Test
    void times10IsCheckedAtTheEdgeOfALong() {
        assertThat(Num.times10(25, 3)).isEqualTo(25_000);
        assertThat(Num.times10(-25, 3)).isEqualTo(-25_000);
        assertThat(Num.times10(922_337_203_685_477_580L, 1)).isEqualTo(9_223_372_036_854_775_800L);
        assertThat(Num.times10(922_337_203_685_477_581L, 1)).isEqualTo(Num.NO_LONG);
        assertThat(Num.times10(-922_337_203_685_477_581L, 1)).isEqualTo(Num.NO_LONG);
        assertThat(Num.times10(1, 18)).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(Num.times10(10, 18)).isEqualTo(Num.NO_LONG);
    }

    @Test
    void plusIsCheckedAtTheEdgeOfALong() {
        assertThat(Num.plus(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Num.plus(Long.MAX_VALUE, 1)).isEqualTo(Num.NO_LONG);
        assertThat(Num.plus(-Long.MAX_VALUE, -2)).isEqualTo(Num.NO_LONG);
        assertThat(Num.plus(-5, 3)).isEqualTo(-2);
    }

    @Test
    void aQuotientIsRoundedToTwoPlacesWithTheirTrailingZerosDropped() {
        assertThat(quotient("2.345")).isEqualTo("2.35");
        assertThat(quotient("-2.345")).isEqualTo("-2.35");
        assertThat(quotient("2.996")).isEqualTo("3");
        assertThat(quotient("1.005")).isEqualTo("1.01");
        assertThat(quotient("0.001")).isEqualTo("0");
        assertThat(quotient("66.666666666666666666666666666666667")).isEqualTo("66.67");
        assertThat(quotient("99999999999999999999.999")).isEqualTo("100000000000000000000");
        // two places or fewer: as it is
        Num n = new Num();
        n.setScaled(new BigDecimal("2.50"));
        assertThat(n.roundQuotient().decimal().toPlainString()).isEqualTo("2.50");
    }

    /** Against BigDecimal's own rounding, on values of every scale from 0 to 24 and both signs. */
    @Test
    void aQuotientIsRoundedAsBigDecimalRoundsIt() {
        java.util.Random random = new java.util.Random(27);
        for (int k = 0; k < 20_000; k++) {
            BigDecimal v = new BigDecimal(new java.math.BigInteger(1 + random.nextInt(80), random), random.nextInt(25));
            if (random.nextBoolean()) v = v.negate();
            Num n = new Num().set(v);
            BigDecimal expected = n.scale <= 2 && n.kind == Num.EXACT ? n.decimal() : strip(v.setScale(2, RoundingMode.HALF_UP));
            BigDecimal got = n.roundQuotient().decimal();
            assertThat(got).as(v.toPlainString()).isEqualTo(expected);
        }
    }

    private static BigDecimal strip(BigDecimal r) {
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static String quotient(String v) { return new Num().set(new BigDecimal(v)).roundQuotient().decimal().toPlainString(); }
}
