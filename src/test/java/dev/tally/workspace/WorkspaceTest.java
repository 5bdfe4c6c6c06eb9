package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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

/**
 * The workspace through the real command line: import semantics, status, history, compare, refusals;
 * on each kind of store ({@link SqliteWorkspaceTest}, {@link PostgresWorkspaceTest}), the same commands
 * and assertions, but for what only one kind can have (a damaged file, a schema of another program).
 */
abstract class WorkspaceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-31T00:00:00Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;
    Path config;
    TestStore store;

    abstract TestStore.Kind kind();

    Tally.Run tally(String... args) {
        return Tally.run(config, CLOCK, args);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static final String HEAD = "unit,period,indicator,value\n";

    @BeforeEach
    void project() throws IOException {
        store = TestStore.of(kind(), dir);
        file("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC11,Xã 11,D1,commune\nC12,Xã 12,D1,commune\n"
                + "D2,Huyện 2,P,district\nC21,Xã 21,D2,commune\n");
        file("catalog.yaml", "indicators:\n  - {code: rec, type: integer, required: true}\n  - {code: res, type: integer}\n");
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\ndeadline_days: 10\n"
                + store.yaml());
    }

    List<String> query(String sql) throws SQLException {
        return store.query(sql);
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
        assertThat(history.out()).contains("1,,2024-07-05T00:00+07:00,tally@localhost," + a + ",").contains("first version: 2 values")
                .contains("2,yes,2024-07-20T10:00+07:00,tally@localhost," + b + ",").contains("rec 3 → 4; - res (was 2)");
        assertThat(query("SELECT count(*) FROM submission")).containsExactly("3");
    }

    @Test
    void aVersionReceivedBeforeTheCurrentOneIsKeptInTheHistoryOnly() throws Exception {
        tally("import", "--received", "2024-07-20", file("late.csv", HEAD + "C11,2024-H1,rec,5\n").toString());
        // a correction sent first but imported last (another analyst's import, a back-fill): it does not win
        Path early = file("early.csv", HEAD + "C11,2024-H1,rec,3\n");
        Tally.Run r = tally("import", "--received", "2024-07-05", early.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(early + ": 1 submission: 0 new, 0 replaced, 0 unchanged, 0 rejected, 1 older\n"
                + "submissions: 0 new, 0 replaced, 0 unchanged, 0 rejected; 1 older than the current version, kept in the history only "
                + "(the version received later stays current)\n"
                + "values read 1 = stored 1 + unchanged 0 + duplicates 0 + ignored 0 + rejected 0\n");
        assertThat(query("SELECT unit, value FROM current_value")).containsExactly("C11|5");
        assertThat(tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv").out())
                .contains("\n1,yes,2024-07-20T00:00+07:00,").contains("\n2,,2024-07-05T00:00+07:00,");
        // timeliness is the first arrival's: due 2024-07-10, it arrived on 2024-07-05
        assertThat(tally("status", "--period", "2024-H1", "--unit", "D1", "--depth", "0", "--format", "csv").out())
                .contains("2024-H1,district,D1,Huyện 1,2,1,1,0,1,");
        assertThat(query("SELECT count(*) FROM audit")).as("no current value changed").containsExactly("0");
    }

    @Test
    void everyChangeOfACurrentValueIsInTheAuditWithWhoAndWhen() throws Exception {
        tally("import", "--by", "lan", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,3\nC11,2024-H1,res,2\nC12,2024-H1,rec,1\n").toString());
        tally("import", "--by", "minh", "--received", "2024-07-20", file("b.csv", HEAD + "C11,2024-H1,rec,4\nC12,2024-H1,rec,1\n").toString());
        Tally.Run c = tally("import", "--received", "2024-07-25", file("c.csv", HEAD + "C11,2024-H1,rec,4.0\nC11,2024-H1,res,N/A\n").toString());
        assertThat(c.out()).contains("0 new, 1 replaced, 0 unchanged");
        assertThat(query("SELECT file, by_user, host FROM import ORDER BY id"))
                .containsExactly(dir.resolve("a.csv") + "|lan|localhost", dir.resolve("b.csv") + "|minh|localhost", dir.resolve("c.csv") + "|tally|localhost");
        // old and new as stored (null: reported missing; -: no value); 4 → 4.0 is no change; C12 unchanged has none
        assertThat(query("SELECT a.at, a.by_user, a.host, a.action, a.unit, a.form, a.period, a.indicator, coalesce(a.old_value, '-'), "
                + "coalesce(a.new_value, '-'), a.version, i.file FROM audit a JOIN import i ON i.id = a.import_id ORDER BY a.id")).containsExactly(
                "2024-07-31T07:00+07:00|minh|localhost|change|C11|all|2024-H1|rec|3|4|2|" + dir.resolve("b.csv"),
                "2024-07-31T07:00+07:00|minh|localhost|change|C11|all|2024-H1|res|2|-|2|" + dir.resolve("b.csv"),
                "2024-07-31T07:00+07:00|tally|localhost|change|C11|all|2024-H1|res|-|null|3|" + dir.resolve("c.csv"));
        // history shows who made each version and, from the same rule, what changed
        assertThat(tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv").out())
                .contains(",lan@localhost,").contains("2,,2024-07-20T00:00+07:00,minh@localhost," + dir.resolve("b.csv") + ",")
                .contains("rec 3 → 4; - res (was 2)").contains("3,yes,2024-07-25T00:00+07:00,tally@localhost,").contains("+ res missing");
    }

    @Test
    void aLockedSliceRefusesImportsUntilItIsUnlockedAndBothAreInTheAudit() throws Exception {
        tally("import", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,3\nC21,2024-H1,rec,5\n").toString());
        Tally.Run lock = tally("lock", "--period", "2024", "--unit", "D1", "--by", "lan", "--reason", "sơ kết 6 tháng đã ký");
        assertThat(lock.exit()).as(lock.err()).isZero();
        assertThat(lock.out()).isEqualTo("locked 2024, every form, unit D1 and below (lock 1, by lan (localhost) at 2024-07-31T07:00+07:00)\n");
        assertThat(tally("lock", "--period", "2024", "--unit", "D1", "--by", "minh").out()).startsWith("2024, every form, unit D1 and below "
                + "is locked already (lock 1, by lan");
        // C11 is below D1 and 2024-H1 inside 2024: refused, nothing of it stored; C21 is not covered
        Path b = file("b.csv", HEAD + "C11,2024-H1,rec,9\nC21,2024-H1,rec,6\n");
        Tally.Run refused = tally("import", "--received", "2024-08-01", b.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(b + ": error [locked] C11 2024-H1 is locked: lock 1 on 2024, every form, "
                + "unit D1 and below, by lan (localhost) at 2024-07-31T07:00+07:00: sơ kết 6 tháng đã ký; nothing of it was stored (tally unlock "
                + "lifts a lock)\n");
        assertThat(refused.out()).contains("submissions: 0 new, 1 replaced, 0 unchanged, 1 rejected")
                .contains("rejected: C11 (Xã 11) 2024-H1 (1 value): locked");
        assertThat(query("SELECT unit, value FROM current_value ORDER BY 1")).containsExactly("C11|3", "C21|6");
        // --atomic run stores nothing of a run with a locked submission (not even that it arrived)
        Tally.Run run = tally("import", "--atomic", "run", file("c.csv", HEAD + "C11,2024-H1,rec,8\nC21,2024-H1,rec,7\n").toString());
        assertThat(run.out()).contains("0 new, 0 replaced, 0 unchanged, 2 rejected");
        assertThat(query("SELECT unit, value FROM current_value ORDER BY 1")).containsExactly("C11|3", "C21|6");
        // status: the slices the lock covers; the province and the total are not covered whole
        assertThat(tally("status", "--period", "2024-H1", "--format", "csv").out()).isEqualTo("""
                period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct,locked
                2024-H1,province,P,Tỉnh,3,2,2,0,1,0,0,0,66.7,
                2024-H1,district,D1,Huyện 1,2,1,1,0,1,0,0,0,50.0,"lock 1, by lan (localhost) at 2024-07-31T07:00+07:00"
                2024-H1,district,D2,Huyện 2,1,1,1,0,0,0,0,0,100.0,
                2024-H1,total,,total,3,2,2,0,1,0,0,0,66.7,
                """);
        // unlocking needs a reason, and the lock's own slice
        assertThat(tally("unlock", "--period", "2024", "--unit", "D1", "--by", "minh").exit()).isEqualTo(2);
        Tally.Run wrong = tally("unlock", "--period", "2024-H1", "--unit", "D1", "--by", "minh", "--reason", "x");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("no lock in force on 2024-H1, every form, unit D1 and below; the locks in force: 1 (2024, every form, "
                + "unit D1 and below)");
        // a reason is data, whatever it holds
        String reason = "sửa số liệu'); DROP TABLE audit; --";
        Tally.Run unlock = tally("unlock", "--period", "2024", "--unit", "D1", "--by", "minh", "--reason", reason);
        assertThat(unlock.exit()).as(unlock.err()).isZero();
        assertThat(unlock.out()).isEqualTo("unlocked lock 1 (2024, every form, unit D1 and below, locked by lan (localhost) at 2024-07-31T07:00+07:00)\n");
        assertThat(tally("import", "--received", "2024-08-02", b.toString()).out()).contains("0 new, 1 replaced, 1 unchanged, 0 rejected");
        assertThat(query("SELECT action, by_user, host, coalesce(form, '*'), unit, period, reason, lock_id FROM audit WHERE action <> 'change' ORDER BY id"))
                .containsExactly("lock|lan|localhost|*|D1|2024|sơ kết 6 tháng đã ký|1", "unlock|minh|localhost|*|D1|2024|" + reason + "|1");
        assertThat(query("SELECT count(*) FROM lock WHERE unlocked_at IS NULL")).containsExactly("0");
        assertThat(tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv").out()).isEqualTo(
                "version,current,received,by,file,sha256,changes\n"
                + "1,,2024-07-05T00:00+07:00,tally@localhost," + dir.resolve("a.csv") + "," + sha("a.csv") + ",first version: 1 value\n"
                + ",,2024-08-01T00:00+07:00,tally@localhost," + b + "," + sha("b.csv") + ",rejected (locked): nothing of it stored\n"
                + "2,yes,2024-08-02T00:00+07:00,tally@localhost," + b + "," + sha("b.csv") + ",rec 3 → 9\n"
                + ",,2024-07-31T07:00+07:00,lan@localhost,,,\"locked (lock 1: 2024, every form, unit D1 and below): sơ kết 6 tháng đã ký\"\n"
                + ",,2024-07-31T07:00+07:00,minh@localhost,,,unlocked (lock 1): " + reason + "\n");
    }

    @Test
    void byDefaultTheStoreHoldsWhatValidateAccepts() throws Exception {
        Path good = file("good.csv", HEAD + "C11,2024,rec,3\n");
        // C12 is clean; C21 gives a good res but a bad rec: the bad value is rejected alone, and C21's report is
        // stored with what it gave, incomplete (rec is required)
        Path bad = file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,res,7\nC21,2024,rec,-x\n");
        Tally.Run r = tally("import", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:4: error [not-a-number]").contains("error [missing-required] C21");
        assertThat(r.out()).isEqualTo(good + ": 1 submission: 1 new, 0 replaced, 0 unchanged, 0 rejected\n"
                + bad + ": 2 submissions: 2 new, 0 replaced, 0 unchanged, 0 rejected (partial)\n"
                + "submissions: 3 new, 0 replaced, 0 unchanged, 0 rejected; 1 incomplete (tally status --missing lists what each lacks)\n"
                + "values read 4 = stored 3 + unchanged 0 + duplicates 0 + ignored 0 + rejected 1\n");
        assertThat(query("SELECT unit, indicator, value FROM current_value ORDER BY 1")).containsExactly("C11|rec|3", "C12|rec|5", "C21|res|7");
        assertThat(query("SELECT file, status, values_read, stored, rejected FROM import ORDER BY id"))
                .containsExactly(good + "|stored|1|1|0", bad + "|partial|3|2|1");
        // the store rolls up as the files do, and status counts C21 received and incomplete, owing rec
        assertThat(tally("rollup", "--format", "csv").out()).isEqualTo(tally("rollup", "--format", "csv", good.toString(), bad.toString()).out());
        assertThat(tally("status", "--period", "2024", "--format", "csv", "--depth", "0").out())
                .contains("2024,province,P,Tỉnh,3,3,3,0,0,0,0,1,100.0");
        assertThat(tally("status", "--missing", "--period", "2024", "--format", "csv").out())
                .contains("2024,C21,Xã 21,D2,Huyện 2,incomplete,2024-07-31T07:00+07:00,1,rec,rec,\n");
        // once corrected, the submission is replaced and the others unchanged
        file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,res,7\nC21,2024,rec,6\n");
        Tally.Run fixed = tally("import", good.toString(), bad.toString());
        assertThat(fixed.exit()).isZero();
        assertThat(fixed.out()).contains("submissions: 0 new, 1 replaced, 2 unchanged, 0 rejected\n");
    }

    @Test
    void atomicSubmissionRejectsASubmissionWithAnErrorWholeButStoresAnIncompleteOne() throws Exception {
        Path good = file("good.csv", HEAD + "C11,2024,rec,3\n");
        // C21's bad rec takes its good res with it; C12 forgot rec, an incomplete report but no error in a value: stored
        Path bad = file("bad.csv", HEAD + "C12,2024,res,5\nC21,2024,res,7\nC21,2024,rec,-x\n");
        Tally.Run r = tally("import", "--atomic", "submission", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(good + ": 1 submission: 1 new, 0 replaced, 0 unchanged, 0 rejected\n"
                + bad + ": 2 submissions: 1 new, 0 replaced, 0 unchanged, 1 rejected (partial)\n"
                + "rejected: C21 (Xã 21) 2024 (1 value): not-a-number\n"
                + "submissions: 2 new, 0 replaced, 0 unchanged, 1 rejected; 1 incomplete (tally status --missing lists what each lacks)\n"
                + "values read 4 = stored 2 + unchanged 0 + duplicates 0 + ignored 0 + rejected 2\n");
        assertThat(query("SELECT unit, indicator, value FROM current_value ORDER BY 1")).containsExactly("C11|rec|3", "C12|res|5");
        assertThat(tally("status", "--missing", "--period", "2024", "--format", "csv").out())
                .contains("C12,Xã 12,D1,Huyện 1,incomplete,").contains("C21,Xã 21,D2,Huyện 2,rejected,2024-07-31T07:00+07:00,1,rec,rec,not-a-number");
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
    void atomicRunThatStoresNothingLeavesNoStoreBehind() throws Exception {
        Tally.Run r = tally("import", "--atomic", "run", file("bad.csv", HEAD + "C12,2024,rec,5\nC21,2024,rec,-x\n").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("submissions: 0 new, 0 replaced, 0 unchanged, 2 rejected");
        assertThat(store.exists()).as("no tally.db, -wal or -shm; no schema on the server").isFalse();
        // once clean, the same mode creates it
        assertThat(tally("import", "--atomic", "run", file("good.csv", HEAD + "C12,2024,rec,5\n").toString()).exit()).isZero();
        assertThat(query("SELECT unit, value FROM current_value")).containsExactly("C12|5");
    }

    @Test
    void rejectedSubmissionsAreListedUpToMaxFindingsAndTheRestCountedByWhy() throws Exception {
        Path bad = file("bad.csv", HEAD + "C11,2024,rec,x\nC12,2024,rec,-1y\nC21,2024,rec,zz\nC21,2023,res,5\nC21,2023,res,6\n");
        Tally.Run r = tally("import", "--max-findings", "1", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(bad + ": 4 submissions: 0 new, 0 replaced, 0 unchanged, 4 rejected (rejected)\n"
                + "rejected: C21 (Xã 21) 2023: conflict\n"
                + "… 3 more rejected submissions not listed (--max-findings 1): not-a-number 3\n"
                + "submissions: 0 new, 0 replaced, 0 unchanged, 4 rejected\n"
                + "values read 5 = stored 0 + unchanged 0 + duplicates 0 + ignored 0 + rejected 5\n");
    }

    @Test
    void aDamagedStoreIsRefusedBeforeAnythingIsWrittenAndLeftByteForByte() throws Exception {
        assumeTrue(store.sqlite(), "a file's damage; a server keeps its own pages whole");
        // enough submissions for several pages, then a page of garbage in the middle of the file
        StringBuilder many = new StringBuilder(HEAD);
        for (int y = 1900; y < 2024; y++) for (String u : List.of("C11", "C12", "C21")) many.append(u).append(',').append(y).append(",rec,").append(y).append('\n');
        assertThat(tally("import", file("many.csv", many.toString()).toString()).exit()).isZero();
        Path db = dir.resolve("tally.db");
        long pages = Files.size(db) / 16384;
        assertThat(pages).isGreaterThan(3);
        try (var f = java.nio.channels.FileChannel.open(db, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[16384];
            new java.util.Random(4).nextBytes(garbage);
            f.write(java.nio.ByteBuffer.wrap(garbage), 16384 * (pages / 2));
        }
        byte[] before = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db));
        for (String[] args : List.of(new String[] {"import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString()},
                new String[] {"import", "--dry-run", dir.resolve("a.csv").toString()},
                new String[] {"import", "--atomic", "run", dir.resolve("a.csv").toString()})) {
            Tally.Run r = tally(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(4);
            assertThat(r.err()).startsWith("tally: " + db + ": the store is damaged (SQLite quick_check: ")
                    .contains("nothing was imported and it was left untouched. Restore it from a backup").doesNotContain("\tat ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db))).isEqualTo(before);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("tally.db"))).containsExactly("tally.db");
        }
    }

    @Test
    void aDryRunStoresNothing() throws Exception {
        Path a = file("a.csv", HEAD + "C11,2024,rec,3\n");
        assertThat(tally("import", "--dry-run", a.toString()).out()).contains("dry run, nothing stored: submissions: 1 new");
        assertThat(store.exists()).isFalse();
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
        // for people the total row is named as rollup's is, in the run's language; for programs it stays "total"
        assertThat(tally("status", "--period", "2024-H1", "--format", "markdown").out()).contains("| 2024-H1 |  |  | Total | 3 |");
        assertThat(tally("status", "--lang", "vi", "--period", "2024-H1", "--format", "markdown").out()).contains("|  |  | Tổng cộng | 3 |");
    }

    @Test
    void timelinessIsTheFirstArrivalsAndACorrectionIsNotLate() throws Exception {
        // due 2024-07-10. C11 on time, corrected late; C12 first sent on time but rejected (nothing valid), its
        // correction late; C21 sent late the first time and corrected
        tally("import", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,1\nC12,2024-H1,rec,x\n").toString());
        tally("import", "--received", "2024-07-12", file("b.csv", HEAD + "C21,2024-H1,rec,2\n").toString());
        tally("import", "--received", "2024-07-20", file("c.csv", HEAD + "C11,2024-H1,rec,5\nC12,2024-H1,rec,-y\n").toString());
        tally("import", "--received", "2024-07-25", file("d.csv", HEAD + "C12,2024-H1,rec,3\nC21,2024-H1,rec,4\n").toString());
        assertThat(tally("status", "--period", "2024-H1", "--format", "csv").out()).isEqualTo("""
                period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                2024-H1,province,P,Tỉnh,3,3,2,1,0,0,0,0,100.0
                2024-H1,district,D1,Huyện 1,2,2,2,0,0,0,0,0,100.0
                2024-H1,district,D2,Huyện 2,1,1,0,1,0,0,0,0,100.0
                2024-H1,total,,total,3,3,2,1,0,0,0,0,100.0
                """);
        // history shows every arrival, the rejected ones where they came
        assertThat(tally("history", "--unit", "C12", "--period", "2024-H1", "--format", "csv").out()).isEqualTo(
                "version,current,received,by,file,sha256,changes\n"
                + ",,2024-07-05T00:00+07:00,tally@localhost," + dir.resolve("a.csv") + "," + sha("a.csv") + ",rejected (not-a-number): nothing of it stored\n"
                + ",,2024-07-20T00:00+07:00,tally@localhost," + dir.resolve("c.csv") + "," + sha("c.csv") + ",rejected (not-a-number): nothing of it stored\n"
                + "1,yes,2024-07-25T00:00+07:00,tally@localhost," + dir.resolve("d.csv") + "," + sha("d.csv") + ",first version: 1 value\n");
        assertThat(tally("history", "--unit", "C11", "--period", "2024-H1", "--format", "csv").out())
                .contains("\n1,,2024-07-05T00:00+07:00,").contains("\n2,yes,2024-07-20T00:00+07:00,").contains("rec 1 → 5");
    }

    String sha(String name) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(name))))
                .substring(0, 12);
    }

    @Test
    void aDistrictAboveTheReportingLevelIsNotAnExpectedReporterWithoutForms() throws Exception {
        // no forms: one form of every indicator, one of them reported by districts; the form's reporters are the communes
        file("catalog.yaml", "indicators:\n  - {code: rec, type: integer, required: true}\n"
                + "  - {code: sessions, type: integer, reported_at: district}\n");
        tally("import", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,1\nC12,2024-H1,rec,2\nD1,2024-H1,sessions,3\n").toString());
        assertThat(tally("status", "--period", "2024-H1", "--format", "csv").out()).isEqualTo("""
                period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                2024-H1,province,P,Tỉnh,3,2,2,0,1,0,0,0,66.7
                2024-H1,district,D1,Huyện 1,2,2,2,0,0,0,0,0,100.0
                2024-H1,district,D2,Huyện 2,1,0,0,0,1,0,0,0,0.0
                2024-H1,total,,total,3,2,2,0,1,0,0,0,66.7
                """);
        assertThat(tally("status", "--missing", "--period", "2024-H1", "--format", "csv").out()).isEqualTo("""
                period,unit,unit_name,parent,parent_name,status,received,missing_count,missing_indicators,missing_names,errors
                2024-H1,C21,Xã 21,D2,Huyện 2,not received,,1,rec,rec,
                """);
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
        assumeTrue(store.sqlite(), "a file; a server's schema of another program: aSchemaOfAnotherProgramIsRefusedAndLeftUntouched");
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
    void aSchemaOfAnotherProgramIsRefusedAndLeftUntouched() throws Exception {
        assumeTrue(!store.sqlite(), "a server's schema");
        try (Connection c = dev.tally.store.TestServer.get().admin("tally"); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + store.schemaName());
            st.execute("CREATE TABLE " + store.schemaName() + ".other (x int)");
        }
        Tally.Run r = tally("import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("tally: " + store.address() + ": not a tally store: schema " + store.schemaName()
                + " holds tables of another program; it was left untouched. Name another schema (?schema=NAME)\n");
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")).containsExactly("other");
    }

    @Test
    void aStoreFromANewerTallyIsRefused() throws Exception {
        tally("import", file("a.csv", HEAD + "C11,2024,rec,3\n").toString());
        store.execute(store.sqlite() ? "PRAGMA user_version = 99" : "UPDATE tally_schema SET version = 99");
        Tally.Run r = tally("rollup");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("written by a newer tally (schema 99");
    }

    @Test
    void aStoredRowAnotherProgramDamagedIsNamedInOneLine() throws Exception {
        tally("import", "--received", "2024-07-05", file("a.csv", HEAD + "C11,2024-H1,rec,3\nC12,2024-H1,rec,1\n").toString());
        if (!store.sqlite()) {
            // a server's json column takes no broken JSON; JSON that is no value map is damage all the same
            store.execute("UPDATE submission SET value_map = '{\"rec\": [3]}' WHERE unit = 'C12'");
            Tally.Run r = tally("rollup");
            assertThat(r.exit()).isEqualTo(4);
            assertThat(r.err()).isEqualTo("tally: " + store.address() + ": the stored submission of C12 (all, 2024-H1) cannot be read: the "
                    + "value of rec is not a number. The store may be damaged: restore it from a backup, or import its files again into a new store\n");
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement()) {
            // as a program that ignores the store's checks would leave it
            st.execute("PRAGMA ignore_check_constraints = 1");
            st.execute("UPDATE submission SET value_map = '{\"rec\": 3,' WHERE unit = 'C12'");
        }
        // every command that reads the store says the same one line (store, unit, form, period, what to do), exit 4; none
        // prints the JSON parser's location block
        String line = "tally: " + dir.resolve("tally.db") + ": the stored submission of C12 (all, 2024-H1) cannot be read: "
                + "Unexpected end-of-input within/between Object entries. The store may be damaged: restore it from a backup, or import its files again into a new store\n";
        for (String[] command : List.of(new String[] {"status", "--period", "2024-H1"}, new String[] {"history", "--unit", "C12", "--period", "2024-H1"},
                new String[] {"rollup"}, new String[] {"rollup", "--threads", "2"}, new String[] {"describe"}, new String[] {"outliers"},
                new String[] {"consistency"}, new String[] {"validate"})) {
            Tally.Run r = tally(command);
            assertThat(r.exit()).as(String.join(" ", command)).isEqualTo(4);
            assertThat(r.err()).as(String.join(" ", command)).isEqualTo(line);
        }
        // a map that is JSON but not a value map is damage too
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tally.db")); Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints = 1");
            st.execute("UPDATE submission SET value_map = '{\"rec\": [3]}' WHERE unit = 'C12'");
        }
        Tally.Run r = tally("rollup");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("C12 (all, 2024-H1) cannot be read: the value of rec is not a number. The store may be damaged");
    }

    @Test
    void initWithTheSampleGivesAWorkingProject() throws Exception {
        assumeTrue(store.sqlite(), "init writes a project with store: tally.db");
        Path demo = dir.resolve("demo");
        assertThat(Tally.bare(Clock.systemUTC(), "init", demo.toString(), "--sample").exit()).isZero();
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
        assertThat(Tally.bare(Clock.systemUTC(), "init", demo.toString()).exit()).isEqualTo(2);
    }

    @Test
    void theBundledSampleListMatchesTheSamplesDirectory() throws IOException {
        assumeTrue(store.sqlite(), "not about the store: once is enough");
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
