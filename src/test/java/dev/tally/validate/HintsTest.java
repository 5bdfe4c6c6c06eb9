package dev.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.config.UnitsLoader;
import dev.tally.model.Hierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** What an unknown code's finding suggests. */
@Isolated // reads Hints.BUILT, which every unknown code counts
class HintsTest {
    static final Hints HINTS = new Hints(TestProject.H, TestProject.C);

    @TempDir
    Path dir;

    @Test
    void aCodeInAnotherCaseOrWithATwinLetterIsNamed() {
        assertThat(HINTS.unit("c11")).isEqualTo("; did you mean 'C11' (Xã Một Một)? (codes are compared letter case and all)");
        assertThat(HINTS.indicator("re\u0441eived"))
                .isEqualTo("; did you mean 'received'? (it is written with look-alike characters from another script or width)");
        assertThat(HINTS.indicator("nothing like it")).isEmpty();
    }

    @Test
    void anIndicatorsNameWhereItsCodeBelongsIsToldItsCode() {
        // a spreadsheet made for people heads its columns with the indicators' names
        assertThat(HINTS.indicator("Đơn tiếp nhận")).isEqualTo("; that is the name of indicator 'received': write its code, received");
        // as typed: decomposed diacritics, another case, stray spaces
        assertThat(HINTS.indicator(" đơn tiê\u0301p nhận ")).isEqualTo("; that is the name of indicator 'received': write its code, received");
    }

    @Test
    void aUnitsNameIsToldItsCodeOnlyWhenNoOtherUnitHasIt() throws IOException {
        assertThat(HINTS.unit("Xã Một Hai")).isEqualTo("; that is the name of unit 'C12': write its code, C12");
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện Một,P,district\nD2,Huyện Hai,P,district\n"
                + "A,Xã Tân Lập,D1,commune\nB,Xã Tân Lập,D2,commune\n", StandardCharsets.UTF_8);
        Hierarchy h = UnitsLoader.load(units, List.of());
        assertThat(new Hints(h, TestProject.C).unit("Xã Tân Lập")).isEqualTo("; 2 units have that name: give the unit's code");
    }

    @Test
    void oneIndexServesEveryFindingOfARunAndACleanRunMakesNone() throws IOException {
        // a scan of every unit for each unknown code made a file of codes from another units file
        // take minutes against a national hierarchy; the index is made once, on the first unknown code
        Path f = dir.resolve("f.csv");
        StringBuilder rows = new StringBuilder("unit,period,indicator,value\n");
        for (int i = 0; i < 500; i++) rows.append("X").append(i).append(",2024,received,1\n");
        rows.append("C11,2024,Đơn tiếp nhận,1\nc12,2024,received,1\n");
        Files.writeString(f, rows, StandardCharsets.UTF_8);
        Validator.Result r = dev.tally.ingest.IngestRuns.run(TestProject.H, TestProject.C, List.of(), List.of(new dev.tally.read.InputFile("f.csv", f)),
                dev.tally.read.ReadOptions.defaults(), new java.io.ByteArrayInputStream(new byte[0]), 2);
        assertThat(r.findings()).filteredOn(x -> x.code() == dev.tally.model.FindingCode.UNKNOWN_UNIT).hasSize(501);
        assertThat(r.findings()).anySatisfy(x -> assertThat(x.message()).endsWith("that is the name of indicator 'received': write its code, received"));
        assertThat(r.findings()).anySatisfy(x -> assertThat(x.message()).contains("did you mean 'C12' (Xã Một Hai)?"));
        assertThat(r.stats().hintIndexes()).isEqualTo(1);

        Files.writeString(f, "unit,period,indicator,value\nC11,2024,received,3\nC11,2024,resolved,2\n", StandardCharsets.UTF_8);
        Validator.Result clean = dev.tally.ingest.IngestRuns.run(TestProject.H, TestProject.C, List.of(), List.of(new dev.tally.read.InputFile("f.csv", f)),
                dev.tally.read.ReadOptions.defaults(), new java.io.ByteArrayInputStream(new byte[0]), 1);
        assertThat(clean.stats().hintIndexes()).isZero();
    }
}
