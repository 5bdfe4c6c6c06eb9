package dev.tally.cli;

import static dev.tally.cli.Tally.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.write.Cells;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a person at a terminal sees, and what a pipe or cron gets: the table fitted to 80 and 200
 * columns, progress only on a terminal, colour only on a terminal, --quiet and the cap on findings,
 * completion offering exactly the accepted values. In-process, with the terminal given; {@link
 * PseudoTerminalTest} runs tally on a real one. Alone: it runs in Vietnamese and sets the progress
 * line's delay, both process-wide.
 */
@Isolated
class TerminalTest {
    static final Path GOLDEN = Path.of("src/test/resources/terminal");
    static final boolean UPDATE = Boolean.getBoolean("tally.golden.update");
    /** The faulty sample beside the good ones: findings on standard error, errors and warnings. */
    static final String[] FAULTY = {"rollup", "--config", "samples/tally.yaml", "--format", "csv", "samples/faulty", "samples/submissions"};
    static final String[] ROLLUP = {"rollup", "--config", "samples/tally.yaml", "--period", "2024-H1", "samples/submissions"};

    static Tally.Run tally(boolean outTerminal, boolean errTerminal, int width, String... args) {
        return Tally.setup().terminal(width, outTerminal, errTerminal).run(args);
    }

    @AfterEach
    void restore() {
        Progress.delayMillis = 1000;
        dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void theTableFitsTheTerminalAndNoNumberIsCut(int width) throws IOException {
        Tally.Run fitted = tally(true, false, width, ROLLUP);
        assertThat(fitted.exit()).isZero();
        // what the terminal shows: the colour codes of partial markers take no columns
        String shown = fitted.out().replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(shown).isNotEqualTo(fitted.out());
        for (String line : shown.split("\n")) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(width);
        golden("rollup-" + width + ".txt", fitted.out());
        // every figure of the unfitted table (what a pipe gets) is in the fitted one, whole
        Tally.Run piped = tally(false, false, 0, ROLLUP);
        assertThat(piped.out().lines().mapToInt(Cells::displayWidth).max().orElse(0)).isGreaterThan(width);
        Matcher m = Pattern.compile("(?<![\\w.])\\d[\\d.]*( \\[\\d+/\\d+\\])?").matcher(piped.out());
        int figures = 0;
        while (m.find()) {
            assertThat(shown).contains(m.group());
            figures++;
        }
        assertThat(figures).isGreaterThan(60);
    }

    /**
     * validate's findings on a terminal: every line fits it, and every message is there whole (wrapped
     * at spaces, beside its row at 200 columns, under it at 80), as a pipe gets it on one line.
     */
    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void findingsFitTheTerminalWithEveryMessageWhole(int width) throws IOException {
        String[] validate = {"validate", "--config", "samples/tally.yaml", "samples/faulty"};
        Tally.Run coloured = tally(true, false, width, validate);
        assertThat(coloured.exit()).isEqualTo(1);
        // what the terminal shows: the severities' colour codes take no columns
        String shown = coloured.out().replaceAll("\u001b\\[[0-9;]*m", "");
        for (String line : shown.split("\n")) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(width);
        golden("validate-" + width + ".txt", shown);
        String words = String.join(" ", shown.split("\\s+"));
        Tally.Run piped = tally(false, false, 0, with(validate, "--format", "csv"));
        List<String> messages = new ArrayList<>();
        for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVParser.parse(piped.out(),
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) messages.add(r.get("message"));
        assertThat(messages).hasSize(14);
        for (String m : messages) {
            // a word longer than the column is broken at the edge: compare without the breaks
            assertThat(words.replace(" ", "")).contains(m.replace(" ", ""));
        }
    }

    @Test
    void aNarrowTerminalGetsCodesWithALegendAndBlocksThatRepeatTheUnit() {
        String out = tally(true, false, 80, ROLLUP).out();
        // indicator codes head the columns, the legend names them once
        assertThat(out).contains("models").contains("Mô hình \"Dân vận khéo\" đăng ký (mô hình)");
        // the unit column starts every block
        long blocks = out.lines().filter(l -> l.matches("unit +name .*")).count();
        assertThat(blocks).isGreaterThan(1);
        assertThat(out.lines().filter(l -> l.startsWith("HCM ")).count()).isEqualTo(blocks);
    }

    @Test
    void colourOnATerminalOnly() {
        String[] faulty = FAULTY;
        // in-process: auto follows whether standard error is a terminal; always and never decide
        assertThat(tally(false, true, 0, faulty).err()).contains("\u001b[");
        assertThat(tally(false, false, 0, faulty).err()).doesNotContain("\u001b[");
        assertThat(tally(false, true, 0, with(faulty, "--color", "never")).err()).doesNotContain("\u001b[");
        assertThat(tally(false, false, 0, with(faulty, "--color", "always")).err()).contains("\u001b[");
        assertThat(tally(false, false, 0, with(faulty, "--color", "sometimes")).exit()).isEqualTo(2);
        // a partial aggregate's coverage marker in the table, on standard output's own terminal
        assertThat(tally(true, false, 200, ROLLUP).out()).contains("\u001b[33m [0/8]\u001b[0m");
        assertThat(tally(true, false, 200, with(ROLLUP, "--color", "never")).out()).doesNotContain("\u001b[").contains("– [0/8]");
        assertThat(tally(false, false, 0, ROLLUP).out()).doesNotContain("\u001b[");
    }

    /**
     * Findings and the closing summary on standard error's terminal: every line fits it, a finding or
     * summary that does not is continued 4 columns in, and joined up again they are the pipe's lines.
     */
    @Test
    void standardErrorFitsItsTerminalAndLosesNoWord() {
        String[] faulty = with(FAULTY, "--color", "never");
        Tally.Run piped = tally(false, false, 0, faulty);
        Tally.Run shown = tally(false, true, 80, faulty);
        assertThat(shown.exit()).isEqualTo(piped.exit());
        List<String> pipedLines = piped.err().lines().toList(), shownLines = shown.err().lines().toList();
        for (String line : shownLines) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(80);
        assertThat(pipedLines.stream().filter(l -> Cells.displayWidth(l) > 80).count()).as("the pipe has long lines to wrap").isGreaterThan(5);
        List<String> joined = new ArrayList<>();
        for (String line : shownLines) {
            if (line.startsWith("    ")) joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + line.substring(4));
            else joined.add(line);
        }
        assertThat(joined).isEqualTo(pipedLines);
        // the summary is among them, whole
        assertThat(joined).contains(pipedLines.get(pipedLines.size() - 1));
    }

    @Test
    void anErrorOnATerminalWrapsAtSpacesAndOnAPipeStaysOneLine() {
        String[] bad = {"rollup", "--config", "samples/tally.yaml", "--period", "2024-H9", "samples/submissions"};
        Tally.Run piped = tally(false, false, 0, bad), shown = tally(false, true, 40, bad);
        assertThat(shown.exit()).isEqualTo(piped.exit()).isEqualTo(2);
        String error = piped.err().lines().findFirst().orElseThrow();
        assertThat(error).startsWith("tally: ").hasSizeGreaterThan(40);
        List<String> lines = shown.err().lines().toList();
        for (String line : lines) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(40);
        assertThat(lines.get(1)).startsWith("    ");
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).startsWith(error.replaceAll(" +", " "));
    }

    @Test
    void anEmptyTableOnATerminalSaysSoInsteadOfAHeaderOverNothing() {
        String[] outliers = {"outliers", "--config", "samples/tally.yaml", "samples/submissions/2024-H1"};
        Tally.Run shown = tally(true, true, 80, outliers);
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).isEqualTo("(no rows)\n");
        assertThat(shown.err()).contains("outliers: 0 found");
        // a program still gets the header
        assertThat(tally(false, false, 0, with(outliers, "--format", "csv")).out()).startsWith("unit,unit_name,period,indicator,value");
        assertThat(tally(true, false, 80, with(outliers, "--lang", "vi")).out()).isEqualTo("(không có dòng nào)\n");
    }

    @Test
    void progressOnATerminalOnly() {
        Progress.delayMillis = 0;
        String[] validate = {"validate", "--config", "samples/tally.yaml", "--format", "csv", "samples/submissions"};
        Tally.Run terminal = tally(false, true, 0, validate);
        assertThat(terminal.err()).contains("reading").contains("files");
        assertThat(tally(false, false, 0, validate).err()).doesNotContain("reading");
        assertThat(tally(false, true, 0, with(validate, "--quiet")).err()).doesNotContain("reading");
        // the progress line goes to standard error: the table is untouched
        assertThat(terminal.out()).isEqualTo(tally(false, false, 0, validate).out());
    }

    @Test
    void quietAndTheCapKeepCronLogsShortAndLoseNothing(@TempDir Path dir) throws IOException {
        String[] faulty = FAULTY;
        Tally.Run all = tally(false, false, 0, faulty);
        List<String> lines = findingLines(all.err());
        assertThat(lines.size()).isGreaterThan(5);
        long warnings = lines.stream().filter(l -> l.contains("warning")).count();
        assertThat(warnings).isGreaterThan(0);

        Tally.Run capped = tally(false, false, 0, with(faulty, "--max-findings", "2", "--findings", dir.resolve("findings.csv").toString()));
        assertThat(findingLines(capped.err())).hasSize(2);
        assertThat(capped.err()).contains("… " + (lines.size() - 2) + " more findings not listed (--max-findings 2): ");
        assertThat(capped.exit()).isEqualTo(all.exit());
        // the file has every finding, one row each under the header
        assertThat(Files.readAllLines(dir.resolve("findings.csv"))).hasSize(lines.size() + 1);

        Tally.Run quiet = tally(false, false, 0, with(faulty, "--quiet"));
        assertThat(findingLines(quiet.err())).hasSize(lines.size() - (int) warnings).noneMatch(l -> l.contains("warning"));
        assertThat(quiet.err()).contains("8 files, 226 records, 328 values"); // the closing summary stays
        assertThat(tally(false, false, 0, with(faulty, "--max-findings", "-1")).exit()).isEqualTo(2);
    }

    @Test
    void completionOffersExactlyTheAcceptedValues() {
        String script = tally(false, false, 0, "generate-completion").out();
        assertThat(script).contains("(\"long\" \"wide\") # --shape values").contains("(\"previous\" \"year-ago\") # --compare values")
                .doesNotContain("long_").doesNotContain("year_ago").doesNotContain("\"TABLE\"").doesNotContain("gen-man");
        // and each offered value is accepted: the samples have no data error, so every run succeeds (a refused value is exit 2)
        for (String shape : List.of("long", "wide")) {
            assertThat(tally(false, false, 0, with(ROLLUP, "--shape", shape, "--format", "csv")).exit()).isZero();
        }
        assertThat(tally(false, false, 0, with(ROLLUP, "--compare", "year-ago", "--format", "csv")).exit()).isZero();
    }

    @Test
    void theOldDelimiterOptionOfValidateAndImportIsGone() {
        for (String command : List.of("validate", "import")) {
            String[] base = {command, "--config", "samples/tally.yaml", "--dry-run", "samples/submissions/2024-H1"};
            if (command.equals("validate")) base = new String[] {command, "--config", "samples/tally.yaml", "--format", "csv", "samples/submissions/2024-H1"};
            Tally.Run old = tally(false, false, 0, with(base, "--delimiter", ","));
            assertThat(old.exit()).as(command).isEqualTo(2);
            assertThat(old.err()).as(command).startsWith("tally: Unknown option: '--delimiter'");
            assertThat(tally(false, false, 0, with(base, "--input-delimiter", ",")).exit()).as(command).isIn(0, 1);
        }
    }

    @Test
    void aVietnameseRunSpeaksVietnameseAndWritesVietnameseNumbers() {
        Tally.Run vi = tally(true, false, 200, with(ROLLUP, "--lang", "vi", "--level", "province"));
        // the period said above the table, in the run's language
        assertThat(vi.out()).startsWith("Kỳ: 2024-H1\n\nđơn vị").contains("89,6").doesNotContain("89.6");
        assertThat(vi.err()).contains("giá trị");
        // csv stays for programs: English names, plain numbers
        Tally.Run csv = tally(false, false, 0, with(ROLLUP, "--lang", "vi", "--level", "province", "--format", "csv"));
        assertThat(csv.out()).startsWith("unit,").contains("89.6").doesNotContain("89,6");
    }

    private static List<String> findingLines(String err) {
        List<String> out = new ArrayList<>();
        for (String l : err.split("\n")) if (l.matches("^\\S+:\\d+: (error|warning).*")) out.add(l);
        return out;
    }

    private static void golden(String name, String actual) throws IOException {
        Path p = GOLDEN.resolve(name);
        if (UPDATE || !Files.exists(p)) Files.writeString(p, actual, StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
    }
}
