package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails half-way (here: a file size limit, as a full disk does) is exit 4 naming the
 * output file; the file it would have replaced keeps its old content and no temporary file is left.
 * Run in a child process, since the limit is set with the shell's ulimit.
 */
@Tag("process")
@org.junit.jupiter.api.Order(10) // pom.xml, process-tests: the longest first
class WriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("rollup.csv"), "old content\n");
        // bash sets the limit and becomes tally: exec "$@"
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", "ulimit -f 16; exec \"$@\"", "bash"));
        cmd.addAll(Child.tally("rollup", "--config", "samples/tally.yaml", "--format", "csv", "-o", target.toString(), "samples/submissions"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isEqualTo(4);
        assertThat(out).contains(target + ": cannot write: File too large; the previous file (if any) is unchanged");
        assertThat(Files.readString(target)).isEqualTo("old content\n");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString()).toList()).isEqualTo(List.of("rollup.csv"));
        }
    }
}
