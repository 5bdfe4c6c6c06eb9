package dev.tally.store;

import dev.tally.model.Period;
import dev.tally.model.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The workspace store: every version of every imported submission, exactly one per unit, form and
 * period current, each value's source file and line, and the arrivals an import rejected. These are
 * the operations import, status, history and the store reader (rollup from the store) use, nothing
 * more; the workspace and ingest code see only this interface.
 *
 * <p>Contract for every implementation: an import writes in one {@link Batch}, a transaction that
 * waits for any other write it could conflict with and is seen whole or not at all; readers see what
 * was committed. A
 * submission's values and sources are stored as {@link Encoder} writes them and read back exactly
 * ({@link Json}), never through double. A store that is not a tally store, comes from a newer tally,
 * or holds a row that cannot be read fails with one line that names it and the row (exit 4, see
 * {@link StoreException}), never a stack trace.
 *
 * <p>Two implementations, on {@link JdbcStore}, which holds the statements they share: {@link SqliteStore}
 * (a file beside tally.yaml, the default) and {@link PgStore} (a schema on a team's PostgreSQL
 * server). Both have the schema of {@link Migration}, one list of steps rendered in each
 * {@link Dialect}; the callers see only this interface and {@link Location}.
 *
 * <p>Example: {@code try (Store s = Store.open(path, false)) { for (Store.Arrival a : s.arrivals()) ... }}
 */
public interface Store extends AutoCloseable {
    /** Opens (and with {@code create}, creates) the store at {@code file}; refuses files that are not tally stores. */
    static Store open(Path file, boolean create) { return open(new Location.File(file), create, false); }

    /** Opens the store at {@code where}, as {@link #open(Location, boolean, boolean)} without the check. */
    static Store open(Location where, boolean create) { return open(where, create, false); }

    /**
     * Opens (and with {@code create}, creates) the store at {@code where}; refuses what is not a tally
     * store. With {@code check}, for import, which must not write onto a damaged store: an existing
     * one is checked whole before anything writes to it, and refused, untouched, when it is damaged
     * ({@link #begin} waits for the verdict). A server's store is made by the first import that
     * commits ({@code create}: in its transaction, so a dry run leaves none), a file's when it opens.
     * A server's driver is loaded only here, by a run whose store is on a server.
     */
    static Store open(Location where, boolean create, boolean check) {
        if (where instanceof Location.File f) return SqliteStore.open(f.path(), create, check);
        return PgStore.open((Location.Server) where, create);
    }

    /**
     * An empty store in memory standing for {@code file} where there is none yet, for an import that
     * writes nothing (a dry run, an {@code --atomic run} with an error): nothing is created on disk.
     */
    static Store inMemory(Path file) { return SqliteStore.inMemory(file); }

    /** Where the store is, as messages name it and as the input name of values read from it (a file's path). */
    String name();

    /** The file the store is, which no output may be written onto; null for a store on a server. */
    Path file();

    /** A connection of its own to the same store, for reading on another thread; the caller closes it. */
    Store another();

    // ------------------------------------------------------------------ writing

    /** Who writes: the user an import or a lock is recorded under, and the host it ran on. */
    record Who(String user, String host) {}

    /** A submission's key: a unit's report for a form and a period. */
    record Key(String unit, String form, String period) {}

    /**
     * Starts a write that may touch anything (a lock, a copy): waits for every other write, then takes
     * changes until it is committed. {@code who} is recorded with them.
     */
    default Batch begin(Who who) { return begin(who, null, true); }

    /** Starts an import of submissions of these keys only: {@link #begin(Who, java.util.Collection, boolean)}, not exclusive. */
    default Batch begin(Who who, java.util.Collection<Key> keys) { return begin(who, keys, false); }

    /**
     * Starts a write. {@code keys}: the submissions it will put (null: not known, and each is looked
     * up as it comes), which the store may read in one go. Exclusive, it waits for every other write
     * and may write anything (an import that regroups the store); otherwise it stores submissions of
     * {@code keys} only, and waits only for the writes that could touch them: on SQLite any other
     * write, on a server only those of the same forms and periods, so that imports of different
     * periods go on side by side.
     */
    Batch begin(Who who, java.util.Collection<Key> keys, boolean exclusive);

    /**
     * What became of a submission on import: stored as the new current version, as the current one in
     * place of another, identical to the current one (nothing stored), or stored as an earlier
     * version only, since the current one was received later (the newer of two versions wins by the
     * time it was received, whichever was imported first).
     */
    enum Outcome { NEW, REPLACED, UNCHANGED, OLDER }

    /**
     * One write: a transaction that waits for any other write it could conflict with, then takes
     * submissions file by file. Nothing is visible until {@link #commit}; closing without commit rolls
     * everything back.
     */
    interface Batch extends AutoCloseable {
        /** True when the batch may write any key: no other write goes on beside it. */
        boolean exclusive();

        /** Records the import of a file, by the batch's user and host (its status and counts are filled in by {@link #counts}); returns its id. */
        long recordImport(String fileName, String sha256, String received, String importedAt, long valuesRead) throws SQLException;

        /** A file's outcome: stored (all of it), partial (some submissions rejected) or rejected, and its counts of values. */
        void counts(long importId, String status, long stored, long unchanged, long rejected) throws SQLException;

        /**
         * Stores a submission as the new current version, unless it equals the current one or the current
         * one was received later; its row names {@code importId} (the first file it came from), each value
         * its own source. A change of a current value is kept in the audit.
         */
        default Outcome put(Submission s, long importId, String received) throws SQLException { return put(encode(s, importId), received); }

        /** Stores an {@link Store#encode encoded} submission (see {@link #put(Submission, long, String)}). */
        Outcome put(Encoded s, String received) throws SQLException;

        /** Records that a submission arrived and was rejected: the codes it gave values for, and why (finding codes, or the --atomic reason). */
        void reject(String unit, String form, Period period, long importId, String received, java.util.Collection<String> given,
                    java.util.Collection<String> errors) throws SQLException;

        /** Makes a current submission no longer current (it stays in the history). */
        void retire(String unit, String form, Period period) throws SQLException;

        /**
         * The current submissions of forms other than {@code forms}, by unit and period: for
         * regrouping what was stored under forms the catalog no longer has.
         */
        List<Current> currentOutside(java.util.Collection<String> forms) throws SQLException;

        /** True when the unit has a current submission of the form for the period. */
        boolean hasCurrent(String unit, String form, Period period) throws SQLException;

        /** The locks in force, as this write sees them: none is added or lifted until it ends. */
        List<Lock> locks() throws SQLException;

        /** Locks a slice (period; form and unit, or null for every one), with the time and reason; returns the lock's id. */
        long lock(String period, String form, String unit, String at, String reason) throws SQLException;

        /** Lifts a lock in force, with the time and reason. */
        void unlock(long id, String at, String reason) throws SQLException;

        void commit() throws SQLException;

        /** Ends the write; without {@link #commit}, nothing of it stays. */
        @Override
        void close() throws SQLException;
    }

    /**
     * A slice signed off: a period (and every period inside it), a form (null: every form) and a unit
     * with every unit below it (null: every unit); who locked it, from where, when and why, and, once
     * lifted, who unlocked it and why.
     */
    record Lock(long id, String period, String form, String unit, String by, String host, String at, String reason,
                String unlockedBy, String unlockedHost, String unlockedAt, String unlockReason) {
        public boolean active() { return unlockedAt == null; }
    }

    /** Every lock ever made, in the order made, those lifted included. */
    List<Lock> locks();

    /** A submission as it is written: its values and sources as JSON text, and the digest of its content. */
    record Encoded(String unit, String form, String period, long importId, String digest, int count, String values, String sources) {}

    /** The stored form of a submission (see {@link Encoder}), the same in every dialect. */
    static Encoded encode(Submission s, long importId) {
        Encoder e = new Encoder();
        s.values().forEach((code, v) -> e.add(code, v, s.imports().getOrDefault(code, importId), s.lines().getOrDefault(code, 0L)));
        return e.finish(s.unit(), s.form(), s.period().text(), importId);
    }

    /** A current submission as stored, with where each value came from. */
    record Current(String unit, String form, String period, Map<String, BigDecimal> values, Map<String, Long> imports,
                   Map<String, Long> lines, long importId, String received) {}

    // ------------------------------------------------------------------ reading

    /**
     * One current submission as stored, every column as its UTF-8 bytes: the codes go to a byte-keyed
     * index and the values and their sources to byte scanners (see {@link Json}), so no String is made
     * and encoded again per submission (a store of 104,000 submissions: ~0.2 s of CPU).
     */
    record StoredSubmission(byte[] unit, byte[] form, byte[] period, long importId, byte[] values, byte[] sources) {}

    /** Streams the current version of every submission. */
    default void currentSubmissions(Consumer<StoredSubmission> sink) { currentSubmissions(Long.MIN_VALUE, Long.MAX_VALUE, sink); }

    /**
     * Streams the current submissions with ids in [from, to], in id order (for reading in parallel
     * slices, each on a connection of its own: {@link #another}). The sink decodes the maps, and
     * throws UncheckedIOException for one it cannot read: the damaged store is then told in one line.
     */
    void currentSubmissions(long from, long to, Consumer<StoredSubmission> sink);

    /** The smallest and largest id of a current submission ({0, -1} when there is none). */
    long[] currentIdRange();

    /** Every import id with the file it read, in file name order: the sources current values name. */
    Map<Long, String> importFiles();

    /** The names of the files that current submissions came from, sorted. */
    List<String> sourceFiles();

    /**
     * A current submission's unit, form, period, arrival and the codes it gave, for completeness and
     * timeliness; {@code earlier}: when every other arrival of the unit's form for the period came,
     * its earlier versions and rejected arrivals (usually none), as stored.
     */
    record Arrival(String unit, String form, String period, String received, Set<String> codes, List<String> earlier) {}

    /** Every current submission's arrival, by unit, form and period. */
    List<Arrival> arrivals();

    /** The latest rejected arrival of a unit's form for a period: when, the codes it gave, the finding codes that rejected it. */
    record Rejection(String unit, String form, String period, String received, Set<String> given, List<String> errors) {}

    /** For each unit, form and period an import rejected, the latest rejection. */
    List<Rejection> rejections();

    /**
     * One arrival of a unit's submission: a stored version with where it came from and who imported
     * it from which host (empty for an import of a tally before schema 3), or (with {@code errors})
     * an arrival an import rejected, which has no version and no values, only the codes it gave.
     */
    record Version(String form, int version, boolean current, String received, String file, String sha256, String importedAt,
                   Map<String, BigDecimal> values, List<String> errors, Set<String> given, String by, String host) {
        public boolean rejected() { return errors != null; }
    }

    /**
     * Every arrival of a unit's submissions for a period, form by form, in the order imported: the
     * stored versions oldest first, each rejected arrival among them where its import came.
     */
    List<Version> history(String unit, Period period);

    /** Lets the store go; a failure to (a file that cannot be closed) is an input/output error. */
    @Override
    void close();
}
