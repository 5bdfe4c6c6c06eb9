package dev.tally.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project in a temporary directory that a test writes file by file (its units, catalog and
 * tally.yaml, then submissions), and the real command line run on it at the test's clock: the base of
 * the tests that work out a small project's figures by hand.
 */
public abstract class TempProject {
    /** The long CSV header every test's submissions start with. */
    protected static final String HEAD = Tally.HEAD;

    @TempDir
    protected Path dir;
    /** The project's tally.yaml, once the test has written it. */
    protected Path config;
    private final Clock clock;

    /** @param clock the moment every run sees (deadlines, the time an import received its files) */
    protected TempProject(Clock clock) { this.clock = clock; }

    /** Runs {@code tally COMMAND --config CONFIG ARGS...}. */
    protected Tally.Run tally(String... args) { return Tally.run(config, clock, args); }

    /** Writes {@code text} to {@code name} in the project's directory, as UTF-8. */
    protected Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Each row of the query's result on the project's store (tally.db) as its columns joined by |. */
    protected List<String> query(String sql) throws SQLException { return Tally.query(dir.resolve("tally.db"), sql); }
}
