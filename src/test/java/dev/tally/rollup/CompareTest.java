package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Tally;
import dev.tally.model.IndicatorType;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparisons say whether they compare like with like: each side keeps its own coverage, a change
 * between two sides from different reporting units is "partial", like-for-like takes only the units
 * that reported in both periods, and a rate changes in points. Numbers worked out by hand in comments.
 */
class CompareTest {
    @TempDir
    Path dir;

    static final String CATALOG = "indicators:\n  - {code: a, type: integer}\n  - {code: b, type: integer}\n"
            + "  - {code: r, type: percent, decimals: 1, formula: 100 * b / a}\n";

    // 2023: every commune reported; 2024: C12 did not
    static final String DATA = "C11,2023,a,10\nC12,2023,a,20\nC21,2023,a,30\nC11,2023,b,5\nC12,2023,b,10\nC21,2023,b,15\n"
            + "C11,2024,a,12\nC21,2024,a,33\nC11,2024,b,6\nC21,2024,b,33\n";

    @Test
    void eachSideKeepsItsCoverageAndAChangeBetweenDifferentUnitsIsPartial() {
        Fixture x = new Fixture(dir, Tally.TREE, CATALOG).compare(DATA, false, "2024=2023");
        // P: 12 + 33 = 45 from 2 of 3 against 10 + 20 + 30 = 60 from 3 of 3: (45 - 60) / 60 = -25.0 %, partial
        assertThat(x.compared("P", "2024", "a")).isEqualTo("45 2/3 vs 60 3/3 partial -25.0");
        // D1: 12 (1 of 2) against 30 (2 of 2): -60.0 %, partial
        assertThat(x.compared("D1", "2024", "a")).isEqualTo("12 1/2 vs 30 2/2 partial -60.0");
        // D2: 33 against 30, the same commune on both sides: +10.0 %, comparable
        assertThat(x.compared("D2", "2024", "a")).isEqualTo("33 1/1 vs 30 1/1 comparable 10.0");
        // the rate P: 100 × 39 / 45 = 86.7 against 100 × 30 / 60 = 50.0: +36.7 points, not +73.4 %
        assertThat(x.compared("P", "2024", "r")).isEqualTo("86.7 2/3 vs 50.0 3/3 partial 36.7");
    }

    @Test
    void likeForLikeKeepsTheUnitsThatReportedInBothPeriods() {
        Fixture x = new Fixture(dir, Tally.TREE, CATALOG).compare(DATA, true, "2024=2023");
        // C11 and C21 reported both years: P 12 + 33 = 45 against 10 + 30 = 40: +12.5 %, comparable
        assertThat(x.compared("P", "2024", "a")).isEqualTo("45 2/3 vs 40 2/3 comparable 12.5");
        // D1: C11 alone, 12 against 10: +20.0 %
        assertThat(x.compared("D1", "2024", "a")).isEqualTo("12 1/2 vs 10 1/2 comparable 20.0");
        // the rate over the same communes: 100 × 39 / 45 = 86.7 against 100 × 20 / 40 = 50.0
        assertThat(x.compared("P", "2024", "r")).isEqualTo("86.7 2/3 vs 50.0 2/3 comparable 36.7");
        assertThat(x.findings()).isEmpty();
    }

    @Test
    void theSameCoverageOnBothSidesFromDifferentUnitsIsStillPartial() {
        // 2023: C11 only; 2024: C12 only. One of two on each side, but not the same one
        Fixture x = new Fixture(dir, Tally.TREE, CATALOG).compare("C11,2023,a,10\nC12,2024,a,10\n", false, "2024=2023");
        assertThat(x.compared("D1", "2024", "a")).isEqualTo("10 1/2 vs 10 1/2 partial 0.0");
    }

    @Test
    void twoTotalsOfPartOfTheYearAreNotComparedAsWholeYears() {
        // both years from the first half only: 6 [0/1] against 5 [0/1] is a change between two partial totals
        Fixture x = new Fixture(dir, Tally.TREE, CATALOG).compare("C11,2023-H1,a,5\nC11,2024-H1,a,6\n", false, "2024=2023");
        assertThat(x.compared("C11", "2024", "a")).isEqualTo("6 0/1 vs 5 0/1 partial 20.0");
    }

    @Test
    void changeInPercentIsRoundedAndMissingWithoutABase() {
        var count = new dev.tally.model.Indicator("n", null, IndicatorType.INTEGER, null, false, null, null, null,
                dev.tally.model.Aggregate.SUM, dev.tally.model.OverTime.SUM, null, null, 0);
        assertThat(RollupTables.change(count, new BigDecimal("110"), new BigDecimal("100"))).isEqualByComparingTo("10.0");
        assertThat(RollupTables.change(count, new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("-66.7");
        assertThat(RollupTables.change(count, new BigDecimal("-5"), new BigDecimal("-10"))).isEqualByComparingTo("50.0");
        assertThat(RollupTables.change(count, new BigDecimal("5"), BigDecimal.ZERO)).isNull();
        assertThat(RollupTables.change(count, null, BigDecimal.ONE)).isNull();
        assertThat(RollupTables.change(count, BigDecimal.ONE, null)).isNull();
    }
}
