package dev.tally.workspace;

import dev.tally.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The command-line tests' way in: the real command line with a project and a fixed clock, and SQL on the store. */
public final class Tally {
    private Tally() {}

    public record Run(int exit, String out, String err) {}

    /** Runs {@code tally COMMAND --config CONFIG ARGS...}, as a user would, at the time {@code clock} says. */
    public static Run run(Path config, Clock clock, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add(1, "--config");
        a.add(2, config.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(a.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of(""), 0, clock);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code tally ARGS...} as they are (no --config added: tally store copy needs none). */
    public static Run bare(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of(""), 0, clock);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
