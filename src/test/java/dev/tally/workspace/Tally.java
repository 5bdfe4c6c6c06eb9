package dev.tally.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
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

    /** Each row of the query's result as its columns joined by |. */
    public static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) cells.add(String.valueOf(r.getObject(i)));
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }
}
