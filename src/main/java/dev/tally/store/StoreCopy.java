package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a whole store into an empty one, either way between SQLite and PostgreSQL (a project moving
 * to its team's server, or a server's store taken home as a file): every table of {@link #TABLES}, row
 * by row with its id, so that every version, import record, rejected arrival, lock and audit row is
 * the same in both. The source is read in one snapshot (imports may go on meanwhile); the target is
 * written in one transaction that waits for every other write, and is refused, untouched, unless it
 * is empty. Afterwards the rows of each table are counted in both: a difference is an error.
 */
public final class StoreCopy {
    private StoreCopy() {}

    /**
     * The tables of the current schema ({@link Migration}) in the order a copy writes them (a row's
     * references before it), each column an integer ({@code i}) or text ({@code t}). StoreCopyTest
     * holds this list against the schema a new store has.
     */
    static final Map<String, String> TABLES = tables();

    private static Map<String, String> tables() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("import", "id:i file:t sha256:t received:t imported_at:t status:t values_read:i stored:i unchanged:i rejected:i by_user:t host:t");
        m.put("submission", "id:i unit:t form:t period:t version:i import_id:i received:t is_current:i digest:t value_count:i value_map:t source_map:t");
        m.put("rejection", "id:i unit:t form:t period:t import_id:i received:t given:t errors:t");
        m.put("lock", "id:i period:t form:t unit:t by_user:t host:t locked_at:t reason:t unlocked_by:t unlocked_host:t unlocked_at:t unlock_reason:t");
        m.put("audit", "id:i at:t by_user:t host:t action:t unit:t form:t period:t indicator:t old_value:t new_value:t version:i import_id:i "
                + "lock_id:i reason:t");
        return m;
    }

    /** The rows of each table in the source and the target, after a copy (equal, or the copy failed). */
    public record Counts(Map<String, Long> source, Map<String, Long> target) {}

    public static Counts copy(Store from, Store to, Store.Who who) {
        JdbcStore source = (JdbcStore) from, target = (JdbcStore) to;
        Map<String, Long> read = new LinkedHashMap<>();
        try (Store.Batch b = to.begin(who)) {
            for (String table : TABLES.keySet()) {
                if (count(target.db, table) > 0) throw StoreException.io(t("copy.notEmpty", to.name(), table));
            }
            snapshot(source, true);
            try {
                for (Map.Entry<String, String> e : TABLES.entrySet()) read.put(e.getKey(), copy(source, target, e.getKey(), e.getValue()));
            } finally {
                snapshot(source, false);
            }
            if (target.dialect == Dialect.POSTGRESQL) {
                // the ids came with the rows: the next row of each table is numbered after them
                for (String table : TABLES.keySet()) {
                    try (Statement st = target.db.createStatement()) {
                        st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table);
                    }
                }
            }
            b.commit();
        } catch (SQLException e) {
            throw StoreException.io(t("copy.failed", from.name(), to.name(), JdbcStore.oneLine(e.getMessage())));
        }
        Map<String, Long> written = new LinkedHashMap<>();
        try {
            for (String table : TABLES.keySet()) written.put(table, count(target.db, table));
        } catch (SQLException e) {
            throw target.readFailed(e);
        }
        if (!written.equals(read)) throw new TallyException(dev.tally.model.ExitCode.IO, t("copy.differs", to.name(), read, written));
        return new Counts(read, written);
    }

    /** Starts (or ends) one read transaction on the source: every table as of one moment. */
    private static void snapshot(JdbcStore s, boolean begin) throws SQLException {
        if (s.dialect == Dialect.POSTGRESQL) {
            if (begin) {
                s.db.setAutoCommit(false);
                s.db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } else {
                s.db.rollback();
                s.db.setAutoCommit(true);
            }
            return;
        }
        try (Statement st = s.db.createStatement()) {
            st.execute(begin ? "BEGIN" : "ROLLBACK");
        }
    }

    static long count(Connection db, String table) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Copies one table in id order, 1,000 rows to a statement batch; returns how many rows the source has. */
    private static long copy(JdbcStore source, JdbcStore target, String table, String spec) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Boolean> integer = new ArrayList<>();
        for (String c : spec.split(" ")) {
            names.add(c.substring(0, c.indexOf(':')));
            integer.add(c.endsWith(":i"));
        }
        String columns = String.join(", ", names);
        long n = 0;
        try (PreparedStatement read = source.streaming("SELECT " + columns + " FROM " + table + " ORDER BY id");
             PreparedStatement write = target.db.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                     + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")");
             ResultSet r = read.executeQuery()) {
            while (r.next()) {
                for (int i = 0; i < names.size(); i++) {
                    if (integer.get(i)) {
                        long v = r.getLong(i + 1);
                        if (r.wasNull()) write.setNull(i + 1, java.sql.Types.BIGINT);
                        else write.setLong(i + 1, v);
                    } else {
                        write.setString(i + 1, r.getString(i + 1));
                    }
                }
                write.addBatch();
                if (++n % 1000 == 0) write.executeBatch();
            }
            write.executeBatch();
        }
        return n;
    }
}
