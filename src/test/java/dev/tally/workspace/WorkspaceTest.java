package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace through the real command line: import semantics, status, history, compare, refusals. */
class WorkspaceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-31T00:00:00Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;
    Path config;

    Tally.Run tally(String... args) {
        return Tally.run(config, CLOCK, args);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static final String HEAD = "unit,period,indicator,value\n";

    @BeforeEach
    void project() throws IOException {
        file("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC11,Xã 11,D1,commune\nC12,Xã 12,D1,commune\n"
                + "D2,Huyện 2,P,district\nC21,Xã 21,D2,commune\n");
        file("catalog.yaml", "indicators:\n  - {code: rec, type: integer, required: true}\n  - {code: res, type: integer}\n");
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\ndeadline_days: 10\n");
    }

    List<String> query(String sql) throws SQLException {
        return Tally.query(dir.resolve("tally.db"), sql);
    }

    @Test
    void aResubmissionReplacesTheWholeSubmissionAndAnIdenticalOneIsUnchanged() throws Exception {
        Path a = file("a.csv", HEAD + "C11,2024-H1,rec,3\nC11,2024-H1,res,2\nC12,2024-H1,rec,1\n");
        Tally.Run first = tally("import", "--received", "2024-07-05", a.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("2 new, 0 replaced, 0 unchanged").contains("values read 3 = stored 3 + unchanged 0");
        Tally.Run again = tally("import", a.toString());
        assertThat(again.out()).contains("0 new, 0 replaced, 2 unchanged").contains("values read 3 = stored 0 + unchanged 3");
        Path b = file("b.csv", HEAD + "C11,2024-H1,rec,4\n");
        assertThat(tally("import", "--received", "2024-07-20T10:00+07:00", b.toString()).out()).contains("0 new, 1 replaced, 0 unchanged");
        // no stale value: res is gone with the old version
        assertThat(query("SELECT unit, indicator, value FROM current_value ORDER BY 1, 2"))
                .containsExactly("C11|rec|4", "C12|rec|1");
        Tally.Run history = tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv");
        assertThat(history.out()).contains("1,,2024-07-05T00:00+07:00," + a + ",").contains("first version: 2 values")
                .contains("2,yes,2024-07-20T10:00+07:00," + b + ",").contains("rec 3 → 4; - res (was 2)");
        assertThat(query("SELECT count(*) FROM submission")).containsExactly("3");
    }

    @Test
    void aSubmissionWithAnErrorIsRejectedAndEveryOtherOneInTheSameFileIsStored() throws Exception {
        Path good = file("good.csv", HEAD + "C11,2024,rec,3\n");
        // C12 is clean; C21 gives a good res but a bad rec: its whole submission is rejected, with why
        Path bad = file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,res,7\nC21,2024,rec,-x\n");
        Tally.Run r = tally("import", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:4: error [not-a-number]");
        assertThat(r.out()).isEqualTo(good + ": 1 submission: 1 new, 0 replaced, 0 unchanged, 0 rejected\n"
                + bad + ": 2 submissions: 1 new, 0 replaced, 0 unchanged, 1 rejected (partial)\n"
                + "rejected: C21 (Xã 21) 2024 (1 value): missing-required, not-a-number\n"
                + "submissions: 2 new, 0 replaced, 0 unchanged, 1 rejected\n"
                + "values read 4 = stored 2 + unchanged 0 + duplicates 0 + ignored 0 + rejected 2\n");
        assertThat(query("SELECT unit FROM current_value ORDER BY 1")).containsExactly("C11", "C12");
        assertThat(query("SELECT file, status, values_read, stored, rejected FROM import ORDER BY id"))
                .containsExactly(good + "|stored|1|1|0", bad + "|partial|3|1|2");
        // once corrected, the rejected submission is new and the others unchanged
        file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,res,7\nC21,2024,rec,6\n");
        assertThat(tally("import", good.toString(), bad.toString()).out())
                .contains("submissions: 1 new, 0 replaced, 2 unchanged, 0 rejected");
    }

    @Test
    void aSubmissionWhoseEveryValueIsRejectedIsListedNotLost() throws Exception {
        Tally.Run r = tally("import", file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,rec,-x\n").toString());
        assertThat(r.out()).contains("1 new, 0 replaced, 0 unchanged, 1 rejected").contains("rejected: C21 (Xã 21) 2024: not-a-number\n")
                .contains("values read 2 = stored 1 + unchanged 0 + duplicates 0 + ignored 0 + rejected 1");
    }

    @Test
    void atomicFileRejectsEverySubmissionWithAValueFromAFileWithAnError() throws Exception {
        Path good = file("good.csv", HEAD + "C11,2024,rec,3\nC12,2024,res,1\n");
        Path bad = file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,rec,-x\n");
        Tally.Run r = tally("import", "--atomic", "file", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        // C12's submission has a value from bad.csv, so it goes too; C11 came only from good.csv
        assertThat(r.out()).contains(good + ": 2 submissions: 1 new, 0 replaced, 0 unchanged, 1 rejected (partial)")
                .contains(bad + ": 2 submissions: 0 new, 0 replaced, 0 unchanged, 2 rejected (rejected)")
                .contains("rejected: C12 (Xã 12) 2024 (2 values): the file " + bad + " has errors (--atomic file)")
                .contains("values read 4 = stored 1 + unchanged 0 + duplicates 0 + ignored 0 + rejected 3");
        assertThat(query("SELECT unit FROM current_value")).containsExactly("C11");
    }

    @Test
    void atomicRunStoresNothingUnlessEverythingIsClean() throws Exception {
        Path good = file("good.csv", HEAD + "C11,2024,rec,3\n");
        Path bad = file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,rec,-x\n");
        tally("import", file("first.csv", HEAD + "C11,2024,rec,1\n").toString());
        Tally.Run r = tally("import", "--atomic", "run", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("submissions: 0 new, 0 replaced, 0 unchanged, 3 rejected")
                .contains("rejected: C11 (Xã 11) 2024 (1 value): the import has errors (--atomic run)")
                .contains("values read 3 = stored 0 + unchanged 0 + duplicates 0 + ignored 0 + rejected 3");
        assertThat(query("SELECT unit, value FROM current_value")).containsExactly("C11|1");
        assertThat(query("SELECT count(*) FROM import")).as("not even the import log changes").containsExactly("1");
        Tally.Run clean = tally("import", "--atomic", "run", good.toString());
        assertThat(clean.exit()).isZero();
        assertThat(query("SELECT unit, value FROM current_value")).containsExactly("C11|3");
    }

    @Test
    void aDryRunStoresNothing() throws Exception {
        Path a = file("a.csv", HEAD + "C11,2024,rec,3\n");
        assertThat(tally("import", "--dry-run", a.toString()).out()).contains("dry run, nothing stored: submissions: 1 new");
        assertThat(Files.exists(dir.resolve("tally.db"))).isFalse();
        tally("import", a.toString());
        assertThat(tally("import", "--dry-run", file("b.csv", HEAD + "C11,2024,rec,4\n").toString()).out()).contains("1 replaced");
        assertThat(query("SELECT value FROM current_value")).containsExactly("3");
    }

    @Test
    void statusCountsOnTimeLateAndMissingAndNeverExceedsAHundred() throws Exception {
        tally("import", "--received", "2024-07-10", file("a.csv", HEAD + "C11,2024-H1,rec,1\n").toString());   // due 2024-07-10: on time
        tally("import", "--received", "2024-07-11", file("b.csv", HEAD + "C12,2024-H1,rec,1\n").toString());   // a day late
        tally("import", "--received", "2024-07-01", file("c.csv", HEAD + "C12,2024-H1,rec,1\n").toString());   // unchanged: keeps its date
        Tally.Run r = tally("status", "--period", "2024-H1", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                2024-H1,province,P,Tỉnh,3,2,1,1,1,0,0,0,66.7
                2024-H1,district,D1,Huyện 1,2,2,1,1,0,0,0,0,100.0
                2024-H1,district,D2,Huyện 2,1,0,0,0,1,0,0,0,0.0
                2024-H1,total,,total,3,2,1,1,1,0,0,0,66.7
                """);
        assertThat(tally("status", "--period", "2024-H1", "--unit", "D2", "--format", "csv").out()).doesNotContain("D1");
    }

    @Test
    void validateAndRollupReadTheStoreWhenGivenNoInput() throws Exception {
        tally("import", file("a.csv", HEAD + "C11,2024,rec,3\nC12,2024,rec,4\nC21,2024,rec,5\n").toString());
        Tally.Run v = tally("validate");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).contains("3 values: 3 accepted");
        Tally.Run r = tally("rollup", "--format", "csv", "--depth", "0");
        assertThat(r.out()).contains("P,Tỉnh,province,2024,rec,12,3,3");
    }

    @Test
    void compareWithTheYearBeforeAndThePreviousPeriod() throws Exception {
        tally("import", file("a.csv", HEAD + "C11,2023,rec,10\nC12,2023,rec,0\nC21,2023,rec,5\nC11,2024,rec,12\nC12,2024,rec,3\n"
                + "C21,2024-H1,rec,1\n").toString());
        Tally.Run r = tally("rollup", "--format", "csv", "--period", "2024", "--compare", "year-ago");
        assertThat(r.out()).contains("compare_period,compare_value,compare_reported,compare_expected,compare_status,difference,change_pct,change_pp")
                // C21 gave 2024-H1 only: 2 of 3 this year against 3 of 3 the year before, so the change is partial
                .contains("P,Tỉnh,province,2024,rec,16,2,3,2023,15,3,3,partial,1,6.7,\n")
                .contains("C11,Xã 11,commune,2024,rec,12,1,1,2023,10,1,1,comparable,2,20.0,\n")
                .contains("C12,Xã 12,commune,2024,rec,3,1,1,2023,0,1,1,comparable,3,,\n");         // from zero: no percent
        Tally.Run prev = tally("rollup", "--format", "csv", "--period", "2024-H1", "--compare", "previous", "--unit", "C21");
        assertThat(prev.out()).contains("C21,Xã 21,commune,2024-H1,rec,1,1,1,2023-H2,,0,1,no-data,,,\n"); // nothing to compare with
    }

    @Test
    void aFileThatIsNotATallyStoreIsRefusedAndLeftUntouched() throws Exception {
        Files.writeString(dir.resolve("tally.db"), "my notes, not a database");
        Tally.Run r = tally("import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("not a tally store").contains("left untouched");
        assertThat(Files.readString(dir.resolve("tally.db"))).isEqualTo("my notes, not a database");

        Files.delete(dir.resolve("tally.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE other (x)");
        }
        Tally.Run other = tally("import", dir.resolve("a.csv").toString());
        assertThat(other.exit()).isEqualTo(4);
        assertThat(other.err()).contains("an SQLite database of another program");
        assertThat(query("SELECT name FROM sqlite_master")).containsExactly("other");
    }

    @Test
    void aStoreFromANewerTallyIsRefused() throws Exception {
        tally("import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        Tally.Run r = tally("rollup");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("written by a newer tally (schema 99");
    }

    @Test
    void aStoredRowAnotherProgramDamagedIsNamedInOneLine() throws Exception {
        tally("import", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,3\nC12,2024-H1,rec,1\n").toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement()) {
            // as a program that ignores the store's checks would leave it
            st.execute("PRAGMA ignore_check_constraints = 1");
            st.execute("UPDATE submission SET value_map = '{\"rec\": 3,' WHERE unit = 'C12'");
        }
        for (String[] command : List.of(new String[] {"status", "--period", "2024-H1"}, new String[] {"history", "--unit", "C12", "--period", "2024-H1"},
                new String[] {"rollup"})) {
            Tally.Run r = tally(command);
            assertThat(r.exit()).as(command[0]).isEqualTo(command[0].equals("rollup") ? 1 : 4);
            assertThat(r.err()).as(command[0]).contains("C12").containsIgnoringCase("the store may be damaged").doesNotContain("Exception").doesNotContain("\tat ");
        }
        Tally.Run status = tally("status", "--period", "2024-H1");
        assertThat(status.err().strip()).isEqualTo("tally: " + dir.resolve("tally.db") + ": the stored submission of C12 (all, 2024-H1) cannot be read: "
                + "Unexpected end-of-input within/between Object entries. The store may be damaged: restore it from a backup, or import its files again into a new store");
    }

    @Test
    void initWithTheSampleGivesAWorkingProject() throws Exception {
        Path demo = dir.resolve("demo");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"init", demo.toString(), "--sample"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Path.of(""), 0, Clock.systemUTC());
        assertThat(code).isZero();
        assertThat(Files.readString(demo.resolve("tally.yaml"))).contains("store: tally.db").contains("deadline_days: 15");
        config = demo.resolve("tally.yaml");
        Tally.Run imported = tally("import", demo.resolve("submissions").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("submissions: 59 new");
        assertThat(Files.exists(demo.resolve("tally.db"))).isTrue();
        assertThat(tally("status", "--format", "csv").out())
                .contains("dan_van,Báo cáo công tác dân vận,2024-H1,district,BG-TP,Thành phố Bắc Giang,10,10,")
                .contains("hdnd,Báo cáo HĐND và nông thôn mới,2024-H1,total,,total,4,2,");
        // a second init never overwrites
        int again = Cli.run(new String[] {"init", demo.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Path.of(""), 0, Clock.systemUTC());
        assertThat(again).isEqualTo(2);
    }

    @Test
    void theBundledSampleListMatchesTheSamplesDirectory() throws IOException {
        List<String> files;
        try (var s = Files.walk(Path.of("samples"))) {
            files = s.filter(Files::isRegularFile).map(p -> Path.of("samples").relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("tally.yaml") && !n.startsWith("tally.db")).sorted().toList();
        }
        assertThat(dev.tally.cli.InitCommandAccess.sampleFiles()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void withoutAStoreReadingSaysWhatToDo() {
        Tally.Run r = tally("status");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("no store yet; import submissions first");
    }
}
