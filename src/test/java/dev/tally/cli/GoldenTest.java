package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : new byte[0];
        Tally.Run r = Tally.setup().in(stdin).run(args);
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
