package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What tally writes, opened by a real spreadsheet program: LibreOffice, headless, where it is
 * installed (Debian's libreoffice-calc-nogui; .ci/run installs it when it can). The workbook is
 * converted to flat ODS, LibreOffice's own reading of it, and the cells' types are checked: figures
 * are numbers, codes are text. A CSV written with --locale vi is opened as a Vietnamese spreadsheet
 * would (decimal comma, ; between fields) and its figures must be numbers too.
 */
@Tag("process")
@org.junit.jupiter.api.Order(8) // pom.xml, process-tests: the longest first
class SpreadsheetTest {
    @TempDir
    Path dir;

    static boolean soffice() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(p, "soffice"))) return true;
        return false;
    }

    private int tally(String... args) { return Tally.run(args).exit(); }

    /** Each cell of the first sheet LibreOffice read: "type:value". */
    private List<List<String>> open(Path file, String filter) throws Exception {
        Path out = Files.createDirectories(dir.resolve("lo"));
        List<String> cmd = new ArrayList<>(List.of("soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile")));
        if (filter != null) cmd.add("--infilter=" + filter);
        cmd.addAll(List.of("--convert-to", "fods", "--outdir", out.toString(), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String name = file.getFileName().toString();
        Path fods = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".fods");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(fods.toFile());
        Element table = (Element) doc.getElementsByTagName("table:table").item(0);
        List<List<String>> rows = new ArrayList<>();
        NodeList rs = table.getElementsByTagName("table:table-row");
        for (int r = 0; r < rs.getLength() && r < 50; r++) {
            List<String> cells = new ArrayList<>();
            NodeList cs = ((Element) rs.item(r)).getElementsByTagName("table:table-cell");
            for (int c = 0; c < cs.getLength(); c++) {
                Element cell = (Element) cs.item(c);
                cells.add(cell.getAttribute("office:value-type") + ":" + (cell.hasAttribute("office:value")
                        ? cell.getAttribute("office:value") : cell.getTextContent().strip()));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void aWorkbookOpensWithFiguresAsNumbersAndCodesAsText() throws Exception {
        assumeTrue(soffice(), "LibreOffice (soffice) is not installed here");
        Path x = dir.resolve("rollup.xlsx");
        assertThat(tally("rollup", "--config", "samples/tally.yaml", "--period", "2024-H1", "--unit", "BG-TP", "-o", x.toString(),
                "samples/submissions")).isZero();
        List<List<String>> rows = open(x, null);
        // row 2: the first ward; unit code, name and level are text, the figures numbers (7 for its models)
        assertThat(rows.get(1).get(0)).isEqualTo("string:BG-TP-TRANPHU");
        assertThat(rows.get(1).get(2)).isEqualTo("string:commune");
        assertThat(rows.get(1).get(3)).isEqualTo("float:1");
        assertThat(rows.get(1).get(7)).isEqualTo("float:90.9");
    }

    @Test
    void aVietnameseCsvOpensWithFiguresAsNumbers() throws Exception {
        assumeTrue(soffice(), "LibreOffice (soffice) is not installed here");
        Path csv = dir.resolve("rollup.csv");
        assertThat(tally("rollup", "--config", "samples/tally.yaml", "--period", "2024-H1", "--unit", "BG-TP", "--depth", "0",
                "--locale", "vi", "-o", csv.toString(), "samples/submissions")).isZero();
        assertThat(Files.readString(csv)).contains("BG-TP;Thành phố Bắc Giang;district;2024-H1;resolution_rate;88,2;10;10");
        // separator ; (59), text delimiter " (34), UTF-8 (76), from line 1, Vietnamese locale
        List<List<String>> rows = open(csv, "CSV:59,34,76,1,,1066");
        assertThat(rows.get(5).get(4)).isEqualTo("string:resolution_rate");
        assertThat(rows.get(5).get(5)).isEqualTo("float:88.2");
    }
}
