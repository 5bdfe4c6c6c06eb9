package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Through the real command line: a form named by an indicator but not declared is a configuration
 * error with a did-you-mean; every CSV of the configuration (units, mapping, catalog) refuses a row
 * wider or narrower than its header, as submissions do; remap writes only what a new unit could
 * have sent (a weight of 1e-300 gave values of 300 digits that validate refused); a unit divided
 * without weights is named by a finding that says what to add; the Vietnamese not-a-number and
 * bad-period messages suggest what the run accepts, wholly in Vietnamese.
 */
@Isolated // runs tally in Vietnamese, and the language is the whole JVM's
class MappingFormsMessagesTest extends TempProject {
    MappingFormsMessagesTest() { super(Tally.CLOCK); }

    static Tally.Run run(String... args) { return Tally.run(args); }

    /** BoundaryTest's project: 00007 divided with weights between new 00008 and 00025, 00008 without weights between 00025 and 00004. */
    @BeforeEach
    void project() throws IOException {
        file("units.csv", Tally.BOUNDARY_UNITS);
        file("units-2025.csv", Tally.BOUNDARY_UNITS_LATER);
        file("map.csv", "old_code,new_code,weight,kind,level\n01,01,,whole,province\n00001,00004,,whole,commune\n00004,00004,,whole,commune\n"
                + "00006,00008,,whole,commune\n00007,00008,1e-300,part,commune\n00007,00025,1,part,commune\n00008,00025,,part,commune\n"
                + "00008,00004,,part,commune\n");
        file("catalog.yaml", "indicators:\n  - {code: x, type: integer}\n  - {code: v, type: number}\n");
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\nboundaries:\n"
                + "  - {from: 2025-07-01, units: units-2025.csv, levels: [province, commune], mapping: map.csv}\n");
        file("data.csv", HEAD + "00001,2024-H2,x,1\n00004,2024-H2,x,2\n00006,2024-H2,x,3\n00007,2024-H2,x,10\n00008,2024-H2,x,20\n"
                + "00001,2024-H2,v,1\n00004,2024-H2,v,1\n00006,2024-H2,v,3\n00007,2024-H2,v,10\n"
                + "00004,2025-H2,x,5\n00008,2025-H2,x,6\n00025,2025-H2,x,7\n");
    }

    @Test
    void aFormNotDeclaredIsAConfigurationErrorWithADidYouMean() throws IOException {
        Path c = file("forms.yaml", "forms:\n  - {code: dan_van, indicators: [a]}\n  - {code: hdnd, indicators: [b]}\n"
                + "indicators:\n  - {code: a, type: integer}\n  - {code: b, type: integer}\n  - {code: c, type: integer, form: dan_vn}\n");
        Tally.Run r = run("validate", "--units", dir.resolve("units.csv").toString(), "--catalog", c.toString(), dir.resolve("data.csv").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("tally: " + c + ":7: indicator 'c' names the form 'dan_vn', which the catalog does not declare (its forms: "
                + "dan_van, hdnd); correct the name or declare the form under forms:; did you mean 'dan_van'?\n");
        // without a forms: list, an indicator's form: still makes its form
        Path implicit = file("implicit.yaml", "indicators:\n  - {code: a, type: integer, form: f1}\n  - {code: b, type: integer, form: f2}\n");
        assertThat(run("validate", "--units", dir.resolve("units.csv").toString(), "--catalog", implicit.toString(),
                dir.resolve("data.csv").toString()).err()).doesNotContain("does not declare");
    }

    @Test
    void aMappingRowWiderThanItsHeaderIsRefused() throws IOException {
        // a weight under a header without a weight column was dropped in silence
        file("map.csv", "old_code,new_code\n01,01\n00001,00004\n00004,00004\n00006,00008\n00007,00008,0.5\n00007,00025,0.5\n00008,00025\n00008,00004\n");
        Tally.Run r = tally("validate", dir.resolve("data.csv").toString());
        assertThat(r.exit()).isEqualTo(3);
        String map = dir.resolve("map.csv").toString();
        assertThat(r.err()).isEqualTo("tally: " + map + ":6: the row has 3 fields but the header 2; check for a missing or extra delimiter (','), "
                + "or add the column to the header\n" + map + ":7: the row has 3 fields but the header 2; check for a missing or extra delimiter "
                + "(','), or add the column to the header\n");
    }

    @Test
    void aUnitsOrCatalogRowOfAnotherWidthIsRefused() throws IOException {
        Path units = file("u.csv", "code,name,parent,level\n01,Tỉnh A,,province\n001,Huyện 1,01,district,extra\n");
        Path cat = file("c.csv", "code,name,type\nx,X,integer,5\ny,Y,integer\n");
        Tally.Run u = run("validate", "--units", units.toString(), "--catalog", dir.resolve("catalog.yaml").toString(),
                dir.resolve("data.csv").toString());
        assertThat(u.exit()).isEqualTo(3);
        assertThat(u.err()).isEqualTo("tally: " + units + ":3: the row has 5 fields but the header 4; check for a missing or extra delimiter "
                + "(','), or add the column to the header\n");
        Tally.Run c = run("validate", "--units", dir.resolve("units.csv").toString(), "--catalog", cat.toString(),
                dir.resolve("data.csv").toString());
        assertThat(c.exit()).isEqualTo(3);
        assertThat(c.err()).isEqualTo("tally: " + cat + ":2: the row has 4 fields but the header 3; check for a missing or extra delimiter "
                + "(','), or add the column to the header\n");
    }

    @Test
    void remapWritesOnlyWhatANewUnitCouldHaveSent() throws IOException {
        Tally.Run r = tally("remap", "--estimates", "-o", dir.resolve("out").toString(), dir.resolve("data.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // x (integer): new 00008 = 3 (00006) + 1e-300 × 10 (00007), rounded to a whole number: 3
        // v (number without decimals): new 00008 = 3 + 1e-300 × 10 has 301 digits: left out, with the reason
        String written = Files.readString(dir.resolve("out/2024-H2.csv"));
        assertThat(written).isEqualTo("unit,period,indicator,value\n00004,2024-H2,v,2\n00008,2024-H2,x,3\n00025,2024-H2,v,10\n");
        assertThat(r.err()).contains("left out: 1 not a value a unit could send (more than 38 digits, or outside the indicator's type, min or max)");
        // and tally's own validate accepts what remap wrote, against the new units
        file("new.yaml", "units: units-2025.csv\ncatalog: catalog.yaml\nlevels: [province, commune]\n");
        Tally.Run v = run("validate", "--config", dir.resolve("new.yaml").toString(), dir.resolve("out/2024-H2.csv").toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
    }

    @Test
    void aUnitDividedWithoutWeightsIsNamedWithWhatToAdd() {
        Tally.Run r = tally("rollup", "--period", "2025-H2", "--compare", "year-ago", "--indicator", "x", "--format", "csv",
                dir.resolve("data.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning [not-comparable] '00008' (Xã Tám) was divided among 00025, 00004 without weights: below 01 "
                + "(Tỉnh A mới) the sums of those units before the boundary are not comparable (n/c); give each of its mapping rows a weight "
                + "(the share of '00008' that went there) to get estimates\n");
        assertThat(r.err().split("not-comparable", -1)).as("named once").hasSize(2);
    }

    @Test
    void vietnameseMessagesSuggestWhatTheRunAcceptsWhollyInVietnamese() throws IOException {
        Path bad = file("bad.csv", HEAD + "00001,2024,x,\"1234,5\"\n00001,2024-H3,x,1\n");
        Tally.Run r = run("--lang", "vi", "validate", "--format", "csv", "--units", dir.resolve("units.csv").toString(), "--catalog",
                dir.resolve("catalog.yaml").toString(), bad.toString());
        assertThat(r.out()).contains("'1234,5' không phải là số; hãy ghi số như 1234 hoặc 1234.5, hoặc để trống ô")
                .doesNotContain("như 1234 hoặc 1234,5");
        assertThat(r.out()).contains("hãy dùng một trong 2024, 2024-H1, 2024-Q2, 2024-05, 2024-W05, một khoảng 2020..2024 (cũng được: 2024S1, "
                + "2024Q2, 202405, 2024W5)").doesNotContain("a range").doesNotContain("also");
        Path bad2 = file("bad2.csv", HEAD + "00001,2024,v,1.2.3\n");
        Tally.Run comma = run("--lang", "vi", "validate", "--decimal-comma", "--format", "csv", "--units", dir.resolve("units.csv").toString(),
                "--catalog", dir.resolve("catalog.yaml").toString(), bad2.toString());
        assertThat(comma.out()).contains("hãy ghi số như 1234 hoặc 1234,5");
        Tally.Run usage = run("--lang", "vi", "rollup", "--period", "2024-H3", "--units", dir.resolve("units.csv").toString(), "--catalog",
                dir.resolve("catalog.yaml").toString(), bad.toString());
        assertThat(usage.err()).isEqualTo("tally: '2024-H3' không phải là kỳ báo cáo (nửa năm là H1 hoặc H2); hãy dùng một trong 2024, 2024-H1, "
                + "2024-Q2, 2024-05, 2024-W05, một khoảng 2020..2024 (cũng được: 2024S1, 2024Q2, 202405, 2024W5)\n");
    }
}
