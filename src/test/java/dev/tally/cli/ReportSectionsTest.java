package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's sections that are not the rollup's table: the reports received, on time and late
 * (tally status's counts, from the store), and the values to check (tally outliers' top rows), on a
 * project small enough to count by hand: province P; district D1 with communes C1 and C2, district D2
 * with C3; one summed indicator, due 15 days after the period (2024-H1: by 2024-07-15).
 */
class ReportSectionsTest extends TempProject {
    static final Clock ON_TIME = Clock.fixed(Instant.parse("2024-07-10T08:00:00Z"), ZoneOffset.UTC);
    static final Clock LATE = Clock.fixed(Instant.parse("2024-08-01T08:00:00Z"), ZoneOffset.UTC);

    ReportSectionsTest() { super(LATE); }

    @BeforeEach
    void project() throws IOException {
        file("units.csv", "code,name,parent,level\nP,Tỉnh P,,province\nD1,Huyện 1,P,district\nC1,Xã 1,D1,commune\nC2,Xã 2,D1,commune\n"
                + "D2,Huyện 2,P,district\nC3,Xã 3,D2,commune\n");
        file("catalog.yaml", """
                indicators:
                  - {code: models, name: Models, type: integer, unit: models}
                """);
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\ndeadline_days: 15\n");
    }

    /**
     * C1's history is 10, 11, 10, 12, 11, 10 and then 50; C2 gives 5 every half; C3 nothing in 2024-H1.
     * C1's median is 10.5, its absolute deviations .5 .5 .5 .5 .5 1.5 have the median 0.5: the modified
     * z-score of 50 is 0.6745 × 39.5 / 0.5 = 53.2855, the range 10.5 ± 3.5 × 0.5 / 0.6745 = 7.91 – 13.09.
     * C2's 5 against 5s scores 0. Two values scored, one outlier.
     */
    private Path history() throws IOException {
        StringBuilder b = new StringBuilder(HEAD);
        String[] halves = {"2021-H1", "2021-H2", "2022-H1", "2022-H2", "2023-H1", "2023-H2"};
        int[] c1 = {10, 11, 10, 12, 11, 10};
        for (int k = 0; k < halves.length; k++) {
            b.append("C1,").append(halves[k]).append(",models,").append(c1[k]).append('\n');
            b.append("C2,").append(halves[k]).append(",models,5\n");
            b.append("C3,").append(halves[k]).append(",models,7\n");
        }
        return file("history.csv", b.toString());
    }

    private String text(Path html) throws IOException {
        String s = Files.readString(html, StandardCharsets.UTF_8);
        s = s.replaceAll("(?s)<svg.*?</svg>", "[chart]").replaceAll("(?s)<style.*?</style>", "");
        s = s.replaceAll("</(p|tr|h\\d|li)>", "\n").replaceAll("</t[dh]>", "|").replaceAll("<[^>]+>", "");
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
    }

    @Test
    void theReportsSectionCountsOnTimeAndLateAsStatusDoes() throws IOException {
        Tally.Run imported = Tally.run(config, ON_TIME, "import", file("c1.csv", HEAD + "C1,2024-H1,models,50\n").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        imported = Tally.run(config, LATE, "import", file("c2.csv", HEAD + "C2,2024-H1,models,5\n").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        Path html = dir.resolve("r.html");
        Tally.Run r = tally("report", "--lang", "en", "--period", "2024-H1", "--unit", "P", "-o", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = text(html);
        // C1 on time, C2 late, C3 missing: 2 of 3 (66.7 %), 1 on time, 1 late, 1 not received
        assertThat(text).contains("Reports received: 2 of 3 expected (66.7%), 1 on time and 1 late; 1 not received.");
        assertThat(text).contains("Huyện 1|2|2|1|1|100.0|", "Huyện 2|1|0|0|0|0.0|", "Tỉnh P|3|2|1|1|66.7|");
        assertThat(text).doesNotContain("counted from the store");

        // the same counts as tally status gives them
        Tally.Run status = tally("status", "--period", "2024-H1", "--format", "csv");
        assertThat(status.out()).contains("district,D1,Huyện 1,2,2,1,1,0,").contains("district,D2,Huyện 2,1,0,0,0,1,");
    }

    @Test
    void aReportFromFilesSaysWhereOnTimeAndLateComeFrom() throws IOException {
        Path html = dir.resolve("r.html");
        Tally.Run r = tally("report", "--lang", "en", "--period", "2024-H1", "-o", html.toString(),
                file("h.csv", HEAD + "C1,2024-H1,models,50\nC2,2024-H1,models,5\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = text(html);
        assertThat(text).contains("On time and late are counted from the store (tally import)").doesNotContain("Reports received:");
    }

    @Test
    void theValuesToCheckAreTheOutliersCommandsTopRows() throws IOException {
        Path now = file("now.csv", HEAD + "C1,2024-H1,models,50\nC2,2024-H1,models,5\n");
        Path html = dir.resolve("r.html");
        Tally.Run r = tally("report", "--lang", "en", "--period", "2024-H1", "-o", html.toString(), history().toString(), now.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = text(html);
        assertThat(text).contains("1. Reporting").contains("2. Values to check")
                .contains("1 of the 2 values scored stand out against their unit's own previous 6 periods (modified-z, a score above 3.5).");
        assertThat(text).contains("Xã 1|Models|50|10.5|7.91 – 13.09|53.29|");

        // the outliers command finds the same one, by the same numbers (exact there)
        Tally.Run o = tally("outliers", "--period", "2024-H1", "--format", "csv", history().toString(), now.toString());
        List<String> lines = o.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("C1,Xã 1,2024-H1,models,50,modified-z,10.5,0.5,53.2855,7.90548554485,13.0945144552,6");
    }

    @Test
    void withAComparisonTheValuesToCheckAreTheThirdSubsection() throws IOException {
        Path html = dir.resolve("r.html");
        Tally.Run r = tally("report", "--lang", "en", "--period", "2024-H1", "--compare", "year-ago", "-o", html.toString(),
                history().toString(), file("now.csv", HEAD + "C1,2024-H1,models,50\nC2,2024-H1,models,5\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(text(html)).contains("1. Reporting").contains("2. Compared with 2023-H1").contains("3. Values to check");
    }

    /**
     * Each docx chart has its data in an embedded workbook that Word's "Edit Data" opens: the chart
     * part's relationship names it, its references name the sheet's cells, and the sheet holds the
     * values the chart caches, row by row (a missing value an empty cell).
     */
    @Test
    void eachDocxChartHasItsDataInAnEmbeddedWorkbook() throws Exception {
        Path docx = dir.resolve("r.docx");
        Tally.Run r = tally("report", "--lang", "en", "--period", "2024-H1", "--compare", "year-ago", "--unit", "P", "-o", docx.toString(),
                history().toString(), file("now.csv", HEAD + "C1,2024-H1,models,50\nC2,2024-H1,models,5\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        int charts = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(docx.toFile())) {
            assertThat(entry(zip, "[Content_Types].xml")).contains("<Default Extension=\"xlsx\"");
            for (int n = 1; zip.getEntry("word/charts/chart" + n + ".xml") != null; n++, charts++) {
                String chart = entry(zip, "word/charts/chart" + n + ".xml");
                assertThat(chart).contains("<c:externalData r:id=\"rId1\">");
                assertThat(entry(zip, "word/charts/_rels/chart" + n + ".xml.rels"))
                        .contains("Id=\"rId1\"", "relationships/package", "Target=\"../embeddings/chart" + n + ".xlsx\"");
                byte[] book = zip.getInputStream(zip.getEntry("word/embeddings/chart" + n + ".xlsx")).readAllBytes();
                List<List<String>> sheet = sheet(book);
                // the cached values of each series are its column, from row 2
                java.util.regex.Matcher ser = java.util.regex.Pattern.compile("<c:ser>.*?</c:ser>", java.util.regex.Pattern.DOTALL).matcher(chart);
                int k = 0;
                while (ser.find()) {
                    k++;
                    String s = ser.group();
                    String col = String.valueOf((char) ('A' + k));
                    assertThat(s).contains("<c:f>Sheet1!$" + col + "$2:$" + col + "$" + sheet.size() + "</c:f>");
                    java.util.regex.Matcher pt = java.util.regex.Pattern.compile("<c:numCache>.*?</c:numCache>", java.util.regex.Pattern.DOTALL).matcher(s);
                    assertThat(pt.find()).isTrue();
                    java.util.Map<Integer, String> cached = new java.util.HashMap<>();
                    java.util.regex.Matcher v = java.util.regex.Pattern.compile("<c:pt idx=\"(\\d+)\"><c:v>([^<]*)</c:v>").matcher(pt.group());
                    while (v.find()) cached.put(Integer.parseInt(v.group(1)), v.group(2));
                    for (int row = 1; row < sheet.size(); row++) {
                        String cell = sheet.get(row).get(k);
                        assertThat(cell).as("chart %d series %d row %d", n, k, row).isEqualTo(cached.getOrDefault(row - 1, ""));
                    }
                }
                assertThat(k).isPositive();
            }
        }
        assertThat(charts).as("the reporting chart and the comparison's").isGreaterThanOrEqualTo(2);
    }

    private static String entry(java.util.zip.ZipFile zip, String name) throws IOException {
        assertThat(zip.getEntry(name)).as(name).isNotNull();
        return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The first sheet of a workbook tally wrote (inline strings, cells in order) as rows of cell texts, an empty cell "". */
    private static List<List<String>> sheet(byte[] book) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(book))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) continue;
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                List<List<String>> rows = new java.util.ArrayList<>();
                java.util.regex.Matcher row = java.util.regex.Pattern.compile("<row>(.*?)</row>").matcher(xml);
                while (row.find()) {
                    List<String> cells = new java.util.ArrayList<>();
                    java.util.regex.Matcher c = java.util.regex.Pattern.compile("<c[^>]*?(/>|>(.*?)</c>)").matcher(row.group(1));
                    while (c.find()) cells.add(c.group(2) == null ? "" : c.group(2).replaceAll("<[^>]+>", ""));
                    rows.add(cells);
                }
                return rows;
            }
        }
        throw new AssertionError("no sheet1.xml in the embedded workbook");
    }
}
