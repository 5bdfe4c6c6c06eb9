package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.Form;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema and how it changes, one list for both dialects: every store, new or written by
 * an earlier tally, in a file or on a server, is made from schema 2 ({@link #base}) and then taken
 * through the same {@link Step}s to the schema this tally writes. A step is written once; its DDL is
 * rendered for each {@link Dialect} (column types), and only where the dialects must differ (a view
 * over JSON) does a step say so. An upgrade happens in one transaction, before anything else touches
 * the store: a failure (a full disk, a kill) leaves it as it was.
 *
 * <p>1 → 2 (SQLite only: the first server store was schema 2): submissions gain their form (the one
 * form of a catalog without forms, {@link Form#ALL}); the list of lines becomes the source map; an
 * import may be partial; rejected arrivals get their table.
 *
 * <p>2 → 3: who and where: every import records the user and the host it ran as; the {@code audit}
 * keeps every change of a current value (old, new, version, who, when) and every lock and unlock;
 * {@code lock} holds the slices (period, form, unit) signed off, which import refuses to change.
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
            void apply(Dialect d, Statement st) throws SQLException {
                if (d != Dialect.SQLITE) throw new IllegalStateException("only SQLite stores were ever of schema 1");
                oneToTwo(st);
            }
        },
        TWO_TO_THREE {
            @Override
            void apply(Dialect d, Statement st) throws SQLException {
                for (String sql : THREE) st.execute(d.ddl(sql));
            }
        };

        abstract void apply(Dialect d, Statement st) throws SQLException;
    }

    /** The schema this tally writes. */
    static final int CURRENT = Step.values().length + 1;

    /** The schema {@link #base} makes. */
    static final int BASE = 2;

    /** Makes a new store: schema 2, then every step after it. */
    static void create(Dialect d, Statement st) throws SQLException {
        for (String sql : base(d)) st.execute(sql);
        steps(d, st, BASE);
    }

    /** Takes a store of schema {@code version} to {@link #CURRENT}. */
    static void steps(Dialect d, Statement st, int version) throws SQLException {
        for (int v = version; v >= 1 && v < CURRENT; v++) Step.values()[v - 1].apply(d, st);
    }

    /** Upgrades an SQLite store of an earlier schema in one write transaction (see the class comment). */
    static void upgrade(Connection db, Statement st, Path file) throws SQLException {
        st.execute("BEGIN IMMEDIATE");
        try {
            int version;
            try (ResultSet r = st.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            // another process may have upgraded it while this one waited for the lock
            steps(Dialect.SQLITE, st, version);
            st.execute("PRAGMA user_version = " + CURRENT);
            st.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            st.execute("ROLLBACK");
            throw StoreException.io(t("store.cannotUpgrade", file, e.getMessage()));
        }
    }

    /**
     * Schema 2. A submission is one unit's values for one form and one period; its values may come
     * from several files of one import, so each value's source is kept beside it: the lines in value
     * order when all came from the submission's import, else each value's import and line. A
     * submission an import rejected is not stored, but that it arrived is: {@code rejection} keeps
     * the codes it gave and the findings that rejected it, so completeness can tell "rejected, lacks
     * petitions_received" from "nothing arrived". {@code current_value} spreads the current value maps
     * into one row per value, with each dialect's JSON functions.
     */
    static List<String> base(Dialect d) {
        List<String> tables = List.of("""
                CREATE TABLE import (
                  id {ID},
                  file {TEXT} NOT NULL,
                  sha256 {TEXT} NOT NULL,
                  received {TEXT} NOT NULL,
                  imported_at {TEXT} NOT NULL,
                  status {TEXT} NOT NULL CHECK (status IN ('stored', 'partial', 'rejected')),
                  values_read {BIGINT} NOT NULL,
                  stored {BIGINT} NOT NULL,
                  unchanged {BIGINT} NOT NULL,
                  rejected {BIGINT} NOT NULL)""", """
                CREATE TABLE submission (
                  id {ID},
                  unit {TEXT} NOT NULL,
                  form {TEXT} NOT NULL,
                  period {TEXT} NOT NULL,
                  version INTEGER NOT NULL,
                  import_id {BIGINT} NOT NULL REFERENCES import(id),
                  received {TEXT} NOT NULL,
                  is_current SMALLINT NOT NULL CHECK (is_current IN (0, 1)),
                  digest {TEXT} NOT NULL,
                  value_count INTEGER NOT NULL,
                  value_map {JSON},
                  source_map {JSON},
                  UNIQUE (unit, form, period, version))""",
                "CREATE UNIQUE INDEX submission_current ON submission(unit, form, period) WHERE is_current = 1", """
                CREATE TABLE rejection (
                  id {ID},
                  unit {TEXT} NOT NULL,
                  form {TEXT} NOT NULL,
                  period {TEXT} NOT NULL,
                  import_id {BIGINT} NOT NULL REFERENCES import(id),
                  received {TEXT} NOT NULL,
                  given {JSON},
                  errors {JSON})""",
                "CREATE INDEX rejection_key ON rejection(unit, form, period, id)",
                // lets readers find the current rows and their imports without scanning the value maps
                "CREATE INDEX submission_live ON submission(is_current, id, import_id)");
        List<String> out = new java.util.ArrayList<>(tables.stream().map(d::ddl).toList());
        out.add(switch (d) {
            case SQLITE -> """
                    CREATE VIEW current_value AS
                      SELECT s.unit, s.form, s.period, v.key AS indicator, v.value, s.received, i.file
                      FROM submission s JOIN json_each(s.value_map) v
                      LEFT JOIN import i ON i.id = CASE WHEN json_type(s.source_map) = 'object'
                        THEN json_extract(s.source_map, '$."' || v.key || '"[0]') ELSE s.import_id END
                      WHERE s.is_current = 1""";
            case POSTGRESQL -> """
                    CREATE VIEW current_value AS
                      SELECT s.unit, s.form, s.period, v.key AS indicator, v.value, s.received, i.file
                      FROM submission s CROSS JOIN LATERAL json_each_text(s.value_map) v
                      LEFT JOIN import i ON i.id = CASE WHEN json_typeof(s.source_map) = 'object'
                        THEN (s.source_map -> v.key ->> 0)::bigint ELSE s.import_id END
                      WHERE s.is_current = 1""";
        });
        return out;
    }

    /**
     * Schema 3. {@code lock}: a slice signed off (a period, and a form and a unit with its subtree, or
     * every one), active until it is unlocked. {@code audit}: one row per change of a current value
     * by an import (old and new as stored: a number, or {@code null} for a value reported missing; SQL
     * NULL where the version had no value for the indicator) and per lock and unlock, each with who,
     * from which host and when.
     */
    static final List<String> THREE = List.of(
            "ALTER TABLE import ADD COLUMN by_user {TEXT} NOT NULL DEFAULT ''",
            "ALTER TABLE import ADD COLUMN host {TEXT} NOT NULL DEFAULT ''", """
            CREATE TABLE lock (
              id {ID},
              period {TEXT} NOT NULL,
              form {TEXT},
              unit {TEXT},
              by_user {TEXT} NOT NULL,
              host {TEXT} NOT NULL,
              locked_at {TEXT} NOT NULL,
              reason {TEXT},
              unlocked_by {TEXT},
              unlocked_host {TEXT},
              unlocked_at {TEXT},
              unlock_reason {TEXT})""", """
            CREATE TABLE audit (
              id {ID},
              at {TEXT} NOT NULL,
              by_user {TEXT} NOT NULL,
              host {TEXT} NOT NULL,
              action {TEXT} NOT NULL CHECK (action IN ('change', 'lock', 'unlock')),
              unit {TEXT},
              form {TEXT},
              period {TEXT},
              indicator {TEXT},
              old_value {TEXT},
              new_value {TEXT},
              version INTEGER,
              import_id {BIGINT} REFERENCES import(id),
              lock_id {BIGINT} REFERENCES lock(id),
              reason {TEXT})""",
            "CREATE INDEX audit_key ON audit(unit, period, form, id)");

    private static void oneToTwo(Statement st) throws SQLException {
        st.execute("DROP VIEW current_value");
        st.execute("ALTER TABLE import RENAME TO import_v1");
        st.execute("ALTER TABLE submission RENAME TO submission_v1");
        st.execute("DROP INDEX IF EXISTS submission_current");
        st.execute("DROP INDEX IF EXISTS submission_live");
        for (String sql : base(Dialect.SQLITE)) st.execute(sql);
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
