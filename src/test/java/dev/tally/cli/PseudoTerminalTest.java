package dev.tally.cli;

import static dev.tally.cli.Tally.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tally on a real pseudo-terminal (util-linux script), so that the width is detected as in use and
 * colour follows the terminal and NO_COLOR: what {@link TerminalTest} checks in-process with the
 * terminal given. A child JVM each.
 */
@Tag("process")
@org.junit.jupiter.api.Order(9) // pom.xml, process-tests: the longest first
class PseudoTerminalTest {
    @BeforeEach
    void script() { assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives a pseudo-terminal"); }

    /** The table a terminal of that width shows is the one TerminalTest's in-process run fitted to it. */
    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void throughARealTerminalTheWidthIsDetected(int width) throws Exception {
        String out = pty("stty cols " + width + " rows 50", Map.of(), with(TerminalTest.ROLLUP, "2>/dev/null")).replace("\r\n", "\n");
        assertThat(out).isEqualTo(Files.readString(TerminalTest.GOLDEN.resolve("rollup-" + width + ".txt"), StandardCharsets.UTF_8));
    }

    @Test
    void colourOnARealTerminalAndNeverWithNoColor() throws Exception {
        assertThat(pty("stty cols 120", Map.of(), TerminalTest.FAULTY)).contains("\u001b[");
        assertThat(pty("stty cols 120", Map.of("NO_COLOR", "1"), with(TerminalTest.ROLLUP, "2>/dev/null"))).doesNotContain("\u001b[").contains("[0/8]");
        assertThat(pty("stty cols 120", Map.of("NO_COLOR", "1"), TerminalTest.FAULTY)).doesNotContain("\u001b[").contains("error [conflict]");
    }

    /** Runs tally on a pseudo-terminal (standard output and error both on it), after the stty settings; what the terminal showed. */
    private static String pty(String stty, Map<String, String> env, String... args) throws Exception {
        StringBuilder cmd = new StringBuilder(stty + " && exec");
        for (String a : Child.quick(List.of("-Dfile.encoding=UTF-8"), List.of())) cmd.append(' ').append(q(a));
        for (String a : args) cmd.append(' ').append(a.startsWith("2>") ? a : q(a)); // 2>FILE: standard error off the terminal
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", cmd.toString(), "/dev/null");
        pb.environment().remove("COLUMNS");
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("TALLY_LANG");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String q(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
