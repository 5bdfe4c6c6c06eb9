package dev.tally.store;

import dev.tally.model.Form;
import java.math.BigDecimal;
import java.nio.file.Path;
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
 * Upgrades a store written by an earlier tally to the current schema, in one transaction: opened
 * by this tally, a store of the previous release is upgraded before anything else touches it, and a
 * failure (a full disk, a kill) leaves it as it was. Each step is one schema version; a store skips
 * none of them.
 *
 * <p>1 → 2: submissions gain their form (the one form of a catalog without forms, {@link Form#ALL})
 * and, for each value, its source (import and line) instead of a list of lines for the one file
 * a submission could come from; an import may be partial.
 */
final class Migration {
    private Migration() {}

    static void upgrade(Connection db, Statement st, Path file) throws SQLException {
        st.execute("BEGIN IMMEDIATE");
        try {
            int version;
            try (ResultSet r = st.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            // another process may have upgraded it while this one waited for the lock
            if (version == 1) oneToTwo(db, st);
            st.execute("PRAGMA user_version = " + Store.SCHEMA_VERSION);
            st.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            st.execute("ROLLBACK");
            throw StoreException.io(file + ": cannot upgrade the store to this tally's format (" + e.getMessage()
                    + "); it was left as it was");
        }
    }

    private static void oneToTwo(Connection db, Statement st) throws SQLException {
        st.execute("DROP VIEW current_value");
        st.execute("ALTER TABLE import RENAME TO import_v1");
        st.execute("ALTER TABLE submission RENAME TO submission_v1");
        st.execute("DROP INDEX IF EXISTS submission_current");
        st.execute("DROP INDEX IF EXISTS submission_live");
        for (String sql : Store.SCHEMA) st.execute(sql);
        st.execute("INSERT INTO import (id, file, sha256, received, imported_at, status, values_read, stored, unchanged, rejected) "
                + "SELECT id, file, sha256, received, imported_at, status, values_read, stored, unchanged, rejected FROM import_v1");
        try (PreparedStatement read = db.prepareStatement("SELECT id, unit, period, version, import_id, received, is_current, digest, "
                + "value_count, value_map, line_map FROM submission_v1 ORDER BY id");
             PreparedStatement write = db.prepareStatement("INSERT INTO submission (id, unit, form, period, version, import_id, received, "
                     + "is_current, digest, value_count, value_map, source_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             ResultSet r = read.executeQuery()) {
            while (r.next()) {
                long importId = r.getLong(5);
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                Json.readValues(r.getString(10), values::put);
                long[] lines = Json.readLines(r.getString(11).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                List<String> codes = new ArrayList<>(values.keySet());
                Map<String, Long> imports = new LinkedHashMap<>(), byCode = new LinkedHashMap<>();
                for (int k = 0; k < codes.size(); k++) {
                    imports.put(codes.get(k), importId);
                    byCode.put(codes.get(k), k < lines.length ? lines[k] : 0L);
                }
                write.setLong(1, r.getLong(1));
                write.setString(2, r.getString(2));
                write.setString(3, Form.ALL);
                write.setString(4, r.getString(3));
                write.setInt(5, r.getInt(4));
                write.setLong(6, importId);
                write.setString(7, r.getString(6));
                write.setInt(8, r.getInt(7));
                write.setString(9, r.getString(8));
                write.setInt(10, r.getInt(9));
                write.setString(11, r.getString(10));
                write.setString(12, Json.sources(codes, imports, byCode));
                write.executeUpdate();
            }
        }
        st.execute("DROP TABLE submission_v1");
        st.execute("DROP TABLE import_v1");
    }
}
