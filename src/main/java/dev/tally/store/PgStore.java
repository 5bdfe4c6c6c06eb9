package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.Period;
import dev.tally.model.TallyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The {@link Store} in a schema of a PostgreSQL database (a team's server: several analysts, districts
 * importing their own communes, the province reading everything). The tables, columns and statements
 * are SQLite's ({@link Migration}, {@link JdbcStore}); the schema's version is the one row of
 * {@code tally_schema}, and a schema without it that holds tables is another program's, refused.
 *
 * <p>Concurrent writers, on any number of machines: a write is one transaction, and before it reads
 * anything it takes transaction-scoped advisory locks, so that no two writes that could touch the
 * same submission run at once and no lock is ever waited for in a cycle. Each write first takes the
 * store's gate: shared for an import, which then takes one lock per form and period it stores, in
 * ascending order; exclusive for what may touch anything (a lock or unlock, a copy, creating or
 * upgrading the schema, an import that regroups), which so waits for every import and is waited for.
 * An import therefore sees the versions of its submissions as no one else can change them until it
 * commits: it reads them in one query, decides each submission's outcome ({@link Store.Outcome}, the
 * newer by received time winning), and writes them with COPY in chunks. A row lock is never waited
 * for (each row belongs to one form and period), so there is no deadlock and no serialization failure
 * to retry.
 *
 * <p>A server that is down, refuses the password or drops the connection is an input/output error
 * naming the server in one line; a write in progress is rolled back by the server, so the store is as
 * it was. Connecting: the address's user, else PGUSER, else the login name; the password from
 * PGPASSWORD, else the driver's ~/.pgpass (PGPASSFILE) or service file; never from tally.yaml.
 */
final class PgStore extends JdbcStore {
    private final Location.Server server;
    /** Whether the schema holds a store yet; the first write makes it. */
    private boolean exists;

    private PgStore(Connection db, Location.Server server, boolean exists) {
        super(db, Dialect.POSTGRESQL);
        this.server = server;
        this.exists = exists;
    }

    /** A chunk of submissions written with one COPY: large enough to keep the server busy, small enough to hold. */
    static final int CHUNK_BYTES = 8 << 20;

    /** The gate's first key: "TALY", as SQLite's application_id. */
    private static final int GATE = 0x54414C59;

    /**
     * Connects and checks the schema: a store of this tally's version, an older one (upgraded now,
     * in a transaction of its own under the exclusive gate), a newer one (refused), or none (refused
     * unless {@code create}: then the first write makes it).
     */
    static Store open(Location.Server server, boolean create) {
        Connection c = connect(server);
        PgStore s = new PgStore(c, server, false);
        try {
            int version = s.version();
            if (version == 0 && !create) throw StoreException.io(t("store.noStore", server.name()));
            if (version > Migration.CURRENT) throw StoreException.io(t("store.newer", server.name(), version, Migration.CURRENT));
            if (version > 0 && version < Migration.CURRENT) s.upgrade();
            s.exists = version > 0;
            return s;
        } catch (SQLException e) {
            s.closeQuietly();
            throw s.readFailed(e);
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
    }

    static Connection connect(Location.Server server) {
        Properties p = new Properties();
        String user = server.user() != null ? server.user() : System.getenv("PGUSER");
        if (user == null) user = System.getProperty("user.name");
        if (user != null) p.setProperty("user", user);
        String password = System.getenv("PGPASSWORD");
        if (password != null) p.setProperty("password", password);
        p.setProperty("ApplicationName", "tally");
        p.setProperty("currentSchema", server.schema());
        // every string parameter goes as text of unknown type, so that the same statements write
        // JSON text into json columns on PostgreSQL as into TEXT columns on SQLite
        p.setProperty("stringtype", "unspecified");
        // a server that does not answer is told in seconds, not after the system's TCP timeout
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        p.putAll(server.params());
        try {
            // the driver itself, not DriverManager (which would load every driver on the class path)
            Connection c = new org.postgresql.Driver().connect(server.jdbcUrl(), p);
            if (c == null) throw StoreException.io(t("store.cannotConnect", server.name(), server.jdbcUrl()));
            return c;
        } catch (SQLException e) {
            throw StoreException.io(t("store.cannotConnect", server.name(), oneLine(e.getMessage())));
        }
    }

    /** The schema's version: 0 when it holds no store; refused when it holds another program's tables. */
    private int version() throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT to_regclass(quote_ident(?) || '.tally_schema') IS NOT NULL, "
                + "(SELECT count(*) FROM pg_tables WHERE schemaname = ?)")) {
            p.setString(1, server.schema());
            p.setString(2, server.schema());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    if (r.getLong(2) > 0) throw StoreException.io(t("store.otherSchema", server.name(), server.schema()));
                    return 0;
                }
            }
        }
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT max(version) FROM tally_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** The schema name as it goes into DDL: checked by {@link Location#SCHEMA}, quoted. */
    private String schema() { return '"' + server.schema() + '"'; }

    /** Upgrades an older schema in a transaction of its own, once no write is going on; another process may have done it meanwhile. */
    private void upgrade() throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            gate(true);
            int version = version();
            Migration.steps(Dialect.POSTGRESQL, st, version);
            setVersion(st);
            db.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw StoreException.io(t("store.cannotUpgrade", server.name(), oneLine(e.getMessage())));
        } finally {
            db.setAutoCommit(true);
        }
    }

    private void setVersion(Statement st) throws SQLException {
        st.execute("UPDATE tally_schema SET version = " + Migration.CURRENT);
    }

    /** Takes the store's gate for this transaction: exclusive, or shared. */
    private void gate(boolean exclusive) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(exclusive ? "SELECT pg_advisory_xact_lock(?, ?)" : "SELECT pg_advisory_xact_lock_shared(?, ?)")) {
            p.setInt(1, GATE);
            p.setInt(2, server.schema().hashCode());
            p.execute();
        }
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the failure that led here is what is said
        }
    }

    @Override
    public String name() { return server.name(); }

    @Override
    public Path file() { return null; }

    @Override
    public Store another() {
        PgStore s = new PgStore(connect(server), server, exists);
        return s;
    }

    @Override
    String sourceFilesSql() {
        return "SELECT i.file FROM submission s JOIN import i ON i.id = s.import_id WHERE s.is_current = 1 "
                + "UNION SELECT i.file FROM submission s CROSS JOIN LATERAL json_each(s.source_map) v JOIN import i ON i.id = (v.value ->> 0)::bigint "
                + "WHERE s.is_current = 1 AND left(s.source_map::text, 1) = '{' ORDER BY 1";
    }

    /** The driver reads a result through a cursor, a few thousand rows at a time, only inside a transaction. */
    private boolean streamingOpened;

    @Override
    PreparedStatement streaming(String sql) throws SQLException {
        if (db.getAutoCommit()) {
            db.setAutoCommit(false);
            streamingOpened = true;
        }
        PreparedStatement p = db.prepareStatement(sql);
        p.setFetchSize(2000);
        return p;
    }

    @Override
    void endStreaming() {
        if (!streamingOpened) return;
        streamingOpened = false;
        try {
            db.rollback();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new TallyException(dev.tally.model.ExitCode.IO, t("store.cannotClose", server.name(), e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public Store.Batch begin(Who who, Collection<Key> keys, boolean exclusive) {
        try {
            return new Transaction(who, keys, exclusive);
        } catch (SQLException e) {
            rollbackQuietly();
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone: what failed is said
            }
            if (e instanceof CannotCreate) throw StoreException.io(t("store.cannotCreate", server.name(), oneLine(e.getCause().getMessage())));
            throw StoreException.io(t("store.cannotImport", server.name(), oneLine(e.getMessage())));
        }
    }

    /** The first write could not make the store's schema or tables (commonly: a role that is not the schema's owner). */
    private static final class CannotCreate extends SQLException {
        CannotCreate(SQLException cause) { super(cause.getMessage(), cause.getSQLState(), cause); }
    }

    private boolean schemaExists() throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            p.setString(1, server.schema());
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** What the write knows of a key: its newest version's number, its current version (if any) and whether that is still to be written. */
    private static final class KeyState {
        int maxVersion;
        /** The current version's digest and received time; null when none is current. */
        String digest, received;
        /** The current version when it is in this write's chunk, not yet written (else it is in the database, or there is none). */
        Row pending;
    }

    /** A submission to write, and what it replaces: a current version in the database, or one of the chunk. */
    private static final class Row {
        final Encoded s;
        final String received;
        final int version;
        boolean current;
        /** What this row replaced: the database's current version (audited when the chunk is written), or a row of the chunk. */
        boolean replacesStored;
        Row replacesPending;

        Row(Encoded s, String received, int version, boolean current) {
            this.s = s;
            this.received = received;
            this.version = version;
            this.current = current;
        }
    }

    private final class Transaction extends Writes {
        private final boolean exclusive;
        private final java.util.Set<String> claimed;
        private final Map<String, KeyState> states = new HashMap<>();
        private final List<Row> chunk = new ArrayList<>();
        private long chunkBytes;
        private boolean created;

        Transaction(Who who, Collection<Key> keys, boolean exclusive) throws SQLException {
            super(who);
            db.setAutoCommit(false);
            boolean makes = !exists;
            this.exclusive = exclusive || makes;
            if (this.exclusive) {
                gate(true);
            } else {
                gate(false);
                // one lock per form and period, in ascending order of its key: no two writes wait for each other in a cycle
                TreeSet<Integer> slices = new TreeSet<>();
                for (Key k : keys) slices.add(slice(k.form(), k.period()));
                try (PreparedStatement p = db.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    for (int slice : slices) {
                        p.setInt(1, sliceSpace());
                        p.setInt(2, slice);
                        p.execute();
                    }
                }
            }
            if (makes && version() == 0) {
                // the first write makes the store, in its own transaction: a dry run leaves none
                try (Statement st = db.createStatement()) {
                    // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema is
                    // there: the owner 'tally store grants' gives the schema to has no such right
                    if (!schemaExists()) st.execute("CREATE SCHEMA " + schema());
                    Migration.create(Dialect.POSTGRESQL, st);
                    st.execute("CREATE TABLE tally_schema (version INTEGER NOT NULL)");
                    st.execute("INSERT INTO tally_schema (version) VALUES (" + Migration.CURRENT + ")");
                } catch (SQLException e) {
                    throw new CannotCreate(e);
                }
                created = true;
            }
            exists = true;
            claimed = keys == null ? null : new java.util.HashSet<>();
            if (keys != null) {
                for (Key k : keys) claimed.add(key(k.unit(), k.form(), k.period()));
                if (!created) readVersions(keys);
            }
        }

        /** The second key of a form and period's lock: another space than the gate's. */
        private int sliceSpace() {
            int h = server.schema().hashCode() * 31 + 1;
            return h == GATE ? h + 1 : h;
        }

        private int slice(String form, String period) { return (form + '\0' + period).hashCode(); }

        /** Every version of the keys, in one query: their states, as no other write can change them now. */
        private void readVersions(Collection<Key> keys) throws SQLException {
            String[] units = new String[keys.size()], forms = new String[keys.size()], periods = new String[keys.size()];
            int i = 0;
            for (Key k : keys) {
                units[i] = k.unit();
                forms[i] = k.form();
                periods[i++] = k.period();
            }
            try (PreparedStatement p = db.prepareStatement("SELECT s.unit, s.form, s.period, s.version, s.is_current, s.digest, s.received "
                    + "FROM submission s JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[], ?::text[])) k(unit, form, period) "
                    + "ON s.unit = k.unit AND s.form = k.form AND s.period = k.period")) {
                p.setArray(1, db.createArrayOf("text", units));
                p.setArray(2, db.createArrayOf("text", forms));
                p.setArray(3, db.createArrayOf("text", periods));
                p.setFetchSize(10000);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) fold(states.computeIfAbsent(key(r.getString(1), r.getString(2), r.getString(3)), x -> new KeyState()), r);
                }
            }
        }

        /** Adds a version row (version, is_current, digest, received in columns 4-7) to a key's state. */
        private void fold(KeyState st, ResultSet r) throws SQLException {
            st.maxVersion = Math.max(st.maxVersion, r.getInt(4));
            if (r.getInt(5) == 1) {
                st.digest = r.getString(6);
                st.received = r.getString(7);
            }
        }

        /** A key's state: from what this write read or wrote, else looked up (a key it did not claim, in an exclusive write). */
        private KeyState state(Encoded s) throws SQLException {
            String k = key(s.unit(), s.form(), s.period());
            KeyState st = states.get(k);
            if (st != null || created || claimed != null && claimed.contains(k)) return st;
            if (!exclusive) throw new IllegalStateException("a submission outside the keys this write claimed: " + k);
            LOOKUPS.increment();
            try (PreparedStatement p = db.prepareStatement("SELECT unit, form, period, version, is_current, digest, received FROM submission "
                    + "WHERE unit = ? AND form = ? AND period = ?")) {
                p.setString(1, s.unit());
                p.setString(2, s.form());
                p.setString(3, s.period());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) fold(st == null ? st = new KeyState() : st, r);
                }
            }
            if (st != null) states.put(k, st);
            return st;
        }

        @Override
        public boolean exclusive() { return exclusive; }

        @Override
        public Outcome put(Encoded s, String received) throws SQLException {
            KeyState st = state(s);
            if (st == null) {
                st = new KeyState();
                states.put(key(s.unit(), s.form(), s.period()), st);
            }
            Outcome outcome;
            Row row;
            if (st.digest == null) {
                outcome = Outcome.NEW;
                row = new Row(s, received, st.maxVersion + 1, true);
            } else if (st.digest.equals(s.digest())) {
                return Outcome.UNCHANGED;
            } else if (Changes.before(received, st.received)) {
                // the newer of two versions wins by when it was received, whichever came in first
                outcome = Outcome.OLDER;
                row = new Row(s, received, st.maxVersion + 1, false);
            } else {
                outcome = Outcome.REPLACED;
                row = new Row(s, received, st.maxVersion + 1, true);
                if (st.pending != null) {
                    st.pending.current = false;
                    row.replacesPending = st.pending;
                } else {
                    row.replacesStored = true;
                }
            }
            st.maxVersion = row.version;
            if (row.current) {
                st.digest = s.digest();
                st.received = received;
                st.pending = row;
            }
            chunk.add(row);
            chunkBytes += s.values().length() + s.sources().length() + 100;
            if (chunkBytes >= CHUNK_BYTES) flush();
            return outcome;
        }

        /**
         * Writes the chunk: the audit of each replaced current value (the old maps read in one query),
         * the replaced versions retired in one statement, then the new rows with one COPY.
         */
        @Override
        void flush() throws SQLException {
            if (chunk.isEmpty()) return;
            List<Row> replacing = new ArrayList<>();
            for (Row r : chunk) if (r.replacesStored) replacing.add(r);
            if (!replacing.isEmpty()) {
                String[][] keys = keyArrays(replacing);
                Map<String, String> previous = new HashMap<>();
                try (PreparedStatement p = db.prepareStatement("SELECT s.unit, s.form, s.period, s.value_map FROM submission s "
                        + "JOIN unnest(?::text[], ?::text[], ?::text[]) k(unit, form, period) "
                        + "ON s.unit = k.unit AND s.form = k.form AND s.period = k.period WHERE s.is_current = 1")) {
                    bind(p, keys);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) previous.put(key(r.getString(1), r.getString(2), r.getString(3)), r.getString(4));
                    }
                }
                try (PreparedStatement p = db.prepareStatement("UPDATE submission s SET is_current = 0 FROM unnest(?::text[], ?::text[], ?::text[]) "
                        + "k(unit, form, period) WHERE s.unit = k.unit AND s.form = k.form AND s.period = k.period AND s.is_current = 1")) {
                    bind(p, keys);
                    p.executeUpdate();
                }
                for (Row r : replacing) {
                    String old = previous.get(key(r.s.unit(), r.s.form(), r.s.period()));
                    if (old != null) auditReplacement(old, r.s, r.version);
                }
            }
            for (Row r : chunk) if (r.replacesPending != null) auditReplacement(r.replacesPending.s.values(), r.s, r.version);
            copy(chunk);
            for (Row r : chunk) {
                KeyState st = states.get(key(r.s.unit(), r.s.form(), r.s.period()));
                if (st != null && st.pending == r) st.pending = null;
            }
            chunk.clear();
            chunkBytes = 0;
            flushAudit();
        }

        private String[][] keyArrays(List<Row> rows) {
            String[][] out = new String[3][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                out[0][i] = rows.get(i).s.unit();
                out[1][i] = rows.get(i).s.form();
                out[2][i] = rows.get(i).s.period();
            }
            return out;
        }

        private void bind(PreparedStatement p, String[][] keys) throws SQLException {
            for (int i = 0; i < 3; i++) p.setArray(i + 1, db.createArrayOf("text", keys[i]));
        }

        /** The rows in COPY's text format: one line each, columns by tabs, \ \t \n \r escaped (UTF-8 never has those bytes inside a character). */
        private void copy(List<Row> rows) throws SQLException {
            org.postgresql.copy.CopyManager copier = db.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            org.postgresql.copy.CopyIn in = copier.copyIn("COPY submission (unit, form, period, version, import_id, received, is_current, digest, "
                    + "value_count, value_map, source_map) FROM STDIN");
            try {
                CopyBuffer b = new CopyBuffer(in);
                for (Row r : rows) {
                    b.text(r.s.unit()).tab().text(r.s.form()).tab().text(r.s.period()).tab().number(r.version).tab().number(r.s.importId())
                            .tab().text(r.received).tab().number(r.current ? 1 : 0).tab().text(r.s.digest()).tab().number(r.s.count())
                            .tab().text(r.s.values()).tab().text(r.s.sources()).end();
                }
                b.flush();
                in.endCopy();
            } finally {
                if (in.isActive()) in.cancelCopy();
            }
        }

        @Override
        void retired(String unit, String form, String period) {
            KeyState st = states.get(key(unit, form, period));
            if (st != null) {
                st.digest = null;
                st.received = null;
            }
        }

        @Override
        public boolean hasCurrent(String unit, String form, Period period) throws SQLException {
            flush();
            try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM submission WHERE unit = ? AND form = ? AND period = ? AND is_current = 1")) {
                p.setString(1, unit);
                p.setString(2, form);
                p.setString(3, period.text());
                try (ResultSet r = p.executeQuery()) {
                    return r.next();
                }
            }
        }

        @Override
        public void commit() throws SQLException {
            flush();
            flushAudit();
            db.commit();
            open = false;
            created = false;
        }

        @Override
        public void close() throws SQLException {
            try {
                closeStatements();
                if (open) db.rollback();
            } finally {
                if (created) exists = false;
                open = false;
                db.setAutoCommit(true);
            }
        }
    }

    /** How many submissions were looked up one by one: for tests that the one query was used. */
    static final java.util.concurrent.atomic.LongAdder LOOKUPS = new java.util.concurrent.atomic.LongAdder();

    /** Rows in COPY's text format, written to the server 256 KiB at a time. */
    private static final class CopyBuffer {
        private final org.postgresql.copy.CopyIn in;
        private final byte[] buf = new byte[256 << 10];
        private int n;

        CopyBuffer(org.postgresql.copy.CopyIn in) { this.in = in; }

        CopyBuffer text(String s) throws SQLException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (byte x : b) {
                if (n + 2 > buf.length) flush();
                switch (x) {
                    case '\\' -> { buf[n++] = '\\'; buf[n++] = '\\'; }
                    case '\t' -> { buf[n++] = '\\'; buf[n++] = 't'; }
                    case '\n' -> { buf[n++] = '\\'; buf[n++] = 'n'; }
                    case '\r' -> { buf[n++] = '\\'; buf[n++] = 'r'; }
                    default -> buf[n++] = x;
                }
            }
            return this;
        }

        CopyBuffer number(long v) throws SQLException {
            if (n + 20 > buf.length) flush();
            String s = Long.toString(v);
            for (int i = 0; i < s.length(); i++) buf[n++] = (byte) s.charAt(i);
            return this;
        }

        CopyBuffer tab() throws SQLException { return put((byte) '\t'); }

        CopyBuffer end() throws SQLException { return put((byte) '\n'); }

        private CopyBuffer put(byte b) throws SQLException {
            if (n + 1 > buf.length) flush();
            buf[n++] = b;
            return this;
        }

        void flush() throws SQLException {
            if (n > 0) in.writeToCopy(buf, 0, n);
            n = 0;
        }
    }
}
