package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Period;
import dev.tally.model.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Storing submissions: what becomes of each (new, replaced, unchanged) is the same whether the batch
 * read the store's keys in one scan (given the keys it will store) or looked each submission up, and
 * the scan spares exactly the lookups of keys the store has no version of.
 */
@Isolated // reads Store.LOOKUPS, which every import counts
class BatchTest {
    @TempDir
    Path dir;

    private static Submission sub(String unit, String period, String value) {
        return new Submission(unit, "all", Period.parse(period).orElseThrow(), Map.of("a", new BigDecimal(value)), Map.of(), Map.of("a", 2L));
    }

    static final Store.Who WHO = new Store.Who("test", "host");

    /** {@code n} keys, as an import of that many submissions gives them. */
    private static List<Store.Key> keys(long n) {
        List<Store.Key> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Store.Key("K" + i, "all", "2025-H1"));
        return out;
    }

    /** Puts the submissions in one committed batch; {@code expect} < 0: without telling the batch the keys. */
    private static List<Store.Outcome> put(Store store, long expect, List<Submission> subs) throws Exception {
        List<Store.Outcome> out = new ArrayList<>();
        try (Store.Batch b = store.begin(WHO, expect < 0 ? null : keys(expect), true)) {
            long id = b.recordImport("f.csv", "0".repeat(64), "2025-07-01", "2025-07-01T00:00:00Z", subs.size());
            for (Submission s : subs) out.add(b.put(s, id, "2025-07-01"));
            b.commit();
        }
        return out;
    }

    private interface Step {
        List<Store.Outcome> run() throws Exception;
    }

    private static List<Store.Outcome> counting(long[] lookups, Step step) throws Exception {
        long before = SqliteStore.LOOKUPS.sum();
        List<Store.Outcome> out = step.run();
        lookups[0] = SqliteStore.LOOKUPS.sum() - before;
        return out;
    }

    @Test
    void theScanSparesExactlyTheLookupsOfKeysWithoutAVersionAndChangesNoOutcome() throws Exception {
        List<Submission> first = List.of(sub("X01", "2025-H1", "1"), sub("X02", "2025-H1", "2"), sub("X03", "2025-H1", "3"));
        // X01 unchanged, X02 replaced, X04 new (twice in one batch: the second is a replacement of the first)
        List<Submission> second = List.of(sub("X01", "2025-H1", "1"), sub("X02", "2025-H1", "20"), sub("X04", "2025-H1", "4"),
                sub("X04", "2025-H1", "40"));
        List<List<Store.Outcome>> outcomes = new ArrayList<>();
        long[][] lookups = new long[4][1];
        for (boolean scan : new boolean[] {true, false}) {
            try (Store store = Store.open(dir.resolve(scan + ".db"), true)) {
                int k = scan ? 0 : 2;
                outcomes.add(counting(lookups[k], () -> put(store, scan ? first.size() : -1, first)));
                outcomes.add(counting(lookups[k + 1], () -> put(store, scan ? second.size() : -1, second)));
            }
        }
        Store.Outcome n = Store.Outcome.NEW, r = Store.Outcome.REPLACED, u = Store.Outcome.UNCHANGED;
        assertThat(outcomes).containsExactly(List.of(n, n, n), List.of(u, r, n, r), List.of(n, n, n), List.of(u, r, n, r));
        // scanned: none of the first import is looked up; of the second, X01, X02 and X04's second time
        assertThat(lookups[0][0]).isZero();
        assertThat(lookups[1][0]).isEqualTo(3);
        assertThat(lookups[2][0]).isEqualTo(3);
        assertThat(lookups[3][0]).isEqualTo(4);
    }

    @Test
    void aSmallImportIntoALargeStoreLooksEachSubmissionUp() throws Exception {
        List<Submission> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) many.add(sub("U" + i, "2025-H1", String.valueOf(i)));
        try (Store store = Store.open(dir.resolve("large.db"), true)) {
            put(store, many.size(), many);
            long[] lookups = new long[1];
            // one submission against 20 stored: the scan would read twenty keys to spare one lookup
            List<Store.Outcome> out = counting(lookups, () -> put(store, 1, List.of(sub("NEW", "2025-H1", "1"))));
            assertThat(out).containsExactly(Store.Outcome.NEW);
            assertThat(lookups[0]).isEqualTo(1);
        }
    }

    @Test
    void aNewStoreHasSixteenKiBPages() throws Exception {
        Path file = dir.resolve("new.db");
        Store.open(file, true).close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet r = c.createStatement().executeQuery("PRAGMA page_size")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(16384);
        }
    }

    private static List<String> check(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }

    /**
     * An import has SQLite skip the schema's CHECKs (json_valid of every map) because what tally writes
     * is valid by construction: here SQLite checks that it is, on the awkward cases, and that the check
     * would see a broken map.
     */
    @Test
    void whatAnImportWritesPassesTheChecksItSkips() throws Exception {
        Path file = dir.resolve("checks.db");
        java.util.Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
        values.put("quote\"back\\slash", new BigDecimal("-0.001"));
        values.put("tab\tnew\nline\u0001", null);
        values.put("\u0111\u1ea3ng_vi\u00ean \ud83d\ude00", new BigDecimal("123456789012345678901234567890.5"));
        values.put("e", new BigDecimal("1E+3"));
        java.util.Map<String, Long> imports = new java.util.LinkedHashMap<>(), lines = new java.util.LinkedHashMap<>();
        try (Store store = Store.open(file, true); Store.Batch b = store.begin(WHO, keys(2), true)) {
            long one = b.recordImport("a \"b\".csv", "0".repeat(64), "2025-07-01", "2025-07-01T00:00:00Z", 4);
            long two = b.recordImport("c.csv", "1".repeat(64), "2025-07-01", "2025-07-01T00:00:00Z", 4);
            b.put(new Submission("X\"1", "all", Period.parse("2025-H1").orElseThrow(), values, Map.of(), Map.of()), one, "2025-07-01");
            // values from two files: the source map is an object of [import, line]
            values.keySet().forEach(k -> imports.put(k, imports.size() % 2 == 0 ? one : two));
            values.keySet().forEach(k -> lines.put(k, 100L + lines.size()));
            b.put(new Submission("X2", "f\u00f6rm", Period.parse("2025-Q2").orElseThrow(), values, imports, lines), one, "2025-07-01");
            b.reject("X3", "all", Period.parse("2025-H1").orElseThrow(), two, "2025-07-01", values.keySet(), List.of("range", "\"odd\""));
            b.commit();
        }
        assertThat(check(file)).containsExactly("ok");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints = ON");
            st.execute("UPDATE submission SET source_map = '[1,' WHERE unit = 'X2'");
        }
        assertThat(check(file)).singleElement().asString().contains("CHECK constraint failed in submission");
    }
}
