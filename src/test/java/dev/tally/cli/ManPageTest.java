package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The committed man pages must be what the commands generate; regenerate with `java -jar target/tally.jar gen-man man`. */
@Isolated // renders the Vietnamese man pages, and the language is the whole JVM's
class ManPageTest {
    @org.junit.jupiter.api.AfterEach
    void english() { dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN); }

    @Test
    void committedPagesMatchTheCommands() throws IOException {
        check(dev.tally.model.Text.Lang.EN, Path.of("man"));
    }

    @Test
    void committedVietnamesePagesMatchTheCommands() throws IOException {
        check(dev.tally.model.Text.Lang.VI, Path.of("man", "vi"));
        assertThat(Files.readString(Path.of("man", "vi", "tally-rollup.1"), StandardCharsets.UTF_8)).contains("Tổng hợp lên các cấp");
    }

    private static void check(dev.tally.model.Text.Lang lang, Path dir) throws IOException {
        dev.tally.model.Text.use(lang);
        Map<String, String> pages = ManPage.renderAll(Cli.commandLine(
                new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC())));
        assertThat(pages).containsKeys("tally.1", "tally-validate.1");
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Path committed = dir.resolve(e.getKey());
            assertThat(committed).as(committed + " is missing; run: java -jar target/tally.jar gen-man man").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as(committed + " is stale; run: java -jar target/tally.jar gen-man man")
                    .isEqualTo(e.getValue());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                    .as("man/ holds a page for a command that no longer exists")
                    .containsExactlyInAnyOrderElementsOf(pages.keySet());
        }
    }

    /** The store's address can come from the environment, and how a server's password is given is said where the environment is. */
    @Test
    void theEnvironmentSectionsNameTheStoreAndWhereItsPasswordComesFrom() throws IOException {
        for (Path page : List.of(Path.of("man", "tally.1"), Path.of("man", "vi", "tally-import.1"))) {
            assertThat(Files.readString(page, StandardCharsets.UTF_8)).as(page.toString())
                    .contains("\\fBTALLY_STORE\\fR").contains("PGPASSWORD, ~/.pgpass (PGPASSFILE)");
        }
    }

    @Test
    void helpListsTheExitCodesOfTheEnum() {
        Tally.Run r = Tally.run(java.util.List.of("--help"));
        for (dev.tally.model.ExitCode c : dev.tally.model.ExitCode.values()) {
            assertThat(r.out()).contains("  " + String.format("%-4s", c.code()) + c.meaning() + "\n");
        }
    }

    /** tally(1) lists every finding code, each with its meaning in the page's language: none falls back to English. */
    @Test
    void everyFindingCodeIsInTheManPageInBothLanguages() throws IOException {
        java.util.Properties vi = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(ManPageTest.class.getResourceAsStream("/dev/tally/cli/help_vi.properties"), StandardCharsets.UTF_8)) {
            vi.load(in);
        }
        String en = Files.readString(Path.of("man", "tally.1"), StandardCharsets.UTF_8);
        for (dev.tally.model.FindingCode c : dev.tally.model.FindingCode.values()) {
            assertThat(vi.getProperty("word.finding." + c.key())).as("Vietnamese description of " + c.key()).isNotBlank();
            assertThat(en).contains(".TP\n\\fB" + ManPage.esc(c.key()) + "\\fR (");
        }
        assertThat(en).contains("(try \\fB\\-\\-encoding windows\\-1258\\fR)");
    }

    /** The Vietnamese help of --format names the formats from their registry, as the English does: a new format needs no translation. */
    @Test
    void theVietnameseFormatHelpTakesTheFormatsFromTheRegistry() throws IOException {
        java.util.Properties vi = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(ManPageTest.class.getResourceAsStream("/dev/tally/cli/help_vi.properties"), StandardCharsets.UTF_8)) {
            vi.load(in);
        }
        assertThat(vi.getProperty("option.format")).startsWith("${COMPLETION-CANDIDATES} ");
        String formats = java.util.Arrays.stream(dev.tally.write.Format.values()).map(dev.tally.write.Format::key)
                .collect(java.util.stream.Collectors.joining(", "));
        Tally.Run r = Tally.run("--lang", "vi", "rollup", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--format=FMT " + formats + " (mặc định");
    }

    @Test
    void escapesTroffSpecials() {
        assertThat(ManPage.esc(".start")).isEqualTo("\\&.start");
        assertThat(ManPage.esc("a-b\\c")).isEqualTo("a\\-b\\ec");
    }
}
