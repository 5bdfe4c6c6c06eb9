package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.model.Text;
import dev.tally.write.NumberStyle;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * tally report, opened as a reader opens it: the docx's section properties (A4, Nghị định 30's
 * margins, the landscape appendix), the docx converted by LibreOffice to PDF and its pages rendered
 * by pdftoppm (where they are installed), the HTML parsed as the XHTML it is, and every figure of its
 * sentences and appendix read back and compared with tally rollup's JSON for the same selection.
 * Tagged process: it starts LibreOffice and poppler's tools.
 *
 * <p>It runs tally in Vietnamese, the whole JVM's language, yet is not {@code @Isolated}: its runs hold
 * cli/Tally's language lock, which keeps every other run of the process tests' JVM (pom.xml,
 * process-tests) out while they last, and no test there reads a message outside a run, the one thing
 * the lock does not cover (junit-platform.properties). Isolated, its LibreOffice, Chromium and poppler
 * ran alone at the end, with nothing beside them.
 */
@org.junit.jupiter.api.Tag("process")
@org.junit.jupiter.api.Order(5) // pom.xml, process-tests: the longest first
class ReportTest {
    @TempDir
    Path dir;

    static Tally.Run tally(String... args) { return Tally.run(args); }

    static boolean installed(String program) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(p, program))) return true;
        return false;
    }

    private Path report(String name, String... more) {
        Path f = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("report", "--lang", "vi", "--config", "samples/tally.yaml", "-o", f.toString()));
        args.addAll(List.of(more));
        args.add("samples/submissions");
        Tally.Run r = tally(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        return f;
    }

    /** The rollup's long JSON rows for the same selection, by unit and indicator. */
    private Map<String, JsonNode> rollup(String... selection) throws Exception {
        List<String> args = new ArrayList<>(List.of("rollup", "--config", "samples/tally.yaml", "--format", "json"));
        args.addAll(List.of(selection));
        args.add("samples/submissions");
        Tally.Run r = tally(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(r.out()).get("rows")) rows.put(row.get("unit").asText() + "/" + row.get("indicator").asText(), row);
        return rows;
    }

    private static Document xml(byte[] bytes) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static final NumberStyle VI = NumberStyle.of(Text.Lang.VI.locale());

    @Test
    void theDocxIsLaidOutAsDecree30() throws Exception {
        Path docx = report("r.docx", "--period", "2024-H1", "--unit", "BG");
        try (ZipFile z = new ZipFile(docx.toFile())) {
            Document d = xml(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes());
            NodeList sects = d.getElementsByTagName("w:sectPr");
            assertThat(sects.getLength()).as("a portrait section and the landscape appendix").isEqualTo(2);
            Element portrait = (Element) sects.item(0), landscape = (Element) sects.item(1);
            Element size = child(portrait, "w:pgSz"), margins = child(portrait, "w:pgMar");
            // A4 is 210 × 297 mm; a twip is 1/1440 inch
            assertThat(mm(size, "w:w")).isEqualTo(210);
            assertThat(mm(size, "w:h")).isEqualTo(297);
            assertThat(mm(margins, "w:top")).isBetween(20, 25);
            assertThat(mm(margins, "w:bottom")).isBetween(20, 25);
            assertThat(mm(margins, "w:left")).isBetween(30, 35);
            assertThat(mm(margins, "w:right")).isBetween(15, 20);
            // the page number from page 2: a header on every page, the first page's left empty
            assertThat(child(portrait, "w:titlePg")).isNotNull();
            assertThat(child(portrait, "w:headerReference").getAttribute("w:type")).isEqualTo("default");
            assertThat(child(landscape, "w:pgSz").getAttribute("w:orient")).isEqualTo("landscape");
            assertThat(mm(child(landscape, "w:pgSz"), "w:w")).isEqualTo(297);
            String header = new String(z.getInputStream(z.getEntry("word/header1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(header).contains(" PAGE ").contains("w:val=\"center\"");
            String styles = new String(z.getInputStream(z.getEntry("word/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(styles).contains("w:ascii=\"Times New Roman\"").contains("<w:sz w:val=\"28\"/>");
            assertThat(z.getEntry("word/charts/chart1.xml")).as("the completeness chart, a Word chart").isNotNull();
        }
    }

    private static Element child(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static int mm(Element e, String attr) { return (int) Math.round(Integer.parseInt(e.getAttribute(attr)) * 25.4 / 1440); }

    @Test
    void libreOfficeOpensTheDocxAsA4WithALandscapeAppendix() throws Exception {
        assumeTrue(installed("soffice") && installed("pdfinfo") && installed("pdftoppm") && installed("pdftotext"),
                "LibreOffice (soffice) with Writer, or poppler-utils, is not installed here");
        Path docx = report("r.docx", "--period", "2024-H1", "--compare", "year-ago", "--unit", "BG", "--title", "Kết quả công tác dân vận 6 tháng đầu năm 2024");
        Path out = Files.createDirectories(dir.resolve("lo"));
        run(180, "soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"), "--convert-to", "pdf", "--outdir",
                out.toString(), docx.toString());
        Path pdf = out.resolve("r.pdf");
        assumeTrue(Files.exists(pdf), "LibreOffice could not convert a document here (no Writer)");
        String info = run(60, "pdfinfo", "-f", "1", "-l", "100", pdf.toString());
        List<String> sizes = info.lines().filter(l -> l.matches("Page +\\d+ size:.*")).map(l -> l.replaceAll(".*size: *", "")).toList();
        assertThat(sizes.get(0)).startsWith("595.3").contains("x 841.89").contains("A4");
        assertThat(sizes.get(sizes.size() - 1)).startsWith("841.89 x 595.3");
        String first = run(60, "pdftotext", "-f", "1", "-l", "1", "-layout", pdf.toString(), "-");
        assertThat(first).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("BÁO CÁO").contains("Kết quả công tác dân vận 6 tháng đầu năm 2024")
                .contains("I. KẾT QUẢ THỰC HIỆN").contains("59 mô hình");
        // no page number on page 1; "2" at the top of page 2
        assertThat(first.strip().lines().findFirst().orElse("")).doesNotContain("1");
        String second = run(60, "pdftotext", "-f", "2", "-l", "2", "-layout", pdf.toString(), "-");
        assertThat(second.strip().lines().findFirst().orElse("").strip()).isEqualTo("2");
        String last = run(60, "pdftotext", "-f", String.valueOf(sizes.size()), "-l", String.valueOf(sizes.size()), "-layout", pdf.toString(), "-");
        assertThat(run(60, "pdftotext", "-layout", pdf.toString(), "-")).contains("PHỤ LỤC");
        // the appendix's total row is the selected province, with its 15 of 16 communes' cadres trained marked
        assertThat(last).containsPattern("BG +Tỉnh Bắc +59 +64").contains("(15/16)");
        run(60, "pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf.toString(), dir.resolve("page").toString());
        try (var s = Files.list(dir)) {
            Path png = s.filter(p -> p.getFileName().toString().startsWith("page") && p.toString().endsWith(".png")).findFirst().orElseThrow();
            assertThat(Files.size(png)).as("a rendered page, not a blank one").isGreaterThan(10_000);
        }
    }

    private static String run(int seconds, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The report's sentences of section I by indicator name, and its appendix cells by row and column heading. */
    private record Read(Map<String, String> sentences, Map<String, Map<String, String>> cells, String text) {}

    private static Read readHtml(Path html) throws Exception {
        Document d = xml(Files.readAllBytes(html));
        Map<String, String> sentences = new HashMap<>();
        NodeList ps = d.getElementsByTagName("p");
        for (int i = 0; i < ps.getLength(); i++) {
            String t = ps.item(i).getTextContent();
            if (t.startsWith("- ")) sentences.put(t.substring(2, t.indexOf(": ")), t);
        }
        Map<String, Map<String, String>> cells = new HashMap<>();
        Element table = (Element) d.getElementsByTagName("table").item(1);
        NodeList ths = table.getElementsByTagName("th");
        NodeList trs = table.getElementsByTagName("tbody").getLength() == 0 ? null : ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int r = 0; r < trs.getLength(); r++) {
            NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < tds.getLength(); c++) row.put(ths.item(c).getTextContent(), tds.item(c).getTextContent());
            cells.put(tds.item(0).getTextContent().isEmpty() ? tds.item(1).getTextContent() : tds.item(0).getTextContent(), row);
        }
        return new Read(sentences, cells, d.getDocumentElement().getTextContent());
    }

    @Test
    void everyFigureIsTheRollupsForTheSameSelection() throws Exception {
        Path html = report("r.html", "--period", "2024-H1", "--compare", "year-ago", "--unit", "BG");
        Map<String, JsonNode> rollup = rollup("--period", "2024-H1", "--compare", "year-ago", "--unit", "BG", "--depth", "1");
        Read read = readHtml(html);
        var catalog = catalog();
        int checked = 0;
        for (var ind : catalog.indicators()) {
            String s = read.sentences().get(ind.label());
            assertThat(s).as(ind.code()).isNotNull();
            JsonNode total = rollup.get("BG/" + ind.code());
            BigDecimal v = total.get("value").decimalValue();
            assertThat(s).startsWith("- " + ind.label() + ": " + VI.format(v) + " " + ind.unitOfMeasure());
            int rep = total.get("reported").asInt(), exp = total.get("expected").asInt();
            assertThat(s.contains("(số liệu của " + rep + "/" + exp + " đơn vị)")).as(s).isEqualTo(rep < exp);
            String status = total.get("compare_status").asText();
            if (status.equals("comparable")) {
                assertThat(s).contains("so với kỳ 2023-H1").doesNotContain("không so sánh được");
            } else if (!total.get("compare_value").isNull()) {
                assertThat(s).contains("không so sánh được với kỳ 2023-H1 (kỳ 2023-H1 có số liệu của " + total.get("compare_reported").asInt()
                        + "/" + total.get("compare_expected").asInt() + " đơn vị)");
            }
            // the appendix: each district's cell and the total, with the coverage when partial
            for (String unit : List.of("BG-TP", "BG-LN", "BG")) {
                JsonNode row = rollup.get(unit + "/" + ind.code());
                String cell = read.cells().get(unit).get(ind.label() + " (" + ind.unitOfMeasure() + ")");
                if (row == null || row.get("value").isNull()) {
                    assertThat(cell).startsWith("–");
                } else {
                    assertThat(cell).startsWith(VI.format(row.get("value").decimalValue()));
                }
                if (row != null && row.get("reported").asInt() < row.get("expected").asInt()) {
                    assertThat(cell).endsWith("(" + row.get("reported").asInt() + "/" + row.get("expected").asInt() + ")");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 * catalog.indicators().size());
        // hand-checked against samples/submissions: 59 models in Bắc Giang, all 16 communes; 2023-H1 had 10 of 16
        assertThat(read.sentences().get("Mô hình \"Dân vận khéo\" đăng ký"))
                .isEqualTo("- Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình, không so sánh được với kỳ 2023-H1 (kỳ 2023-H1 có số liệu của 10/16 đơn vị).");
    }

    private static dev.tally.model.Catalog catalog() {
        return dev.tally.config.Project.load(Path.of("samples/tally.yaml"), null, null, Path.of("")).catalog();
    }

    @Test
    void aReportOverPartialDataSaysSoInEverySentenceItAffects() throws Exception {
        Path html = report("partial.html", "--period", "2023-H1", "--unit", "BG");
        Map<String, JsonNode> rollup = rollup("--period", "2023-H1", "--unit", "BG", "--depth", "1");
        Read read = readHtml(html);
        int partial = 0;
        for (JsonNode row : rollup.values()) {
            if (!row.get("unit").asText().equals("BG")) continue;
            int rep = row.get("reported").asInt(), exp = row.get("expected").asInt();
            if (rep < exp && !row.get("value").isNull()) {
                partial++;
                String s = read.sentences().get(catalog().indicator(row.get("indicator").asText()).label());
                assertThat(s).contains(": " + VI.format(row.get("value").decimalValue()) + " ").contains("số liệu của " + rep + "/" + exp + " đơn vị");
            }
        }
        assertThat(partial).as("2023-H1 has 10 of 16 communes").isPositive();
        assertThat(read.text()).contains("Chữ nghiêng, nền xám: tổng chưa đủ số liệu");
    }

    /** With a plan, each sentence gives the attainment rollup computes for the same selection, partial where the value is. */
    @Test
    void theAttainmentOfThePlanIsTheRollups() throws Exception {
        String[] selection = {"--period", "2024-H1", "--unit", "BG", "--plan", "samples/plans/2024-H1.csv"};
        Path html = report("plan.html", selection);
        Map<String, JsonNode> rollup = rollup(Tally.with(selection, "--depth", "1"));
        Read read = readHtml(html);
        int planned = 0;
        for (var ind : catalog().indicators()) {
            JsonNode total = rollup.get("BG/" + ind.code());
            String s = read.sentences().get(ind.label());
            if (total.get("plan").isNull()) {
                assertThat(s).as(ind.code()).doesNotContain("kế hoạch");
                continue;
            }
            planned++;
            boolean partial = total.get("reported").asInt() < total.get("expected").asInt();
            assertThat(s).contains(", đạt " + VI.format(total.get("plan_pct").decimalValue()) + " % kế hoạch"
                    + (partial ? ", tính trên số liệu chưa đủ" : "") + " (" + VI.format(total.get("value").decimalValue()) + "/"
                    + VI.format(total.get("plan").decimalValue()) + ")");
        }
        assertThat(planned).as("dvk_models, cadres_trained and resolution_rate have a target for BG").isEqualTo(3);
        // the appendix: each district's and the total's cell gives the target and the attainment after the value
        int cells = 0;
        for (var ind : catalog().indicators()) {
            for (String unit : List.of("BG-TP", "BG-LN", "BG")) {
                JsonNode row = rollup.get(unit + "/" + ind.code());
                String cell = read.cells().get(unit).get(ind.label() + " (" + ind.unitOfMeasure() + ")");
                if (row == null || row.get("plan").isNull()) {
                    assertThat(cell).as(unit + "/" + ind.code()).doesNotContain(" / ");
                    continue;
                }
                cells++;
                assertThat(cell).startsWith(VI.format(row.get("value").decimalValue()) + " / " + VI.format(row.get("plan").decimalValue())
                        + " (" + VI.format(row.get("plan_pct").decimalValue()) + " %)");
            }
        }
        assertThat(cells).isGreaterThanOrEqualTo(6);
        // hand-checked: BG's target is its districts' 40 + 24, and 59 / 64 is 92.19 %
        assertThat(read.sentences().get("Mô hình \"Dân vận khéo\" đăng ký"))
                .isEqualTo("- Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình, đạt 92,2 % kế hoạch (59/64).");
    }

    @Test
    void theAppendixCarriesTheRanksAndMarksAPartialTotalsRank() throws Exception {
        Path html = report("rank.html", "--period", "2024-H1", "--unit", "BG", "--rank", "--indicator", "dvk_models", "--indicator", "cadres_trained");
        Document d = xml(Files.readAllBytes(html));
        Element table = (Element) d.getElementsByTagName("table").item(1);
        NodeList ths = table.getElementsByTagName("th");
        List<String> head = new ArrayList<>();
        for (int c = 0; c < ths.getLength(); c++) head.add(ths.item(c).getTextContent());
        assertThat(head).containsExactly("đơn vị", "tên", "Mô hình \"Dân vận khéo\" đăng ký (mô hình)", "hạng",
                "Lượt cán bộ được tập huấn công tác dân vận (lượt)", "hạng");
        // by hand from samples/submissions: models BG-TP 39 before BG-LN 20; cadres BG-TP 298 of 9/10 communes
        // (partial, still first) before BG-LN 190; the province's total row has no rank
        Map<String, List<String>> rows = new HashMap<>(), classes = new HashMap<>();
        NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int r = 0; r < trs.getLength(); r++) {
            NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
            List<String> text = new ArrayList<>(), cls = new ArrayList<>();
            for (int c = 0; c < tds.getLength(); c++) {
                text.add(tds.item(c).getTextContent());
                cls.add(((Element) tds.item(c)).getAttribute("class"));
            }
            rows.put(text.get(0), text);
            classes.put(text.get(0), cls);
        }
        assertThat(rows.get("BG-TP")).containsExactly("BG-TP", "Thành phố Bắc Giang", "39", "1", "298 (9/10)", "1");
        assertThat(rows.get("BG-LN")).containsExactly("BG-LN", "Huyện Lục Nam", "20", "2", "190", "2");
        assertThat(rows.get("BG")).element(3).isEqualTo("");
        assertThat(rows.get("BG")).element(5).isEqualTo("");
        assertThat(classes.get("BG-TP").get(5)).isEqualTo("n partial");
        assertThat(classes.get("BG-TP").get(3)).isEqualTo("n");
        assertThat(classes.get("BG-LN").get(5)).isEqualTo("n");
        assertThat(d.getDocumentElement().getTextContent()).contains("hoặc thứ hạng của tổng đó");
        // without --rank the appendix has no rank column
        Path plain = report("plain.html", "--period", "2024-H1", "--unit", "BG", "--indicator", "dvk_models");
        assertThat(Files.readString(plain, StandardCharsets.UTF_8)).doesNotContain("<th>hạng</th>");
    }

    @Test
    void theHtmlIsOneSelfContainedFile() throws Exception {
        Path html = report("r.html", "--period", "2024-H1", "--compare", "year-ago", "--unit", "BG");
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains("@page").contains("size: A4 landscape");
        // nothing fetched: no script, stylesheet link, image or font file; the only URLs are XML namespaces
        assertThat(text).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("src=").doesNotContain("url(");
        assertThat(text.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    @Test
    void chromiumRendersTheHtml() throws Exception {
        String browser = installed("chromium") ? "chromium" : installed("chromium-browser") ? "chromium-browser" : null;
        assumeTrue(browser != null, "headless Chromium is not installed here");
        Path html = report("r.html", "--period", "2024-H1", "--compare", "year-ago", "--unit", "BG");
        Path png = dir.resolve("shot.png");
        run(120, browser, "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=" + png, "--window-size=900,1400", html.toUri().toString());
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void theHeaderBlockComesFromTheOrganisationSection() throws Exception {
        Path project = Files.createDirectories(dir.resolve("p"));
        for (String f : List.of("units.csv", "catalog.yaml")) Files.copy(Path.of("samples", f), project.resolve(f));
        Files.writeString(project.resolve("tally.yaml"), """
                units: units.csv
                catalog: catalog.yaml
                levels: [province, district, commune]
                organisation:
                  name: Ban Dân vận Tỉnh ủy
                  parent: Tỉnh ủy Bắc Giang
                  abbreviation: BDVTU
                  place: Bắc Giang
                """);
        Path html = dir.resolve("h.html");
        Tally.Run r = tally("report", "--lang", "vi", "--config", project.resolve("tally.yaml").toString(), "--period", "2024-H1", "--unit", "BG",
                "-o", html.toString(), "samples/submissions");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = readHtml(html).text();
        assertThat(text).contains("TỈNH ỦY BẮC GIANG").contains("BAN DÂN VẬN TỈNH ỦY").contains("Số:      /BC-BDVTU")
                .contains("Bắc Giang, ngày ").contains("Kết quả thực hiện kỳ 2024-H1");
        Files.writeString(project.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\norganisation:\n  nam: x\n");
        Tally.Run bad = tally("report", "--config", project.resolve("tally.yaml").toString(), "--period", "2024-H1", "-o", html.toString(),
                "samples/submissions");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("tally.yaml").contains(":4").contains("unknown organisation key 'nam'");
    }

    @Test
    void thePdfIsA4WithTheFontEmbeddedAndALandscapeAppendix() throws Exception {
        assumeTrue(installed("pdfinfo") && installed("pdffonts") && installed("pdftotext"), "poppler-utils is not installed here");
        Path pdf = report("r.pdf", "--period", "2024-H1", "--compare", "year-ago", "--unit", "BG");
        String info = run(60, "pdfinfo", "-f", "1", "-l", "100", pdf.toString());
        List<String> sizes = info.lines().filter(l -> l.matches("Page +\\d+ size:.*")).map(l -> l.replaceAll(".*size: *", "")).toList();
        assertThat(sizes.get(0)).startsWith("595.2").contains("x 841.8");
        assertThat(sizes.get(sizes.size() - 1)).startsWith("841.8").contains("x 595.2");
        // every font is Liberation Serif, embedded and subset: Vietnamese prints the same on any machine
        List<String> fonts = run(60, "pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).contains("LiberationSerif").containsPattern("yes +yes +yes"));
        String text = run(60, "pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                .contains("59 mô hình").contains("PHỤ LỤC").contains("(15/16)");
        String second = run(60, "pdftotext", "-f", "2", "-l", "2", "-layout", pdf.toString(), "-");
        assertThat(second.strip().lines().findFirst().orElse("").strip()).isEqualTo("2");
    }

    @Test
    void anExtensionThatIsNoDocumentIsAUsageError() {
        Tally.Run r = tally("report", "--config", "samples/tally.yaml", "--period", "2024-H1", "-o", dir.resolve("r.odt").toString(), "samples/submissions");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("r.odt").contains(".docx").contains(".pdf");
        assertThat(dir.resolve("r.odt")).doesNotExist();
    }
}
