package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.ExitCode;
import dev.tally.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README is part of the product: its set-up commands, finding codes and exit codes must match the code. */
class ReadmeTest {
    static String readme() throws IOException { return Files.readString(Path.of("README.md")); }

    @Test
    void quickStartCommandsAreTheOnesCiRuns() throws IOException {
        String r = readme();
        assertThat(r).contains("    mvn -q -B package -DskipTests && target/tally rollup --config samples/tally.yaml samples/submissions\n");
        assertThat(r).contains("    mvn -B verify\n");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("\nmvn -B verify\n");
    }

    @Test
    void everyFindingCodeIsDocumented() throws IOException {
        String r = readme();
        for (FindingCode c : FindingCode.values()) {
            assertThat(r).as(c.key()).contains("| `" + c.key() + "` | ");
        }
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException {
        String r = readme();
        for (ExitCode c : ExitCode.values()) assertThat(r).contains("| " + c.code() + " | " + c.meaning() + " |");
    }

    /**
     * Every example in the README that runs on the bundled samples (`$ tally … --config samples/…`,
     * writing no file) prints what the README shows under it: all of its output (standard output, then
     * standard error) or all of its standard output, or where the README leaves lines out with "…",
     * the lines it shows in that order.
     */
    @Test
    void theExamplesPrintWhatTheReadmeShows() throws IOException {
        java.util.List<String> lines = readme().lines().toList();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^    \\$ (?:target/)?tally (.*--config samples/.*)$").matcher(lines.get(i));
            if (!m.matches() || m.group(1).matches(".*( -o |\\bimport\\b|\\binit\\b|\\bremap\\b).*")) continue;
            java.util.List<String> expected = new java.util.ArrayList<>();
            // the indented block under the command, blank lines inside it included
            for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("    $ "); k++) {
                if (lines.get(k).startsWith("    ")) {
                    expected.add(lines.get(k).substring(4));
                    continue;
                }
                if (!lines.get(k).isBlank()) break;
                int next = k + 1;
                while (next < lines.size() && lines.get(next).isBlank()) next++;
                if (next >= lines.size() || !lines.get(next).startsWith("    ") || lines.get(next).startsWith("    $ ")) break;
                expected.add("");
            }
            if (expected.isEmpty()) continue; // shown rendered (a markdown table), not as text
            Tally.Run run = Tally.run(m.group(1).split(" "));
            String stdout = run.out();
            java.util.List<String> actual = (stdout + run.err()).lines().map(String::stripTrailing).toList();
            java.util.List<String> outOnly = stdout.lines().map(String::stripTrailing).toList();
            String where = "README.md:" + (i + 1) + " " + m.group(1);
            java.util.List<String> shown = expected.stream().map(String::stripTrailing).toList();
            if (!shown.contains("…")) {
                // the whole output, or standard output alone where the README leaves out the summary
                if (!actual.equals(shown)) assertThat(outOnly).as(where).containsExactlyElementsOf(shown);
            } else {
                // "…" stands for lines left out: the lines shown come in the output in that order
                int at = 0;
                for (String line : shown) {
                    if (line.equals("…")) continue;
                    while (at < actual.size() && !actual.get(at).equals(line)) at++;
                    assertThat(at).as(where + ": '" + line + "' in order in\n" + String.join("\n", actual)).isLessThan(actual.size());
                    at++;
                }
            }
            checked++;
        }
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(6);
    }
}
