package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void helpListsTheExitCodesOfTheEnum() {
        Tally.Run r = Tally.run(java.util.List.of("--help"));
        for (dev.tally.model.ExitCode c : dev.tally.model.ExitCode.values()) {
            assertThat(r.out()).contains(c.code() + "   " + c.meaning());
        }
    }

    @Test
    void escapesTroffSpecials() {
        assertThat(ManPage.esc(".start")).isEqualTo("\\&.start");
        assertThat(ManPage.esc("a-b\\c")).isEqualTo("a\\-b\\ec");
    }
}
