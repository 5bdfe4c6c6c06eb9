package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the previous release (schema 1: one submission per unit and period) opens in
 * this one and is upgraded in one transaction. The fixture {@code store/v1-sample.db} was made by that
 * release: the bundled samples imported, then a correction of BG-LN-DOINGO's 2024-H1 report
 * (fix.csv: version 2), then the faulty file (rejected whole): 60 submission rows, 9 imports.
 */
class MigrationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-01T00:00:00Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;

    Tally.Run tally(Path project, String... args) {
        return Tally.run(project.resolve("tally.yaml"), CLOCK, args);
    }

    /** A copy of the sample project (whose catalog now declares forms), with the v1 store when asked. */
    Path project(String name, boolean withV1Store) throws IOException {
        Path p = dir.resolve(name);
        copyTree(Path.of("samples"), p);
        if (withV1Store) Files.copy(Path.of("src/test/resources/store/v1-sample.db"), p.resolve("tally.db"));
        return p;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static List<String> query(Path db, String sql) throws SQLException {
        return Tally.query(db, sql);
    }

    @Test
    void aStoreOfThePreviousReleaseIsUpgradedWithItsHistory() throws Exception {
        Path p = project("old", true);
        Path db = p.resolve("tally.db");
        assertThat(query(db, "PRAGMA user_version")).containsExactly("1");

        Tally.Run history = tally(p, "history", "--unit", "BG-LN-DOINGO", "--period", "2024-H1", "--format", "csv");
        assertThat(history.exit()).as(history.err()).isZero();
        // the previous release did not record who imported: 'by' is empty for those versions
        assertThat(history.out()).contains("all,1,,2024-07-12T09:30+07:00,,submissions/2024-H1/luc-nam.ndjson,")
                .contains("all,2,yes,2024-07-18T08:00+07:00,,fix.csv,")
                .contains("- cadres_trained (was 20); dialogues 3 → 4; dvk_models 6 → 7; petitions_received 23 → 15; petitions_resolved 22 → 15");

        // through every step: 1 → 2 → 3
        assertThat(query(db, "PRAGMA user_version")).containsExactly("3");
        assertThat(query(db, "SELECT count(*), sum(is_current), count(DISTINCT form), min(form) FROM submission")).containsExactly("60|59|1|all");
        assertThat(query(db, "SELECT count(*), sum(status = 'rejected') FROM import")).containsExactly("9|1");
        // who imported what was not recorded before schema 3; the audit and the locks start empty
        assertThat(query(db, "SELECT DISTINCT by_user || '|' || host FROM import")).containsExactly("|");
        assertThat(query(db, "SELECT (SELECT count(*) FROM audit), (SELECT count(*) FROM lock)")).containsExactly("0|0");
        assertThat(query(db, "SELECT count(*) FROM rejection")).containsExactly("0");
        // each value knows its source: the line of the submission's file it came from
        assertThat(query(db, "SELECT source_map FROM submission WHERE unit = 'BG-LN-DOINGO' AND is_current = 1")).containsExactly("[2,3,4,5]");
        assertThat(query(db, "SELECT form, indicator, value, file FROM current_value WHERE unit = 'BG-LN-DOINGO' ORDER BY indicator"))
                .containsExactly("all|dialogues|4|fix.csv", "all|dvk_models|7|fix.csv", "all|petitions_received|15|fix.csv",
                        "all|petitions_resolved|15|fix.csv");

        // completeness reads the old one-form submissions under the catalog's forms
        Tally.Run status = tally(p, "status", "--period", "2024-H1", "--unit", "BG", "--depth", "0", "--format", "csv");
        assertThat(status.out()).contains("dan_van,Báo cáo công tác dân vận,2024-H1,province,BG,Tỉnh Bắc Giang,16,16,")
                .contains("hdnd,Báo cáo HĐND và nông thôn mới,2024-H1,province,BG,Tỉnh Bắc Giang,2,2,");

        // the same data imported afresh by this release rolls up to the same table
        Path fresh = project("fresh", false);
        assertThat(tally(fresh, "import", fresh.resolve("submissions").toString()).exit()).isZero();
        Files.writeString(fresh.resolve("fix.csv"), "unit,period,indicator,value\nBG-LN-DOINGO,2024-H1,dvk_models,7\n"
                + "BG-LN-DOINGO,2024-H1,dialogues,4\nBG-LN-DOINGO,2024-H1,petitions_received,15\nBG-LN-DOINGO,2024-H1,petitions_resolved,15\n");
        assertThat(tally(fresh, "import", fresh.resolve("fix.csv").toString()).exit()).isZero();
        String expected = tally(fresh, "rollup", "--format", "csv").out();
        assertThat(expected).contains("BG-LN-DOINGO");
        assertThat(tally(p, "rollup", "--format", "csv").out()).isEqualTo(expected);
    }

    @Test
    void reimportingIntoAnUpgradedStoreChangesOnlyWhatDiffers() throws Exception {
        Path p = project("old", true);
        // the catalog now has forms: the old one-form submissions are split per form, then the import
        // finds every one unchanged but BG-LN-DOINGO's, which the sample file gives as before fix.csv
        Tally.Run r = tally(p, "import", p.resolve("submissions").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("submissions: 0 new, 1 replaced, 58 unchanged, 0 rejected");
        Path db = p.resolve("tally.db");
        assertThat(query(db, "SELECT count(*) FROM submission WHERE is_current = 1 AND form = 'all'")).containsExactly("0");
        assertThat(query(db, "SELECT form, count(*) FROM submission WHERE is_current = 1 GROUP BY form ORDER BY form"))
                .containsExactly("dan_van|54", "hdnd|5");
        assertThat(r.out()).startsWith("the store's 59 submissions under forms the catalog no longer has were regrouped into its forms");
        Tally.Run again = tally(p, "import", p.resolve("submissions").toString());
        assertThat(again.out()).doesNotContain("regrouped").contains("submissions: 0 new, 0 replaced, 59 unchanged, 0 rejected");
        Tally.Run history = tally(p, "history", "--unit", "BG-LN-DOINGO", "--period", "2024-H1", "--format", "csv");
        assertThat(history.out().lines().skip(1).map(l -> String.join(",", List.of(l.split(",")).subList(0, 3))).toList())
                .containsExactly("all,1,", "all,2,", "dan_van,1,", "dan_van,2,yes");
    }

    @Test
    void aCatalogThatDropsItsFormsRegroupsTheStoreIntoOne() throws Exception {
        Path p = project("old", true);
        assertThat(tally(p, "import", p.resolve("submissions").toString()).exit()).isZero();
        String catalog = Files.readString(p.resolve("catalog.yaml"));
        Files.writeString(p.resolve("catalog.yaml"), catalog.substring(0, catalog.indexOf("\nforms:")) + catalog.substring(catalog.indexOf("\nindicators:")));
        Tally.Run r = tally(p, "import", p.resolve("submissions").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("the store's 59 submissions under forms the catalog no longer has were regrouped")
                .contains("submissions: 0 new, 0 replaced, 59 unchanged, 0 rejected");
        assertThat(query(p.resolve("tally.db"), "SELECT DISTINCT form FROM submission WHERE is_current = 1")).containsExactly("all");
    }

    @Test
    void aFailedUpgradeLeavesTheStoreAsItWas() throws Exception {
        Path p = project("old", true);
        Path db = p.resolve("tally.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE submission SET line_map = 'oops' WHERE id = 30");
        }
        Tally.Run r = tally(p, "rollup");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("cannot upgrade the store to this tally's format").contains("it was left as it was");
        assertThat(query(db, "PRAGMA user_version")).containsExactly("1");
        assertThat(query(db, "SELECT count(*) FROM submission WHERE line_map IS NOT NULL")).containsExactly("60");
        assertThat(query(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('submission_v1', 'import_v1', 'rejection')")).containsExactly("0");
    }
}
