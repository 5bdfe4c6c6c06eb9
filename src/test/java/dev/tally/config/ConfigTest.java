package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.ExitCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.IndicatorType;
import dev.tally.model.MissingStrategy;
import dev.tally.model.OverTime;
import dev.tally.model.TallyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        return assertThatThrownBy(c).isInstanceOf(TallyException.class)
                .satisfies(e -> assertThat(((TallyException) e).exitCode()).isEqualTo(ExitCode.CONFIG));
    }

    @Test
    void unitsCsvBuildsTheForestParentsFirst() throws IOException {
        Path f = write("u.csv", "code,name,parent\nC1,Xã 1,D\nD,Huyện,P\nP,Tỉnh,\nQ,Tỉnh 2,\n");
        Hierarchy h = UnitsLoader.load(f, List.of("province", "district", "commune"));
        assertThat(h.units()).extracting(u -> u.code()).containsExactly("P", "D", "C1", "Q");
        assertThat(h.unit("C1").depth()).isEqualTo(2);
        assertThat(h.unit("C1").level()).isEqualTo("commune");
        assertThat(h.roots()).extracting(u -> u.code()).containsExactly("P", "Q");
        assertThat(h.parentIndex()).containsExactly(-1, 0, 1, -1);
    }

    @Test
    void unitsJsonAndLevelsFromTheFile() throws IOException {
        Path f = write("u.json", "[{\"code\":\"P\",\"name\":\"Tỉnh\",\"parent\":null,\"level\":\"tinh\"},"
                + "{\"code\":\"D\",\"name\":\"Huyện\",\"parent\":\"P\",\"level\":\"huyen\"}]");
        Hierarchy h = UnitsLoader.load(f, List.of());
        assertThat(h.levels()).containsExactly("tinh", "huyen");
        assertThat(h.depthOf("huyen")).isEqualTo(1);
    }

    @Test
    void everyUnitsProblemIsOneLineWithFileAndLine() throws IOException {
        Path f = write("u.csv", "code,name,parent\nP,Tỉnh,\nD,Huyện,P\nD,Huyện lặp,P\nC,Xã,DX\n,Không mã,P\nA,Vòng A,B\nB,Vòng B,A\n");
        assertConfigError(() -> UnitsLoader.load(f, List.of()))
                .hasMessageContaining(f + ":4: duplicate unit code 'D' (first at line 3)")
                .hasMessageContaining(f + ":5: unit 'C' names the unknown parent 'DX'")
                .hasMessageContaining(f + ":6: empty unit code")
                .hasMessageContaining("cycle in parents: ");
    }

    @Test
    void aLevelThatContradictsTheDepth() throws IOException {
        Path f = write("u.csv", "code,name,parent,level\nP,Tỉnh,,province\nD,Huyện,P,province\n");
        assertConfigError(() -> UnitsLoader.load(f, List.of()))
                .hasMessageContaining(":3: unit 'D' has level 'province' but it is at depth 2 and 'P' (line 2) of that level at depth 1");
        assertConfigError(() -> UnitsLoader.load(f, List.of("province", "district")))
                .hasMessageContaining(":3: unit 'D' has level 'province' but its depth makes it a 'district'");
        Path deep = write("d.csv", "code,name,parent\nP,a,\nD,b,P\nC,c,D\n");
        assertConfigError(() -> UnitsLoader.load(deep, List.of("province", "district")))
                .hasMessageContaining("depth 3 but only 2 levels");
    }

    @Test
    void unitsHeaderMustNameTheColumns() throws IOException {
        Path f = write("u.csv", "id,title\nP,x\n");
        assertConfigError(() -> UnitsLoader.load(f, List.of())).hasMessageContaining(":1: the header lacks the column 'code'");
    }

    @Test
    void catalogYamlWithDefaults() throws IOException {
        Path f = write("c.yaml", "indicators:\n  - code: a\n    name: Số A\n    type: integer\n    required: yes\n"
                + "  - {code: p, type: percent}\n  - {code: r, formula: 100 * a / b}\n  - {code: b, over_time: last, aggregate: median}\n"
                + "rules:\n  - {check: a >= 0, missing: never_skip}\n");
        Catalog c = CatalogLoader.load(f, List.of());
        assertThat(c.indicators()).extracting(i -> i.code()).containsExactly("a", "p", "r", "b");
        assertThat(c.indicator("a").required()).isTrue();
        assertThat(c.indicator("a").aggregate()).isEqualTo(Aggregate.SUM);
        assertThat(c.indicator("a").overTime()).isEqualTo(OverTime.SUM);
        assertThat(c.indicator("p").max()).isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(c.indicator("r").derived()).isTrue();
        assertThat(c.indicator("b").overTime()).isEqualTo(OverTime.LAST);
        assertThat(c.indicator("b").aggregate()).isEqualTo(Aggregate.MEDIAN);
        assertThat(c.rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("a >= 0");
            assertThat(r.missing()).isEqualTo(MissingStrategy.NEVER_SKIP);
        });
        assertThat(c.hash()).hasSize(64);
    }

    @Test
    void catalogCsvAndJson() throws IOException {
        Path csv = write("c.csv", "code,name,type,min,max,aggregate\nx,Chỉ tiêu x,integer,0,100,sum\ny,,number,,,mean\n");
        Catalog c = CatalogLoader.load(csv, List.of());
        assertThat(c.indicator("x").type()).isEqualTo(IndicatorType.INTEGER);
        assertThat(c.indicator("y").aggregate()).isEqualTo(Aggregate.MEAN);
        assertThat(c.indicator("y").label()).isEqualTo("y");
        Path json = write("c.json", "{\"indicators\":[{\"code\":\"x\",\"type\":\"boolean\"}]}");
        assertThat(CatalogLoader.load(json, List.of()).indicator("x").type()).isEqualTo(IndicatorType.BOOLEAN);
    }

    @Test
    void catalogErrorsNameTheLine() throws IOException {
        Path f = write("c.yaml", "indicators:\n  - {code: a, colour: red}\n  - {code: b, type: text}\n  - {code: c, aggregate: avg}\n"
                + "  - {code: d, formula: a / zz}\n  - {code: x, formula: y}\n  - {code: y, formula: x}\n  - {code: g, formula: \"(a\"}\n"
                + "  - {code: h, reported_at: ward}\nrules:\n  - {check: a < nope}\n");
        assertConfigError(() -> CatalogLoader.load(f, List.of("province", "commune")))
                .hasMessageContaining(":2: unknown indicator field 'colour'")
                .hasMessageContaining(":3: unknown type 'text'; use one of integer, number, percent, boolean")
                .hasMessageContaining(":4: unknown aggregate 'avg'")
                .hasMessageContaining(":5: indicator 'd': the formula names the unknown indicator 'zz'")
                .hasMessageContaining(":6: formula cycle: x -> y -> x")
                .hasMessageContaining(":8: indicator 'g': the formula '(a' does not parse")
                .hasMessageContaining(":9: indicator 'h': reported_at 'ward' is not a level; levels are province, commune")
                .hasMessageContaining(":11: rule 'a < nope' names the unknown indicator 'nope'");
    }

    @Test
    void brokenYamlIsAConfigErrorWithLine() throws IOException {
        Path f = write("c.yaml", "indicators:\n  - {code: a\n  - b: [\n");
        assertConfigError(() -> CatalogLoader.load(f, List.of())).hasMessageContaining(f + ":").hasMessageContaining("not valid YAML");
    }

    @Test
    void projectFileIsFoundInAParentAndResolvesPathsAgainstItself() throws IOException {
        write("proj/units.csv", "code,name,parent\nP,Tỉnh,\n");
        write("proj/cat/catalog.yaml", "indicators:\n  - {code: a}\n");
        write("proj/tally.yaml", "units: units.csv\ncatalog: cat/catalog.yaml\nlevels: [province]\ndeadline_days: 15\n");
        Path sub = Files.createDirectories(dir.resolve("proj/deep/er"));
        Project p = Project.load(null, null, null, sub);
        assertThat(p.hierarchy().unit("P").level()).isEqualTo("province");
        assertThat(p.catalog().indicator("a")).isNotNull();
        assertThat(p.settings().deadlineDays()).isEqualTo(15);
    }

    @Test
    void noProjectAndNoOptionsIsAConfigErrorThatSaysWhatToDo() {
        assertConfigError(() -> Project.load(null, null, null, dir)).hasMessageContaining("--units");
    }

    @Test
    void missingFilesAreIoErrors() {
        assertThatThrownBy(() -> Project.load(null, dir.resolve("nope.csv"), dir.resolve("c.yaml"), dir))
                .isInstanceOf(TallyException.class)
                .satisfies(e -> assertThat(((TallyException) e).exitCode()).isEqualTo(ExitCode.IO))
                .hasMessageContaining("nope.csv");
    }
}
