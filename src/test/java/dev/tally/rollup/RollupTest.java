package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Tally;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // sets Rollup.visitAll and reads Rollup.SKIPPED_UNITS, which every rollup counts
class RollupTest {
    @TempDir
    Path dir;

    Fixture f(String catalog) { return new Fixture(dir, Tally.TREE, catalog); }

    @Test
    void sumWithMissingCarriesCoverage() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n").roll("C11,2024,a,10\nC12,2024,a,\nC21,2024,a,5\n");
        assertThat(x.cell("C11", "2024", "a")).isEqualTo("10 1/1");
        assertThat(x.cell("C12", "2024", "a")).isEqualTo("- 0/1");
        assertThat(x.cell("D1", "2024", "a")).isEqualTo("10 1/2");
        assertThat(x.cell("D2", "2024", "a")).isEqualTo("5 1/1");
        assertThat(x.cell("P", "2024", "a")).isEqualTo("15 2/3");
        assertThat(x.cell("*", "2024", "a")).isEqualTo("15 2/3");
    }

    /**
     * The indicators' passes are shared among threads for a large table only (Parallelism.worthSharing): a
     * small one is rolled up on the caller's thread, with the same figures either way. 1,400 communes in
     * 14 districts, 48 indicators (67,200 cells): commune k of district d gives d + k for every
     * indicator but ind47, which is missing in the last commune of each district.
     */
    @Test
    void aLargeTableIsRolledUpOnSeveralThreadsASmallOneOnOneWithTheSameRules() {
        StringBuilder units = new StringBuilder("code,name,parent\nP,,\n"), catalog = new StringBuilder("indicators:\n"),
                data = new StringBuilder();
        for (int i = 0; i < 48; i++) catalog.append("  - {code: ind").append(i).append(", type: integer}\n");
        for (int d = 0; d < 14; d++) {
            units.append("D").append(d).append(",,P\n");
            for (int k = 0; k < 100; k++) {
                units.append("D").append(d).append('C').append(k).append(",,D").append(d).append('\n');
                for (int i = 0; i < 48; i++) {
                    data.append("D").append(d).append('C').append(k).append(",2024,ind").append(i).append(',');
                    if (!(i == 47 && k == 99)) data.append(d + k);
                    data.append('\n');
                }
            }
        }
        Fixture large = new Fixture(dir, units.toString(), catalog.toString()).roll(data.toString());
        assertThat(large.result.shared()).isTrue();
        // district d: the sum of d + k over k = 0..99 is 100 d + 4,950; without k = 99, 99 d + 4,851
        assertThat(large.cell("D3", "2024", "ind0")).isEqualTo("5250 100/100");
        assertThat(large.cell("D3", "2024", "ind47")).isEqualTo("5148 99/100");
        // the province: 100 (0 + ... + 13) + 14 x 4,950 = 9,100 + 69,300; ind47: 99 x 91 + 14 x 4,851 = 9,009 + 67,914
        assertThat(large.cell("P", "2024", "ind0")).isEqualTo("78400 1400/1400");
        assertThat(large.cell("P", "2024", "ind47")).isEqualTo("76923 1386/1400");

        Fixture small = f("indicators:\n  - {code: a, type: integer}\n").roll("C11,2024,a,10\nC12,2024,a,\nC21,2024,a,5\n");
        assertThat(small.result.shared()).isFalse();
        assertThat(small.cell("P", "2024", "a")).isEqualTo("15 2/3");
    }

    @Test
    void meanIsARatioOfSumsNotAMeanOfMeans() {
        Fixture x = f("indicators:\n  - {code: s, aggregate: mean}\n").roll("C11,2024,s,8\nC12,2024,s,6\nC21,2024,s,1\n");
        assertThat(x.value("D1", "2024", "s")).isEqualByComparingTo("7");
        assertThat(x.value("P", "2024", "s")).isEqualByComparingTo("5"); // (8+6+1)/3, not (7+1)/2
    }

    @Test
    void medianMinMaxCount() {
        Fixture x = f("indicators:\n  - {code: m, aggregate: median}\n  - {code: lo, aggregate: min}\n"
                + "  - {code: hi, aggregate: max}\n  - {code: n, aggregate: count}\n")
                .roll("C11,2024,m,1\nC12,2024,m,10\nC21,2024,m,4\nC11,2024,lo,3\nC12,2024,lo,-2\nC21,2024,lo,7\n"
                        + "C11,2024,hi,3\nC12,2024,hi,-2\nC21,2024,hi,7\nC11,2024,n,0\nC12,2024,n,\nC21,2024,n,9\n");
        assertThat(x.value("P", "2024", "m")).isEqualByComparingTo("4");
        assertThat(x.value("D1", "2024", "m")).isEqualByComparingTo("5.5");
        assertThat(x.value("P", "2024", "lo")).isEqualByComparingTo("-2");
        assertThat(x.value("P", "2024", "hi")).isEqualByComparingTo("7");
        assertThat(x.cell("P", "2024", "n")).isEqualTo("2 2/3");
    }

    @Test
    void overTimeSumAndLast() {
        Fixture x = f("indicators:\n  - {code: flow, type: integer}\n  - {code: stock, type: integer, over_time: last}\n"
                + "  - {code: avg, over_time: mean}\n  - {code: first, over_time: first}\n")
                .roll("C11,2024-01,flow,1\nC11,2024-02,flow,2\nC11,2024-03,flow,4\n"
                        + "C11,2024-01,stock,10\nC11,2024-02,stock,12\nC11,2024-03,stock,\n"
                        + "C12,2024-03,stock,5\nC11,2024-01,avg,1\nC11,2024-02,avg,2\nC11,2024-02,first,6\nC11,2024-03,first,9\n", "2024-Q1");
        assertThat(x.value("C11", "2024-Q1", "flow")).isEqualByComparingTo("7");
        assertThat(x.value("C11", "2024-Q1", "stock")).as("the last value given, not the missing March").isEqualByComparingTo("12");
        assertThat(x.value("D1", "2024-Q1", "stock")).isEqualByComparingTo("17");
        assertThat(x.value("C11", "2024-Q1", "avg")).isEqualByComparingTo("1.5");
        assertThat(x.value("C11", "2024-Q1", "first")).isEqualByComparingTo("6");
    }

    @Test
    void aFlowReportedForPartOfTheTargetPeriodIsAValueButNotAFullReport() {
        Fixture x = f("indicators:\n  - {code: flow, type: integer}\n  - {code: stock, type: integer, over_time: last}\n")
                .roll("C11,2024-H1,flow,5\nC12,2024-H1,flow,1\nC12,2024-H2,flow,2\nC21,2024,flow,7\nC11,2024-H1,stock,9\n", "2024");
        assertThat(x.cell("C11", "2024", "flow")).isEqualTo("5 0/1");        // half a year of a flow
        assertThat(x.cell("C12", "2024", "flow")).isEqualTo("3 1/1");        // both halves
        assertThat(x.cell("C21", "2024", "flow")).isEqualTo("7 1/1");
        assertThat(x.cell("P", "2024", "flow")).isEqualTo("15 2/3");
        assertThat(x.cell("C11", "2024", "stock")).isEqualTo("9 1/1");       // a stock's latest value stands
    }

    @Test
    void aRangeCombinesYears() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n")
                .roll("C11,2020,a,1\nC11,2021,a,2\nC11,2022,a,0\nC11,2023,a,0\nC11,2024,a,4\nC11,2025,a,100\nC21,2019,a,50\n"
                        + "C12,2020,a,3\n", "2020..2024");
        assertThat(x.cell("P", "2020..2024", "a")).isEqualTo("10 1/3"); // C12 gave one year of five: a value, not a full report
        assertThat(x.validated.summary().skipped()).isEqualTo(2);
        assertThat(x.cell("C12", "2020..2024", "a")).isEqualTo("3 0/1");
    }

    @Test
    void formulasAreComputedFromRolledUpPartsAndZeroOverZeroIsMissing() {
        Fixture x = f("indicators:\n  - {code: rec, type: integer}\n  - {code: res, type: integer}\n"
                + "  - {code: rate, decimals: 1, formula: 100 * res / rec}\n")
                .roll("C11,2024,rec,10\nC11,2024,res,5\nC12,2024,rec,0\nC12,2024,res,0\nC21,2024,rec,2\nC21,2024,res,2\n");
        assertThat(x.value("C12", "2024", "rate")).isNull();
        assertThat(x.value("C11", "2024", "rate")).isEqualByComparingTo("50.0");
        assertThat(x.value("D1", "2024", "rate").toPlainString()).isEqualTo("50.0");
        // a ratio of sums: 100 * 7 / 12 = 58.3, never the mean of the communes' rates (50 and 100)
        assertThat(x.value("P", "2024", "rate").toPlainString()).isEqualTo("58.3");
        assertThat(x.cell("P", "2024", "rate")).isEqualTo("58.3 3/3");
    }

    @Test
    void aReportedTotalIsCheckedNotAdded() {
        String cat = "indicators:\n  - {code: a, type: integer}\n";
        String data = "C11,2024,a,10\nD1,2024,a,25\nC21,2024,a,5\n";
        Fixture x = f(cat).roll(data);
        assertThat(x.cell("D1", "2024", "a")).isEqualTo("10 1/2");
        assertThat(x.cell("P", "2024", "a")).isEqualTo("15 2/3");
        assertThat(x.findings()).singleElement().satisfies(fi -> {
            assertThat(fi.code()).isEqualTo(FindingCode.IMBALANCE);
            assertThat(fi.severity()).isEqualTo(Severity.WARNING);
            assertThat(fi.unit()).isEqualTo("D1");
            assertThat(fi.message()).contains("reported 25").contains("gives 10").contains("difference 15").contains("1 of 2");
        });
        Fixture preferred = new Fixture(dir, Tally.TREE, cat).roll(data, true);
        assertThat(preferred.cell("D1", "2024", "a")).isEqualTo("25 2/2");
        assertThat(preferred.cell("P", "2024", "a")).isEqualTo("30 3/3");
    }

    @Test
    void whereOnlyTheHigherUnitHasDataItsValueIsUsed() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n").roll("D1,2024,a,25\nC21,2024,a,5\n");
        assertThat(x.cell("D1", "2024", "a")).isEqualTo("25 2/2");
        assertThat(x.cell("P", "2024", "a")).isEqualTo("30 3/3");
        assertThat(x.findings()).isEmpty();
    }

    @Test
    void districtLevelIndicatorsCountDistricts() {
        Fixture x = f("indicators:\n  - {code: s, type: integer, reported_at: district}\n").roll("D1,2024,s,3\n");
        assertThat(x.cell("P", "2024", "s")).isEqualTo("3 1/2");
        assertThat(x.cell("C11", "2024", "s")).isEqualTo("- 0/0");
    }

    @Test
    void twoGranularitiesOverlappingAreAnErrorNotADoubleCount() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n").roll("C11,2024-H1,a,10\nC11,2024-03,a,4\nC12,2024-H1,a,1\n", "2024");
        assertThat(x.value("C11", "2024", "a")).isNull();
        assertThat(x.cell("D1", "2024", "a")).isEqualTo("1 0/2"); // C12 gave the first half only
        assertThat(x.findings()).extracting(Finding::code).containsExactly(FindingCode.OVERLAP);
        assertThat(x.findings().get(0).message()).contains("2024-H1 (in.csv:2)").contains("2024-03 (in.csv:3)");
    }

    @Test
    void integerSumsAreExactAtAnySize() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n").roll("C11,2024,a,9007199254740993\nC12,2024,a,5\nC21,2024,a,9223372036854775807\n");
        assertThat(x.value("D1", "2024", "a").toPlainString()).isEqualTo("9007199254740998");
        assertThat(x.value("C21", "2024", "a").toPlainString()).isEqualTo("9223372036854775807");
        // 9007199254740998 + 9223372036854775807 = 9232379236109516805, past Long.MAX_VALUE: exact all the same
        assertThat(x.value("P", "2024", "a").toPlainString()).isEqualTo("9232379236109516805");
        assertThat(x.findings()).isEmpty();
        assertThat(x.result.bigSlots()).isPositive();
    }

    @Test
    void decimalSumsHaveNoBinaryArtefacts() {
        Fixture x = f("indicators:\n  - {code: a, type: number}\n  - {code: b, type: number, decimals: 2}\n")
                .roll("C11,2024,a,0.1\nC12,2024,a,0.2\nC11,2024,b,0.125\nC12,2024,b,0.25\n");
        assertThat(x.value("D1", "2024", "a").toPlainString()).isEqualTo("0.3");
        assertThat(x.value("D1", "2024", "b").toPlainString()).isEqualTo("0.38");
    }

    @Test
    void rejectedValuesNeverChangeATotal() {
        Fixture x = f("indicators:\n  - {code: a, type: integer, min: 0}\n").roll("C11,2024,a,10\nC12,2024,a,-5\nC21,2024,a,2.5\nC21,2024,a,x\n");
        assertThat(x.cell("P", "2024", "a")).isEqualTo("10 1/3");
        assertThat(x.validated.summary().rejected()).isEqualTo(3);
    }

    @Test
    void aRollupAllowedToReleaseTheCellsGivesEachPeriodUpAfterItsLastTargetWithTheSameResult() {
        String cat = "indicators:\n  - {code: flow, type: integer}\n  - {code: stock, type: integer, over_time: last}\n"
                + "  - {code: share, type: percent, decimals: 1, formula: 100 * stock / flow}\n";
        String data = "C11,2024-01,flow,1\nC11,2024-02,flow,2\nC12,2024-03,flow,4\nC21,2024-04,flow,3\nC11,2024-02,stock,5\n"
                + "C11,2024-05,stock,6\nC21,2024-06,flow,\nD1,2024-02,flow,3\n";
        // 1 + 2 + 4, and no commune gave the whole quarter; 2024-02 is read by two targets (2024-Q1 and itself, after it): released only after the second
        Fixture kept = f(cat).roll(data, false, false, "2024-Q1", "2024-02", "2024-Q2");
        Fixture released = f(cat).roll(data, false, true, "2024-Q1", "2024-02", "2024-Q2");
        assertThat(released.allCells()).isEqualTo(kept.allCells()).contains("P 2024-Q1 flow 7 0/3", "C11 2024-Q2 stock 6 1/1");
        assertThat(released.result.findings()).isEqualTo(kept.result.findings()).isNotEmpty(); // D1's total against its communes'
        dev.tally.model.CellTable t = released.validated.table();
        for (int p = 0; p < t.periods().size(); p++) assertThat(t.released(p)).as(t.periods().get(p).text()).isTrue();
        assertThat(kept.validated.table().released(0)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.states(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("were released");
    }

    /**
     * Units with no cell in their subtree are not visited (D2 and C21 here): the same numbers,
     * coverage and findings as visiting them all, with months into a quarter, a mean, a formula, a
     * reported total that differs from its communes', and a comparison.
     */
    @Test
    void unitsWithNothingBelowThemAreSkippedWithTheSameResult() {
        String cat = "indicators:\n  - {code: flow, type: integer}\n  - {code: avg, aggregate: mean}\n"
                + "  - {code: stock, type: integer, over_time: last}\n"
                + "  - {code: share, type: percent, decimals: 1, formula: 100 * stock / flow}\n";
        String data = "C11,2024-01,flow,1\nC11,2024-02,flow,2\nC12,2024-03,flow,\nC11,2024-02,stock,5\nC12,2024-01,avg,3\n"
                + "C11,2024-01,avg,4\nD1,2024-02,flow,9\nC11,2023-02,flow,6\n";
        List<String> cells = new java.util.ArrayList<>(), compared = new java.util.ArrayList<>();
        List<List<Finding>> findings = new java.util.ArrayList<>();
        long[] skipped = new long[3];
        // every unit visited; the units with nothing below skipped; and read sparse, where the rolled-up
        // columns have rows for the visited units only (what a small input against a large hierarchy gets)
        for (int variant = 0; variant < 3; variant++) {
            for (boolean likeForLike : new boolean[] {false, true}) {
                Fixture x = f(cat).everyUnit(variant == 0).sparse(variant == 2).compare(data, likeForLike, "2024-Q1=2023-Q1", "2024-02=2023-02");
                assertThat(x.validated.table().isDense()).as("variant " + variant).isEqualTo(variant < 2);
                // read sparse, D2 (nothing below it) has no row of its own, which the long table skips whole
                assertThat(x.result.hasRow(x.h.unit("D2").index())).isEqualTo(variant < 2);
                assertThat(x.result.hasRow(x.h.unit("D1").index())).isTrue();
                if (!likeForLike) skipped[variant] = x.result.skippedUnits();
                cells.add(variant + " " + likeForLike + "\n" + String.join("\n", x.allCells()));
                compared.add(variant + " " + likeForLike + " " + x.compared("P", "2024-Q1", "flow") + " | " + x.compared("D1", "2024-02", "flow")
                        + " | " + x.compared("D2", "2024-02", "flow") + " | " + x.compared("C21", "2024-Q1", "share") + " | "
                        + x.compared("*", "2024-Q1", "share"));
                findings.add(x.result.findings());
            }
        }
        for (int k = 2; k < 6; k++) {
            assertThat(cells.get(k).substring(8)).isEqualTo(cells.get(k % 2).substring(8));
            assertThat(compared.get(k).substring(8)).isEqualTo(compared.get(k % 2).substring(8));
            assertThat(findings.get(k)).isEqualTo(findings.get(k % 2));
        }
        assertThat(cells.get(2)).contains("P 2024-Q1 flow 3 0/3", "D2 2024-Q1 flow - 0/1");
        assertThat(compared.get(2)).contains("| - 0/1 vs - 0/1 comparable - |"); // D2: nothing on either side
        assertThat(findings.get(2)).isNotEmpty(); // D1's 9 against its communes' 2
        assertThat(skipped[0]).isZero();
        assertThat(skipped[1]).isEqualTo(2).isEqualTo(skipped[2]); // D2 and C21, in the one rollup
    }

    @Test
    void likeForLikeKeepsTheCellsItRollsUpAgain() {
        Fixture x = f("indicators:\n  - {code: a, type: integer}\n");
        String data = "C11,2024,a,10\nC12,2024,a,4\nC11,2023,a,8\nC21,2023,a,1\n";
        java.util.Map<dev.tally.model.Period, dev.tally.model.Period> pair = java.util.Map.of(dev.tally.model.Period.parseOrThrow("2024"),
                dev.tally.model.Period.parseOrThrow("2023"));
        List<dev.tally.model.Period> both = List.of(dev.tally.model.Period.parseOrThrow("2024"), dev.tally.model.Period.parseOrThrow("2023"));
        x.compare(data, true, "2024=2023");
        List<String> plain = x.allCells();
        x.validated = dev.tally.ingest.IngestRuns.run(x.h, x.c, both, List.of(new dev.tally.read.InputFile("in.csv", null)),
                dev.tally.read.ReadOptions.defaults(), new java.io.ByteArrayInputStream(("unit,period,indicator,value\n" + data)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1);
        x.result = Rollup.run(x.h, x.c, x.validated.table(), new RollupSpec(both, false, false, pair, true).releasingCells(), List.of("in.csv"));
        assertThat(x.allCells()).isEqualTo(plain);
        assertThat(x.compared("P", "2024", "a")).isEqualTo("10 1/3 vs 8 1/3 comparable 25.0");
        assertThat(x.validated.table().released(0)).isFalse();
    }

    @Test
    void aChunkOfLongRowsStaysSmallWhateverTheTablesSize() {
        assertThat(RollupTables.chunkSize(214, 2)).isEqualTo(64);
        assertThat(RollupTables.chunkSize(11_152, 100)).as("W1").isEqualTo(174);
        assertThat(RollupTables.chunkSize(110_943, 500)).as("W3: 65,500 rows, not 866,500").isEqualTo(131);
        assertThat(RollupTables.chunkSize(10, 1_000_000)).isEqualTo(1);
    }
}
