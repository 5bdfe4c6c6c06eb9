package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.Period;
import dev.tally.model.Submission;
import dev.tally.model.TallyException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link Store} in one SQLite file (the default, embedded: nothing to install or run) that any
 * SQLite tool can open
 * ({@code SELECT * FROM current_value}). Every version of a submission is kept; exactly one per unit
 * and period is current. A submission's values are one JSON object in its row
 * ({@code {"dvk_models": 7, "cadres_trained": null}}: exact decimal text, null for missing), which
 * the view {@code current_value} spreads into one row per value with SQLite's json_each; one row per
 * submission rather than per value makes importing and reading several times faster. Writes happen in one {@code BEGIN IMMEDIATE} transaction per import, so a
 * killed process leaves the store as it was or with the import complete, and a second import waits
 * for the first (busy timeout) instead of failing.
 *
 * <p>The file is identified by SQLite's application_id ("TALY") and versioned by user_version: a
 * file that is not a tally store is refused and never written; a store from a newer tally is refused.
 */
final class SqliteStore extends JdbcStore {
    static final int APPLICATION_ID = 0x54414C59; // "TALY"
    static final int SCHEMA_VERSION = Migration.CURRENT;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * sqlite-jdbc logs its own failures (say, no writable temporary directory for its native
     * library) as stack traces on standard error; tally reports them in one line instead. Held
     * here because the logging system keeps loggers only weakly.
     */
    private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("org.sqlite");

    static {
        SQLITE_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private final Path file;

    private SqliteStore(Connection db, Path file) {
        super(db, Dialect.SQLITE);
        this.file = file;
    }

    /**
     * An empty store in memory standing for {@code file} where there is none yet, for an import that
     * writes nothing (a dry run, an {@code --atomic run} with an error): nothing is created on disk.
     */
    static Store inMemory(Path file) {
        try {
            SqliteStore s = new SqliteStore(connect("jdbc:sqlite::memory:"), file);
            s.prepare(false);
            return s;
        } catch (SQLException e) {
            throw StoreException.io(t("store.dryRun", e.getMessage()));
        }
    }

    /**
     * Opens (and with {@code create}, creates) the store; refuses files that are not tally stores. With {@code check}, for import, which must not write onto a
     * damaged file: an existing store is checked whole ({@code PRAGMA quick_check}) before anything
     * writes to it, and refused, untouched, when it is damaged. A store of this tally's schema is
     * checked on a connection of its own while the caller goes on (an import reads its inputs
     * meanwhile), and {@link #begin} waits for the verdict; any other (one to upgrade) is checked
     * before the upgrade.
     */
    static Store open(Path file, boolean create, boolean check) {
        boolean exists = Files.exists(file);
        try {
            if (exists && Files.size(file) > 0) {
                byte[] head = new byte[16];
                try (InputStream in = Files.newInputStream(file)) {
                    if (in.readNBytes(head, 0, 16) < 16 || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
                        throw StoreException.io(t("store.notSqlite", file));
                    }
                }
            } else if (!create) {
                throw StoreException.io(t("store.noStore", file));
            }
        } catch (IOException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        Connection c;
        try {
            c = connect("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotOpen", file, e.getMessage()));
        }
        SqliteStore s = new SqliteStore(c, file);
        try {
            s.check = check && exists;
            s.prepare(exists);
            return s;
        } catch (SQLException e) {
            s.closeQuietly();
            if (s.check && corrupt(e)) throw StoreException.io(t("store.corrupt", file, oneLine(e.getMessage())));
            throw StoreException.io(t("store.cannotOpen", file, e.getMessage()));
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
    }

    /**
     * Without sqlite-jdbc's generated keys: by default it runs a second statement after every
     * insert to fetch the new row id (a fifth of the time of storing 100,000 submissions); the one
     * insert that needs its id asks with RETURNING.
     */
    private static java.util.Properties connectionProperties() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("jdbc.get_generated_keys", "false");
        return p;
    }

    /**
     * A connection through SQLite's driver itself, not java.sql.DriverManager: the first use of
     * DriverManager loads every driver on the class path, and so would load the PostgreSQL driver's
     * classes in every run of an SQLite store.
     */
    private static Connection connect(String url) throws SQLException {
        return org.sqlite.JDBC.createConnection(url, connectionProperties());
    }

    private void prepare(boolean existed) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA busy_timeout = 120000");
            int[] seen = identity(st);
            if (seen[2] == 0) {
                // a new file: create the schema, unless another process does it first (createSchema
                // re-checks under the write lock), then look again
                createSchema(st);
                seen = identity(st);
            }
            if (seen[0] != APPLICATION_ID) {
                db.close();
                throw StoreException.io(t("store.otherProgram", file));
            }
            if (seen[1] > SCHEMA_VERSION) {
                db.close();
                throw StoreException.io(t("store.newer", file, seen[1], SCHEMA_VERSION));
            }
            if (check && seen[2] > 0) {
                boolean current = seen[1] == SCHEMA_VERSION && "wal".equalsIgnoreCase(text(st, "PRAGMA journal_mode"));
                // nothing below writes to a store of this schema in WAL mode: it can be checked while the caller goes on
                if (current) checking = java.util.concurrent.CompletableFuture.supplyAsync(this::quickCheck);
                else problems(quickCheck());
            }
            // only now that the file is known to be ours (and, for an import, whole) may anything about it change
            walMode(st);
            st.execute("PRAGMA synchronous = NORMAL");
            if (seen[1] < SCHEMA_VERSION) Migration.upgrade(db, st, file);
            st.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** Whether an import checks the store before it writes; the check running meanwhile (null: none). */
    private boolean check;
    private java.util.concurrent.CompletableFuture<String> checking;

    /**
     * SQLite's quick_check of the whole file, on a read-only connection of its own: null when the
     * store is whole, else what is wrong. quick_check reads every page and checks each B-tree's
     * structure (not that indexes match their tables, which integrity_check does at several times
     * the cost), so a page of garbage anywhere is found. Its cost grows with the store: a W2-sized
     * store (104,000 submissions, 116 MB) about 0.8-1.1 s, a W3-sized one (1.04M, 1.17 GB) 7-12 s on
     * this project's busy 2-core machine (the commit that added it says how it was measured).
     */
    private String quickCheck() {
        org.sqlite.SQLiteConfig ro = new org.sqlite.SQLiteConfig();
        ro.setReadOnly(true);
        ro.setBusyTimeout(120_000);
        List<String> problems = new ArrayList<>();
        try (Connection c = ro.createConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("PRAGMA quick_check(3)")) {
            while (r.next()) problems.add(r.getString(1));
        } catch (SQLException e) {
            if (!corrupt(e)) return t("store.cannotRead", file, e.getMessage());
            problems.add(e.getMessage());
        }
        return problems.size() == 1 && "ok".equals(problems.get(0)) ? null : String.join("; ", problems);
    }

    /** Refuses a damaged store: closes it, untouched, and says so in one line. */
    private void problems(String found) {
        if (found == null) return;
        closeQuietly();
        throw StoreException.io(t("store.corrupt", file, oneLine(found)));
    }

    /** Waits for the check started on opening, if any, and refuses a damaged store. */
    private void checked() {
        if (checking == null) return;
        String found = checking.join();
        checking = null;
        problems(found);
    }

    /** SQLite's own word that the file is not a whole database. */
    private static boolean corrupt(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed");
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet r = st.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /**
     * Switches a new store to WAL (persistent in the file, so once is enough). The switch needs the
     * file to itself and SQLite does not wait for that through the busy timeout, so while another
     * process is in the middle of creating or importing, it is retried here.
     */
    private void walMode(Statement st) throws SQLException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try (ResultSet r = st.executeQuery("PRAGMA journal_mode")) {
                if (r.next() && ("wal".equalsIgnoreCase(r.getString(1)) || "memory".equalsIgnoreCase(r.getString(1)))) return;
            }
            try {
                st.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                boolean busy = e.getMessage() != null && (e.getMessage().contains("SQLITE_BUSY") || e.getMessage().contains("locked"));
                if (!busy || System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * {application_id, user_version, number of schema objects}, read in one transaction so that a
     * store being created by another process is seen either before or after, never half made.
     */
    private static int[] identity(Statement st) throws SQLException {
        st.execute("BEGIN");
        try {
            return new int[] {intPragma(st, "application_id"), intPragma(st, "user_version"), tableCount(st)};
        } finally {
            st.execute("COMMIT");
        }
    }

    private static int intPragma(Statement st, String name) throws SQLException {
        try (ResultSet r = st.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static int tableCount(Statement st) throws SQLException {
        try (ResultSet r = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private void createSchema(Statement st) throws SQLException {
        // 16 KiB pages rather than 4: a submission's row is about 900 bytes, and with four times fewer
        // pages an import writes fewer page headers and B-tree splits, once into the write-ahead log and
        // once into the file (W2's 104,000 submissions: insert and commit 2.05 s -> 1.66 s, medians of 5).
        // Only an empty file takes it (outside a transaction; a store keeps the page size it was made
        // with, and one another process has just made is left as it is).
        st.execute("PRAGMA page_size = 16384");
        st.execute("BEGIN IMMEDIATE");
        if (tableCount(st) == 0) { // a concurrent first import may have created it while we waited
            st.execute("PRAGMA application_id = " + APPLICATION_ID);
            st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            Migration.create(Dialect.SQLITE, st);
        }
        st.execute("COMMIT");
    }

    /** The file's path. */
    @Override
    public String name() { return file.toString(); }

    @Override
    public Path file() { return file; }

    /** The same file opened again (SQLite connections are not shared between threads). */
    @Override
    public Store another() { return open(file, false, false); }

    // ------------------------------------------------------------------ writing

    /** An import: one BEGIN IMMEDIATE transaction (see {@link Store.Batch}): every write waits for any other. */
    private final class Transaction extends Writes {
        private final PreparedStatement findCurrent, latest, retire, addSubmission, previousValues;
        /**
         * Every (unit, form, period) with a version in the store, when the constructor read them in one
         * scan; null when it did not, and then every submission is looked up.
         */
        private java.util.Set<String> versioned;

        Transaction(Who who, java.util.Collection<Key> keys) throws SQLException {
            super(who);
            try (Statement st = db.createStatement()) {
                // a plain BEGIN would let two importers both read and then fail to write; IMMEDIATE
                // takes the write lock now, and the busy timeout makes the second one wait for it
                // a page cache of 64 MiB rather than 2: an import of 100,000 submissions otherwise spills
                // and re-reads index pages through the write-ahead log (the insert alone: 1.8 s -> 0.8 s)
                st.execute("PRAGMA cache_size = -65536");
                // The schema's CHECKs guard the store against other programs' writes (a value map that is
                // not JSON). What tally itself writes is made by Encoder and Json, which write valid JSON
                // by construction (BatchTest has SQLite check it), so its own import does not have SQLite
                // parse every map again: W2's import took 4.81 s instead of 5.15 s (medians of 8).
                st.execute("PRAGMA ignore_check_constraints = ON");
                st.execute("BEGIN IMMEDIATE");
            }
            findCurrent = db.prepareStatement("SELECT id, version, digest FROM submission WHERE unit = ? AND form = ? AND period = ? AND is_current = 1");
            // the current version when there is one (else the newest), and the newest version's number:
            // one lookup per submission stored
            latest = db.prepareStatement("SELECT id, is_current, digest, received, (SELECT max(version) FROM submission t "
                    + "WHERE t.unit = s.unit AND t.form = s.form AND t.period = s.period) FROM submission s "
                    + "WHERE unit = ? AND form = ? AND period = ? ORDER BY is_current DESC, version DESC LIMIT 1");
            retire = db.prepareStatement("UPDATE submission SET is_current = 0 WHERE id = ?");
            addSubmission = db.prepareStatement("INSERT INTO submission (unit, form, period, version, import_id, received, is_current, digest, "
                    + "value_count, value_map, source_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            previousValues = db.prepareStatement("SELECT value_map FROM submission WHERE id = ?");
            if (keys != null) expect(keys.size());
        }

        /** Every write to an SQLite file waits for every other: each is exclusive. */
        @Override
        public boolean exclusive() { return true; }

        /**
         * When the import's submissions are many against the submissions the store holds, the keys that
         * have any version are read in one scan of the unique index (unit, form, period, version), and a
         * submission whose key is not among them is stored without looking up its latest version, which
         * it cannot have (a first import of 104,000 submissions: 104,000 lookups, 0.4 s). Otherwise each
         * submission is looked up as before: a small import into a large store reads no more than it stores.
         */
        private void expect(long submissions) throws SQLException {
            long rows;
            try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT coalesce(max(id), 0) FROM submission")) {
                rows = r.next() ? r.getLong(1) : 0;
            }
            if (rows > 8 * submissions) return;
            java.util.Set<String> keys = new java.util.HashSet<>();
            try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT DISTINCT unit, form, period FROM submission")) {
                while (r.next()) keys.add(key(r.getString(1), r.getString(2), r.getString(3)));
            }
            versioned = keys;
        }

        @Override
        public Outcome put(Encoded s, String received) throws SQLException {
            // a key the scan did not see has no version: nothing to compare or retire
            if (versioned != null && versioned.add(key(s.unit(), s.form(), s.period()))) return insert(s, received, 0, true, Outcome.NEW);
            LOOKUPS.increment();
            latest.setString(1, s.unit());
            latest.setString(2, s.form());
            latest.setString(3, s.period());
            long currentId = -1;
            int version = 0;
            try (ResultSet r = latest.executeQuery()) {
                if (r.next()) {
                    version = r.getInt(5);
                    if (r.getInt(2) == 1) {
                        if (r.getString(3).equals(s.digest())) return Outcome.UNCHANGED;
                        // the newer of two versions wins by when it was received, whichever came in first
                        if (Changes.before(received, r.getString(4))) return insert(s, received, version, false, Outcome.OLDER);
                        currentId = r.getLong(1);
                    }
                    // else none is current, but there are earlier versions (retired when the catalog's forms changed)
                }
            }
            if (currentId >= 0) {
                retire.setLong(1, currentId);
                retire.executeUpdate();
                previousValues.setLong(1, currentId);
                try (ResultSet r = previousValues.executeQuery()) {
                    r.next();
                    auditReplacement(r.getString(1), s, version + 1);
                }
                return insert(s, received, version, true, Outcome.REPLACED);
            }
            return insert(s, received, version, true, Outcome.NEW);
        }

        private Outcome insert(Encoded s, String received, int version, boolean current, Outcome outcome) throws SQLException {
            addSubmission.setString(1, s.unit());
            addSubmission.setString(2, s.form());
            addSubmission.setString(3, s.period());
            addSubmission.setInt(4, version + 1);
            addSubmission.setLong(5, s.importId());
            addSubmission.setString(6, received);
            addSubmission.setInt(7, current ? 1 : 0);
            addSubmission.setString(8, s.digest());
            addSubmission.setInt(9, s.count());
            addSubmission.setString(10, s.values());
            addSubmission.setString(11, s.sources());
            addSubmission.executeUpdate();
            return outcome;
        }

        @Override
        public boolean hasCurrent(String unit, String form, Period period) throws SQLException {
            findCurrent.setString(1, unit);
            findCurrent.setString(2, form);
            findCurrent.setString(3, period.text());
            try (ResultSet r = findCurrent.executeQuery()) {
                return r.next();
            }
        }

        @Override
        public void commit() throws SQLException {
            flushAudit();
            try (Statement st = db.createStatement()) {
                st.execute("COMMIT");
            }
            open = false;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement p : List.of(findCurrent, latest, retire, addSubmission, previousValues)) p.close();
            closeStatements();
            try (Statement st = db.createStatement()) {
                if (open) st.execute("ROLLBACK");
                open = false;
                st.execute("PRAGMA ignore_check_constraints = OFF");
            }
        }
    }

    /** How many submissions {@link Transaction#put} looked up one by one: for tests of the scan. */
    static final java.util.concurrent.atomic.LongAdder LOOKUPS = new java.util.concurrent.atomic.LongAdder();

    @Override
    public Store.Batch begin(Who who, java.util.Collection<Key> keys, boolean exclusive) {
        checked();
        try {
            return new Transaction(who, keys);
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotImport", file, e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ reading

    @Override
    String sourceFilesSql() {
        return "SELECT i.file FROM submission s JOIN import i ON i.id = s.import_id WHERE s.is_current = 1 "
                + "UNION SELECT i.file FROM submission s JOIN json_each(s.source_map) v JOIN import i ON i.id = json_extract(v.value, '$[0]') "
                + "WHERE s.is_current = 1 AND s.source_map LIKE '{%' ORDER BY 1";
    }

    @Override
    public void close() {
        // a check still running holds a connection of its own: let it finish before the file is let go
        if (checking != null) checking.exceptionally(e -> null).join();
        try {
            db.close();
        } catch (SQLException e) {
            throw new TallyException(dev.tally.model.ExitCode.IO, t("store.cannotClose", file, e.getMessage()));
        }
    }
}
