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
}
