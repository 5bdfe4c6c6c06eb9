package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Tally;
import dev.tally.cli.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comparing and combining across a reorganisation of units, through the command line, against
 * hand computation. Before 2025-07-01: province 01 with districts 001 (communes 00001, 00004, 00006)
 * and 002 (00007, 00008). From it: province 01 with communes 00004, 00008, 00025 — codes reused, as
 * in the real 2025 lists, for other units: new 00004 is not old 00004. The mapping: 00001 and 00004
 * go whole into new 00004; 00006 whole into 00008; 00007 is divided between 00008 and 00025 half and
 * half (weights); 00008 is divided between 00025 and 00004 with no shares known.
 */
class BoundaryTest extends TempProject {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    BoundaryTest() { super(CLOCK); }

    static final String MAPPING = """
            old_code,new_code,weight,kind,level
            01,01,,whole,province
            00001,00004,,whole,commune
            00004,00004,,whole,commune
            00006,00008,,whole,commune
            00007,00008,0.5,part,commune
            00007,00025,0.5,part,commune
            00008,00025,,part,commune
            00008,00004,,part,commune
            """;

    @BeforeEach
    void project() throws IOException {
        file("units.csv", Tally.BOUNDARY_UNITS);
        file("units-2025.csv", Tally.BOUNDARY_UNITS_LATER);
        file("map.csv", MAPPING);
        // x is a flow (summed over units and time), s a stock (the latest value), m a mean over units; r = 100 * y / x
        file("catalog.yaml", """
                indicators:
                  - {code: x, type: integer}
                  - {code: y, type: integer}
                  - {code: s, type: integer, over_time: last}
                  - {code: m, type: number, aggregate: mean}
                  - {code: r, type: percent, decimals: 1, formula: 100 * y / x}
                """);
        config = file("tally.yaml", """
                units: units.csv
                catalog: catalog.yaml
                levels: [province, district, commune]
                boundaries:
                  - {from: 2025-07-01, units: units-2025.csv, levels: [province, commune], mapping: map.csv}
                """);
    }

    /** 2024-H2 (old units): x 1 2 3 10 20, y 1 1 1 5 10; 2025-H1 (old): x 1 each; 2025-H2 (new units): x 5 6 7, y 1 1 1. */
    Path data() throws IOException {
        return file("data.csv", HEAD
                + "00001,2024-H2,x,1\n00004,2024-H2,x,2\n00006,2024-H2,x,3\n00007,2024-H2,x,10\n00008,2024-H2,x,20\n"
                + "00001,2024-H2,y,1\n00004,2024-H2,y,1\n00006,2024-H2,y,1\n00007,2024-H2,y,5\n00008,2024-H2,y,10\n"
                + "00001,2025-H1,x,1\n00004,2025-H1,x,1\n00006,2025-H1,x,1\n00007,2025-H1,x,1\n00008,2025-H1,x,1\n"
                + "00001,2025-H1,s,4\n00004,2025-H1,s,4\n00006,2025-H1,s,4\n00007,2025-H1,s,4\n00008,2025-H1,s,4\n"
                + "00001,2025-H1,m,2\n00004,2025-H1,m,4\n00006,2025-H1,m,6\n00007,2025-H1,m,8\n00008,2025-H1,m,10\n"
                + "00004,2025-H2,x,5\n00008,2025-H2,x,6\n00025,2025-H2,x,7\n00004,2025-H2,y,1\n00008,2025-H2,y,1\n00025,2025-H2,y,1\n"
                + "00004,2025-H2,s,9\n00008,2025-H2,s,9\n00025,2025-H2,s,9\n00004,2025-H2,m,1\n00008,2025-H2,m,3\n00025,2025-H2,m,5\n");
    }

    static String line(String csv, String start) {
        return csv.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start + " not in\n" + csv));
    }

    @Test
    void aYearAgoAcrossTheBoundaryIsExactForTheProvinceAndHonestBelowIt() throws IOException {
        Tally.Run r = tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--format", "csv", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the province holds every old commune whole: 1+2+3+10+20 = 36, 5 of 5 reported; now 5+6+7 = 18: -50 %
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025-H2,x,")).isEqualTo("01,Tỉnh A mới,province,2025-H2,x,18,3,3,,2024-H2,36,5,5,comparable,-18,-50.0,");
        // new 00004 took old 00001 and 00004 whole, and an unknown share of old 00008: not comparable, and never old 00004's 2
        assertThat(line(r.out(), "00004,Phường Bốn mới,commune,2025-H2,x,")).isEqualTo("00004,Phường Bốn mới,commune,2025-H2,x,5,1,1,,2024-H2,,2,2,not-comparable,,,");
        // new 00008: old 00006 (3) and half of old 00007 (10): 3 + 5 = 8, an estimate
        assertThat(line(r.out(), "00008,Phường Tám mới,commune,2025-H2,x,")).isEqualTo("00008,Phường Tám mới,commune,2025-H2,x,6,1,1,,2024-H2,8,2,2,estimated,-2,-25.0,");
        assertThat(line(r.out(), "00025,Phường Hai lăm,commune,2025-H2,x,")).contains(",not-comparable,");
    }

    @Test
    void tablesSayEstimatedAndNotComparableWhereTheLongShapesDo() throws IOException {
        Path data = data();
        for (String format : List.of("table", "markdown")) {
            Tally.Run r = tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--unit", "01", "--format", format, data.toString());
            // 00004 x: 5 now, its year-ago side not comparable (csv: compare_status not-comparable): never a bare 5
            assertThat(line(r.out(), format.equals("table") ? "00004" : "| 00004")).contains("5 (n/c)");
            // 00008 x: 6 against an estimate of 8
            assertThat(line(r.out(), format.equals("table") ? "00008" : "| 00008")).contains("6 (-25.0% est.)");
            assertThat(r.out()).startsWith("Period: 2025-H2, compared with 2024-H2\n\n");
            Tally.Run year = tally("rollup", "--period", "2025", "--unit", "01", "--format", format, data.toString());
            // new 00008's flow for 2025 is an estimate of 7.5; new 00004's not comparable
            assertThat(line(year.out(), format.equals("table") ? "00008" : "| 00008")).contains("7.5 est.");
            assertThat(line(year.out(), format.equals("table") ? "00004" : "| 00004")).contains("n/c");
        }
    }

    @Test
    void aComparisonWithNothingOnTheOtherSideSaysSo() throws IOException {
        Tally.Run r = tally("rollup", "--period", "2024-H2", "--compare", "year-ago", "--depth", "0", "--format", "csv", data().toString());
        assertThat(r.exit()).isZero();
        assertThat(line(r.out(), "01,Tỉnh A,province,2024-H2,x,")).isEqualTo("01,Tỉnh A,province,2024-H2,x,36,5,5,2023-H2,,0,5,no-data,,,");
        assertThat(r.err()).contains("warning: nothing was reported for 2023-H2, the period 2024-H2 is compared with");
        Tally.Run table = tally("rollup", "--period", "2024-H2", "--compare", "year-ago", "--depth", "0", data().toString());
        assertThat(table.out()).startsWith("Period: 2024-H2, compared with 2023-H2 (no data for 2023-H2)\n").contains("36 (no data)");
        // a comparison that has data is not warned about
        assertThat(tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--depth", "0", data().toString()).err())
                .doesNotContain("nothing was reported");
    }

    @Test
    void theDerivedRateIsRecomputedFromTheReMappedParts() throws IOException {
        Tally.Run r = tally("rollup", "--period", "2024-H2", "--period", "2025-H2", "--depth", "0", "--format", "csv",
                data().toString());
        // 2024-H2 in the new units: 100 * (1+1+1+5+10) / 36 = 50.0; 2025-H2: 100 * 3 / 18 = 16.7
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2024-H2,r,")).startsWith("01,Tỉnh A mới,province,2024-H2,r,50.0,5,5,");
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025-H2,r,")).startsWith("01,Tỉnh A mới,province,2025-H2,r,16.7,3,3,");
    }

    @Test
    void theYearThatStraddlesTheBoundaryCombinesBothParts() throws IOException {
        Tally.Run r = tally("rollup", "--period", "2025", "--format", "csv", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // x, a flow: 5 old units' H1 (1 each) + 3 new units' H2 (18) = 23, coverage counts both: 8 of 8
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025,x,")).isEqualTo("01,Tỉnh A mới,province,2025,x,23,8,8,");
        // s, a stock: the value at the end of the year, the new units' 9 × 3 = 27
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025,s,")).isEqualTo("01,Tỉnh A mới,province,2025,s,27,3,3,");
        // m, a mean over units: a mean of two halves over different units is not the year's mean
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025,m,")).isEqualTo("01,Tỉnh A mới,province,2025,m,,8,8,not-comparable");
        // new 00008's flow: H1 old 00006 (1) + half of old 00007 (0.5), H2 its own 6: an estimate of 7.5
        assertThat(line(r.out(), "00008,Phường Tám mới,commune,2025,x,")).isEqualTo("00008,Phường Tám mới,commune,2025,x,7.5,3,3,estimated");
    }

    @Test
    void aDerivedValueAcrossTheBoundaryExcusesWhatItsOperandsExcuse() throws IOException {
        Files.writeString(config, Files.readString(config) + "exemptions:\n  - {unit: 00001, period: 2025-H1, reason: merged}\n");
        Tally.Run r = tally("rollup", "--period", "2025", "--depth", "0", "--format", "csv", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // x: old 00001 excused for H1, so 4 old units' H1 and 3 new units' H2 are expected, and 1 exempt
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025,x,")).startsWith("01,Tỉnh A mới,province,2025,x,23,7,7,1,");
        // r = 100 * y / x: expects and excuses what its most-expected operand does, as everywhere else
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025,r,")).startsWith("01,Tỉnh A mới,province,2025,r,13.0,3,7,1,");
    }

    @Test
    void theMeanOverOldUnitsIsExactWhereEachIsWhole() throws IOException {
        // 2025-H1 re-mapped: the province's mean over the 5 old communes (2 4 6 8 10) is 6, exactly
        Tally.Run r = tally("rollup", "--period", "2025-H1", "--period", "2025-H2", "--format", "csv", data().toString());
        assertThat(line(r.out(), "01,Tỉnh A mới,province,2025-H1,m,")).startsWith("01,Tỉnh A mới,province,2025-H1,m,6,5,5,");
        // new 00004 holds an unknown share of divided 00008: a mean that cannot be said
        assertThat(line(r.out(), "00004,Phường Bốn mới,commune,2025-H1,m,")).endsWith(",not-comparable");
    }

    @Test
    void eachPeriodIsReadAgainstItsOwnEraSoAReusedCodeIsNeverJoined() throws IOException {
        // old 00025 does not exist: before the boundary it is an unknown unit even though the new units have it
        Tally.Run r = tally("validate", "--format", "csv", file("bad.csv", HEAD + "00025,2024-H2,x,1\n00001,2025-H2,x,1\n").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("unknown-unit,").contains("00025,2024-H2").contains("00001,2025-H2");
        // the old 2024-H2 period alone is shown in the old units, by their own codes
        Tally.Run old = tally("rollup", "--period", "2024-H2", "--format", "csv", data().toString());
        assertThat(line(old.out(), "00004,Xã Bốn,commune,2024-H2,x,")).startsWith("00004,Xã Bốn,commune,2024-H2,x,2,");
    }

    @Test
    void outliersUseTheReMappedHistoryAndCountWhatCannotBeCompared() throws IOException {
        Tally.Run r = tally("outliers", "--period", "2025-H2", "--history", "2", "--min-n", "2", "--threshold", "0", "--indicator", "x",
                "--format", "csv", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // new 00008's history in its own units: 2025-H1 = 1 + 0.5 × 1 = 1.5, 2024-H2 = 3 + 0.5 × 10 = 8 (estimates);
        // new 00004 and 00025 hold a share of divided 00008 in both halves: their 4 history values cannot be compared
        assertThat(r.out()).contains("00008,Phường Tám mới,2025-H2,x,6,modified-z,4.75,3.25,").doesNotContain("00004,").doesNotContain("00025,");
        assertThat(r.err()).contains("1 found among 1 values scored").contains("2 not scored: fewer than 2 comparison values")
                .contains("4 history values before a boundary left out: not comparable");
    }

    @Test
    void likeForLikeCannotCrossABoundary() throws IOException {
        Tally.Run r = tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--like-for-like", data().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--like-for-like needs the same units on both sides");
    }

    @Test
    void remapWritesTheOldSubmissionsInTheNewUnits() throws IOException {
        Tally.Run r = tally("remap", "-o", dir.resolve("out").toString(), "--estimates", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // 2024-H2, x: new 00008 ≈ 3 + 5 (estimated, written with --estimates); 00004 and 00025 hold a part of divided 00008: left out
        assertThat(Files.readString(dir.resolve("out/2024-H2.csv"))).contains("00008,2024-H2,x,8\n").doesNotContain("00004,2024-H2,x");
        assertThat(r.err()).contains("not comparable");
        Tally.Run exact = tally("remap", "-o", dir.resolve("exact").toString(), data().toString());
        assertThat(exact.err()).contains("estimated from weights (--estimates writes them)");
    }

    /** remap's PERIOD.csv files must not land among the submissions read: one named 2024-H2.csv would be replaced. */
    @Test
    void remapRefusesADirectoryThatHoldsItsInputs() throws IOException {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Path input = Files.move(data(), subs.resolve("2024-H2.csv"));
        byte[] before = Files.readAllBytes(input);
        Tally.Run r = tally("remap", "-o", subs.toString(), subs.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(subs + ": holds " + input + ", read by this run");
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        assertThat(Files.list(subs)).containsExactly(input);
        // a directory below the inputs' own is another directory
        assertThat(tally("remap", "-o", subs.resolve("remapped").toString(), "--estimates", input.toString()).exit()).isZero();
        assertThat(subs.resolve("remapped/2024-H2.csv")).exists();
    }

    @Test
    void statusCountsEachEraWithItsOwnUnits() throws IOException {
        tally("import", data().toString());
        Tally.Run r = tally("status", "--period", "2025", "--format", "csv");
        assertThat(r.out()).contains("before 2025-07-01,2025,province,01,Tỉnh A,5,5,")
                .contains("from 2025-07-01,2025,province,01,Tỉnh A mới,3,3,");
    }

    @Test
    void everyMappingErrorIsNamedWithItsLine() throws IOException {
        file("map.csv", """
                old_code,new_code,weight,kind,level,old_name
                01,01,,part,province,Tỉnh A
                00001,00004,,whole,district,
                00006,00099,,whole,commune,
                00099,00004,,whole,commune,
                00007,00008,0.7,part,commune,
                00007,00025,0.7,part,commune,
                00008,00025,0.5,part,commune,
                00008,00004,,part,commune,
                """);
        Tally.Run r = tally("rollup", data().toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("map.csv:2: '01' is marked part but has one row only")
                .contains("map.csv:3: '00001' is a commune, not a district (level column)")
                .contains("map.csv:4: new_code '00099' is not a unit of the units file from the boundary")
                .contains("map.csv:5: old_code '00099' is not a unit of the units file before the boundary")
                .contains("map.csv:6: the weights of '00007' add up to 1.4, not 1")
                .contains("map.csv:8: '00008' has weights on some of its rows only")
                .contains("'00004' (Xã Bốn) reports before the boundary and has no row");
        file("map.csv", "old_code,new_code,colour\n");
        assertThat(tally("rollup", data().toString()).err()).contains("map.csv:1: unknown column 'colour'");
        file("map.csv", MAPPING.replace("00007,00008,0.5", "00007,00008,1.5").replace("00007,00025,0.5", "00007,00025,-0.5"));
        assertThat(tally("rollup", data().toString()).err()).contains("weight 1.5 is outside 0 to 1");
    }

    @Test
    void aLinkOutsideTheSuccessorOfTheOldProvinceIsWarned() throws IOException {
        file("units-2025.csv", "code,name,parent,level\n01,Tỉnh A mới,,province\n00004,Phường Bốn mới,01,commune\n"
                + "00008,Phường Tám mới,01,commune\n00025,Phường Hai lăm,01,commune\n02,Tỉnh B,,province\n09999,Xã xa,02,commune\n");
        file("map.csv", MAPPING.replace("00006,00008,,whole", "00006,09999,,whole"));
        Tally.Run r = tally("rollup", "--period", "2025-H2", data().toString());
        assertThat(r.err()).contains("map.csv:5: '00006' goes to '09999', outside 01 (Tỉnh A mới), the successor of the unit it was in; check the link");
    }

    @Test
    void theOldCatalogWithLevelsTheNewUnitsLackSaysWhatToDo() throws IOException {
        file("catalog.yaml", "indicators:\n  - {code: x, type: integer, reported_at: district}\n");
        Tally.Run r = tally("rollup", data().toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("reported_at 'district' is not a level").contains("give it 'catalog:' for the new units");
    }

    @Test
    void aYearAgoOnTheBundledSampleAcrossTheReorganisation() {
        config = Path.of("samples/reorganisation/tally.yaml");
        Tally.Run r = tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--depth", "0", "--format", "csv", "samples/submissions", "samples/reorganisation/submissions");
        assertThat(r.exit()).as(r.err()).isZero();
        // Thái Nguyên's part of the sample is old Bắc Kạn's wards, whole: every one reported both years
        assertThat(line(r.out(), "19,Thái Nguyên,province,2025-H2,petitions_received,")).contains(",comparable,");
        // Bắc Ninh's 2024-H2 lacks Phường Lê Lợi, which ceased before the new lists: partial
        assertThat(line(r.out(), "24,Bắc Ninh,province,2025-H2,petitions_received,")).contains(",partial,");
        assertThat(r.out()).doesNotContain("BG-");
    }
}
