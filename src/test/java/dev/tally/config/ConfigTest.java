package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.ExitCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
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
    void childrenComeAfterTheirParentInFileOrderWhereverTheirRowsAre() throws IOException {
        Path f = write("u.csv", "code,name,parent\nC2,,D1\nD1,,P\nC1,,D1\nP,,\nD2,,P\nC3,,D2\nQ,,\nD3,,Q\n");
        Hierarchy h = UnitsLoader.load(f, List.of("province", "district", "commune"));
        assertThat(h.units()).extracting(u -> u.code()).containsExactly("P", "D1", "C2", "C1", "D2", "C3", "Q", "D3");
        assertThat(h.units()).extracting(u -> u.depth()).containsExactly(0, 1, 2, 2, 1, 2, 0, 1);
        assertThat(h.units()).extracting(u -> u.index()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(h.parentIndex()).containsExactly(-1, 0, 1, 1, 0, 4, -1, 6);
        assertThat(h.children(h.unit("P"))).extracting(u -> u.code()).containsExactly("D1", "D2");
        assertThat(h.children(h.unit("D1"))).extracting(u -> u.code()).containsExactly("C2", "C1");
        assertThat(h.children(h.unit("Q"))).extracting(u -> u.code()).containsExactly("D3");
        assertThat(h.children(h.unit("C3"))).isEmpty();
        assertThat(h.units()).filteredOn(h::isLeaf).extracting(u -> u.code()).containsExactly("C2", "C1", "C3", "D3");
        assertThat(h.subtree(h.unit("P"))).extracting(u -> u.code()).containsExactly("P", "D1", "C2", "C1", "D2", "C3");
        // a walk within a set closed upward leaves out each refused unit's whole subtree, in the same order
        java.util.Set<String> kept = java.util.Set.of("P", "D1", "C1", "D2", "C3");
        assertThat(h.subtree(h.unit("P"), u -> kept.contains(h.unit(u).code()))).extracting(u -> u.code())
                .containsExactly("P", "D1", "C1", "D2", "C3");
        assertThat(h.subtree(h.unit("P"), u -> !h.unit(u).code().equals("D1"))).extracting(u -> u.code())
                .containsExactly("P", "D2", "C3");
        assertThat(h.subtree(h.unit("P"), u -> false)).isEmpty();
        // the walk is pruned, not filtered: nothing below a refused unit is even asked about
        java.util.List<String> asked = new java.util.ArrayList<>();
        h.subtree(h.unit("P"), u -> asked.add(h.unit(u).code()) && !h.unit(u).code().equals("D1"));
        assertThat(asked).containsExactlyInAnyOrder("P", "D1", "D2", "C3");
        // a unit without a name is shown by its code; without level names anywhere, a level is "levelN"
        assertThat(h.unit("C2").name()).isEqualTo("C2");
        Hierarchy unnamed = UnitsLoader.load(write("s.csv", "code,name,parent\nP,,\nD,,P\n"), List.of());
        assertThat(unnamed.units()).extracting(u -> u.level()).containsExactly("level1", "level2");
    }

    @Test
    void aCycleIsReportedOnceWithTheUnitsOnItAndTheUnitsBelowItAreNotBlamed() throws IOException {
        // A's parent is C, C's is B, B's is A; D hangs below the cycle, R is a sound root
        Path f = write("u.csv", "code,name,parent\nR,,\nA,,C\nB,,A\nC,,B\nD,,A\n");
        assertConfigError(() -> UnitsLoader.load(f, List.of()))
                .hasMessage(f + ":3: cycle in parents: A -> C -> B -> A; one of these units must have another parent");
    }

    @Test
    void aHierarchyTenThousandLevelsDeepLoadsWithoutRecursion() throws IOException {
        StringBuilder b = new StringBuilder("code,name,parent\n");
        // the deepest unit first: its walk up meets every other unit
        for (int i = 9_999; i >= 0; i--) b.append('U').append(i).append(",,").append(i == 0 ? "" : "U" + (i - 1)).append('\n');
        Hierarchy h = UnitsLoader.load(write("deep.csv", b.toString()), List.of());
        assertThat(h.size()).isEqualTo(10_000);
        assertThat(h.unit("U9999").depth()).isEqualTo(9_999);
        assertThat(h.units().get(0).code()).isEqualTo("U0");
        assertThat(h.units().get(9_999).code()).isEqualTo("U9999");
    }

    @Test
    void unitsCsvWithAByteOrderMarkOrInUtf16ReadsTheSame() throws IOException {
        String text = "code,name,parent\nP,Tỉnh,\nD,Huyện,P\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        for (byte[] bytes : List.of(utf8, bom, utf16)) {
            Path f = dir.resolve("u" + bytes.length + ".csv");
            Files.write(f, bytes);
            Hierarchy h = UnitsLoader.load(f, List.of());
            assertThat(h.units()).extracting(u -> u.code() + "=" + u.name()).containsExactly("P=Tỉnh", "D=Huyện");
        }
        // the file's own bytes are tokenized when they are UTF-8: no second copy of a large file
        ConfigFiles.Loaded plain = new ConfigFiles.Loaded(text, utf8);
        assertThat(plain.utf8().bytes()).isSameAs(utf8);
        assertThat(plain.utf8().from()).isZero();
        assertThat(new ConfigFiles.Loaded(text, bom).utf8().from()).isEqualTo(3);
        assertThat(new ConfigFiles.Loaded(text, utf16).utf8().bytes()).isEqualTo(utf8);
    }

    @Test
    void aUnitsFileThatIsNotUtf8IsAConfigurationError() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "code,name,parent\nP,T\u1ec9nh,\nD,Hu\u00e9,P\n".getBytes(StandardCharsets.ISO_8859_1));
        assertConfigError(() -> UnitsLoader.load(f, List.of())).hasMessageContaining(f.toString());
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
    void aUnitsFileOfTheWrongShapeListsItsFirstFiftyProblemsAndCountsTheRest() throws IOException {
        StringBuilder rows = new StringBuilder("code,name,parent\n");
        for (int i = 0; i < 120; i++) rows.append("U").append(i).append(",Xã,NOPE").append(i).append('\n');
        Path f = write("u.csv", rows.toString());
        assertConfigError(() -> UnitsLoader.load(f, List.of())).satisfies(e -> {
            String[] lines = e.getMessage().split("\\R");
            assertThat(lines).hasSize(51);
            assertThat(lines[0]).isEqualTo(f + ":2: unit 'U0' names the unknown parent 'NOPE0'; add that unit or leave parent empty for a root");
            assertThat(lines[49]).startsWith(f + ":51: unit 'U49' ");
            assertThat(lines[50]).isEqualTo(f + ": … and 70 more problems (120 in all; the first 50 by line are above): fix those and run again to see the rest");
        });
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

    /** A code is letters, digits and _, not starting with a digit (a formula names it): indicators, forms and an indicator's form. */
    @Test
    void aCodeThatAFormulaCouldNotNameIsRefusedWithItsLine() throws IOException {
        Path ind = write("i.csv", "code,name\nok_1,A\n2x,B\n");
        assertConfigError(() -> CatalogLoader.load(ind, List.of()))
                .hasMessageContaining(ind + ":3:").hasMessageContaining("indicator code '2x' must be a name of letters, digits and _");
        Path form = write("f.yaml", "forms:\n  - {code: a-b}\nindicators:\n  - {code: x}\n");
        assertConfigError(() -> CatalogLoader.load(form, List.of())).hasMessageContaining("form code 'a-b' must be a name of letters");
        Path all = write("a.csv", "code,name,form\nx,X,all\n");
        assertConfigError(() -> CatalogLoader.load(all, List.of())).hasMessageContaining("form code 'all' must be a name of letters, digits and _, and not 'all'");
        assertThat(CatalogLoader.load(write("g.csv", "code,name\n_a9,A\nZ,B\n"), List.of()).indicators()).extracting(i -> i.code())
                .containsExactly("_a9", "Z");
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
    void anIndicatorSaysWhetherHigherOrLowerIsBetterForItsRank() throws IOException {
        Path f = write("c.yaml", "indicators:\n  - {code: a}\n  - {code: b, better: lower}\n  - {code: c, better: Higher}\n");
        Catalog c = CatalogLoader.load(f, List.of());
        assertThat(c.indicators()).extracting(i -> i.better())
                .containsExactly(Indicator.Better.HIGHER, Indicator.Better.LOWER, Indicator.Better.HIGHER);
        Path csv = write("c.csv", "code,better\nx,lower\ny,\n");
        assertThat(CatalogLoader.load(csv, List.of()).indicators()).extracting(i -> i.better())
                .containsExactly(Indicator.Better.LOWER, Indicator.Better.HIGHER);
        Path bad = write("bad.yaml", "indicators:\n  - {code: a}\n  - code: b\n    better: fewer\n");
        assertConfigError(() -> CatalogLoader.load(bad, List.of()))
                .hasMessageContaining("bad.yaml:4: unknown better 'fewer'; use one of higher, lower");
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
        // the line of the problem and what it is, not the parser's context line ("while scanning for the next token", line 1)
        Path tab = write("t.yaml", "indicators:\n\t- {code: x, type: integer}\n");
        assertConfigError(() -> CatalogLoader.load(tab, List.of()))
                .hasMessage(tab + ":2: not valid YAML: a tab where YAML allows only spaces; indent with spaces");
        Path colon = write("k.yaml", "indicators:\n  - code: x\n    type: integer\n   name: lệch\n");
        assertConfigError(() -> CatalogLoader.load(colon, List.of())).hasMessageStartingWith(colon + ":4: not valid YAML: ")
                .hasMessageEndingWith("; check this line's indentation against the lines above it");
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
