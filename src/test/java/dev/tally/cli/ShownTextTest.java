package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What tally shows a person, from files it does not control: escape sequences and line breaks in
 * unit names and codes shown, not acted on (issue 32.10); keys kept whole on a terminal too narrow
 * for them (32.11); validate's findings coloured and --quiet (26.7); configuration warnings marked as
 * warnings (26.7).
 */
@Isolated // runs tally in Vietnamese, and the language is the whole JVM's
class ShownTextTest {
    static final String ESC = "\u001b", BEL = "\u0007", RLO = "\u202e";
    /** A title-setting sequence, a screen clear and a right-to-left override, in names a units file gives. */
    static final String PROVINCE = "Tỉnh " + ESC + "]0;pwned" + BEL + " Một", DISTRICT = "Huyện " + RLO + "Hai", COMMUNE = "Xã " + ESC + "[2J Ba";

    static Tally.Run tally(boolean terminal, int width, String... args) { return Tally.setup().terminal(width, terminal, false).run(args); }

    @AfterEach
    void english() { dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN); }

    /** A project whose units file names units with escape sequences, and a submission with a newline and an ESC in its codes. */
    static Path hostile(Path dir) throws IOException {
        Files.writeString(dir.resolve("units.csv"), "code,name,parent,level\n"
                + "P,\"" + PROVINCE + "\",,province\n"
                + "D,\"" + DISTRICT + "\",P,district\n"
                + "C1,\"" + COMMUNE + "\",D,commune\n"
                + "X" + ESC + "[2J,Xã Bốn,D,commune\n"
                + "x" + ESC + "[2J,Xã Năm,D,commune\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: " + Path.of("samples/catalog.yaml").toAbsolutePath()
                + "\nlevels: [province, district, commune]\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("s.csv"), "unit,period,indicator,value\n"
                + "C1,2024-H1,dvk_models,3\n"
                + "\"C\n1\",2024-H1,dvk_models,4\n"
                + "C1,2024-H1,\"dia" + ESC + "[2Jlogues\",1\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** Nothing in {@code text} a terminal would act on, once tally's own colours are taken out: no C0 control but the line's end, no C1, no bidi control. */
    static void nothingActs(String what, String text) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(plain).as(what).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]");
    }

    @Test
    void escapeSequencesFromFilesAreShownNotActedOn(@TempDir Path dir) throws IOException {
        Path p = hostile(dir);
        String config = p.resolve("tally.yaml").toString(), input = p.resolve("s.csv").toString();
        for (boolean terminal : new boolean[] {false, true}) {
            for (String format : List.of("table", "markdown")) {
                Tally.Run r = tally(terminal, terminal ? 80 : 0, "rollup", "--config", config, "--period", "2024-H1", "--depth", "2", "--format", format,
                        input);
                assertThat(r.exit()).isEqualTo(1);
                nothingActs(format + " on standard output", r.out());
                nothingActs("standard error", r.err());
                assertThat(r.out()).contains("\\e]0;pwned\\u0007").contains("\\u202EHai");
            }
        }
        Tally.Run r = tally(false, 0, "rollup", "--config", config, "--period", "2024-H1", input);
        // one finding a line on a pipe: the newline in the quoted code is \n, the ESC \e
        List<String> findings = r.err().lines().filter(l -> l.startsWith(input)).toList();
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0)).contains(":2: error [missing-required] C1 (Xã \\e[2J Ba) gave no value");
        assertThat(findings.get(1)).contains(":3: error [unknown-unit] unit 'C\\n1' is not in the units file");
        assertThat(findings.get(2)).contains(":5: error [unknown-indicator] C1 indicator 'dia\\e[2Jlogues' is not in the catalog");
        // the configuration's warning about the two codes that differ in case, marked as one and escaped
        assertThat(r.err()).contains("tally: warning: " + p.resolve("units.csv") + ":6: unit code 'x\\e[2J' differs from 'X\\e[2J' (line 5)");
        // validate's table: the unit's code on its row
        Tally.Run v = tally(false, 0, "validate", "--config", config, input);
        nothingActs("validate", v.out() + v.err());
        assertThat(v.out()).contains("  C\\n1  ");
        // csv, tsv and json are data: the names exactly as the units file gives them
        Tally.Run csv = tally(false, 0, "rollup", "--config", config, "--period", "2024-H1", "--format", "csv", input);
        List<String> names = new ArrayList<>();
        for (CSVRecord rec : CSVParser.parse(csv.out(), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            names.add(rec.get("unit_name"));
        }
        assertThat(names).contains(PROVINCE, DISTRICT, COMMUNE);
        String json = tally(false, 0, "rollup", "--config", config, "--period", "2024-H1", "--format", "json", input).out();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).findValuesAsText("unit_name")).contains(PROVINCE, DISTRICT);
        assertThat(tally(false, 0, "rollup", "--config", config, "--period", "2024-H1", "--format", "tsv", input).out())
                .contains("\t" + PROVINCE + "\t");
    }

    @Test
    void aNoteIsOneLineEachWithItsControlsShown() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Path.of(""), 0,
                java.time.Clock.systemUTC());
        io.note("tally: a.csv:3: 'A" + ESC + "[2J\tB\r'\r\nsecond line " + RLO + "x\u0085");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tally: a.csv:3: 'A\\e[2J\\tB\\r'\nsecond line \\u202Ex\\u0085\n");
    }

    /** COLUMNS=1, 0 and -5 are taken as 20; at 20 columns, or even at 1, no period or code is cut into '2018-…'. */
    @ParameterizedTest
    @ValueSource(ints = {1, 20, 40})
    void aTerminalTooNarrowForTheKeysKeepsThemWhole(int width) {
        assertThat(Terminal.columns("1")).isEqualTo(20);
        assertThat(Terminal.columns("0")).isEqualTo(20);
        assertThat(Terminal.columns("-5")).isEqualTo(20);
        assertThat(Terminal.columns("132")).isEqualTo(132);
        String[] rollup = {"rollup", "--config", "samples/tally.yaml", "--level", "province", "--color", "never", "samples/submissions"};
        String shown = tally(true, width, rollup).out();
        assertThat(shown).doesNotContain("2018-…").doesNotContain("2023-…").doesNotContain("2024-…").doesNotContain("HC…");
        // every row of every block begins with a period and a unit whole, as a pipe shows them
        Matcher keys = Pattern.compile("(?m)^(2018-H1|2020|2023-H1|2024-H1) +(BG|BK|HCM)?\\b").matcher(shown);
        int rows = 0;
        while (keys.find()) rows++;
        assertThat(rows).isEqualTo(16 * (int) shown.lines().filter(l -> l.startsWith("period")).count()).isGreaterThanOrEqualTo(16);
        // the findings' table: unit codes and periods whole
        String findings = tally(true, width, "validate", "--config", "samples/tally.yaml", "--color", "never", "samples/faulty").out();
        assertThat(findings).contains("BG-LN-DOINGO").contains("BG-LN-CHUDIEN").contains("2024-H3").doesNotContain("BG-LN-…");
    }

    @Test
    void validatesTableIsColouredOnATerminalOnly() {
        String[] validate = {"validate", "--config", "samples/tally.yaml", "samples/faulty"};
        String red = ESC + "[1m" + ESC + "[31merror" + ESC + "[0m", yellow = ESC + "[33mwarning" + ESC + "[0m";
        Tally.Run coloured = tally(true, 200, validate);
        assertThat(coloured.out()).contains(red + "     rule ").contains(yellow + "   duplicate ");
        // the colour takes no columns: the rows line up with the uncoloured ones
        assertThat(coloured.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(tally(true, 200, with(validate, "--color", "never")).out());
        assertThat(tally(false, 0, validate).out()).doesNotContain(ESC);
        assertThat(tally(false, 0, with(validate, "--color", "always")).out()).contains(red);
    }

    @Test
    void validateQuietListsOnlyTheErrors(@TempDir Path dir) throws IOException {
        String[] validate = {"validate", "--config", "samples/tally.yaml", "samples/faulty"};
        Tally.Run all = tally(false, 0, validate), quiet = tally(false, 0, with(validate, "-q"));
        assertThat(all.out().lines().filter(l -> l.startsWith("warning ")).count()).isEqualTo(3);
        assertThat(quiet.out().lines().filter(l -> l.startsWith("warning ")).count()).isZero();
        assertThat(quiet.out().lines().filter(l -> l.startsWith("error ")).count()).isEqualTo(11);
        // the closing summary still counts every finding, and the exit is the same
        assertThat(quiet.out()).endsWith("findings: 11 errors, 3 warnings\n");
        assertThat(quiet.exit()).isEqualTo(all.exit());
        // a file keeps them all
        Path csv = dir.resolve("f.csv");
        assertThat(tally(false, 0, with(validate, "-q", "-o", csv.toString())).exit()).isEqualTo(1);
        assertThat(Files.readAllLines(csv)).hasSize(15);
        assertThat(tally(false, 0, with(validate, "-q", "--format", "csv")).out().lines().count()).isEqualTo(12);
    }

    @Test
    void aConfigurationWarningSaysItIsOneInBothLanguages(@TempDir Path dir) throws IOException {
        Path p = hostile(dir);
        String[] status = {"rollup", "--config", p.resolve("tally.yaml").toString(), "--format", "csv", p.resolve("s.csv").toString()};
        assertThat(tally(false, 0, status).err()).containsPattern("(?m)^tally: warning: .*units.csv:6: unit code");
        assertThat(tally(false, 0, with(status, "--lang", "vi")).err()).containsPattern("(?m)^tally: cảnh báo: .*units.csv:6: mã đơn vị");
    }

    @Test
    void aUsageErrorIsOneCleanLineAndTheHint() {
        Tally.Run r = tally(false, 0, "rollup", "--config", "samples/tally.yaml", "--depth", "1", "--level", "district", "samples/submissions");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tally: --depth=N, --level=NAME are mutually exclusive (specify only one)\n"
                + "Try 'tally rollup --help' for more information.\n");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
