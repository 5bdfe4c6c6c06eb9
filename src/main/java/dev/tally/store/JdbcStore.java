package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.Period;
import dev.tally.model.TallyException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the two stores share: one connection, and every statement that is the same text in SQLite and
 * PostgreSQL (all the reading, and the writes that are row by row in both). A subclass gives what
 * differs: opening, its write transaction ({@link Writes}), the JSON statement of
 * {@link #sourceFiles}, and how a long result is streamed. Every statement is prepared, its values
 * bound as parameters: a unit code, file name or reason is data, never SQL.
 */
abstract class JdbcStore implements Store {
    final Connection db;
    final Dialect dialect;

    JdbcStore(Connection db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** A failure to read the store: one line that names it (for a server, what the driver said: refused, dropped…). */
    TallyException readFailed(SQLException e) {
        return StoreException.io(t("store.cannotRead", name(), oneLine(e.getMessage())));
    }

    static String oneLine(String s) {
        String one = String.valueOf(s).replace("*** in database main ***", "").replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    /** A statement for a result read row by row to its end (PostgreSQL: through a cursor, not all at once). */
    PreparedStatement streaming(String sql) throws SQLException { return db.prepareStatement(sql); }

    // ------------------------------------------------------------------ reading

    /** The damaged store is told in one line, as everywhere a stored map is read ({@link #damaged}). */
    @Override
    public void currentSubmissions(long from, long to, Consumer<StoredSubmission> sink) {
        String sql = "SELECT unit, form, period, import_id, value_map, source_map FROM submission WHERE is_current = 1 AND id BETWEEN ? AND ? ORDER BY id";
        try (PreparedStatement st = streaming(sql)) {
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
            throw readFailed(e);
        } finally {
            endStreaming();
        }
    }

    /** After a streamed result (PostgreSQL ends the transaction its cursor needed). */
    void endStreaming() {}

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
            throw readFailed(e);
        }
    }

    @Override
    public Map<Long, String> importFiles() {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT id, file FROM import ORDER BY file, id")) {
            while (r.next()) out.put(r.getLong(1), r.getString(2));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    /**
     * The files of the current values: each submission's import, and the imports a source map names
     * (an object, when values came from several imports: telling by its first character spares the
     * database parsing every map). The JSON functions are the dialect's.
     */
    abstract String sourceFilesSql();

    @Override
    public List<String> sourceFiles() {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(sourceFilesSql())) {
            while (r.next()) out.add(r.getString(1));
        } catch (SQLException e) {
            throw readFailed(e);
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
            try (PreparedStatement p = streaming("SELECT unit, form, period, received, value_map FROM submission WHERE is_current = 1 "
                    + "ORDER BY unit, form, period"); ResultSet r = p.executeQuery()) {
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
            throw readFailed(e);
        } finally {
            endStreaming();
        }
        return out;
    }

    static String key(String unit, String form, String period) {
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
            throw readFailed(e);
        }
        return out;
    }

    @Override
    public List<Version> history(String unit, Period period) {
        List<Version> stored = new ArrayList<>(), rejected = new ArrayList<>();
        List<Long> storedImports = new ArrayList<>(), rejectedImports = new ArrayList<>();
        String sql = "SELECT s.value_map, s.version, s.is_current, s.received, i.file, i.sha256, i.imported_at, s.form, s.import_id, "
                + "i.by_user, i.host FROM submission s JOIN import i ON i.id = s.import_id WHERE s.unit = ? AND s.period = ? ORDER BY s.form, s.version";
        String rejections = "SELECT x.given, x.errors, x.received, i.file, i.sha256, i.imported_at, x.form, x.import_id, i.by_user, i.host "
                + "FROM rejection x JOIN import i ON i.id = x.import_id WHERE x.unit = ? AND x.period = ? ORDER BY x.form, x.import_id, x.id";
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
                            r.getString(7), values, null, null, r.getString(10), r.getString(11)));
                    storedImports.add(r.getLong(9));
                }
            }
            q.setString(1, unit);
            q.setString(2, period.text());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    try {
                        rejected.add(new Version(r.getString(7), 0, false, r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                                Map.of(), Json.readStrings(r.getString(2)), new java.util.LinkedHashSet<>(Json.readStrings(r.getString(1))),
                                r.getString(9), r.getString(10)));
                    } catch (java.io.UncheckedIOException e) {
                        throw damaged(unit, r.getString(7), period.text(), e);
                    }
                    rejectedImports.add(r.getLong(8));
                }
            }
        } catch (SQLException e) {
            throw readFailed(e);
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

    static final String LOCK_COLUMNS = "id, period, form, unit, by_user, host, locked_at, reason, unlocked_by, unlocked_host, unlocked_at, unlock_reason";

    /** The locks, in the order made: every one, those in force only, or the one of {@code id} (when not null). */
    static List<Lock> locks(Connection db, boolean inForce, Long id) throws SQLException {
        List<Lock> out = new ArrayList<>();
        String where = id != null ? " WHERE id = ?" : inForce ? " WHERE unlocked_at IS NULL" : "";
        try (PreparedStatement p = db.prepareStatement("SELECT " + LOCK_COLUMNS + " FROM lock" + where + " ORDER BY id")) {
            if (id != null) p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Lock(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12)));
                }
            }
        }
        return out;
    }

    @Override
    public List<Lock> locks() {
        try {
            return locks(db, false, null);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /**
     * A stored row that cannot be read (its JSON was changed by another program, or the file is
     * damaged): one line that names the store, the submission and what to do. The one place a map
     * that cannot be decoded becomes a message, whichever reader decoded it: the parser's own words
     * without its location block, which names no form or period and says nothing a person can act on.
     */
    TallyException damaged(String unit, String form, String period, java.io.UncheckedIOException e) {
        Throwable c = e.getCause();
        String why = c instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : c.getMessage();
        return StoreException.io(t("store.damaged", name(), unit, form, period, String.valueOf(why).replaceAll("\\s+", " ")));
    }

    void closeQuietly() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing after a refusal: the refusal is what is said
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * A write transaction: the statements both dialects run row by row (the import log, rejected
     * arrivals, regrouping, locks, the audit). The subclass opens the transaction, takes the locks its
     * database needs and stores submissions ({@link #put}).
     */
    abstract class Writes implements Store.Batch {
        final Who who;
        boolean open = true;
        private PreparedStatement addImport, addAudit;

        Writes(Who who) {
            this.who = who;
        }

        @Override
        public long recordImport(String fileName, String sha256, String received, String importedAt, long valuesRead) throws SQLException {
            if (addImport == null) {
                addImport = db.prepareStatement("INSERT INTO import (file, sha256, received, imported_at, status, values_read, stored, "
                        + "unchanged, rejected, by_user, host) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?) RETURNING id");
            }
            addImport.setString(1, fileName);
            addImport.setString(2, sha256);
            addImport.setString(3, received);
            addImport.setString(4, importedAt);
            addImport.setString(5, "stored");
            addImport.setLong(6, valuesRead);
            addImport.setString(7, who.user());
            addImport.setString(8, who.host());
            try (ResultSet k = addImport.executeQuery()) {
                k.next();
                long id = k.getLong(1);
                importedAt(id, importedAt);
                return id;
            }
        }

        /** When each import of this write ran: the time of its audit rows. */
        private final Map<Long, String> importedAt = new java.util.HashMap<>();

        private void importedAt(long id, String at) { importedAt.put(id, at); }

        @Override
        public void counts(long importId, String status, long stored, long unchanged, long rejected) throws SQLException {
            flush();
            try (PreparedStatement p = db.prepareStatement("UPDATE import SET status = ?, stored = ?, unchanged = ?, rejected = ? WHERE id = ?")) {
                p.setString(1, status);
                p.setLong(2, stored);
                p.setLong(3, unchanged);
                p.setLong(4, rejected);
                p.setLong(5, importId);
                p.executeUpdate();
            }
        }

        /** Writes what the subclass holds back to write in bulk; before any statement that reads what it wrote. */
        void flush() throws SQLException {}

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
            flush();
            try (PreparedStatement p = db.prepareStatement("UPDATE submission SET is_current = 0 WHERE unit = ? AND form = ? AND period = ? AND is_current = 1")) {
                p.setString(1, unit);
                p.setString(2, form);
                p.setString(3, period.text());
                p.executeUpdate();
            }
            retired(unit, form, period.text());
        }

        /** Tells the subclass a key has no current submission any more. */
        void retired(String unit, String form, String period) {}

        @Override
        public List<Current> currentOutside(java.util.Collection<String> forms) throws SQLException {
            flush();
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
        public List<Lock> locks() throws SQLException { return JdbcStore.locks(db, true, null); }

        @Override
        public long lock(String period, String form, String unit, String at, String reason) throws SQLException {
            long id;
            try (PreparedStatement p = db.prepareStatement("INSERT INTO lock (period, form, unit, by_user, host, locked_at, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                p.setString(1, period);
                p.setString(2, form);
                p.setString(3, unit);
                p.setString(4, who.user());
                p.setString(5, who.host());
                p.setString(6, at);
                p.setString(7, reason);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            audit(at, "lock", unit, form, period, null, null, null, null, null, id, reason);
            flushAudit();
            return id;
        }

        @Override
        public void unlock(long id, String at, String reason) throws SQLException {
            List<Lock> found = JdbcStore.locks(db, false, id);
            if (found.isEmpty() || !found.get(0).active()) throw new SQLException("lock " + id + " is not in force");
            Lock l = found.get(0);
            try (PreparedStatement p = db.prepareStatement("UPDATE lock SET unlocked_by = ?, unlocked_host = ?, unlocked_at = ?, unlock_reason = ? "
                    + "WHERE id = ? AND unlocked_at IS NULL")) {
                p.setString(1, who.user());
                p.setString(2, who.host());
                p.setString(3, at);
                p.setString(4, reason);
                p.setLong(5, id);
                if (p.executeUpdate() != 1) throw new SQLException("lock " + id + " is not in force");
            }
            audit(at, "unlock", l.unit(), l.form(), l.period(), null, null, null, null, null, id, reason);
            flushAudit();
        }

        /**
         * Keeps in the audit what replacing {@code previous} (a current version's value map as stored)
         * with {@code s} changed, value by value ({@link Changes}), by this write's user at the time its
         * import ran.
         */
        void auditReplacement(String previous, Encoded s, int version) throws SQLException {
            Map<String, BigDecimal> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
            try {
                Json.readValues(previous, before::put);
            } catch (java.io.UncheckedIOException e) {
                throw damaged(s.unit(), s.form(), s.period(), e);
            }
            Json.readValues(s.values(), after::put);
            String at = importedAt.getOrDefault(s.importId(), "");
            for (Changes.Change c : Changes.between(before, after)) {
                audit(at, "change", s.unit(), s.form(), s.period(), c.indicator(), Changes.audited(c.had(), c.before()),
                        Changes.audited(c.has(), c.after()), version, s.importId(), null, null);
            }
        }

        private int pendingAudit;

        private void audit(String at, String action, String unit, String form, String period, String indicator, String oldValue,
                           String newValue, Integer version, Long importId, Long lockId, String reason) throws SQLException {
            if (addAudit == null) {
                addAudit = db.prepareStatement("INSERT INTO audit (at, by_user, host, action, unit, form, period, indicator, old_value, "
                        + "new_value, version, import_id, lock_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            addAudit.setString(1, at);
            addAudit.setString(2, who.user());
            addAudit.setString(3, who.host());
            addAudit.setString(4, action);
            addAudit.setString(5, unit);
            addAudit.setString(6, form);
            addAudit.setString(7, period);
            addAudit.setString(8, indicator);
            addAudit.setString(9, oldValue);
            addAudit.setString(10, newValue);
            if (version == null) addAudit.setNull(11, java.sql.Types.INTEGER);
            else addAudit.setInt(11, version);
            if (importId == null) addAudit.setNull(12, java.sql.Types.BIGINT);
            else addAudit.setLong(12, importId);
            if (lockId == null) addAudit.setNull(13, java.sql.Types.BIGINT);
            else addAudit.setLong(13, lockId);
            addAudit.setString(14, reason);
            addAudit.addBatch();
            if (++pendingAudit >= 1000) flushAudit();
        }

        void flushAudit() throws SQLException {
            if (pendingAudit == 0) return;
            addAudit.executeBatch();
            pendingAudit = 0;
        }

        /** Closes the statements of this class; the subclass ends the transaction. */
        void closeStatements() throws SQLException {
            for (PreparedStatement p : new PreparedStatement[] {addImport, addAudit}) if (p != null) p.close();
        }
    }
}
