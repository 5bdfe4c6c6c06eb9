package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks on their own, from the fixtures in src/test/resources/workbooks (made by make_fixtures.py
 * with openpyxl and LibreOffice): what reaches the sink, cell by cell, and what is a finding. Codes and
 * names are the sink's to resolve; here they arrive as the workbook has them.
 */
class WorkbookTest {
    static final Path DIR = Path.of("src/test/resources/workbooks");

    @TempDir
    Path tmp;

    /** Collects as ReadersTest's sink does, and what a table made for people adds. */
    static final class Sheet extends ReadersTest.Collect {
        final List<String> tables = new ArrayList<>(), columns = new ArrayList<>();
        final List<Boolean> numbers = new ArrayList<>();
        long hidden;

        @Override
        public void table(String label, String title) { if (label != null) tables.add(label + " <" + title + ">"); }

        @Override
        public String[] indicators(List<Column> cols, long line) {
            String[] out = new String[cols.size()];
            for (int i = 0; i < out.length; i++) {
                columns.add(cols.get(i).letters() + ":" + String.join(" / ", cols.get(i).texts()));
                out[i] = cols.get(i).letters();
            }
            return out;
        }

        @Override
        public void beginTotal(Field period, long line) { begin(Field.of("TOTAL"), period, line); }

        @Override
        public void value(Field indicator, Field value, long line, boolean number) {
            super.value(indicator, value, line, number);
            numbers.add(number);
        }

        @Override
        public void hidden(long values) { hidden += values; }
    }

    static Sheet read(Path file, ReadOptions options) {
        Sheet s = new Sheet();
        Submissions.read(new InputFile(file.toString(), file), null, options, s, null);
        return s;
    }

    static Sheet read(String fixture) { return read(DIR.resolve(fixture), ReadOptions.defaults()); }

    @Test
    void aReportIsReadAsItArrivesTitleBlockMergedHeaderNamesAndTotal() {
        Sheet s = read("luc-nam-report.xlsx");
        // the title block goes to the sink whole (it names the district); the period comes from it
        assertThat(s.tables).singleElement().asString().startsWith("src/test/resources/workbooks/luc-nam-report.xlsx <UBND HUYỆN LỤC NAM | ")
                .contains("6 THÁNG ĐẦU NĂM 2024");
        // two header rows, merged cells filled in: each column's texts top to bottom
        assertThat(s.columns).containsExactly("C:Mô hình \"Dân vận khéo\" / Đăng ký", "D:Mô hình \"Dân vận khéo\" / Ghi nhận",
                "E:Đối thoại trực tiếp của người đứng đầu với Nhân dân", "F:Đơn thư, kiến nghị / Tiếp nhận", "G:Đơn thư, kiến nghị / Đã giải quyết",
                "H:Lượt cán bộ được tập huấn công tác dân vận");
        // the row of column numbers (1) (2) … is skipped, units come by name, a text number stays text,
        // the total row is the table's own, the signatures under it are not data
        assertThat(s.values).startsWith("Thị trấn Đồi Ngô|2024-H1|C|6@9", "Thị trấn Đồi Ngô|2024-H1|D|@9", "Thị trấn Đồi Ngô|2024-H1|E|3@9");
        assertThat(s.values).contains("Xã Cẩm Lý|2024-H1|H|1.234@11", "TOTAL|2024-H1|C|20@15", "TOTAL|2024-H1|H|190@15");
        assertThat(s.values).hasSize(7 * 6);
        assertThat(s.records).isEqualTo(7);
        assertThat(s.findings).isEmpty();
    }

    @Test
    void libreOfficeAndOdsGiveTheSameCellsAsAProgramsWorkbook() {
        Sheet lo = read("luc-nam-report-lo.xlsx"), ods = read("luc-nam-report.ods"), program = read("luc-nam-report.xlsx");
        // LibreOffice computed the total's formulas and stored their values; the program wrote numbers
        assertThat(lo.values).isEqualTo(ods.values);
        assertThat(lo.values).contains("TOTAL|2024-H1|H|190@15", "Xã Cẩm Lý|2024-H1|H|31@11");
        List<String> same = new ArrayList<>(program.values);
        same.replaceAll(v -> v.replace("|H|1.234@11", "|H|31@11"));
        assertThat(lo.values).isEqualTo(same);
        assertThat(lo.columns).isEqualTo(program.columns).isEqualTo(ods.columns);
        assertThat(ods.findings).isEmpty();
    }

    @Test
    void cellsComeAsTyped() {
        Sheet d = read("dates.xlsx");
        // a date shown as a month is that month; a whole date is given as the day it is (the sink says
        // a day is not a period); a number is a number, 0.1 as written
        assertThat(d.values).containsExactly("BG-LN-DOINGO|2024-06|C|6@2", "BG-LN-BAODAI|2024-06-30|C|4@3", "BG-LN-CAMLY|2024|C|0.1@4");
        assertThat(d.numbers).containsOnly(true);
        Sheet f = read("formulas-uncomputed.xlsx");
        assertThat(f.values).contains("TOTAL|2024-H1|C|=SUM(C9:C14)@15");
        Sheet e = read("errors-lo.xlsx");
        assertThat(e.values).startsWith("BG-LN-DOINGO|2024-H1|C|#DIV/0!@2", "BG-LN-DOINGO|2024-H1|D|#N/A@2");
        assertThat(e.numbers.subList(0, 3)).containsExactly(false, false, true);
    }

    @Test
    void numbersAreWhatExcelShows() {
        assertThat(Sheets.number("0.1")).isEqualTo("0.1");
        assertThat(Sheets.number("0.30000000000000004")).isEqualTo("0.3");
        assertThat(Sheets.number("0.10000000000000001")).isEqualTo("0.1");
        assertThat(Sheets.number("1.0E-3")).isEqualTo("0.001");
        assertThat(Sheets.number("1E+20")).isEqualTo("100000000000000000000");
        assertThat(Sheets.number("12345678901234567")).isEqualTo("12345678901234600");
        assertThat(Sheets.number("-0")).isEqualTo("0");
        assertThat(Sheets.number("1234")).isEqualTo("1234");
        assertThat(Sheets.number("2.50")).isEqualTo("2.5");
        assertThat(Sheets.number("abc")).isNull();
    }

    @Test
    void hiddenRowsAndColumnsAreReadCountedAndNamed() {
        Sheet h = read("hidden.xlsx");
        assertThat(h.values).contains("BG-LN-BAODAI|2024-H1|C|4@3", "BG-LN-DOINGO|2024-H1|E|20@2");
        // row 3's three values and column E's two others
        assertThat(h.hidden).isEqualTo(5);
        assertThat(h.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.HIDDEN);
            assertThat(f.message()).startsWith("row 3 and column E of this sheet are hidden but hold 5 values");
        });
    }

    @Test
    void everySheetWithATableIsReadAndSheetPicksOne() {
        Sheet all = read("two-sheets.xlsx");
        String f = DIR.resolve("two-sheets.xlsx").toString();
        // the notes sheet holds no table and is passed over; the third takes its period from its title
        assertThat(all.tables).containsExactly(f + "[Lục Nam] <null>", f + "[TP Bắc Giang] <Kỳ báo cáo: 2024-H1>");
        assertThat(all.values).containsExactly("BG-LN-DOINGO|2024-H1|C|6@2", "BG-LN-DOINGO|2024-H1|D|3@2", "BG-TP-TRANPHU|2024-H1|C|1@4",
                "BG-TP-TRANPHU|2024-H1|D|3@4");
        for (String pick : new String[] {"TP Bắc Giang", "tp bắc giang", "3"}) {
            Sheet one = read(DIR.resolve("two-sheets.xlsx"), new ReadOptions(null, null, false, null, pick, List.of()));
            assertThat(one.values).as(pick).containsExactly("BG-TP-TRANPHU|2024-H1|C|1@4", "BG-TP-TRANPHU|2024-H1|D|3@4");
        }
        Sheet none = read(DIR.resolve("two-sheets.xlsx"), new ReadOptions(null, null, false, null, "Biểu 9", List.of()));
        assertThat(none.findings).extracting(Finding::message).containsExactly(
                "the workbook has no sheet 'Biểu 9'; its sheets are Hướng dẫn, Lục Nam, TP Bắc Giang. Give --sheet a name or a number from 1");
    }

    @Test
    void aTemplateFixesTheHeaderRowsTheUnitColumnAndThePeriod() {
        // the report's header, told rather than found: rows 6-7, names in column B, the period given
        SheetTemplate t = new SheetTemplate("luc-nam-*.xlsx", null, 6, 7, "Tên đơn vị", "2024-H2");
        Sheet s = read(DIR.resolve("luc-nam-report.xlsx"), ReadOptions.defaults().with(List.of(t)));
        assertThat(s.values).startsWith("Thị trấn Đồi Ngô|2024-H2|C|6@9");
        SheetTemplate other = new SheetTemplate("other-*.xlsx", null, 6, 7, "B", "2024-H2");
        assertThat(read(DIR.resolve("luc-nam-report.xlsx"), ReadOptions.defaults().with(List.of(other))).values)
                .startsWith("Thị trấn Đồi Ngô|2024-H1|C|6@9");
    }

    @Test
    void whatCannotBeReadIsOneFindingNamingWhatToDo() throws Exception {
        Sheet xls = read("luc-nam-report.xls");
        assertThat(xls.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
            assertThat(f.message()).contains("old binary Excel workbook (.xls").contains("soffice --headless --convert-to xlsx " + DIR.resolve("luc-nam-report.xls"));
        });
        Path html = Files.writeString(tmp.resolve("export.xls"), "<html><body><table><tr><td>unit</td></tr></table></body></html>");
        assertThat(read(html, ReadOptions.defaults()).findings).extracting(Finding::message).singleElement().asString()
                .startsWith("the file is named .xls but is not a workbook: it is a web page (HTML)");
        Path csv = Files.writeString(tmp.resolve("report.xlsx"), "unit,period,indicator,value\nA,2024,x,1\n");
        assertThat(read(csv, ReadOptions.defaults()).findings).extracting(Finding::message).singleElement().asString()
                .startsWith("the file is named .xlsx but is not a workbook: it is text;").endsWith("or, if it is CSV text, name it .csv");
        // standard input cannot hold a workbook: its zip directory is at the end
        Sheet stdin = new Sheet();
        Submissions.read(new InputFile("-", null), new ByteArrayInputStream(Files.readAllBytes(DIR.resolve("hidden.xlsx"))),
                ReadOptions.defaults(), stdin, null);
        assertThat(stdin.codes()).containsExactly(FindingCode.UNREADABLE);
    }

    @Test
    void aDirectoryListsWorkbooksButNotExcelsLockFiles() throws Exception {
        Files.copy(DIR.resolve("hidden.xlsx"), tmp.resolve("a.xlsx"));
        Files.writeString(tmp.resolve("~$a.xlsx"), "lock");
        Files.copy(DIR.resolve("luc-nam-report.ods"), tmp.resolve("b.ods"));
        assertThat(Inputs.expand(List.of(tmp.toString()))).extracting(x -> x.path().getFileName().toString()).containsExactly("a.xlsx", "b.ods");
    }

    /** Below a directory: files and links to files, in name order, at any depth; not links to directories, nor broken links, nor anything hidden. */
    @Test
    void aDirectoryListsLinksToFilesButFollowsNoLinkToADirectory() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("d/sub"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.csv"), "unit,period,indicator,value\n");
        Files.writeString(d.resolve("c.csv"), "unit,period,indicator,value\n");
        Files.createSymbolicLink(tmp.resolve("d/a.csv"), elsewhere.resolve("x.csv"));
        Files.createSymbolicLink(tmp.resolve("d/b"), elsewhere);
        Files.createSymbolicLink(tmp.resolve("d/broken.csv"), tmp.resolve("nothing.csv"));
        // more of them, made out of order: they are told in the order of their paths, whatever order the folders list them in
        for (String name : new String[] {"sub/zz.csv", "sub/aa.csv", "broken-9.csv", "broken-1.csv", "sub/mm.csv", "broken-5.csv"}) {
            Files.createDirectories(tmp.resolve("d/sub"));
            Files.createSymbolicLink(tmp.resolve("d").resolve(name), tmp.resolve("gone-" + name.replace('/', '-')));
        }
        // in the order of whole paths, as sort(1) in the C locale lists them: "sub-2/" before "sub/"
        Files.writeString(Files.createDirectories(tmp.resolve("d/sub-2")).resolve("e.csv"), "unit,period,indicator,value\n");
        // a loop of links is not walked round
        Files.createSymbolicLink(tmp.resolve("d/sub/up"), tmp.resolve("d"));
        // a hidden folder is passed over as a hidden file is: a desktop's trash holds an old copy, not a submission
        Files.writeString(Files.createDirectories(tmp.resolve("d/.Trash-1000/files")).resolve("c.csv"), "unit,period,indicator,value\n");
        Files.writeString(tmp.resolve("d/.c.csv"), "unit,period,indicator,value\n");
        assertThat(Inputs.expand(List.of(tmp.resolve("d").toString()))).extracting(x -> tmp.resolve("d").relativize(x.path()).toString())
                .containsExactly("a.csv", "sub-2/e.csv", "sub/c.csv");
        // the link that leads nowhere is told of (a report behind it must not go missing without a word);
        // the link to a folder, passed over on purpose, is not
        List<java.nio.file.Path> nowhere = new java.util.ArrayList<>();
        Inputs.expand(List.of(tmp.resolve("d").toString()), nowhere::add);
        assertThat(nowhere).containsExactly(tmp.resolve("d/broken-1.csv"), tmp.resolve("d/broken-5.csv"), tmp.resolve("d/broken-9.csv"),
                tmp.resolve("d/broken.csv"), tmp.resolve("d/sub/aa.csv"), tmp.resolve("d/sub/mm.csv"), tmp.resolve("d/sub/zz.csv"));
        // named itself, it is an input/output error that says what it is
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inputs.expand(List.of(tmp.resolve("d/broken.csv").toString())))
                .hasMessageContaining("a link that leads to no file that can be read");
        // a link to a directory named as the input is followed (find -H), its files named below the link;
        // it listed nothing before ("no submission files in this directory")
        Path current = Files.createSymbolicLink(tmp.resolve("current"), tmp.resolve("d"));
        assertThat(Inputs.expand(List.of(current.toString()))).extracting(x -> x.display())
                .containsExactly(current.resolve("a.csv").toString(), current.resolve("sub-2/e.csv").toString(), current.resolve("sub/c.csv").toString());
    }

    @Test
    void oneHeaderRuleForCsvAndWorkbooks() {
        // a CSV's header names its unit's code and the period; a workbook may name the unit by name and
        // give the period in its title
        assertThat(HeaderRule.isHeader(List.of("unit", "period", "x"), false, false)).isTrue();
        assertThat(HeaderRule.isHeader(List.of("Mã đơn vị", "Kỳ báo cáo", "x"), false, false)).isTrue();
        assertThat(HeaderRule.isHeader(List.of("STT", "Tên đơn vị", "x"), false, false)).isFalse();
        assertThat(HeaderRule.isHeader(List.of("STT", "Tên đơn vị", "x"), true, true)).isTrue();
        assertThat(HeaderRule.isHeader(List.of("STT", "Tên đơn vị (*)", "x"), false, true)).isFalse();
        assertThat(HeaderRule.isHeader(List.of("UBND HUYỆN LỤC NAM"), true, true)).isFalse();
        // the CSV reader tells the same line for a title above its header
        ReadersTest.Collect c = ReadersTest.read("BÁO CÁO\nMã đơn vị;Kỳ báo cáo;indicator;value\nA;2024;x;1\n");
        assertThat(c.findings).extracting(Finding::message).anyMatch(m -> m.contains("line 2 names the unit and period columns"));
        assertThat(HeaderRule.isTotal("Tổng cộng")).isTrue();
        assertThat(HeaderRule.isTotal("CỘNG")).isTrue();
        assertThat(HeaderRule.isTotal("Cộng hòa xã hội chủ nghĩa Việt Nam")).isFalse();
    }

    @Test
    void aPeriodIsTakenFromATitleOnlyWhenItNamesOne() {
        assertThat(dev.tally.model.Period.named("BÁO CÁO SỐ LIỆU CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2024 | Lục Nam, ngày 10 tháng 7 năm 2024"))
                .map(dev.tally.model.Period::text).hasValue("2024-H1");
        assertThat(dev.tally.model.Period.named("Kỳ báo cáo: 2024-Q2")).map(dev.tally.model.Period::text).hasValue("2024-Q2");
        assertThat(dev.tally.model.Period.named("BÁO CÁO QUÝ II/2024")).map(dev.tally.model.Period::text).hasValue("2024-Q2");
        // a date is not a period; two periods are none
        assertThat(dev.tally.model.Period.named("Lục Nam, ngày 10 tháng 7 năm 2024")).isEmpty();
        assertThat(dev.tally.model.Period.named("6 tháng đầu năm 2024 so với 6 tháng đầu năm 2023")).isEmpty();
        assertThat(dev.tally.model.Period.named("Số 123/BC-UBND")).isEmpty();
    }

    @Test
    void aLongRowWithAnEmptyValueIsAMissingValueAsInCsv() throws Exception {
        // a long table names the indicator on the row, so its empty value is the unit saying "missing"
        // (a CSV row's empty value is one); only a row with neither value nor indicator is no record
        String sheet = TestWorkbooks.SHEET + TestWorkbooks.HEADER + TestWorkbooks.row(2, "A", "2024", "x", "1")
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>2024</t></is></c>"
                + "<c r=\"C3\" t=\"inlineStr\"><is><t>y</t></is></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B4\" t=\"inlineStr\"><is><t>2024</t></is></c></row>"
                + TestWorkbooks.END;
        Path file = TestWorkbooks.xlsx(tmp.resolve("long.xlsx"), java.util.Map.of("xl/worksheets/sheet1.xml", TestWorkbooks.text(sheet)));
        Sheet s = read(file, ReadOptions.defaults());
        ReadersTest.Collect csv = ReadersTest.read("unit,period,indicator,value\nA,2024,x,1\nA,2024,y,\n");
        assertThat(s.values).containsExactly("A|2024|x|1@2", "A|2024|y|@3");
        assertThat(s.values).containsExactlyElementsOf(csv.values);
        assertThat(s.records).isEqualTo(csv.records).isEqualTo(2);
        assertThat(s.findings).isEmpty();
    }

    @Test
    void aFirstRowOfShortCodesAndFiguresIsDataNotTheColumnsNumbering() throws Exception {
        // (1) (2) (3) or A B 1 2 3=1+2 under a header count up; 001 2024 5 3 does not, and was skipped unread
        String c = "<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>";
        String sheet = TestWorkbooks.SHEET
                + "<row r=\"1\">" + c.formatted("A1", "unit") + c.formatted("B1", "period") + c.formatted("C1", "x") + c.formatted("D1", "y") + "</row>"
                + "<row r=\"2\">" + c.formatted("A2", "001") + "<c r=\"B2\"><v>2024</v></c><c r=\"C2\"><v>5</v></c><c r=\"D2\"><v>3</v></c></row>"
                + "<row r=\"3\">" + c.formatted("A3", "002") + "<c r=\"B3\"><v>2024</v></c><c r=\"C3\"><v>7</v></c><c r=\"D3\"><v>9</v></c></row>"
                + TestWorkbooks.END;
        Path file = TestWorkbooks.xlsx(tmp.resolve("codes.xlsx"), java.util.Map.of("xl/worksheets/sheet1.xml", TestWorkbooks.text(sheet)));
        assertThat(read(file, ReadOptions.defaults()).values).containsExactly("001|2024|C|5@2", "001|2024|D|3@2", "002|2024|C|7@3", "002|2024|D|9@3");
        // a row of column numbers is still passed over: here the fixtures' (1) … (9)
        assertThat(read("luc-nam-report.xlsx").values).noneMatch(v -> v.contains("(2)"));
    }

    @Test
    void aCsvSplitOnTheWrongDelimiterIsToldAsSuch() throws Exception {
        // soffice --convert-to xlsx on a ';' CSV splits on ',': every line lands whole in column A, and
        // "no table" alone would not say why
        String c = "<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>";
        String sheet = TestWorkbooks.SHEET + "<row r=\"1\">" + c.formatted("A1", "unit;unit_name;period;x") + "</row>"
                + "<row r=\"2\">" + c.formatted("A2", "A;Xã A;2024;5") + "</row>" + TestWorkbooks.END;
        Path file = TestWorkbooks.xlsx(tmp.resolve("csv.xlsx"), java.util.Map.of("xl/worksheets/sheet1.xml", TestWorkbooks.text(sheet)));
        Sheet s = read(file, ReadOptions.defaults());
        assertThat(s.values).isEmpty();
        assertThat(s.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.MALFORMED);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("row 1 is a CSV header line in one cell (A: 'unit;unit_name;period;x'): the workbook was made from a CSV "
                    + "split on another delimiter than its own (;); nothing was read. Read the CSV file itself, or convert it again with its delimiter: "
                    + "soffice --headless --infilter=CSV:59,34,76 --convert-to xlsx FILE.csv");
        });
        // a one-cell title line with commas is a title, not a CSV line
        String title = TestWorkbooks.SHEET + "<row r=\"1\">" + c.formatted("A1", "Báo cáo, số liệu") + "</row>" + TestWorkbooks.END;
        Path other = TestWorkbooks.xlsx(tmp.resolve("title.xlsx"), java.util.Map.of("xl/worksheets/sheet1.xml", TestWorkbooks.text(title)));
        assertThat(read(other, ReadOptions.defaults()).findings).extracting(Finding::message).singleElement().asString().startsWith("the sheet holds no table");
    }

    @Test
    void aTextNumberIsNotANumberToken() {
        // the number flag tells the sink a typed number (read with JSON's grammar whatever --decimal-comma
        // says); a text cell is typed text, read by the number parser's rules
        Sheet s = read("luc-nam-report.xlsx");
        int i = s.values.indexOf("Xã Cẩm Lý|2024-H1|H|1.234@11");
        assertThat(s.numbers.get(i)).isFalse();
        assertThat(s.numbers.get(i - 1)).isTrue();
    }
}
