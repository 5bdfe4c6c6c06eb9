package dev.tally.workspace;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** The store tests' way in: cli/Tally's runs with a project and a fixed clock, and SQL on an SQLite store. */
public final class Tally {
    private Tally() {}

    public record Run(int exit, String out, String err) {}

    /** Runs {@code tally COMMAND --config CONFIG ARGS...}, as a user would, at the time {@code clock} says (through cli/Tally). */
    public static Run run(Path config, Clock clock, String... args) {
        dev.tally.cli.Tally.Run r = dev.tally.cli.Tally.run(config, clock, args);
        return new Run(r.exit(), r.out(), r.err());
    }

    /** Runs {@code tally ARGS...} as they are (no --config added: tally store copy needs none). */
    public static Run bare(Clock clock, String... args) {
        dev.tally.cli.Tally.Run r = dev.tally.cli.Tally.setup().at(clock).run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    /** Each row of the query's result as its columns joined by | (cli/Tally's). */
    public static List<String> query(Path db, String sql) throws SQLException { return dev.tally.cli.Tally.query(db, sql); }
}
