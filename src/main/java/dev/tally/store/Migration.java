package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.Form;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Upgrades a SQLite store written by an earlier tally to the current schema, in one transaction:
 * opened by this tally, a store of the previous release is upgraded before anything else touches
 * it, and a failure (a full disk, a kill) leaves it as it was. {@link Step} lists the steps,
 * one per schema version; a store skips none of them. (Another dialect of {@link Store} keeps its
 * own schema and its own list.)
 *
 * <p>1 → 2: submissions gain their form (the one form of a catalog without forms, {@link Form#ALL});
 * the list of lines becomes the source map (the same list while every value came from the
 * submission's own import); an import may be partial; rejected arrivals get their table.
 */
final class Migration {
    private Migration() {}

    /**
     * The steps, in order: step k (its ordinal) upgrades version k + 1 to k + 2, so the schema this
     * tally writes is the version after the last step. Adding a schema version is a step here.
     */
    enum Step {
        ONE_TO_TWO {
            @Override
            void apply(Statement st) throws SQLException { oneToTwo(st); }
        };

        abstract void apply(Statement st) throws SQLException;
    }

    /** The schema this tally writes. */
    static final int CURRENT = Step.values().length + 1;

    static void upgrade(Connection db, Statement st, Path file) throws SQLException {
        st.execute("BEGIN IMMEDIATE");
        try {
            int version;
            try (ResultSet r = st.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            // another process may have upgraded it while this one waited for the lock
            for (int v = version; v >= 1 && v < CURRENT; v++) Step.values()[v - 1].apply(st);
            st.execute("PRAGMA user_version = " + CURRENT);
            st.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            st.execute("ROLLBACK");
            throw StoreException.io(t("store.cannotUpgrade", file, e.getMessage()));
        }
    }

    private static void oneToTwo(Statement st) throws SQLException {
        st.execute("DROP VIEW current_value");
        st.execute("ALTER TABLE import RENAME TO import_v1");
        st.execute("ALTER TABLE submission RENAME TO submission_v1");
        st.execute("DROP INDEX IF EXISTS submission_current");
        st.execute("DROP INDEX IF EXISTS submission_live");
        for (String sql : SqliteStore.SCHEMA) st.execute(sql);
        st.execute("INSERT INTO import (id, file, sha256, received, imported_at, status, values_read, stored, unchanged, rejected) "
                + "SELECT id, file, sha256, received, imported_at, status, values_read, stored, unchanged, rejected FROM import_v1");
        // a v1 submission came from one file: its line list in value order is already a v2 source map
        st.execute("INSERT INTO submission (id, unit, form, period, version, import_id, received, is_current, digest, value_count, "
                + "value_map, source_map) SELECT id, unit, '" + Form.ALL + "', period, version, import_id, received, is_current, digest, "
                + "value_count, value_map, line_map FROM submission_v1 ORDER BY id");
        st.execute("DROP TABLE submission_v1");
        st.execute("DROP TABLE import_v1");
    }
}
