package dev.tally.cli;

import static dev.tally.read.TestWorkbooks.END;
import static dev.tally.read.TestWorkbooks.HEADER;
import static dev.tally.read.TestWorkbooks.SHEET;
import static dev.tally.read.TestWorkbooks.row;
import static dev.tally.read.TestWorkbooks.text;
import static dev.tally.read.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans through the command line, every figure worked out by hand. Province P: district D1 with
 * communes C1 and C2, district D2 with C3. In 2024-H1, x is 10 (C1) and 20 (C2), C3 gives none; y is
 * 5, 5 and 3; rate = 100 * y / x to one decimal. The plan: D1 x 40, D2 x 12 (so P's x is 52), C1 y 0,
 * C2 y 4, P rate 50.
 */
class PlanTest extends TempProject {
    PlanTest() { super(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC)); }

    static final String PLAN = "unit,period,indicator,target\nD1,2024-H1,x,40\nD2,2024-H1,x,12\nC1,2024-H1,y,0\nC2,2024-H1,y,4\nP,2024-H1,rate,50\n";

    Path data;

    @BeforeEach
    void project() throws IOException {
        file("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC1,Xã 1,D1,commune\nC2,Xã 2,D1,commune\n"
                + "D2,Huyện 2,P,district\nC3,Xã 3,D2,commune\n");
        file("catalog.yaml", """
                indicators:
                  - {code: x, type: integer}
                  - {code: y, type: integer}
                  - {code: rate, type: percent, decimals: 1, formula: 100 * y / x}
                """);
        Files.createDirectories(dir.resolve("plans"));
        file("plans/plan.csv", PLAN);
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\nplans: plans/plan.csv\n");
        data = file("h1.csv", HEAD + "C1,2024-H1,x,10\nC2,2024-H1,x,20\nC1,2024-H1,y,5\nC2,2024-H1,y,5\nC3,2024-H1,y,3\n");
    }

    private Tally.Run ok(String... args) {
        Tally.Run r = tally(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    @Test
    void theLongShapeGainsPlanAndPlanPct() {
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024-H1", data.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("unit,unit_name,level,period,indicator,value,reported,expected,plan,plan_pct");
        // P: x 30 of 2 of 3 communes, plan 40 + 12 = 52, 30 / 52 = 57.69… %; rate 100 * 13 / 30 = 43.3 of its own 50: 86.6 %
        assertThat(lines).contains("P,Tỉnh,province,2024-H1,x,30,2,3,52,57.7", "P,Tỉnh,province,2024-H1,y,13,3,3,,",
                "P,Tỉnh,province,2024-H1,rate,43.3,2,3,50,86.6", "D1,Huyện 1,district,2024-H1,x,30,2,2,40,75.0",
                // nothing reported in D2, but its target is shown, with no attainment (missing is no 0 %)
                "D2,Huyện 2,district,2024-H1,x,,0,1,12,",
                // a target of 0: no division
                "C1,Xã 1,commune,2024-H1,y,5,1,1,0,", "C2,Xã 2,commune,2024-H1,y,5,1,1,4,125.0");
        assertThat(r.err()).contains("plan: 1 file, 5 records, 5 values: 5 accepted, 0 duplicates, 0 rejected");
    }

    @Test
    void theTableShowsValueSlashPlanAndTheAttainmentOfAPartialValueAsPartial() {
        Tally.Run r = ok("rollup", "--period", "2024-H1", "--depth", "1", data.toString());
        assertThat(r.out()).contains("30 [2/3] / 52 (57.7 % partial)").contains("30 / 40 (75.0 %)").contains("– [0/1] / 12")
                .contains("43.3 [2/3] / 50 (86.6 % partial)");
        Tally.Run wide = ok("rollup", "--period", "2024-H1", "--depth", "1", "--format", "csv", "--shape", "wide", data.toString());
        // a pair of columns for each indicator the plan names: x, y and rate all
        assertThat(wide.out().lines().findFirst().orElseThrow()).isEqualTo("unit,unit_name,level,x,x_reported,x_expected,x_plan,x_plan_pct,"
                + "y,y_reported,y_expected,y_plan,y_plan_pct,rate,rate_reported,rate_expected,rate_plan,rate_plan_pct");
        assertThat(wide.out()).contains("P,Tỉnh,province,30,2,3,52,57.7,13,3,3,,,43.3,2,3,50,86.6\n");
    }

    @Test
    void planReplacesTheProjectsPlans() throws IOException {
        Path other = file("other.csv", "unit,period,indicator,target\nD1,2024-H1,x,60\n");
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024-H1", "--plan", other.toString(), data.toString());
        // D2 has no target in this plan, so P has none either
        assertThat(r.out().lines().toList()).contains("D1,Huyện 1,district,2024-H1,x,30,2,2,60,50.0", "P,Tỉnh,province,2024-H1,x,30,2,3,,")
                .noneMatch(l -> l.startsWith("D2,Huyện 2,district,2024-H1,x,"));
    }

    @Test
    void plansMayBeAListOfFilesRelativeToTallyYaml() throws IOException {
        file("plans/a.csv", "unit,period,indicator,target\nD1,2024-H1,x,40\n");
        file("plans/b.csv", "unit,period,indicator,target\nD2,2024-H1,x,20\n");
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\nplans: [plans/a.csv, plans/b.csv]\n");
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024-H1", data.toString());
        assertThat(r.out().lines().toList()).contains("P,Tỉnh,province,2024-H1,x,30,2,3,60,50.0");
        assertThat(r.err()).contains("plan: 2 files, 2 records, 2 values: 2 accepted");
    }

    @Test
    void plansThatNameNoFileAreAConfigurationError() throws IOException {
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\nplans: {a: b}\n");
        Tally.Run r = tally("rollup", data.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("tally.yaml:4: 'plans:' must be a file path");
    }

    @Test
    void withoutAPlanNothingChanges() throws IOException {
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\n");
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024-H1", data.toString());
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("unit,unit_name,level,period,indicator,value,reported,expected");
        assertThat(r.err()).doesNotContain("plan");
    }

    @Test
    void eachBadTargetIsAFindingWithItsFileAndLineAndTheCountsAddUp() throws IOException {
        Path bad = file("bad.csv", "unit,period,indicator,target\nD1,2024-H1,x,40\nD9,2024-H1,x,1\nD2,2024-H3,x,1\nD2,2024-H1,xx,1\n"
                + "D2,2024-H1,x,many\nD1,2024-H1,x,41\nC1,2024-H1,y,2.5\nC2,2024-H1,y,4\nC2,2024-H1,y,4\n");
        Tally.Run r = tally("rollup", "--format", "csv", "--period", "2024-H1", "--plan", bad.toString(), data.toString());
        assertThat(r.exit()).isEqualTo(1);
        String f = bad.toString();
        assertThat(r.err()).contains(f + ":3: error [unknown-unit]", f + ":4: error [bad-period]", f + ":5: error [unknown-indicator]",
                f + ":6: error [not-a-number]", f + ":7: error [conflict]", f + ":8: error [wrong-type]", f + ":10: warning [duplicate]");
        // 9 values: 1 accepted (C2's y), 1 duplicate, 7 rejected (the two of D1's conflict among them)
        assertThat(r.err()).contains("plan: 1 file, 9 records, 9 values: 1 accepted, 1 duplicate, 7 rejected");
        assertThat(r.out().lines().toList()).contains("C2,Xã 2,commune,2024-H1,y,5,1,1,4,125.0", "D1,Huyện 1,district,2024-H1,x,30,2,2,,");
        // --strict: nothing written
        Tally.Run strict = tally("rollup", "--strict", "--format", "csv", "--period", "2024-H1", "--plan", bad.toString(), data.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void aPlanForAnotherPeriodIsSaid() {
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024", data.toString());
        assertThat(r.err()).contains("the plan gives no target for 2024");
    }

    @Test
    void aSubmissionsTargetColumnIsNoValueButAPlansIs() throws IOException {
        // the same file as a submission: 'target' is no value column, so nothing of it counts as reported
        Path plan = dir.resolve("plans/plan.csv");
        Tally.Run r = tally("rollup", "--format", "csv", "--period", "2024-H1", plan.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error [unknown-indicator]").contains("0 accepted");
        // a plan whose value column is 'value' reads as well
        Path asValue = file("v.csv", PLAN.replace(",target", ",value"));
        Tally.Run v = ok("rollup", "--format", "csv", "--period", "2024-H1", "--plan", asValue.toString(), data.toString());
        assertThat(v.out().lines().toList()).contains("P,Tỉnh,province,2024-H1,x,30,2,3,52,57.7");
    }

    @Test
    void aPlanInAWorkbookReadsItsKeHoachColumn() throws IOException {
        Path book = xlsx(dir.resolve("plan.xlsx"), Map.of("xl/worksheets/sheet1.xml", text(SHEET + HEADER.replace("<t>value</t>", "<t>Kế hoạch</t>")
                + row(2, "D1", "2024-H1", "x", "40") + row(3, "D2", "2024-H1", "x", "12") + END)));
        Tally.Run r = ok("rollup", "--format", "csv", "--period", "2024-H1", "--plan", book.toString(), data.toString());
        assertThat(r.out().lines().toList()).contains("P,Tỉnh,province,2024-H1,x,30,2,3,52,57.7");
    }

    @Test
    void aWorkbookKeepsTheTargetAndTheAttainmentAsNumbers() throws IOException {
        Path out = dir.resolve("out.xlsx");
        ok("rollup", "--period", "2024-H1", "--depth", "1", "--indicator", "x", "-o", out.toString(), data.toString());
        try (ZipFile z = new ZipFile(out.toFile())) {
            String sheet = new String(z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sheet).contains(">x (plan)<").contains(">x (plan %)<");
            // the total row: 30, partial (shaded), then 52 and 57.7 as numbers, 57.7 shaded as the value is
            assertThat(sheet).containsPattern("<v>30</v></c><c s=\"\\d+\"><v>52</v></c><c s=\"\\d+\"><v>57.7</v></c>");
        }
    }

    @Test
    void anOutputOntoThePlanIsRefused() {
        Tally.Run r = tally("rollup", "--period", "2024-H1", "-o", dir.resolve("plans/plan.csv").toString(), data.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("plan.csv");
    }
}
