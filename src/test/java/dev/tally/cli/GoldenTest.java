package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the real command line on every case under src/test/resources/cli/CASE: {@code args} holds the
 * arguments one per line (paths relative to the project root), optional {@code stdin} is fed to
 * standard input, and {@code out}, {@code err} and {@code exit} hold what must come back.
 * To accept new output after a deliberate change: {@code mvn test -Dtally.golden.update=true}, then
 * read the diff before committing.
 */
class GoldenTest {
    static final Path CASES = Path.of("src/test/resources/cli");
    static final boolean UPDATE = Boolean.getBoolean("tally.golden.update");

    record Result(int exit, String out, String err) {}

    static Result run(List<String> args, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin);
        int code = InProcess.run(args.toArray(String[]::new), in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of(""), 0,
                java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            s.filter(Files::isDirectory).sorted().forEach(dirs::add);
        }
        assertThat(dirs).as("golden cases").isNotEmpty();
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    private static void check(Path dir) throws IOException {
        List<String> args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        Path stdinFile = dir.resolve("stdin");
        byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : null;
        Result r = run(args, stdin);
        String exit = r.exit() + "\n";
        if (UPDATE) {
            Files.writeString(dir.resolve("out"), r.out(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("err"), r.err(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("exit"), exit, StandardCharsets.UTF_8);
            return;
        }
        assertThat(r.err()).as(dir + "/err").isEqualTo(read(dir.resolve("err")));
        assertThat(r.out()).as(dir + "/out").isEqualTo(read(dir.resolve("out")));
        assertThat(exit).as(dir + "/exit").isEqualTo(read(dir.resolve("exit")));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
