package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Child;
import dev.tally.store.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a store on a server has: an address (in tally.yaml or TALLY_STORE) that never holds a
 * password, roles with only what they need (a reader that can read and not import), a server that is
 * down, refuses the password or goes away in the middle of an import (exit 4, one line, the store as
 * it was), and copying a store between a file and a server both ways.
 */
// Not @Isolated: it stops and restarts a server of its own (TestServer.own), not the one the other tests
// share. It sets the driver's pgpass file for the whole JVM, which only a connection that must give a
// password reads, and only this class connects as roles that have one.
class ServerStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-31T00:00:00Z"), ZoneOffset.ofHours(7));
    static final String HEAD = "unit,period,indicator,value\n";

    static TestServer server;

    @TempDir
    Path dir;
    String schema;
    Path config;

    @BeforeAll
    static void server() { server = TestServer.own(); }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @BeforeEach
    void project() throws IOException {
        schema = TestServer.schema();
        Files.writeString(dir.resolve("units.csv"), "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC11,Xã 11,D1,commune\n"
                + "C12,Xã 12,D1,commune\nD2,Huyện 2,P,district\nC21,Xã 21,D2,commune\n");
        Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: rec, type: integer, required: true}\n  - {code: res, type: integer}\n");
        config = yaml(server.address(schema));
    }

    @AfterEach
    void noPasswordFile() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    Path yaml(String store) throws IOException {
        return Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\n"
                + (store == null ? "" : "store: " + store + "\n"));
    }

    Tally.Run tally(String... args) { return Tally.run(config, CLOCK, args); }

    Path file(String name, String text) throws IOException { return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8); }

    long count(String sql) throws Exception {
        try (Connection c = server.admin("tally", schema); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    void admin(String... sql) throws Exception {
        try (Connection c = server.admin("tally"); Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    /** tally in a process of its own, with these environment variables. */
    Process start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Child.tally(args)).redirectOutput(dir.resolve("child-" + System.nanoTime() + ".out").toFile())
                .redirectError(dir.resolve("child-" + System.nanoTime() + ".err").toFile());
        pb.environment().remove("TALLY_STORE");
        pb.environment().remove("PGPASSWORD");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs tally in a process of its own to the end: exit code, standard output, standard error. */
    Tally.Run child(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Tally.Run(p.exitValue(), lastOf(".out"), lastOf(".err"));
    }

    private String lastOf(String suffix) throws IOException {
        File[] files = dir.toFile().listFiles((d, n) -> n.startsWith("child-") && n.endsWith(suffix));
        java.util.Arrays.sort(files);
        return Files.readString(files[files.length - 1].toPath());
    }

    @Test
    void aNewStoreOnAServerHasTheSchemaOfAFileAndTallyStoreNamesIt() throws Exception {
        // tally.yaml names no store: TALLY_STORE does (an analyst pointed at the team's server)
        config = yaml(null);
        Tally.Run r = child(Map.of("TALLY_STORE", server.address(schema)), "import", "--config", config.toString(),
                file("a.csv", HEAD + "C11,2024,rec,3\nC12,2024,rec,4\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.exists(dir.resolve("tally.db"))).isFalse();
        assertThat(count("SELECT version FROM tally_schema")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(2);
        // the same tables and columns as a file store, by the same migrations
        config = yaml(null);
        assertThat(Tally.run(config, CLOCK, "import", dir.resolve("a.csv").toString()).exit()).isZero();
        List<String> sqlite = TestStore.of(TestStore.Kind.SQLITE, dir).query(
                "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') ORDER BY 1");
        List<String> pg = new ArrayList<>();
        try (Connection c = server.admin("tally"); var st = c.prepareStatement("SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name <> 'tally_schema' ORDER BY table_name || '.' || column_name COLLATE \"C\"")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) pg.add(rs.getString(1));
            }
        }
        assertThat(pg).isEqualTo(sqlite).contains("audit.old_value", "lock.unlock_reason", "import.by_user");
    }

    @Test
    void aPasswordInTheAddressIsRefused() throws Exception {
        for (String address : List.of("postgresql://tally:secret@127.0.0.1/tally", "postgresql://127.0.0.1/tally?password=secret")) {
            config = yaml(address);
            Tally.Run r = tally("status");
            assertThat(r.exit()).as(address).isEqualTo(3);
            assertThat(r.err()).isEqualTo("tally: " + config + ": the store's address holds a password, which tally does not read from there: "
                    + "remove it, and give it in PGPASSWORD, ~/.pgpass or a service file\n");
        }
        config = yaml("postgresql://127.0.0.1/tally?schema=Robert'); DROP TABLE x;--");
        assertThat(tally("status").err()).contains("the schema 'Robert'); DROP TABLE x;--' is not one tally names");
    }

    @Test
    void aServerThatIsDownOrRefusesThePasswordIsOneLineAndExitFour() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String down = "postgresql://postgres@127.0.0.1:" + closed + "/tally";
        config = yaml(down);
        Tally.Run r = tally("import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).startsWith("tally: " + down + ": cannot connect to the store's server: Connection to 127.0.0.1:" + closed + " refused.")
                .doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        // a role with a password, given wrong through PGPASSWORD
        String role = "clerk_" + schema;
        admin("CREATE ROLE " + role + " LOGIN PASSWORD 'right'");
        config = yaml("postgresql://" + role + "@127.0.0.1:" + server.port() + "/tally?schema=" + schema);
        Tally.Run wrong = child(Map.of("PGPASSWORD", "wrong"), "status", "--config", config.toString());
        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(wrong.err()).startsWith("tally: postgresql://" + role + "@127.0.0.1:" + server.port() + "/tally?schema=" + schema
                + ": cannot connect to the store's server: FATAL: password authentication failed for user \"" + role + "\"");
        assertThat(wrong.err().lines()).hasSize(1);
        // the right one gets as far as the store, which is not there yet
        Tally.Run right = child(Map.of("PGPASSWORD", "right"), "status", "--config", config.toString());
        assertThat(right.err()).contains("no store yet; import submissions first");
    }

    @Test
    void theReaderRoleReadsAndCannotImportTheWriterImportsAndLocks() throws Exception {
        String owner = "own_" + schema, writer = "wri_" + schema, reader = "rea_" + schema;
        admin("CREATE ROLE " + owner + " LOGIN PASSWORD 'o'", "CREATE ROLE " + writer + " LOGIN PASSWORD 'w'",
                "CREATE ROLE " + reader + " LOGIN PASSWORD 'r'");
        // what tally store grants prints, run by the administrator before anything else
        Tally.Run grants = Tally.bare(CLOCK, "store", "grants", "--config", config.toString(), "--owner", owner, "--writer", writer, "--reader", reader);
        assertThat(grants.exit()).as(grants.err()).isZero();
        assertThat(grants.out()).contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"" + schema + "\" TO \"" + reader + "\";")
                .doesNotContain("DELETE ON");
        admin(grants.out());
        // each role's password in a password file, as ~/.pgpass would hold it (read by the driver)
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + server.port() + ":tally:" + owner + ":o\n127.0.0.1:"
                + server.port() + ":tally:" + writer + ":w\n127.0.0.1:" + server.port() + ":tally:" + reader + ":r\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        String as = "postgresql://%s@127.0.0.1:" + server.port() + "/tally?schema=" + schema;
        // the schema is there, its tables not yet: the writer cannot make them, and is told who can
        config = yaml(as.formatted(writer));
        Tally.Run early = tally("import", file("a.csv", HEAD + "C11,2024,rec,3\nC12,2024,rec,4\n").toString());
        assertThat(early.exit()).isEqualTo(4);
        assertThat(early.err()).startsWith("tally: " + as.formatted(writer) + ": the store's tables are not made yet, and this role "
                + "cannot make them (ERROR: permission denied for schema " + schema).contains("as the schema's owner");
        assertThat(early.err().lines()).hasSize(1);
        // the owner's first import makes the tables (the owner of the schema only, without CREATE on the
        // database); the writer and the reader get theirs by the default privileges
        config = yaml(as.formatted(owner));
        assertThat(tally("import", file("a.csv", HEAD + "C11,2024,rec,3\nC12,2024,rec,4\n").toString()).exit()).isZero();
        config = yaml(as.formatted(writer));
        Tally.Run written = tally("import", file("b.csv", HEAD + "C21,2024,rec,5\nC11,2024,rec,6\n").toString());
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(tally("lock", "--period", "2024", "--unit", "D2", "--by", "lan").exit()).isZero();
        config = yaml(as.formatted(reader));
        assertThat(tally("status", "--period", "2024", "--format", "csv").out()).contains("2024,province,P,Tỉnh,3,3,");
        assertThat(tally("history", "--unit", "C11", "--period", "2024", "--format", "csv").out()).contains("rec 3 → 6");
        assertThat(tally("rollup", "--format", "csv", "--depth", "0").out()).contains("P,Tỉnh,province,2024,rec,15,3,3");
        long before = count("SELECT count(*) FROM submission");
        Tally.Run refused = tally("import", file("c.csv", HEAD + "C12,2024,rec,9\n").toString());
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).startsWith("tally: " + as.formatted(reader) + ": the import failed and nothing of it was stored: ")
                .contains("permission denied for table");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(tally("unlock", "--period", "2024", "--unit", "D2", "--by", "x", "--reason", "y").exit()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM lock WHERE unlocked_at IS NULL")).isEqualTo(1);
        // the writer cannot delete what was imported
        try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + server.port() + "/tally",
                props(writer, "w")); Statement st = c.createStatement()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> st.execute("DELETE FROM \"" + schema + "\".audit")))
                    .hasMessageContaining("permission denied");
        }
    }

    static java.util.Properties props(String user, String password) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    /** A file of every commune's values for many months: an import that keeps writing for a while. */
    Path manyMonths(String name, int communes, int months) throws IOException {
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\n");
        for (int d = 0; d < communes / 100; d++) {
            units.append("D").append(d).append(",Huyện,P,district\n");
            for (int c = 0; c < 100; c++) units.append("D").append(d).append("C").append(c).append(",Xã,D").append(d).append(",commune\n");
        }
        Files.writeString(dir.resolve("units.csv"), units);
        StringBuilder sb = new StringBuilder(HEAD);
        for (int m = 1; m <= months; m++) {
            for (int d = 0; d < communes / 100; d++) {
                for (int c = 0; c < 100; c++) {
                    String u = "D" + d + "C" + c, p = String.format("2023-%02d", m);
                    sb.append(u).append(',').append(p).append(",rec,").append(m + c).append('\n').append(u).append(',').append(p).append(",res,").append(d).append('\n');
                }
            }
        }
        return file(name, sb.toString());
    }

    /**
     * The server stopped (killed, as a crash) while an import is writing: the import ends with exit 4
     * and one line that names the server, and once the server is back the store is as it was before.
     * Then the same with only the import's connection dropped.
     */
    @Test
    void aServerThatGoesAwayMidImportLeavesTheStoreAsItWas() throws Exception {
        Path big = manyMonths("big.csv", 3000, 12);
        config = yaml(server.address(schema));
        assertThat(tally("import", file("first.csv", HEAD + "D0C1,2024,rec,1\n").toString()).exit()).isZero();
        for (boolean killServer : new boolean[] {true, false}) {
            long submissions = count("SELECT count(*) FROM submission"), imports = count("SELECT count(*) FROM import");
            Process p = start(Map.of(), "import", "--config", config.toString(), big.toString());
            // once the import's transaction has written something
            int backend = waitForWrites(p);
            assertThat(backend).as("the import was caught writing").isPositive();
            if (killServer) {
                server.kill();
            } else {
                admin("SELECT pg_terminate_backend(" + backend + ")");
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Tally.Run r = new Tally.Run(p.exitValue(), lastOf(".out"), lastOf(".err"));
            if (killServer) server.start();
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            assertThat(r.err()).startsWith("tally: " + server.address(schema) + ": the import failed and nothing of it was stored: ")
                    .doesNotContain("\tat ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(count("SELECT count(*) FROM submission")).isEqualTo(submissions);
            assertThat(count("SELECT count(*) FROM import")).isEqualTo(imports);
        }
        // and the import goes through when nothing stops it
        assertThat(tally("import", big.toString()).exit()).isZero();
        assertThat(count("SELECT count(*) FROM submission WHERE period LIKE '2023-%'")).isEqualTo(3000L * 12);
    }

    /** The server process of the import's transaction once it has written a row (it has a transaction id); 0 if the import ended first. */
    private int waitForWrites(Process p) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection c = server.admin("tally"); var st = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = 'tally' "
                + "AND backend_xid IS NOT NULL")) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try (ResultSet r = st.executeQuery()) {
                    if (r.next()) return r.getInt(1);
                }
                Thread.sleep(5);
            }
        }
        return 0;
    }

    @Test
    void aStoreCopiedToTheServerAndBackHasEveryRowAndRollsUpTheSame() throws Exception {
        // a file store with versions, a rejection, an audit and a lock, lifted and in force
        config = yaml(null);
        tally("import", "--by", "lan", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,3\nC11,2024-H1,res,1\nC12,2024-H1,rec,x\n").toString());
        tally("import", "--by", "minh", "--received", "2024-07-20", file("b.csv", HEAD + "C11,2024-H1,rec,4\nC21,2024-H1,rec,5\n").toString());
        tally("lock", "--period", "2024-H1", "--unit", "D1", "--by", "lan", "--reason", "đã ký");
        tally("unlock", "--period", "2024-H1", "--unit", "D1", "--by", "lan", "--reason", "sửa");
        tally("lock", "--period", "2024", "--by", "lan");
        String fromFile = tally("rollup", "--format", "csv").out();
        String statusFile = tally("status", "--format", "csv").out();
        Path db = dir.resolve("tally.db");
        String address = server.address(schema);
        Tally.Run up = Tally.bare(CLOCK, "store", "copy", db.toString(), address);
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out()).isEqualTo("copied " + db + " into " + address + ", rows of each table: import 2, submission 3, rejection 1, "
                + "lock 2, audit 5; the counts of both agree\n");
        config = yaml(address);
        assertThat(tally("rollup", "--format", "csv").out()).isEqualTo(fromFile).contains("C11,Xã 11,commune,2024-H1,rec,4,1,1");
        assertThat(tally("status", "--format", "csv").out()).isEqualTo(statusFile);
        assertThat(tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv").out()).contains("minh@localhost")
                .contains("locked (lock 1: 2024-H1, every form, unit D1 and below): đã ký").contains("unlocked (lock 1): sửa");
        // the copy's next rows are numbered after the copied ones, and the lock in force holds there
        Tally.Run refused = tally("import", file("c.csv", HEAD + "C21,2024-H1,rec,6\n").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("error [locked]").contains("lock 2 on 2024, every form, every unit");
        assertThat(count("SELECT max(id) FROM import")).isEqualTo(3);
        // a second copy into the same schema is refused, and changes nothing
        Tally.Run again = Tally.bare(CLOCK, "store", "copy", db.toString(), address);
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).contains("the store to copy into is not empty (table import has rows); it was left untouched");
        // and back into a new file: the same rows, the same rollup
        Path back = dir.resolve("back.db");
        Tally.Run down = Tally.bare(CLOCK, "store", "copy", address, back.toString());
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.out()).contains(", rows of each table: import 3, submission 3, rejection 2, lock 2, audit 5; the counts of both agree");
        config = yaml(back.toString());
        assertThat(tally("rollup", "--format", "csv").out()).isEqualTo(fromFile);
        for (String table : List.of("import", "submission", "rejection", "lock", "audit")) {
            assertThat(Tally.query(back, "SELECT * FROM " + table + " ORDER BY id")).as(table)
                    .isEqualTo(pgRows("SELECT * FROM " + table + " ORDER BY id"));
        }
    }

    private List<String> pgRows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.admin("tally", schema); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
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
