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
import java.sql.DriverManager;
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
final class SqliteStore implements Store {
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

    private final Connection db;
    private final Path file;

    private SqliteStore(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * An empty store in memory standing for {@code file} where there is none yet, for an import that
     * writes nothing (a dry run, an {@code --atomic run} with an error): nothing is created on disk.
     */
    static Store inMemory(Path file) {
        try {
            SqliteStore s = new SqliteStore(DriverManager.getConnection("jdbc:sqlite::memory:", connectionProperties()), file);
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
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), connectionProperties());
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

    private static String oneLine(String s) {
        String one = String.valueOf(s).replace("*** in database main ***", "").replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
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
            for (String sql : SCHEMA) st.execute(sql);
        }
        st.execute("COMMIT");
    }

    /**
     * Schema 2. A submission is one unit's values for one form and one period; its values may come
     * from several files of one import, so each value's source is kept beside it: the lines in value
     * order when all came from the submission's import, else each value's import and line. A
     * submission an import rejected is not stored, but that it arrived is: {@code rejection} keeps
     * the codes it gave and the findings that rejected it, so completeness can tell "rejected, lacks
     * petitions_received" from "nothing arrived".
     */
    static final List<String> SCHEMA = List.of("""
            CREATE TABLE import (
              id INTEGER PRIMARY KEY,
              file TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              received TEXT NOT NULL,
              imported_at TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('stored', 'partial', 'rejected')),
              values_read INTEGER NOT NULL,
              stored INTEGER NOT NULL,
              unchanged INTEGER NOT NULL,
              rejected INTEGER NOT NULL)""", """
            CREATE TABLE submission (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              form TEXT NOT NULL,
              period TEXT NOT NULL,
              version INTEGER NOT NULL,
              import_id INTEGER NOT NULL REFERENCES import(id),
              received TEXT NOT NULL,
              is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
              digest TEXT NOT NULL,
              value_count INTEGER NOT NULL,
              value_map TEXT NOT NULL CHECK (json_valid(value_map)),
              source_map TEXT NOT NULL CHECK (json_valid(source_map)),
              UNIQUE (unit, form, period, version))""",
            "CREATE UNIQUE INDEX submission_current ON submission(unit, form, period) WHERE is_current = 1", """
            CREATE TABLE rejection (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              form TEXT NOT NULL,
              period TEXT NOT NULL,
              import_id INTEGER NOT NULL REFERENCES import(id),
              received TEXT NOT NULL,
              given TEXT NOT NULL CHECK (json_valid(given)),
              errors TEXT NOT NULL CHECK (json_valid(errors)))""",
            "CREATE INDEX rejection_key ON rejection(unit, form, period, id)",
            // lets readers find the current rows and their imports without scanning the value maps
            "CREATE INDEX submission_live ON submission(is_current, id, import_id)", """
            CREATE VIEW current_value AS
              SELECT s.unit, s.form, s.period, v.key AS indicator, v.value, s.received, i.file
              FROM submission s JOIN json_each(s.value_map) v
              LEFT JOIN import i ON i.id = CASE WHEN json_type(s.source_map) = 'object'
                THEN json_extract(s.source_map, '$."' || v.key || '"[0]') ELSE s.import_id END
              WHERE s.is_current = 1""");

    /** The file's path. */
    @Override
    public String name() { return file.toString(); }

    @Override
    public Path file() { return file; }

    /** The same file opened again (SQLite connections are not shared between threads). */
    @Override
    public Store another() { return open(file, false, false); }

    // ------------------------------------------------------------------ writing

    /** An import: one BEGIN IMMEDIATE transaction (see {@link Store.Batch}). */
    private final class Transaction implements Store.Batch {
        private boolean open = true;
        private final PreparedStatement findCurrent, latest, retire, addSubmission, addImport;
        /**
         * Every (unit, form, period) with a version in the store, when {@link #expect} read them in one
         * scan; null until then, and then every submission is looked up.
         */
        private java.util.Set<String> versioned;

        Transaction() throws SQLException {
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
            // the newest version, which is the current one when there is a current one (a new version is
            // always current; retiring one makes none current): one lookup per submission stored
            latest = db.prepareStatement("SELECT id, version, digest, is_current FROM submission WHERE unit = ? AND form = ? AND period = ? "
                    + "ORDER BY version DESC LIMIT 1");
            retire = db.prepareStatement("UPDATE submission SET is_current = 0 WHERE id = ?");
            addSubmission = db.prepareStatement("INSERT INTO submission (unit, form, period, version, import_id, received, is_current, digest, "
                    + "value_count, value_map, source_map) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
            addImport = db.prepareStatement("INSERT INTO import (file, sha256, received, imported_at, status, values_read, stored, unchanged, rejected) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0) RETURNING id");
        }

        @Override
        public long recordImport(String fileName, String sha256, String received, String importedAt, long valuesRead) throws SQLException {
            addImport.setString(1, fileName);
            addImport.setString(2, sha256);
            addImport.setString(3, received);
            addImport.setString(4, importedAt);
            addImport.setString(5, "stored");
            addImport.setLong(6, valuesRead);
            try (ResultSet k = addImport.executeQuery()) {
                k.next();
                return k.getLong(1);
            }
        }

        @Override
        public void counts(long importId, String status, long stored, long unchanged, long rejected) throws SQLException {
            try (PreparedStatement p = db.prepareStatement("UPDATE import SET status = ?, stored = ?, unchanged = ?, rejected = ? WHERE id = ?")) {
                p.setString(1, status);
                p.setLong(2, stored);
                p.setLong(3, unchanged);
                p.setLong(4, rejected);
                p.setLong(5, importId);
                p.executeUpdate();
            }
        }

        /**
         * When they are many against the
         * submissions the store holds, the keys that have any version are read in one scan of the unique
         * index (unit, form, period, version), and a submission whose key is not among them is stored
         * without looking up its latest version, which it cannot have (a first import of 104,000
         * submissions: 104,000 lookups, 0.4 s). Otherwise each submission is looked up as before: a
         * small import into a large store reads no more than it stores.
         */
        @Override
        public void expect(long submissions) throws SQLException {
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
            if (versioned != null && versioned.add(key(s.unit(), s.form(), s.period()))) return insert(s, received, 0, false);
            LOOKUPS.increment();
            latest.setString(1, s.unit());
            latest.setString(2, s.form());
            latest.setString(3, s.period());
            long currentId = -1;
            int version = 0;
            try (ResultSet r = latest.executeQuery()) {
                if (r.next()) {
                    version = r.getInt(2);
                    if (r.getInt(4) == 1) {
                        if (r.getString(3).equals(s.digest())) return Outcome.UNCHANGED;
                        currentId = r.getLong(1);
                    }
                    // else none is current, but there are earlier versions (retired when the catalog's forms changed)
                }
            }
            if (currentId >= 0) {
                retire.setLong(1, currentId);
                retire.executeUpdate();
            }
            return insert(s, received, version, currentId >= 0);
        }

        private Outcome insert(Encoded s, String received, int version, boolean replaces) throws SQLException {
            addSubmission.setString(1, s.unit());
            addSubmission.setString(2, s.form());
            addSubmission.setString(3, s.period());
            addSubmission.setInt(4, version + 1);
            addSubmission.setLong(5, s.importId());
            addSubmission.setString(6, received);
            addSubmission.setString(7, s.digest());
            addSubmission.setInt(8, s.count());
            addSubmission.setString(9, s.values());
            addSubmission.setString(10, s.sources());
            addSubmission.executeUpdate();
            return replaces ? Outcome.REPLACED : Outcome.NEW;
        }

        @Override
        public void reject(String unit, String form, Period period, long importId, String received, java.util.Collection<String> given,
                           java.util.Collection<String> errors) throws SQLException {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO rejection (unit, form, period, import_id, received, given, errors) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, unit);
                p.setString(2, form);
                p.setString(3, period.text());
                p.setLong(4, importId);
                p.setString(5, received);
                p.setString(6, Json.strings(given));
                p.setString(7, Json.strings(errors));
                p.executeUpdate();
            }
        }

        @Override
        public void retire(String unit, String form, Period period) throws SQLException {
            try (PreparedStatement p = db.prepareStatement("UPDATE submission SET is_current = 0 WHERE unit = ? AND form = ? AND period = ? AND is_current = 1")) {
                p.setString(1, unit);
                p.setString(2, form);
                p.setString(3, period.text());
                p.executeUpdate();
            }
        }

        @Override
        public List<Current> currentOutside(java.util.Collection<String> forms) throws SQLException {
            List<Current> out = new ArrayList<>();
            String marks = String.join(", ", java.util.Collections.nCopies(forms.size(), "?"));
            try (PreparedStatement p = db.prepareStatement("SELECT unit, form, period, value_map, source_map, import_id, received FROM submission "
                    + "WHERE is_current = 1" + (forms.isEmpty() ? "" : " AND form NOT IN (" + marks + ")") + " ORDER BY unit, period, id")) {
                int k = 1;
                for (String f : forms) p.setString(k++, f);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Map<String, BigDecimal> values = new LinkedHashMap<>();
                        Map<String, Long> imports = new LinkedHashMap<>(), lines = new LinkedHashMap<>();
                        try {
                            Json.readValues(r.getString(4), values::put);
                            List<String> codes = new ArrayList<>(values.keySet());
                            Json.readSources(r.getString(5), r.getLong(6), (position, id, line) -> {
                                if (position >= codes.size()) return;
                                imports.put(codes.get(position), id);
                                lines.put(codes.get(position), line);
                            });
                        } catch (java.io.UncheckedIOException e) {
                            throw damaged(r.getString(1), r.getString(2), r.getString(3), e);
                        }
                        out.add(new Current(r.getString(1), r.getString(2), r.getString(3), values, imports, lines, r.getLong(6), r.getString(7)));
                    }
                }
            }
            return out;
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
            try (Statement st = db.createStatement()) {
                st.execute("COMMIT");
            }
            open = false;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement p : List.of(findCurrent, latest, retire, addSubmission, addImport)) p.close();
            try (Statement st = db.createStatement()) {
                if (open) st.execute("ROLLBACK");
                open = false;
                st.execute("PRAGMA ignore_check_constraints = OFF");
            }
        }
    }

    /** How many submissions {@link Transaction#put} looked up one by one: for tests of {@link Transaction#expect}. */
    static final java.util.concurrent.atomic.LongAdder LOOKUPS = new java.util.concurrent.atomic.LongAdder();

    @Override
    public Store.Batch begin() {
        checked();
        try {
            return new Transaction();
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotImport", file, e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ reading

    /** The damaged store is told in one line, as everywhere a stored map is read ({@link #damaged}). */
    @Override
    public void currentSubmissions(long from, long to, Consumer<StoredSubmission> sink) {
        String sql = "SELECT unit, form, period, import_id, value_map, source_map FROM submission WHERE is_current = 1 AND id BETWEEN ? AND ? ORDER BY id";
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setLong(1, from);
            st.setLong(2, to);
            try (ResultSet r = st.executeQuery()) {
                // as UTF-8 bytes, read as such: no String and char[] copy per submission
                while (r.next()) {
                    StoredSubmission sub = new StoredSubmission(text(r, 1), text(r, 2), text(r, 3), r.getLong(4), r.getBytes(5), r.getBytes(6));
                    try {
                        sink.accept(sub);
                    } catch (java.io.UncheckedIOException e) {
                        throw damaged(utf8(sub.unit()), utf8(sub.form()), utf8(sub.period()), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
    }

    private static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    /** A text column's UTF-8 bytes; an empty array for NULL (the schema has none there). */
    private static byte[] text(ResultSet r, int column) throws SQLException {
        byte[] b = r.getBytes(column);
        return b == null ? new byte[0] : b;
    }

    @Override
    public long[] currentIdRange() {
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT min(id), max(id), count(*) FROM submission WHERE is_current = 1")) {
            r.next();
            return r.getLong(3) == 0 ? new long[] {0, -1} : new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
    }

    @Override
    public Map<Long, String> importFiles() {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT id, file FROM import ORDER BY file, id")) {
            while (r.next()) out.put(r.getLong(1), r.getString(2));
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        return out;
    }

    /**
     * A source map is an object
     * only when values came from several imports; telling by its first character spares SQLite
     * parsing every map (json_type did, a fifth of a second on 100,000 submissions).
     */
    @Override
    public List<String> sourceFiles() {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT i.file FROM submission s JOIN import i ON i.id = s.import_id WHERE s.is_current = 1 "
                     + "UNION SELECT i.file FROM submission s JOIN json_each(s.source_map) v JOIN import i ON i.id = json_extract(v.value, '$[0]') "
                     + "WHERE s.is_current = 1 AND s.source_map LIKE '{%' ORDER BY 1")) {
            while (r.next()) out.add(r.getString(1));
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        return out;
    }

    @Override
    public List<Arrival> arrivals() {
        List<Arrival> out = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            // the other arrivals of keys with a current submission: a handful next to the current rows
            Map<String, List<String>> others = new java.util.HashMap<>();
            try (ResultSet r = st.executeQuery("SELECT unit, form, period, received FROM submission WHERE is_current = 0 "
                    + "UNION ALL SELECT unit, form, period, received FROM rejection")) {
                while (r.next()) {
                    others.computeIfAbsent(key(r.getString(1), r.getString(2), r.getString(3)), k -> new ArrayList<>()).add(r.getString(4));
                }
            }
            try (ResultSet r = st.executeQuery("SELECT unit, form, period, received, value_map FROM submission WHERE is_current = 1 ORDER BY unit, form, period")) {
                while (r.next()) {
                    java.util.Set<String> codes = new java.util.LinkedHashSet<>();
                    try {
                        Json.readGiven(r.getBytes(5), codes::add);
                    } catch (java.io.UncheckedIOException e) {
                        throw damaged(r.getString(1), r.getString(2), r.getString(3), e);
                    }
                    List<String> earlier = others.isEmpty() ? List.of()
                            : others.getOrDefault(key(r.getString(1), r.getString(2), r.getString(3)), List.of());
                    out.add(new Arrival(r.getString(1), r.getString(2), r.getString(3), r.getString(4), codes, earlier));
                }
            }
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        return out;
    }

    private static String key(String unit, String form, String period) {
        return unit + '\0' + form + '\0' + period;
    }

    @Override
    public List<Rejection> rejections() {
        List<Rejection> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT unit, form, period, received, given, errors FROM rejection x WHERE id = "
                     + "(SELECT max(id) FROM rejection y WHERE y.unit = x.unit AND y.form = x.form AND y.period = x.period) ORDER BY unit, form, period")) {
            while (r.next()) {
                try {
                    out.add(new Rejection(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            new java.util.LinkedHashSet<>(Json.readStrings(r.getString(5))),
                            Json.readStrings(r.getString(6))));
                } catch (java.io.UncheckedIOException e) {
                    throw damaged(r.getString(1), r.getString(2), r.getString(3), e);
                }
            }
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        return out;
    }

    @Override
    public List<Version> history(String unit, Period period) {
        List<Version> stored = new ArrayList<>(), rejected = new ArrayList<>();
        List<Long> storedImports = new ArrayList<>(), rejectedImports = new ArrayList<>();
        String sql = "SELECT s.value_map, s.version, s.is_current, s.received, i.file, i.sha256, i.imported_at, s.form, s.import_id FROM submission s "
                + "JOIN import i ON i.id = s.import_id WHERE s.unit = ? AND s.period = ? ORDER BY s.form, s.version";
        String rejections = "SELECT x.given, x.errors, x.received, i.file, i.sha256, i.imported_at, x.form, x.import_id FROM rejection x "
                + "JOIN import i ON i.id = x.import_id WHERE x.unit = ? AND x.period = ? ORDER BY x.form, x.import_id, x.id";
        try (PreparedStatement p = db.prepareStatement(sql); PreparedStatement q = db.prepareStatement(rejections)) {
            p.setString(1, unit);
            p.setString(2, period.text());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Map<String, BigDecimal> values = new LinkedHashMap<>();
                    try {
                        Json.readValues(r.getString(1), (code, v) -> values.put(code, v));
                    } catch (java.io.UncheckedIOException e) {
                        throw damaged(unit, r.getString(8), period.text(), e);
                    }
                    stored.add(new Version(r.getString(8), r.getInt(2), r.getInt(3) == 1, r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), values, null, null));
                    storedImports.add(r.getLong(9));
                }
            }
            q.setString(1, unit);
            q.setString(2, period.text());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    try {
                        rejected.add(new Version(r.getString(7), 0, false, r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                                Map.of(), Json.readStrings(r.getString(2)), new java.util.LinkedHashSet<>(Json.readStrings(r.getString(1)))));
                    } catch (java.io.UncheckedIOException e) {
                        throw damaged(unit, r.getString(7), period.text(), e);
                    }
                    rejectedImports.add(r.getLong(8));
                }
            }
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotRead", file, e.getMessage()));
        }
        // merged form by form: a rejected arrival goes before the first version of its form from a later import
        List<Version> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < stored.size() || j < rejected.size()) {
            boolean takeRejected = i == stored.size() || j < rejected.size() && (rejected.get(j).form().compareTo(stored.get(i).form()) < 0
                    || rejected.get(j).form().equals(stored.get(i).form()) && rejectedImports.get(j) < storedImports.get(i));
            if (takeRejected) out.add(rejected.get(j++));
            else out.add(stored.get(i++));
        }
        return out;
    }

    /**
     * A stored row that cannot be read (its JSON was changed by another program, or the file is
     * damaged): one line that names the store, the submission and what to do. The one place a map
     * that cannot be decoded becomes a message, whichever reader decoded it: the parser's own words
     * without its location block, which names no form or period and says nothing a person can act on.
     */
    private dev.tally.model.TallyException damaged(String unit, String form, String period, java.io.UncheckedIOException e) {
        Throwable c = e.getCause();
        String why = c instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : c.getMessage();
        return StoreException.io(t("store.damaged", file, unit, form, period, String.valueOf(why).replaceAll("\\s+", " ")));
    }

    private void closeQuietly() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing after a refusal: the refusal is what is said
        }
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
