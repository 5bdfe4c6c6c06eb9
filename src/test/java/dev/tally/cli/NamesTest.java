package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names as people write them, through the real command line: a mapping whose names differ from the
 * units files' only in tone-mark placement (Hoá/Hóa) or an administrative prefix (Tỉnh) is not
 * warned about; real differences are one warning that counts them, silenced by -q; --unit takes a
 * name no other unit has, lists the units of a name several have, and suggests the unit meant; a
 * code that lost its leading zero gets "did you mean 07210" in --unit and in validate's finding.
 */
class NamesTest {
    @TempDir
    Path dir;

    /** The sample project copied, so its mapping can be edited. */
    private Path samples() throws IOException { return Tally.copySamples(dir.resolve("samples")); }

    private static Tally.Run run(String... args) { return Tally.run(args); }

    /** The mapping with its names rewritten line by line (1-based, the header is line 1). */
    private static void editMapping(Path samples, java.util.function.BiFunction<Integer, String, String> edit) throws IOException {
        Path m = samples.resolve("reorganisation/mapping-2025.csv");
        List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) out.add(edit.apply(i + 1, lines.get(i)));
        Files.write(m, out, StandardCharsets.UTF_8);
    }

    @Test
    void toneMarkPlacementAndPrefixesAreTheSameName() throws IOException {
        Path s = samples();
        // old and new tone-mark placement (Xuất Hóa → Xuất Hoá), a prefix left out (Tỉnh Bắc Giang → Bắc Giang),
        // one added (Bắc Ninh → Tỉnh Bắc Ninh), upper case, TP. for Thành phố
        editMapping(s, (n, l) -> l.replace("Phường Xuất Hóa", "Phường Xuất Hoá").replace(",Tỉnh Bắc Giang,24,Bắc Ninh,", ",Bắc Giang,24,Tỉnh Bắc Ninh,")
                .replace("Xã Song Mai", "XÃ SONG MAI").replace(",Thành phố Hồ Chí Minh,79,Thành phố Hồ Chí Minh,", ",TP. Hồ Chí Minh,79,Hồ Chí Minh,"));
        Tally.Run r = run("validate", "--config", s.resolve("reorganisation/tally.yaml").toString(),
                s.resolve("reorganisation/submissions").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void realDifferencesAreOneWarningWithTheFirstFewAndMinusQSilencesIt() throws IOException {
        Path s = samples();
        editMapping(s, (n, l) -> n >= 5 && n <= 9 ? l.replace("Phường Bắc Giang", "Phường Bắc Giang Mới") : l);
        String config = s.resolve("reorganisation/tally.yaml").toString(), in = s.resolve("reorganisation/submissions").toString();
        Tally.Run r = run("validate", "--config", config, in);
        String mapping = s.resolve("reorganisation/mapping-2025.csv").toString();
        assertThat(r.err()).isEqualTo("tally: warning: " + mapping + ": the units file names the unit otherwise in 5 rows (tone-mark placement and a "
                + "prefix such as Tỉnh or Xã aside); check that these rows link the units meant: line 5: new_name 'Phường Bắc Giang Mới' is "
                + "'Phường Bắc Giang' in the units file; line 6: new_name 'Phường Bắc Giang Mới' is 'Phường Bắc Giang' in the units file; "
                + "line 7: new_name 'Phường Bắc Giang Mới' is 'Phường Bắc Giang' in the units file; and 2 more\n");
        assertThat(r.exit()).isZero();
        Tally.Run quiet = run("validate", "-q", "--config", config, in);
        assertThat(quiet.err()).isEmpty();
        Tally.Run describe = run("describe", "-q", "--config", config, in);
        assertThat(describe.err()).doesNotContain("units file names the unit otherwise");
    }

    @Test
    void unitTakesANameNoOtherUnitHas() {
        Tally.Run byName = run("rollup", "--config", "samples/tally.yaml", "--unit", "Tỉnh Bắc Giang", "--depth", "0", "--format", "csv",
                "samples/submissions");
        Tally.Run byCode = run("rollup", "--config", "samples/tally.yaml", "--unit", "BG", "--depth", "0", "--format", "csv",
                "samples/submissions");
        assertThat(byName.exit()).as(byName.err()).isEqualTo(byCode.exit());
        assertThat(byName.out()).isEqualTo(byCode.out()).contains("BG,Tỉnh Bắc Giang,province,2024-H1,dvk_models");
        // as people write it: the other tone-mark placement, no prefix, other case
        Tally.Run written = run("rollup", "--config", "samples/tally.yaml", "--unit", "phường xuất hoá", "--depth", "0", "--format", "csv",
                "samples/submissions");
        assertThat(written.exit()).as(written.err()).isIn(0, 1);
        assertThat(written.out()).contains("BK-TP-XUATHOA,Phường Xuất Hóa,commune");
    }

    @Test
    void aNameSeveralUnitsHaveListsThem() {
        Tally.Run r = run("rollup", "--config", "samples/tally.yaml", "--unit", "Bắc Giang", "samples/submissions");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tally: --unit 'Bắc Giang' is the name of 2 units: BG (Tỉnh Bắc Giang); BG-TP (Thành phố Bắc Giang, "
                + "Tỉnh Bắc Giang); give the code of the one you mean\n");
    }

    @Test
    void anUnknownUnitGetsADidYouMean() {
        Tally.Run typo = run("rollup", "--config", "samples/tally.yaml", "--unit", "Phường Trần Phu", "samples/submissions");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("tally: --unit 'Phường Trần Phu' is not in the units file; did you mean BG-TP-TRANPHU (Phường Trần Phú)?\n");
        Tally.Run cased = run("outliers", "--config", "samples/tally.yaml", "--unit", "bg-ln", "samples/submissions");
        assertThat(cased.exit()).isEqualTo(2);
        assertThat(cased.err()).endsWith("tally: --unit 'bg-ln' is not in the units file; did you mean BG-LN (Huyện Lục Nam)? (codes are compared "
                + "letter case and all)\n");
        Tally.Run nothing = run("rollup", "--config", "samples/tally.yaml", "--unit", "QQQQQQQQ", "samples/submissions");
        assertThat(nothing.err()).isEqualTo("tally: --unit 'QQQQQQQQ' is not in the units file; give a unit code such as BG\n");
    }

    @Test
    void aCodeThatLostItsLeadingZeroGetsDidYouMean() throws IOException {
        Tally.Run unit = run("rollup", "--config", "samples/reorganisation/tally.yaml", "--unit", "7210", "samples/reorganisation/submissions");
        assertThat(unit.exit()).isEqualTo(2);
        assertThat(unit.err()).isEqualTo("tally: --unit '7210' is not in the units file; did you mean 07210 (Phường Bắc Giang)? "
                + "(the leading zero is part of the code)\n");
        Path in = dir.resolve("a.csv");
        Files.writeString(in, "unit,period,indicator,value\n7210,2025-H2,dvk_models,3\n07210,2025-H2,dialogues,4\n", StandardCharsets.UTF_8);
        Tally.Run v = run("validate", "--format", "csv", "--config", "samples/reorganisation/tally.yaml", in.toString());
        assertThat(v.exit()).isEqualTo(1);
        assertThat(v.out()).contains("unit '7210' is not in the units file; check the code or add the unit; did you mean '07210' (Phường Bắc Giang)? "
                + "(its leading zero was lost: a spreadsheet took the code for a number; format the column as text)");
    }

    @Test
    void consistencyAndStatusTakeANameToo() {
        Tally.Run c = run("consistency", "--config", "samples/tally.yaml", "--period", "2024-H1", "--unit", "Huyện Lục Nam",
                "--level", "commune", "samples/submissions", "samples/history");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("BG-LN-");
    }
}
