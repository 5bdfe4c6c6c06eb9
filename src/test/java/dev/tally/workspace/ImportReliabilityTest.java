package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Child;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports in real child processes, on each kind of store ({@code SqliteImportReliabilityTest},
 * {@code PostgresImportReliabilityTest}): killed with SIGKILL at random moments, the store is always
 * as it was before an import or with that import complete; four imports at once all succeed, every
 * submission lands exactly once, and of two versions of the same submission the one received later is
 * current whichever commits last.
 */
@Tag("process")
abstract class ImportReliabilityTest {
    static final int COMMUNES = 1500, INDICATORS = 12;

    @TempDir
    Path dir;
    Path config;
    TestStore store;

    abstract TestStore.Kind kind();

    @BeforeEach
    void project() throws IOException {
        store = TestStore.of(kind(), dir);
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\n");
        for (int d = 0; d < COMMUNES / 50; d++) {
            units.append("D").append(d).append(",Huyện ").append(d).append(",P,district\n");
            for (int c = 0; c < 50; c++) units.append("D").append(d).append("C").append(c).append(",Xã,D").append(d).append(",commune\n");
        }
        Files.writeString(dir.resolve("units.csv"), units);
        StringBuilder cat = new StringBuilder("indicators:\n");
        for (int i = 0; i < INDICATORS; i++) cat.append("  - {code: i").append(i).append(", type: integer}\n");
        Files.writeString(dir.resolve("catalog.yaml"), cat);
        config = Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\n" + store.yaml());
    }

    /** A file with one submission per commune for the period: COMMUNES submissions. */
    Path periodFile(String period, int seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("unit,period,indicator,value\n");
        for (int d = 0; d < COMMUNES / 50; d++) {
            for (int c = 0; c < 50; c++) {
                for (int i = 0; i < INDICATORS; i++) {
                    sb.append('D').append(d).append('C').append(c).append(',').append(period).append(",i").append(i).append(',')
                            .append(rnd.nextInt(1000)).append('\n');
                }
            }
        }
        return Files.writeString(dir.resolve(period + "-" + seed + ".csv"), sb, StandardCharsets.UTF_8);
    }

    Process start(Path... files) throws IOException {
        return start(null, files);
    }

    /** An import of the files in a process of its own; {@code received} null: now. */
    Process start(String received, Path... files) throws IOException {
        List<String> args = new ArrayList<>(List.of("import", "--config", config.toString()));
        if (received != null) args.addAll(List.of("--received", received));
        for (Path f : files) args.add(f.toString());
        return new ProcessBuilder(Child.tally(args.toArray(String[]::new))).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    long count(String sql) throws Exception {
        return store.count(sql);
    }

    /**
     * The store whole: SQLite's integrity check of the file; on a server (which keeps its pages whole),
     * that no key has two current versions and every row's import is there.
     */
    String integrity() throws Exception {
        if (store.sqlite()) return store.query("PRAGMA integrity_check").get(0);
        long twice = count("SELECT count(*) FROM (SELECT 1 FROM submission WHERE is_current = 1 GROUP BY unit, form, period HAVING count(*) > 1) x");
        long orphans = count("SELECT count(*) FROM submission s LEFT JOIN import i ON i.id = s.import_id WHERE i.id IS NULL");
        return twice == 0 && orphans == 0 ? "ok" : twice + " keys with two current versions, " + orphans + " rows without their import";
    }

    @Test
    void aKilledImportLeavesTheStoreBeforeOrAfterNeverBetween() throws Exception {
        // a first import creates the store, so every later kill lands on a real one
        Process first = start(periodFile("2023-12", 0));
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        Random rnd = new Random(42);
        int completed = 1, killed = 0;
        for (int round = 1; round <= 8; round++) {
            String period = String.format("2024-%02d", round);
            Path f = periodFile(period, round);
            Process p = start(f);
            boolean done = p.waitFor(200 + rnd.nextInt(1800), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by us
                p.waitFor(30, TimeUnit.SECONDS);
                killed++;
            }
            assertThat(integrity()).isEqualTo("ok");
            long stored = count("SELECT count(*) FROM submission WHERE period = '" + period + "'");
            long values = count("SELECT count(*) FROM current_value WHERE period = '" + period + "'");
            // the file is either not there at all or there completely
            assertThat(stored).as(period).isIn(0L, (long) COMMUNES);
            assertThat(values).as(period).isEqualTo(stored * INDICATORS);
            assertThat(count("SELECT count(*) FROM import WHERE file = '" + f + "'")).isEqualTo(stored == 0 ? 0 : 1);
            if (stored > 0) completed++;
        }
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo((long) completed * COMMUNES);
        assertThat(killed).as("some imports must actually have been killed for this test to mean anything").isPositive();
    }

    @Test
    void fourImportsAtOnceAllSucceedEachSubmissionLandsOnceAndTheLaterReceivedWins() throws Exception {
        // the store exists (as a team's does): the four then race for it, not for making it
        Process first = start(periodFile("2023-12", 0));
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log()).isZero();
        // two periods of their own, and two versions of a third period's submissions: c received before d
        Path a = periodFile("2024-01", 1), b = periodFile("2024-02", 2), c = periodFile("2024-03", 3), d = periodFile("2024-03", 4);
        List<Process> all = List.of(start("2024-04-02T08:00+07:00", a), start("2024-04-02T08:00+07:00", b),
                start("2024-04-05T08:00+07:00", d), start("2024-04-01T08:00+07:00", c));
        for (Process p : all) assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("no import waits forever").isTrue();
        for (Process p : all) assertThat(p.exitValue()).as(log()).isZero();
        assertThat(integrity()).isEqualTo("ok");
        // every submission of every file exactly once, as a version; one current per key
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(5L * COMMUNES);
        assertThat(count("SELECT count(*) FROM submission WHERE period = '2024-03'")).isEqualTo(2L * COMMUNES);
        assertThat(count("SELECT count(*) FROM current_value")).isEqualTo(4L * COMMUNES * INDICATORS);
        assertThat(count("SELECT count(*) FROM import")).isEqualTo(5);
        // the later received (d) is current, whichever of c and d came in last; c is its earlier version
        assertThat(count("SELECT count(*) FROM submission s JOIN import i ON i.id = s.import_id WHERE s.period = '2024-03' "
                + "AND s.is_current = 1 AND i.file = '" + d + "'")).isEqualTo(COMMUNES);
        assertThat(count("SELECT count(*) FROM submission s JOIN import i ON i.id = s.import_id WHERE s.period = '2024-03' "
                + "AND s.is_current = 0 AND i.file = '" + c + "'")).isEqualTo(COMMUNES);
        // and rollup from the store has d's values: the same as a rollup of the files of the current versions
        Tally.Run fromStore = Tally.run(config, java.time.Clock.systemUTC(), "rollup", "--format", "csv", "--period", "2024-03");
        Tally.Run fromFiles = Tally.run(config, java.time.Clock.systemUTC(), "rollup", "--format", "csv", "--period", "2024-03", d.toString());
        assertThat(fromStore.out()).isEqualTo(fromFiles.out());
    }

    private String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.startsWith("child-"))) sb.append(Files.readString(f.toPath()));
        return sb.toString();
    }
}
