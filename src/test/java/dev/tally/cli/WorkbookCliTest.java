package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks through the real command line: the same lane as CSV, the rules where they live
 * (names resolved and said, a total row compared and never added, a code a spreadsheet turned into a
 * number told), and the same cells as the CSV they stand for.
 */
class WorkbookCliTest {
    static final String W = "src/test/resources/workbooks/";

    @TempDir
    Path tmp;

    static Tally.Run tally(String... args) { return Tally.run(args); }

    @Test
    void aReportAsItArrivesIsValidatedWithTheCodesToWriteSaid() {
        Tally.Run r = tally("validate", "--config", "samples/tally.yaml", "--format", "csv", W + "luc-nam-report.xlsx");
        List<String> lines = r.out().lines().toList();
        // the five named columns are taken and said; the empty column that names nothing is no value
        assertThat(lines).filteredOn(l -> l.startsWith("warning,by-name,")).hasSize(5);
        assertThat(lines).anyMatch(l -> l.startsWith("warning,by-name,src/test/resources/workbooks/luc-nam-report.xlsx,6,,,petitions_received,,")
                && l.contains("column F ('Đơn thư, kiến nghị / Tiếp nhận') is read as indicator petitions_received"));
        assertThat(lines).noneMatch(l -> l.contains("unknown-indicator"));
        // the text number 1.234 goes through the number parser's rules, as in a CSV
        assertThat(lines).anyMatch(l -> l.startsWith("error,wrong-type,src/test/resources/workbooks/luc-nam-report.xlsx,11,BG-LN-CAMLY,2024-H1,cadres_trained,1.234,")
                && l.contains("read the file with --decimal-comma"));
        assertThat(r.err()).contains("1 file, 7 records, 35 values: 34 accepted, 0 duplicates, 1 rejected");
        assertThat(r.exit()).isEqualTo(1);
        Tally.Run comma = tally("validate", "--config", "samples/tally.yaml", "--decimal-comma", W + "luc-nam-report.xlsx");
        assertThat(comma.out()).contains("35 accepted, 0 duplicates, 0 rejected").contains("0 errors, 5 warnings");
        assertThat(comma.exit()).isZero();
    }

    @Test
    void theTotalRowIsTheDistrictsReportedTotalComparedNeverAdded() {
        Tally.Run r = tally("rollup", "--config", "samples/tally.yaml", "--decimal-comma", "--period", "2024-H1", "--unit", "BG-LN",
                "--depth", "0", "--indicator", "dvk_models", "--indicator", "cadres_trained", "--format", "csv", W + "luc-nam-report.xlsx");
        // 20 models from the six communes, not 40 with the total row added; 1.234 is 1234 with the decimal comma
        assertThat(r.out()).contains("BG-LN,Huyện Lục Nam,district,2024-H1,dvk_models,20,6,6\n")
                .contains("BG-LN,Huyện Lục Nam,district,2024-H1,cadres_trained,1393,6,6\n");
        assertThat(r.err()).contains("warning [imbalance] BG-LN (Huyện Lục Nam) reported 190 for cadres_trained in 2024-H1 but its subtree gives 1393");
        assertThat(r.err()).doesNotContain("reported 20 for dvk_models");
    }

    @Test
    void theSameFiguresThroughCsvAndAWorkbookGiveIdenticalCells() throws IOException {
        Path csv = tmp.resolve("csv"), xlsx = tmp.resolve("xlsx");
        copy(Path.of("samples/submissions"), csv);
        copy(Path.of("samples/submissions"), xlsx);
        Files.delete(xlsx.resolve("2024-H1/bac-giang-tp-wide.csv"));
        Files.copy(Path.of(W + "bac-giang-tp-wide.xlsx"), xlsx.resolve("2024-H1/bac-giang-tp-wide.xlsx"));
        for (String shape : new String[] {"long", "wide"}) {
            Tally.Run a = tally("rollup", "--config", "samples/tally.yaml", "--shape", shape, "--format", "csv", csv.toString());
            Tally.Run b = tally("rollup", "--config", "samples/tally.yaml", "--shape", shape, "--format", "csv", xlsx.toString());
            assertThat(b.out()).as(shape).isEqualTo(a.out()).contains("BG,Tỉnh Bắc Giang");
            assertThat(b.exit()).isEqualTo(a.exit());
        }
        Tally.Run v = tally("validate", "--config", "samples/tally.yaml", xlsx.toString());
        assertThat(v.out()).contains("no findings").contains("7 files, 203 records, 305 values: 305 accepted (3 of them missing)");
    }

    @Test
    void aCodeASpreadsheetTurnedIntoANumberIsToldWithTheUnitItMeans() {
        Tally.Run r = tally("validate", "--config", W + "project/tally.yaml", "--format", "csv", W + "leading-zero.xlsx");
        assertThat(r.out()).contains("error,unknown-unit,src/test/resources/workbooks/leading-zero.xlsx,2,7201,2024-H1,dvk_models,3,"
                + "unit '7201' is not in the units file; check the code or add the unit; did you mean '07201' (Xã Một)? "
                + "(its leading zero was lost: a spreadsheet took the code for a number; format the column as text)");
        assertThat(r.err()).contains("2 values: 1 accepted, 0 duplicates, 1 rejected");
    }

    @Test
    void aUnitsNameIsLookedUpUnderTheUnitTheTitleNames() {
        // two districts have a Xã Một: the title's UBND HUYỆN HAI says which
        Tally.Run scoped = tally("rollup", "--config", W + "project/tally.yaml", "--format", "csv", "--depth", "2", W + "names-scoped.xlsx");
        assertThat(scoped.out()).contains("07201,Xã Một,commune,2024-H1,dvk_models,3,1,1").contains("07202,Xã Hai,commune,2024-H1,dvk_models,4,1,1");
        Tally.Run unscoped = tally("validate", "--config", W + "project/tally.yaml", "--format", "csv", W + "names-unscoped.xlsx");
        assertThat(unscoped.out()).contains("unit 'Xã Một' is not in the units file; check the code or add the unit; 2 units have that name: "
                + "07201 (Xã Một, Huyện Hai), 07301 (Xã Một, Huyện Ba); give the unit's code, or name the unit that sends the table in its title");
        // the only Xã Hai is found anywhere
        assertThat(unscoped.err()).contains("2 values: 1 accepted, 0 duplicates, 1 rejected");
    }

    @Test
    void aFolderOfWorkbooksIsReadAndWhatCannotBeIsOneFindingEach() {
        Tally.Run r = tally("validate", "--config", "samples/tally.yaml", "--format", "csv", "--period", "2024-H1", W);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("error,unreadable,")).singleElement().asString()
                .startsWith("error,unreadable,src/test/resources/workbooks/luc-nam-report.xls,,");
        // the .ods and every .xlsx were read; findings point into them by sheet where a workbook has several
        assertThat(lines).anyMatch(l -> l.contains("luc-nam-report.ods,"));
        assertThat(lines).anyMatch(l -> l.contains("two-sheets.xlsx[Lục Nam],"));
        // 12 .xlsx, the .ods, the .xls, and the small project's units.csv (not a submission: malformed)
        assertThat(r.err()).startsWith("15 files,");
    }

    @Test
    void importStoresWhatAWorkbookHolds() throws IOException {
        Path p = tmp.resolve("p");
        assertThat(tally("init", p.toString(), "--sample").exit()).isZero();
        Tally.Run r = tally("import", "--config", p.resolve("tally.yaml").toString(), "--decimal-comma", W + "luc-nam-report-lo.xlsx");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("luc-nam-report-lo.xlsx: 7 submissions: 7 new");
        Tally.Run s = tally("rollup", "--config", p.resolve("tally.yaml").toString(), "--unit", "BG-LN", "--depth", "0", "--indicator",
                "dvk_models", "--format", "csv");
        assertThat(s.out()).contains("BG-LN,Huyện Lục Nam,district,2024-H1,dvk_models,20,6,6");
    }

    @Test
    void tallyYamlsTemplatesAndSheetSayHowToReadAWorkbook() throws IOException {
        Path yaml = tmp.resolve("tally.yaml");
        Files.writeString(yaml, "units: " + Path.of("samples/units.csv").toAbsolutePath() + "\ncatalog: "
                + Path.of("samples/catalog.yaml").toAbsolutePath() + "\ntemplates:\n  - match: \"luc-nam-*.xlsx\"\n    header_rows: 6-7\n"
                + "    unit_column: B\n    period: 2024-H2\n");
        Tally.Run r = tally("rollup", "--config", yaml.toString(), "--decimal-comma", "--unit", "BG-LN", "--depth", "0", "--indicator",
                "dvk_models", "--format", "csv", W + "luc-nam-report.xlsx");
        assertThat(r.out()).contains("BG-LN,Huyện Lục Nam,district,2024-H2,dvk_models,20,6,6");
        Tally.Run sheet = tally("validate", "--config", "samples/tally.yaml", "--sheet", "2", "--format", "csv", W + "two-sheets.xlsx");
        assertThat(sheet.err()).startsWith("1 file, 1 record, 2 values: 2 accepted");
    }

    @Test
    void atomicFileRejectsEveryReportOfAWorkbookWhoseSheetHasAnError() throws IOException {
        Path p = tmp.resolve("p");
        assertThat(tally("init", p.toString(), "--sample").exit()).isZero();
        // two sheets; an error in one of them makes the whole file's reports wait with --atomic file
        String sheet = dev.tally.read.TestWorkbooks.SHEET + dev.tally.read.TestWorkbooks.HEADER
                + dev.tally.read.TestWorkbooks.row(2, "BG-LN-DOINGO", "2024-H1", "dvk_models", "6")
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>BG-LN-BAODAI</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>2024-H1</t></is></c>"
                + "<c r=\"C3\" t=\"inlineStr\"><is><t>dialogues</t></is></c><c r=\"D3\" t=\"inlineStr\"><is><t>mười</t></is></c></row>"
                + dev.tally.read.TestWorkbooks.END;
        Path x = dev.tally.read.TestWorkbooks.twoSheets(tmp.resolve("two.xlsx"), sheet);
        Tally.Run r = tally("import", "--config", p.resolve("tally.yaml").toString(), "--atomic", "file", "--dry-run", x.toString());
        assertThat(r.err()).contains(x + "[A]:3: error [not-a-number]").contains(x + "[B]:3: error [not-a-number]");
        assertThat(r.out()).contains(x + ": 2 submissions: 0 new, 0 replaced, 0 unchanged, 2 rejected")
                .contains("rejected: BG-LN-DOINGO (Thị trấn Đồi Ngô) form dan_van 2024-H1 (1 value): the file " + x + " has errors (--atomic file)");
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path x : all) {
            Path target = to.resolve(from.relativize(x).toString());
            if (Files.isDirectory(x)) Files.createDirectories(target);
            else Files.copy(x, target);
        }
    }
}
