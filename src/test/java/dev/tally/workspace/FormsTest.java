package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms, who is expected to report them, and completeness at every level, through the command line,
 * against counts worked out by hand. The project: province P; district D1 with communes C11, C12 and
 * C13 (merged away on 2024-03-31, so excused from 2024 on); D2 with C21 and C22 (C22 exempt from the
 * dân vận form in 2024-H2 by tally.yaml); D3, a district with no communes that reports for itself.
 * Form dv (half-yearly, communes, due 10 days after the period) and form hd (yearly, districts, due
 * 30 days after).
 */
abstract class FormsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;
    Path config;
    TestStore store;

    /** The kind of store the tests run on: SqliteFormsTest, PostgresFormsTest. */
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
        file("units.csv", """
                code,name,parent,level,active_from,active_to
                P,Tỉnh,,province,,
                D1,Huyện 1,P,district,,
                C11,Xã 11,D1,commune,,
                C12,Xã 12,D1,commune,,
                C13,Xã 13,D1,commune,,2024-03-31
                D2,Huyện 2,P,district,,
                C21,Xã 21,D2,commune,,
                C22,Xã 22,D2,commune,,
                D3,Huyện Côn Đảo,P,district,,
                """);
        file("catalog.yaml", """
                forms:
                  - {code: dv, name: Dân vận, period: half, deadline_days: 10, indicators: [rec, res]}
                  - {code: hd, name: HĐND, period: year, reported_at: district, deadline_days: 30, indicators: [sessions]}
                indicators:
                  - {code: rec, name: Đơn tiếp nhận, type: integer, required: true}
                  - {code: res, name: Đơn giải quyết, type: integer}
                  - {code: sessions, name: Kỳ họp, type: integer, required: true}
                """);
        config = file("tally.yaml", """
                units: units.csv
                catalog: catalog.yaml
                levels: [province, district, commune]
                deadline_days: 15
                exemptions:
                  - {unit: C22, form: dv, period: 2024-H2, reason: sáp nhập vào C21}
                """ + store.yaml());
    }

    /** The year's reports as they arrived. */
    void importTheYear() throws IOException {
        // due 2024-07-10: on time
        assertThat(tally("import", "--received", "2024-07-05",
                file("h1-d1.csv", HEAD + "C11,2024-H1,rec,1\nC11,2024-H1,res,1\nC12,2024-H1,rec,2\nD3,2024-H1,rec,5\n").toString()).exit()).isZero();
        // C21 late; C22 late and forgot rec: its report is stored as sent, and incomplete
        Tally.Run d2 = tally("import", "--received", "2024-07-15", file("h1-d2.csv", HEAD + "C21,2024-H1,rec,3\nC22,2024-H1,res,4\n").toString());
        assertThat(d2.exit()).isEqualTo(1);
        assertThat(d2.out()).contains("submissions: 2 new, 0 replaced, 0 unchanged, 0 rejected; 1 incomplete").doesNotContain("rejected:");
        // due 2025-01-10: on time; C12's only value is not a number: nothing of it can be stored, but it arrived
        Tally.Run h2 = tally("import", "--received", "2025-01-05", file("h2.csv", HEAD + "C11,2024-H2,rec,1\nC21,2024-H2,rec,2\nC12,2024-H2,rec,abc\n").toString());
        assertThat(h2.out()).contains("rejected: C12 (Xã 12) form dv 2024-H2: not-a-number");
        // hd due 2025-01-30: D1 on time, D3 late
        tally("import", "--received", "2025-01-20", file("hd-d1.csv", HEAD + "D1,2024,sessions,4\n").toString());
        tally("import", "--received", "2025-02-05", file("hd-d3.csv", HEAD + "D3,2024,sessions,2\n").toString());
    }

    @Test
    void completenessAtEveryLevelWithAChildlessDistrictAndExcusedUnits() throws IOException {
        importTheYear();
        Tally.Run r = tally("status", "--period", "2024-H1", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        // D1: C11, C12 expected and on time, C13 exempt (inactive). D2: C21 late, C22 late and incomplete. D3: itself, on time.
        // hd is yearly: no year lies inside 2024-H1, so it has no rows here.
        assertThat(r.out()).isEqualTo("""
                form,form_name,period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                dv,Dân vận,2024-H1,province,P,Tỉnh,5,5,3,2,0,0,1,1,100.0
                dv,Dân vận,2024-H1,district,D1,Huyện 1,2,2,2,0,0,0,1,0,100.0
                dv,Dân vận,2024-H1,district,D2,Huyện 2,2,2,0,2,0,0,0,1,100.0
                dv,Dân vận,2024-H1,district,D3,Huyện Côn Đảo,1,1,1,0,0,0,0,0,100.0
                dv,Dân vận,2024-H1,total,,total,5,5,3,2,0,0,1,1,100.0
                """);
    }

    @Test
    void aYearOverAHalfYearlyFormCountsBothHalves() throws IOException {
        importTheYear();
        Tally.Run r = tally("status", "--period", "2024", "--format", "csv");
        // dv, H1 as above; H2: C11 and C21 on time, C12 rejected (missing), D3 missing, C13 and C22 exempt.
        // D1: expected 2+2, received 2+1, exempt 1+1, C12 rejected in H2. D2: expected 2+1, received 2+1 (two late), C22 incomplete in H1.
        // hd: D1 on time, D3 late, D2 missing; rows only above the district level.
        assertThat(r.out()).isEqualTo("""
                form,form_name,period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                dv,Dân vận,2024,province,P,Tỉnh,9,7,5,2,2,1,3,1,77.8
                dv,Dân vận,2024,district,D1,Huyện 1,4,3,3,0,1,1,2,0,75.0
                dv,Dân vận,2024,district,D2,Huyện 2,3,3,1,2,0,0,1,1,100.0
                dv,Dân vận,2024,district,D3,Huyện Côn Đảo,2,1,1,0,1,0,0,0,50.0
                dv,Dân vận,2024,total,,total,9,7,5,2,2,1,3,1,77.8
                hd,HĐND,2024,province,P,Tỉnh,3,2,1,1,1,0,0,0,66.7
                hd,HĐND,2024,total,,total,3,2,1,1,1,0,0,0,66.7
                """);
        // without --period: each form's own periods that something arrived for
        Tally.Run all = tally("status", "--format", "csv", "--level", "province");
        assertThat(all.out().lines().filter(l -> l.contains(",province,")).toList()).containsExactly(
                "dv,Dân vận,2024-H1,province,P,Tỉnh,5,5,3,2,0,0,1,1,100.0",
                "dv,Dân vận,2024-H2,province,P,Tỉnh,4,2,2,0,2,1,2,0,50.0",
                "hd,HĐND,2024,province,P,Tỉnh,3,2,1,1,1,0,0,0,66.7");
    }

    @Test
    void levelUnitAndFormChooseTheRows() throws IOException {
        importTheYear();
        Tally.Run district = tally("status", "--period", "2024", "--form", "hd", "--level", "district", "--format", "csv");
        assertThat(district.out()).isEqualTo("""
                form,form_name,period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                hd,HĐND,2024,province,P,Tỉnh,3,2,1,1,1,0,0,0,66.7
                hd,HĐND,2024,district,D1,Huyện 1,1,1,1,0,0,0,0,0,100.0
                hd,HĐND,2024,district,D2,Huyện 2,1,0,0,0,1,0,0,0,0.0
                hd,HĐND,2024,district,D3,Huyện Côn Đảo,1,1,0,1,0,0,0,0,100.0
                hd,HĐND,2024,total,,total,3,2,1,1,1,0,0,0,66.7
                """);
        Tally.Run d2 = tally("status", "--period", "2024-H1", "--unit", "D2", "--depth", "1", "--format", "csv");
        assertThat(d2.out()).isEqualTo("""
                form,form_name,period,level,unit,unit_name,expected,received,on_time,late,missing,rejected,exempt,incomplete,rate_pct
                dv,Dân vận,2024-H1,district,D2,Huyện 2,2,2,0,2,0,0,0,1,100.0
                dv,Dân vận,2024-H1,commune,C21,Xã 21,1,1,0,1,0,0,0,0,100.0
                dv,Dân vận,2024-H1,commune,C22,Xã 22,1,1,0,1,0,0,0,1,100.0
                dv,Dân vận,2024-H1,total,,total,2,2,0,2,0,0,0,1,100.0
                """);
        Tally.Run wrong = tally("status", "--form", "xx");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--form 'xx' is not a form of the catalog; forms are dv, hd");
    }

    @Test
    void missingListsWhatEachUnitStillOwes() throws IOException {
        importTheYear();
        Tally.Run r = tally("status", "--missing", "--period", "2024", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                form,form_name,period,unit,unit_name,parent,parent_name,status,received,missing_count,missing_indicators,missing_names,errors
                dv,Dân vận,2024-H2,C12,Xã 12,D1,Huyện 1,rejected,2025-01-05T00:00+07:00,1,rec,Đơn tiếp nhận,not-a-number
                dv,Dân vận,2024-H1,C22,Xã 22,D2,Huyện 2,incomplete,2024-07-15T00:00+07:00,1,rec,Đơn tiếp nhận,
                dv,Dân vận,2024-H2,D3,Huyện Côn Đảo,P,Tỉnh,not received,,1,rec,Đơn tiếp nhận,
                hd,HĐND,2024,D2,Huyện 2,P,Tỉnh,not received,,1,sessions,Kỳ họp,
                """);
        // every format
        for (String format : List.of("table", "markdown", "json", "ndjson", "tsv")) {
            Tally.Run f = tally("status", "--missing", "--period", "2024", "--format", format);
            assertThat(f.exit()).as(format).isZero();
            assertThat(f.out()).as(format).contains("Xã 12").contains("sessions").contains("not-a-number");
        }
        // once C22 sends its report in full, it owes nothing for 2024-H1
        tally("import", "--received", "2024-07-20", file("c22.csv", HEAD + "C22,2024-H1,rec,4\nC22,2024-H1,res,4\n").toString());
        assertThat(tally("status", "--missing", "--period", "2024-H1", "--format", "csv").out()).doesNotContain("C22");
    }

    @Test
    void aSubmissionIsOneUnitsValuesForOneForm() throws Exception {
        // D3 reports both forms; one file, two submissions, and replacing one leaves the other
        Tally.Run r = tally("import", file("d3.csv", HEAD + "D3,2024,sessions,2\nD3,2024,rec,5\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning [period-type]").contains("form dv is reported by half");
        assertThat(r.out()).contains("submissions: 2 new, 0 replaced, 0 unchanged, 0 rejected");
        assertThat(tally("import", file("d3b.csv", HEAD + "D3,2024,sessions,3\n").toString()).out())
                .contains("submissions: 0 new, 1 replaced, 0 unchanged, 0 rejected");
        assertThat(query("SELECT form, indicator, value FROM current_value ORDER BY 1")).containsExactly("dv|rec|5", "hd|sessions|3");
        Tally.Run history = tally("history", "--unit", "D3", "--period", "2024", "--format", "csv");
        assertThat(history.out()).contains("form,version,current,received,by,file,sha256,changes")
                .contains("dv,1,yes,").contains("hd,1,,").contains("hd,2,yes,").contains("sessions 2 → 3");
    }

    @Test
    void theValuesOfOneSubmissionInTwoFilesAreMergedAndReimportingIsUnchanged() throws Exception {
        // a district's own form in one file, its totals in another: one submission, nothing lost
        Path own = file("own.csv", HEAD + "D3,2024-H1,rec,5\n");
        Path totals = file("totals.csv", HEAD + "D3,2024-H1,res,4\nD3,2024-H1,rec,5\n");
        Tally.Run first = tally("import", own.toString(), totals.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("submissions: 1 new, 0 replaced, 0 unchanged, 0 rejected")
                .contains("values read 3 = stored 2 + unchanged 0 + duplicates 1 + ignored 0 + rejected 0");
        assertThat(query("SELECT indicator, value, file FROM current_value ORDER BY 1"))
                .containsExactly("rec|5|" + own, "res|4|" + totals);
        Tally.Run again = tally("import", own.toString(), totals.toString());
        assertThat(again.out()).contains("submissions: 0 new, 0 replaced, 1 unchanged, 0 rejected");
        assertThat(query("SELECT count(*) FROM submission")).containsExactly("1");
        // the store rolls up to what the files do
        String fromFiles = tally("rollup", "--format", "csv", own.toString(), totals.toString()).out();
        assertThat(tally("rollup", "--format", "csv").out()).isEqualTo(fromFiles);
        // two different values of the same cell are a conflict: neither is stored, and the submission is what is left,
        // as rollup of the same files has it
        Path other = file("other.csv", HEAD + "D3,2024-H1,res,6\n");
        Tally.Run conflict = tally("import", totals.toString(), other.toString());
        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.err()).contains("error [conflict]");
        assertThat(conflict.out()).contains("submissions: 0 new, 1 replaced, 0 unchanged, 0 rejected")
                .contains("values read 3 = stored 1 + unchanged 0 + duplicates 0 + ignored 0 + rejected 2");
        assertThat(query("SELECT indicator, value FROM current_value ORDER BY 1")).containsExactly("rec|5");
        assertThat(tally("rollup", "--format", "csv").out()).isEqualTo(tally("rollup", "--format", "csv", totals.toString(), other.toString()).out());
    }

    @Test
    void validationWarnsOfAnExcusedUnitAndRollupCountsTheExempt() throws IOException {
        Path h2 = file("h2.csv", HEAD + "C11,2024-H2,rec,1\nC12,2024-H2,rec,2\nC21,2024-H2,rec,3\nC22,2024-H2,rec,9\nD3,2024-H2,rec,4\n");
        Tally.Run v = tally("validate", h2.toString());
        assertThat(v.exit()).isZero();
        assertThat(v.out()).contains("not-expected").contains("C22 (Xã 22) is not expected to report on form dv for 2024-H2 (exempt: sáp nhập vào C21)");
        // P: C11, C12, C21, D3 expected (C13 inactive, C22 exempt), all four reported; C22's value is kept
        Tally.Run r = tally("rollup", "--format", "csv", "--depth", "0", h2.toString());
        assertThat(r.err()).contains("h2.csv:5: warning [not-expected]");
        assertThat(r.out()).contains("unit,unit_name,level,period,indicator,value,reported,expected,exempt")
                .contains("P,Tỉnh,province,2024-H2,rec,19,4,4,2");
    }

    /** A lock of one form refuses that form's submissions, names the form in its finding, and leaves the other form alone. */
    @Test
    void aLockOfOneFormNamesItAndLeavesTheOtherForm() throws IOException {
        Tally.Run lock = tally("lock", "--period", "2024", "--form", "hd", "--by", "lan");
        assertThat(lock.exit()).as(lock.err()).isZero();
        Path d3 = file("d3.csv", HEAD + "D3,2024,sessions,2\nD3,2024,rec,5\n");
        Tally.Run r = tally("import", d3.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(d3 + ": error [locked] D3 2024 (form hd) is locked: lock 1 on 2024, form hd, every unit, by lan");
        assertThat(tally("rollup", "--format", "csv", "--depth", "0").out()).contains("P,Tỉnh,province,2024,rec,5,1,").doesNotContain(",sessions,2,");
    }

    List<String> query(String sql) throws SQLException {
        return store.query(sql);
    }
}
