package dev.tally.workspace;

import dev.tally.store.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's store, of either kind, with SQL on it: an SQLite file (tally.db in the test's directory, the
 * default) or a schema of its own on the run's PostgreSQL server ({@link TestServer}). The workspace
 * tests run once for each kind: the same commands, the same assertions.
 */
public final class TestStore {
    public enum Kind { SQLITE, POSTGRESQL }

    public final Kind kind;
    private final Path dir;
    private final String schema;

    private TestStore(Kind kind, Path dir) {
        this.kind = kind;
        this.dir = dir;
        this.schema = kind == Kind.POSTGRESQL ? TestServer.schema() : null;
        if (kind == Kind.POSTGRESQL) TestServer.get();
    }

    public static TestStore of(Kind kind, Path dir) { return new TestStore(kind, dir); }

    public boolean sqlite() { return kind == Kind.SQLITE; }

    /** The tally.yaml line that puts the project's store here: nothing for SQLite (tally.db beside tally.yaml). */
    public String yaml() { return sqlite() ? "" : "store: " + address() + "\n"; }

    /** The server address (PostgreSQL only). */
    public String address() { return TestServer.get().address(schema); }

    public String schemaName() { return schema; }

    /** How tally's messages name the store. */
    public String name() { return sqlite() ? dir.resolve("tally.db").toString() : address(); }

    /** The SQLite file (SQLite only). */
    public Path file() { return dir.resolve("tally.db"); }

    public Connection connect() throws SQLException {
        return sqlite() ? org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file(), new java.util.Properties())
                : TestServer.get().admin("tally", schema);
    }

    /** Each row of the query's result as its columns joined by |. */
    public List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) cells.add(String.valueOf(r.getObject(i)));
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** The one number a query gives. */
    public long count(String sql) throws SQLException {
        return Long.parseLong(query(sql).get(0));
    }

    /** True when the store exists: the file (or its -wal, -shm), or the store's tables in the schema. */
    public boolean exists() throws SQLException {
        if (sqlite()) {
            try (var files = java.nio.file.Files.list(dir)) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("tally.db"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try (Connection c = TestServer.get().admin("tally"); var p = c.prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
            p.setString(1, schema);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
