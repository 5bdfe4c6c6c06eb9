package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Imports in real child processes: killed with SIGKILL at random moments, the store is always as it
 * was before an import or with that import complete; two imports at once both succeed.
 */
@Tag("process")
class ImportReliabilityTest {
    static final int COMMUNES = 1500, INDICATORS = 12;

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void project() throws IOException {
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\n");
        for (int d = 0; d < COMMUNES / 50; d++) {
            units.append("D").append(d).append(",Huyện ").append(d).append(",P,district\n");
            for (int c = 0; c < 50; c++) units.append("D").append(d).append("C").append(c).append(",Xã,D").append(d).append(",commune\n");
        }
        Files.writeString(dir.resolve("units.csv"), units);
        StringBuilder cat = new StringBuilder("indicators:\n");
        for (int i = 0; i < INDICATORS; i++) cat.append("  - {code: i").append(i).append(", type: integer}\n");
        Files.writeString(dir.resolve("catalog.yaml"), cat);
        config = Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\n");
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tally.Main", "import", "--config", config.toString()));
        for (Path f : files) cmd.add(f.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement();
             ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    String integrity() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
            r.next();
            return r.getString(1);
        }
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
    void twoImportsAtOnceBothSucceedAndNothingIsLost() throws Exception {
        Path a = periodFile("2024-01", 1), b = periodFile("2024-02", 2);
        Process pa = start(a), pb = start(b);
        assertThat(pa.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pb.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pa.exitValue()).as(log()).isZero();
        assertThat(pb.exitValue()).as(log()).isZero();
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(2L * COMMUNES);
        assertThat(count("SELECT count(*) FROM current_value")).isEqualTo(2L * COMMUNES * INDICATORS);
        assertThat(count("SELECT count(*) FROM import")).isEqualTo(2);
        assertThat(integrity()).isEqualTo("ok");
    }

    private String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.startsWith("child-"))) sb.append(Files.readString(f.toPath()));
        return sb.toString();
    }
}
