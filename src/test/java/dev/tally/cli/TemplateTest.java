package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tally template writes the workbook a unit fills in; filled in by another program (openpyxl, as a
 * district's own tooling would; LibreOffice, as a person would), it is read back with no guessing:
 * no finding, the figures where they were typed, the same rollup as the CSV of the same figures.
 */
@Tag("process") // fills templates with openpyxl and LibreOffice
@org.junit.jupiter.api.Order(7) // pom.xml, process-tests: the longest first
class TemplateTest {
    @TempDir
    Path dir;

    static Tally.Run tally(String... args) { return Tally.run(args); }

    private static String part(Path xlsx, String name) throws IOException {
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTemplateHasTheBlockTheRowsTheCodesTheChecksAndTheLocks() throws IOException {
        Path x = dir.resolve("bieu-mau.xlsx");
        Tally.Run r = tally("template", "--config", "samples/tally.yaml", "--unit", "BG-LN", "--period", "2024-H1", "-o", x.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo(x + ": 2 sheet(s), 7 rows to fill (dan_van, hdnd)\n");
        assertThat(part(x, "xl/workbook.xml")).contains("<sheet name=\"dan_van\"").contains("<sheet name=\"hdnd\"");
        String s = part(x, "xl/worksheets/sheet1.xml");
        // the header block: the form, the unit (its code, which the reader finds), the period, the deadline (15 days)
        assertThat(s).contains("REPORT TEMPLATE: Báo cáo công tác dân vận").contains("Unit: BG-LN Huyện Lục Nam").contains("Period: 2024-H1")
                .contains("Due by: 2024-07-15");
        // names over codes; required ones marked
        assertThat(s).contains(">Mô hình &quot;Dân vận khéo&quot; đăng ký (mô hình) *<").contains(">dvk_models<").contains(">cadres_trained<");
        // one row per commune of Lục Nam, code, name and period filled in
        assertThat(s).contains("<c r=\"B9\" t=\"inlineStr\" s=\"6\"><is><t xml:space=\"preserve\">BG-LN-DOINGO</t>")
                .contains("<c r=\"C14\" t=\"inlineStr\" s=\"6\"><is><t xml:space=\"preserve\">Xã Yên Sơn</t>").doesNotContain("r=\"A15\"");
        // Excel checks each figure (min 0 for every indicator here) and only the figures are unlocked
        assertThat(s).contains("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" allowBlank=\"1\"").contains("sqref=\"E9:E14\"><formula1>0</formula1>");
        assertThat(s).contains("<sheetProtection sheet=\"1\"").contains("<c r=\"E9\" s=\"7\"/>");
        assertThat(part(x, "xl/styles.xml")).contains("<protection locked=\"0\"/>");
        // the district's own form: one row, the district
        assertThat(part(x, "xl/worksheets/sheet2.xml")).contains(">BG-LN<").contains(">council_regular<").doesNotContain(">BG-LN-DOINGO<");
    }

    @Test
    void aFilledTemplateIsReadBackWithNoGuessing() {
        // filled in by openpyxl (make_fixtures.py) with the sample's figures: no finding, the sample's rollup
        String f = "src/test/resources/workbooks/template-filled.xlsx";
        Tally.Run v = tally("validate", "--config", "samples/tally.yaml", f);
        assertThat(v.out()).isEqualTo("no findings\n\n1 file, 7 records, 37 values: 37 accepted, 0 duplicates, 0 rejected\nfindings: 0 errors, 0 warnings\n");
        Tally.Run fromTemplate = tally("rollup", "--config", "samples/tally.yaml", "--unit", "BG-LN", "--format", "csv", f);
        Tally.Run fromSample = tally("rollup", "--config", "samples/tally.yaml", "--unit", "BG-LN", "--period", "2024-H1", "--format", "csv",
                "samples/submissions/2024-H1");
        assertThat(fromTemplate.out()).isEqualTo(fromSample.out()).contains("BG-LN-DOINGO");
    }

    /** A python with openpyxl: the one on the PATH, else Debian's. */
    static String python() throws Exception {
        for (String p : List.of("python3", "/usr/bin/python3")) {
            try {
                Process x = new ProcessBuilder(p, "-c", "import openpyxl").redirectErrorStream(true).start();
                if (x.waitFor(60, TimeUnit.SECONDS) && x.exitValue() == 0) return p;
            } catch (IOException e) {
                // not there: the next one
            }
        }
        return null;
    }

    @Test
    void aTemplateFilledByAnotherProgramNowIsImported() throws Exception {
        String python = python();
        assumeTrue(python != null, "python3 with openpyxl is not installed here");
        Path p = dir.resolve("p");
        assertThat(tally("init", p.toString(), "--sample").exit()).isZero();
        Path x = dir.resolve("bieu-mau.xlsx"), filled = dir.resolve("lucnam-2024-H1.xlsx");
        assertThat(tally("template", "--config", p.resolve("tally.yaml").toString(), "--unit", "BG-LN", "--form", "dan_van", "--period", "2024-H1",
                "-o", x.toString()).exit()).isZero();
        Path script = Files.writeString(dir.resolve("fill.py"), """
                import openpyxl, sys
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb.active
                for r in range(9, ws.max_row + 1):
                    if ws.cell(r, 2).value == "BG-LN-DOINGO":
                        for k, v in enumerate([6, 3, 23, 22]):
                            ws.cell(r, 5 + k, v)
                    if ws.cell(r, 2).value == "BG-LN-BAODAI":
                        ws.cell(r, 5, 4); ws.cell(r, 9, 0.5)
                wb.save(sys.argv[2])
                """);
        Process fill = new ProcessBuilder(python, script.toString(), x.toString(), filled.toString()).redirectErrorStream(true).start();
        assertThat(fill.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(fill.exitValue()).as(new String(fill.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Tally.Run imp = tally("import", "--config", p.resolve("tally.yaml").toString(), "--received", "2024-07-10T09:00+07:00", filled.toString());
        // Bảo Đài's 0.5 cadres is not a whole number: rejected alone, its other value stored (the submission incomplete)
        assertThat(imp.out()).contains("lucnam-2024-H1.xlsx: 2 submissions: 2 new");
        assertThat(imp.err()).contains("'0.5' is not a whole number but 'cadres_trained' is an integer");
        Tally.Run r = tally("rollup", "--config", p.resolve("tally.yaml").toString(), "--unit", "BG-LN", "--depth", "0", "--indicator", "dvk_models",
                "--format", "csv");
        assertThat(r.out()).contains("BG-LN,Huyện Lục Nam,district,2024-H1,dvk_models,10,2,6");
    }

    @Test
    void aTemplateSavedByLibreOfficeReadsTheSame() throws Exception {
        assumeTrue(SpreadsheetTest.soffice(), "LibreOffice (soffice) is not installed here");
        Path out = Files.createDirectories(dir.resolve("lo"));
        List<String> cmd = new ArrayList<>(List.of("soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "xlsx", "--outdir", out.toString(), Path.of("src/test/resources/workbooks/template-filled.xlsx").toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String a = tally("rollup", "--config", "samples/tally.yaml", "--format", "csv", out.resolve("template-filled.xlsx").toString()).out();
        String b = tally("rollup", "--config", "samples/tally.yaml", "--format", "csv", "src/test/resources/workbooks/template-filled.xlsx").out();
        assertThat(a).isEqualTo(b).contains("BG,Tỉnh Bắc Giang");
    }

    @Test
    void whatCannotBeATemplateIsAUsageError() {
        Tally.Run above = tally("template", "--config", "samples/tally.yaml", "--unit", "BG-LN-DOINGO", "--form", "hdnd", "--period", "2024-H1",
                "-o", dir.resolve("x.xlsx").toString());
        assertThat(above.exit()).isEqualTo(2);
        assertThat(above.err()).isEqualTo("tally: form hdnd is reported by the district level, above BG-LN-DOINGO: give --unit a unit at that level or above it\n");
        Tally.Run csv = tally("template", "--config", "samples/tally.yaml", "--unit", "BG-LN", "--period", "2024-H1", "-o", dir.resolve("x.csv").toString());
        assertThat(csv.err()).isEqualTo("tally: -o '" + dir.resolve("x.csv") + "': give the workbook's file name, ending in .xlsx\n");
        Tally.Run form = tally("template", "--config", "samples/tally.yaml", "--unit", "BG-LN", "--form", "x", "--period", "2024-H1", "-o",
                dir.resolve("x.xlsx").toString());
        assertThat(form.err()).isEqualTo("tally: --form 'x' is not a form of the catalog; its forms are dan_van, hdnd\n");
        assertThat(Files.exists(dir.resolve("x.xlsx"))).isFalse();
    }
}
