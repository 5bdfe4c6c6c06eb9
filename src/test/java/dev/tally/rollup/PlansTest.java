package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.ingest.PlanFiles;
import dev.tally.model.Era;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.validate.Validator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a plan's targets resolve up the hierarchy, worked out by hand: province P with districts D1
 * (communes C11, C12), D2 (C21, C22) and D3 (no communes); a second province Q without districts.
 * {@code a} and {@code b} are summed, {@code m} is a mean, {@code r} a rate computed from a and b.
 */
class PlansTest {
    @TempDir
    Path dir;

    static final String UNITS = "code,name,parent,level\nP,P,,province\nD1,D1,P,district\nC11,C11,D1,commune\nC12,C12,D1,commune\n"
            + "D2,D2,P,district\nC21,C21,D2,commune\nC22,C22,D2,commune\nD3,D3,P,district\nQ,Q,,province\n";
    static final String CATALOG = """
            indicators:
              - {code: a, type: integer}
              - {code: b, type: integer}
              - {code: m, type: number, aggregate: mean}
              - {code: r, type: percent, formula: 100 * a / b}
            """;

    private Fixture f;

    private Plans plans(String csv) {
        f = new Fixture(dir, UNITS, CATALOG);
        Era era = new Era(0, null, null, f.h, f.c, Roster.of(f.h), null);
        Validator.Result r = PlanFiles.read(era, List.of(new InputFile("plan.csv", null)), ReadOptions.defaults(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.findings()).isEmpty();
        return Plans.resolve(r.table(), f.h, f.c);
    }

    private BigDecimal target(Plans p, String unit, String period, String indicator) {
        int u = unit.equals("*") ? f.h.size() : f.h.unit(unit).index();
        return p.target(u, Period.parseOrThrow(period), f.c.indicator(indicator));
    }

    private static final String PLAN = """
            unit,period,indicator,target
            C11,2024,a,10
            C12,2024,a,15
            C21,2024,a,7
            C22,2024,a,
            D3,2024,a,5
            C11,2024,b,1
            C12,2024,b,2
            C21,2024,b,3
            C22,2024,b,4
            D1,2024,b,50
            D3,2024,b,6
            Q,2024,b,8
            C11,2024,m,4
            C12,2024,m,6
            C11,2024,r,80
            C12,2024,r,90
            P,2024,r,85
            D1,2024-H1,a,12
            """;

    @Test
    void aUnitWithoutItsOwnTargetHasTheSumOfItsChildrensWhenEveryChildHasOne() {
        Plans p = plans(PLAN);
        // D1: 10 + 15; D2: C22's target is missing, which is no target (never 0), so D2 has none
        assertThat(target(p, "D1", "2024", "a")).isEqualByComparingTo("25");
        assertThat(target(p, "D2", "2024", "a")).isNull();
        // P: D2 has none, so P has none though D1 and D3 do; a district without communes has only its own
        assertThat(target(p, "D3", "2024", "a")).isEqualByComparingTo("5");
        assertThat(target(p, "P", "2024", "a")).isNull();
        assertThat(target(p, "*", "2024", "a")).isNull();
        // b: D1's own 50 wins over its communes' 1 + 2; D2 is 3 + 4; P is 50 + 7 + 6; the total P + Q
        assertThat(target(p, "D1", "2024", "b")).isEqualByComparingTo("50");
        assertThat(target(p, "D2", "2024", "b")).isEqualByComparingTo("7");
        assertThat(target(p, "P", "2024", "b")).isEqualByComparingTo("63");
        assertThat(target(p, "*", "2024", "b")).isEqualByComparingTo("71");
        assertThat(target(p, "C11", "2024", "b")).isEqualByComparingTo("1");
    }

    @Test
    void theTargetsOfAMeanOrARateAreNeverAddedUp() {
        Plans p = plans(PLAN);
        assertThat(target(p, "C11", "2024", "m")).isEqualByComparingTo("4");
        assertThat(target(p, "D1", "2024", "m")).as("a mean of 4 and 6 is no sum").isNull();
        assertThat(target(p, "D1", "2024", "r")).as("80 % and 90 % make no 170 %").isNull();
        assertThat(target(p, "P", "2024", "r")).as("the province's own rate target").isEqualByComparingTo("85");
        assertThat(target(p, "*", "2024", "r")).isNull();
    }

    @Test
    void aTargetCountsForThePeriodItNamesExactly() {
        Plans p = plans(PLAN);
        assertThat(target(p, "D1", "2024-H1", "a")).isEqualByComparingTo("12");
        assertThat(target(p, "C11", "2024-H1", "a")).isNull();
        assertThat(target(p, "P", "2024-H1", "a")).as("D2 and D3 have none in 2024-H1").isNull();
        assertThat(target(p, "D1", "2024-H2", "a")).isNull();
        assertThat(p.has(Period.parseOrThrow("2024-H1"))).isTrue();
        assertThat(p.has(Period.parseOrThrow("2025"))).isFalse();
        assertThat(p.names(f.c.indicator("m"))).isTrue();
    }

    @Test
    void attainmentIsTheValueInPercentOfTheTargetToOneDecimalHalfUp() {
        assertThat(Plans.attainment(new BigDecimal("59"), new BigDecimal("64"))).isEqualByComparingTo("92.2"); // 92.1875
        assertThat(Plans.attainment(new BigDecimal("1"), new BigDecimal("16"))).isEqualByComparingTo("6.3"); // 6.25, half up
        assertThat(Plans.attainment(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.7");
        assertThat(Plans.attainment(new BigDecimal("88.2"), new BigDecimal("85"))).isEqualByComparingTo("103.8"); // 103.76…
        assertThat(Plans.attainment(new BigDecimal("0"), new BigDecimal("5"))).isEqualByComparingTo("0.0");
        assertThat(Plans.attainment(new BigDecimal("5"), BigDecimal.ZERO)).as("a target of 0: no division").isNull();
        assertThat(Plans.attainment(null, new BigDecimal("5"))).as("a missing value is no 0 %").isNull();
        assertThat(Plans.attainment(new BigDecimal("5"), null)).isNull();
    }
}
