package dev.tally.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // reads OrderedRows.forked(), which every output counts
class WritersTest {
    @Test
    void displayWidthCountsWhatATerminalShows() {
        assertThat(Cells.displayWidth("Xuất Hóa")).isEqualTo(8);                       // precomposed
        assertThat(Cells.displayWidth("Xua\u0302\u0301t Ho\u0301a")).isEqualTo(8);     // combining marks take no column
        assertThat(Cells.displayWidth("北江")).isEqualTo(4);                             // CJK takes two
        assertThat(Cells.truncate("Phường Nguyễn Thị Minh Khai", 10)).isEqualTo("Phường Ng…");
        assertThat(Cells.displayWidth(Cells.truncate("北江北江北江", 5))).isLessThanOrEqualTo(5);
        // a path keeps its end, the file's name; a mark whose letter is cut off goes with it
        assertThat(Cells.truncateStart("submissions/2024-H1/bac-giang.csv", 15)).isEqualTo("…/bac-giang.csv");
        assertThat(Cells.truncateStart("a/xo\u0301a.csv", 6)).isEqualTo("…a.csv");
        assertThat(Cells.truncateStart("a/xo\u0301a.csv", 7)).isEqualTo("…o\u0301a.csv");
        assertThat(Cells.truncateStart("short.csv", 9)).isEqualTo("short.csv");
        assertThat(Cells.displayWidth(Cells.truncateStart("北江北江北江", 5))).isLessThanOrEqualTo(5);
    }

    /** history's shape at 80 columns: a file's path cut by its start, so the file's name stays. */
    @Test
    void aPathCutToFitKeepsItsEnd() throws IOException {
        List<Column> cols = List.of(Column.text("form"), Column.number("version"), Column.text("received"), Column.text("file"),
                Column.text("changes"));
        List<List<Object>> rows = List.of(
                Arrays.asList("hdnd", 2L, "2026-11-24T00:28:01Z", "submissions/2024-H1/bac-giang-districts.csv", "resolutions: 40 -> 41"),
                Arrays.asList("hdnd", 1L, "2026-11-20T09:15:44Z", "submissions/2024-H1/bac-giang-early.csv", "first version: 7 values"));
        String t = render(Format.TABLE, 60, cols, rows);
        for (String line : t.lines().toList()) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(60);
        assertThat(t).isEqualTo("""
                form  version  received              file
                ----  -------  --------------------  -----------------------
                hdnd        2  2026-11-24T00:28:01Z  …ac-giang-districts.csv
                    resolutions: 40 -> 41
                hdnd        1  2026-11-20T09:15:44Z  …H1/bac-giang-early.csv
                    first version: 7 values
                """);
    }

    private static String render(Format f, int width, List<Column> cols, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableSink s = Writers.create(f, out, new WriteOptions(false, ',', width));
        s.start(cols, Map.of());
        for (List<Object> r : rows) s.row(r);
        s.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Whole numbers are written digit by digit without a String: every edge of the int and long ways. */
    @Test
    void csvWritesEveryWholeNumberAsJavaWouldSpellIt() throws IOException {
        long[] edges = {0, 1, 9, 10, 99, 100, 65_535, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                4_294_967_295L, 4_294_967_296L, -1, -10, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        StringBuilder expected = new StringBuilder("n,i\n");
        List<List<Object>> rows = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        List<Long> all = new java.util.ArrayList<>();
        for (long e : edges) all.add(e);
        // every digit count's first and last number (the count decides where the digits go)
        for (long p = 1; p <= 1_000_000_000_000_000_000L; p *= 10) {
            all.add(p);
            all.add(p - 1);
        }
        for (int k = 0; k < 1000; k++) all.add(k % 2 == 0 ? (long) random.nextInt(Integer.MAX_VALUE) : random.nextLong());
        for (long v : all) {
            Object asInt = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
            rows.add(Arrays.asList(v, asInt));
            expected.append(v).append(',').append(asInt == null ? "" : asInt.toString()).append('\n');
        }
        assertThat(render(Format.CSV, 80, List.of(Column.number("n"), Column.number("i")), rows)).isEqualTo(expected.toString());
    }

    /**
     * A row that starts with the same text objects as the row before is written from that row's bytes:
     * the table is what writing every cell gives, quoting, neutralising and nulls included, and the
     * rows that share a lead are counted.
     */
    @Test
    void rowsThatShareTheirLeadingTextsWithTheRowBeforeAreWrittenTheSame() throws IOException {
        String unit = "P01", name = "Tỉnh \"Một\", A", level = "province", h1 = "2024-H1", h2 = "2024-H2";
        String formula = "=SUM(A1)"; // neutralised the same way whichever way it is written
        String sameTextOtherObject = new String("P01".toCharArray());
        List<List<Object>> rows = List.of(
                Arrays.asList(unit, name, level, h1, "a", 1L),
                Arrays.asList(unit, name, level, h1, "b", 2L),          // 4 shared
                Arrays.asList(unit, name, level, h2, "a", null),        // 3 shared
                Arrays.asList(unit, name, null, h2, "b", 4L),           // 2 shared; the null ends the lead
                Arrays.asList(unit, name, null, h2, "c", 5L),           // 2 shared again
                Arrays.asList(sameTextOtherObject, name, level, h1, "a", 6L), // equal text, another object: none shared
                Arrays.asList(formula, formula, level, h1, "a", 7L),
                Arrays.asList(formula, formula, level, h1, "b", 8L));   // 4 shared, neutralised bytes reused
        // as Lists, and as one array re-filled for every row (the long rollup's way): the same bytes
        for (boolean array : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FastDelimited sink = new FastDelimited(out, ',', false, new WriteOptions(false, ',', 0));
            sink.start(List.of(Column.text("unit"), Column.text("unit_name"), Column.text("level"), Column.text("period"),
                    Column.text("indicator"), Column.number("value")), Map.of());
            Object[] refilled = new Object[6];
            for (List<Object> r : rows) {
                if (array) sink.row(r.toArray(refilled));
                else sink.row(r);
            }
            sink.finish();
            String quoted = "\"Tỉnh \"\"Một\"\", A\"";
            String neutral = "'=SUM(A1)";
            assertThat(out.toString(StandardCharsets.UTF_8)).as(array ? "array" : "list").isEqualTo("unit,unit_name,level,period,indicator,value\n"
                    + "P01," + quoted + ",province,2024-H1,a,1\n"
                    + "P01," + quoted + ",province,2024-H1,b,2\n"
                    + "P01," + quoted + ",province,2024-H2,a,\n"
                    + "P01," + quoted + ",,2024-H2,b,4\n"
                    + "P01," + quoted + ",,2024-H2,c,5\n"
                    + "P01," + quoted + ",province,2024-H1,a,6\n"
                    + neutral + "," + neutral + ",province,2024-H1,a,7\n"
                    + neutral + "," + neutral + ",province,2024-H1,b,8\n");
            assertThat(sink.reusedRows()).isEqualTo(5);
        }
    }

    /**
     * A long table's rows share their unit and period with the rows before and differ in the
     * indicator: the indicator, which changes on every row, is not kept for the next row, while the
     * shared cells are, and the bytes are what writing every cell gives.
     */
    @Test
    void aCellThatChangesOnEveryRowIsNotKeptForTheNext() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastDelimited sink = new FastDelimited(out, ',', false, new WriteOptions(false, ',', 0));
        sink.start(List.of(Column.text("unit"), Column.text("level"), Column.text("period"), Column.text("indicator"),
                Column.number("value"), Column.number("reported")), Map.of());
        StringBuilder expected = new StringBuilder("unit,level,period,indicator,value,reported\n");
        Object[] cells = new Object[6];
        String[] indicators = new String[20];
        for (int i = 0; i < 20; i++) indicators[i] = "ind" + i;
        for (String unit : new String[] {"P01", "P02"}) {
            for (String period : new String[] {"2024-H1", "2024-H2"}) {
                for (int i = 0; i < 20; i++) {
                    cells[0] = unit;
                    cells[1] = "province";
                    cells[2] = period;
                    cells[3] = indicators[i];
                    cells[4] = (long) i * 1000;
                    cells[5] = 3L;
                    sink.row(cells);
                    expected.append(unit).append(",province,").append(period).append(',').append(indicators[i]).append(',')
                            .append(i * 1000).append(",3\n");
                }
            }
        }
        sink.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(sink.reusedRows()).isEqualTo(80 - 2);
        // kept: the first row's four texts, the second row's indicator (no row had shared yet), the
        // period where P01 changes period, the unit, level and period where the unit changes, the
        // period where P02 changes period, and the indicator on the 64th row of shared leads (the
        // second look): 4 + 1 + 1 + 3 + 1 + 1; copying every row's indicator was 76 more
        assertThat(sink.extendedCells()).isEqualTo(11);
        // each distinct text encoded once (2 units, the level, 2 periods, 20 indicators), though the
        // indicator differs from the row before on all 80 rows: the rest came from the cache
        assertThat(sink.encodedTexts()).isEqualTo(25);
    }

    /** A file's name chooses the format whose entry lists its extension; the first one is what the format is written as. */
    @Test
    void aFileNameChoosesTheFormatThatListsItsExtension() {
        for (Format f : Format.values()) assertThat(Format.fromFileName("out" + f.extension().toUpperCase(java.util.Locale.ROOT))).isEqualTo(f);
        assertThat(Format.fromFileName("a.tab")).isEqualTo(Format.TSV);
        assertThat(Format.fromFileName("a.jsonl")).isEqualTo(Format.NDJSON);
        assertThat(Format.fromFileName("a.ndjson")).isEqualTo(Format.NDJSON);
        assertThat(Format.fromFileName("a.markdown")).isEqualTo(Format.MARKDOWN);
        assertThat(Format.fromFileName("a.txt")).isEqualTo(Format.TABLE);
        assertThat(Format.fromFileName("a.xls")).isNull();
        assertThat(Format.fromFileName("json")).isNull();
    }

    /** Commands compute a run's metadata only for the formats that say they carry it: exactly those that write it. */
    @Test
    void theFormatsThatCarryMetadataAreThoseThatWriteIt() throws IOException {
        for (Format f : Format.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TableSink s = Writers.create(f, out, new WriteOptions(false, ',', 80));
            s.start(List.of(Column.text("unit"), Column.number("n")), Map.of("catalog_sha256", "sentinel4f2a"));
            s.row(Arrays.asList("A", 1L));
            s.finish();
            String written = out.toString(StandardCharsets.UTF_8);
            if (f == Format.XLSX) {
                StringBuilder all = new StringBuilder();
                try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                    while (zip.getNextEntry() != null) all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
                written = all.toString();
            }
            assertThat(written.contains("sentinel4f2a")).as(f + " writes the metadata").isEqualTo(f.carriesMeta());
        }
    }

    @Test
    void tableAlignsByDisplayWidthAndRightAlignsNumbers() throws IOException {
        String t = render(Format.TABLE, 0, List.of(Column.text("name"), Column.number("n")),
                List.of(Arrays.asList("Xua\u0302\u0301t Ho\u0301a", 7L), Arrays.asList("北江", new BigDecimal("1234.5")),
                        Arrays.asList("Đức Xuân", null)));
        assertThat(t).isEqualTo("""
                name           n
                --------  ------
                Xua\u0302\u0301t Ho\u0301a       7
                北江      1234.5
                Đức Xuân
                """);
    }

    @Test
    void tableFitsTheWidthByCuttingTextNeverNumbers() throws IOException {
        String t = render(Format.TABLE, 30, List.of(Column.text("unit name"), Column.number("a very long indicator name")),
                List.of(Arrays.asList("Thành phố Hồ Chí Minh, Quận Bình Thạnh", 123456L)));
        for (String line : t.split("\n")) assertThat(Cells.displayWidth(line)).isLessThanOrEqualTo(30);
        assertThat(t).contains("123456").contains("…");
    }

    /** A finding's message closes the table: on a terminal it wraps at spaces in its own column, never cut. */
    @Test
    void aClosingMessageWrapsInItsOwnColumnOnATerminal() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.number("line"), Column.text("message"));
        List<List<Object>> rows = List.of(Arrays.asList("BG-LN-CAMLY", 15L, "given as '5' here but as '2' at line 12; neither value is used. Keep one"),
                Arrays.asList("BG-LN-XYZ", 8L, "short"));
        assertThat(render(Format.TABLE, 50, cols, rows)).isEqualTo("""
                unit         line  message
                -----------  ----  -------------------------------
                BG-LN-CAMLY    15  given as '5' here but as '2' at
                                   line 12; neither value is used.
                                   Keep one
                BG-LN-XYZ       8  short
                """);
        // a pipe or a file gets each finding on one line, whole
        assertThat(render(Format.TABLE, 0, cols, rows)).isEqualTo("""
                unit         line  message
                -----------  ----  ------------------------------------------------------------------------
                BG-LN-CAMLY    15  given as '5' here but as '2' at line 12; neither value is used. Keep one
                BG-LN-XYZ       8  short
                """);
    }

    /** Too narrow for the message beside its row: it goes under the row, wrapped, and a word wider than a line is broken. */
    @Test
    void onANarrowTerminalTheMessageGoesUnderItsRow() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.number("line"), Column.text("message"));
        List<List<Object>> rows = List.of(Arrays.asList("BG-LN-CAMLY", 15L, "given as '5' at samples/faulty/luc-nam-2024-H1-errors.csv:12; keep one"));
        String t = render(Format.TABLE, 30, cols, rows);
        assertThat(t).isEqualTo("""
                unit         line
                -----------  ----
                BG-LN-CAMLY    15
                    given as '5' at
                    samples/faulty/luc-nam-202
                    4-H1-errors.csv:12; keep
                    one
                """);
        for (String line : t.split("\n")) assertThat(Cells.displayWidth(line)).isLessThanOrEqualTo(30);
    }

    @Test
    void onANarrowTerminalAFindingsFileAndLineLeadItsMessageWhole() throws IOException {
        List<Column> cols = List.of(Column.text("code"), Column.text("file"), Column.number("line"), Column.text("unit"), Column.text("message"));
        List<List<Object>> rows = List.of(
                Arrays.asList("conflict", "samples/faulty/luc-nam.csv", 15L, "BG-LN-CAMLY", "given as '5' here but as '2' at line 12; keep one"),
                Arrays.asList("missing-required", "samples/faulty/luc-nam.csv", null, "BG-LN-BAODAI", "gave no value"),
                Arrays.asList("unknown-unit", "", null, "BG-LN-XYZ", "not in the units file"));
        String t = render(Format.TABLE, 40, cols, rows);
        assertThat(t).isEqualTo("""
                code              unit
                ----------------  ------------
                conflict          BG-LN-CAMLY
                    samples/faulty/luc-nam.csv:15: given
                    as '5' here but as '2' at line 12;
                    keep one
                missing-required  BG-LN-BAODAI
                    samples/faulty/luc-nam.csv: gave no
                    value
                unknown-unit      BG-LN-XYZ
                    not in the units file
                """);
        for (String line : t.split("\n")) assertThat(Cells.displayWidth(line)).isLessThanOrEqualTo(40);
        // a locale that groups digits (Vietnamese: 1.402) groups the line's column, never the location
        ByteArrayOutputStream vi = new ByteArrayOutputStream();
        TableSink s = Writers.create(Format.TABLE, vi, new WriteOptions(false, ',', 40, new NumberStyle(',', '.'), true));
        s.start(cols, Map.of());
        s.row(Arrays.asList("conflict", "a.csv", 1402L, "BG-LN-CAMLY", "keep one"));
        s.finish();
        assertThat(vi.toString(StandardCharsets.UTF_8)).contains("    a.csv:1402: keep one\n");
        // a hostile value 5000 digits long and a long indicator are cut; the code a person looks up is not
        String hostile = render(Format.TABLE, 80, FindingReport.COLUMNS, List.of(
                Arrays.asList("error", "too-many-digits", "/tmp/hostile/a.csv", 2L, "BG-LN-DOINGO", "2024-H1", "dvk_models", "9".repeat(5000),
                        "the value has 5000 digits"),
                Arrays.asList("error", "unknown-indicator", "/tmp/hostile/a.csv", 3L, "BG-LN-DOINGO", "2024-H1", "x".repeat(300), "1",
                        "indicator 'x…' is not in the catalog")));
        assertThat(hostile.lines().toList().get(2)).startsWith("error     too-many-digits    BG-LN-DOINGO");
        assertThat(hostile).contains("error     unknown-indicator  BG-LN-DOINGO");
        for (String line : hostile.split("\n")) assertThat(Cells.displayWidth(line)).isLessThanOrEqualTo(80);
    }

    /**
     * status's shape: six key columns wider than the terminal before any count, then nine counts. The
     * codes are repeated in every block; the two names, which before were cut to 'Báo c…' and 'Thành …'
     * in each of four blocks, are shown once, whole, beside the first counts that fit.
     */
    @Test
    void keyColumnsWiderThanTheTerminalLeaveTheirNamesToTheFirstBlocks() throws IOException {
        List<Column> cols = new java.util.ArrayList<>();
        for (String k : List.of("form", "form_name", "period", "level", "unit", "unit_name")) cols.add(Column.text(k));
        List<String> counts = List.of("expected", "received", "on_time", "late", "missing", "rejected", "exempt", "incomplete", "rate_pct");
        for (String c : counts) cols.add(Column.number(c));
        List<Object> row = new java.util.ArrayList<>(List.of("dan_van", "Báo cáo công tác dân vận", "2024-H1", "province", "HCM",
                "Thành phố Hồ Chí Minh"));
        for (int i = 0; i < counts.size(); i++) row.add(123_456L);
        String t = render(Format.TABLE, 80, cols, List.of(row));
        assertThat(t).isEqualTo("""
                form     period   level     unit  form_name                 expected  received
                -------  -------  --------  ----  ------------------------  --------  --------
                dan_van  2024-H1  province  HCM   Báo cáo công tác dân vận    123456    123456

                form     period   level     unit  unit_name              on_time    late
                -------  -------  --------  ----  ---------------------  -------  ------
                dan_van  2024-H1  province  HCM   Thành phố Hồ Chí Minh   123456  123456

                form     period   level     unit  missing  rejected  exempt  incomplete
                -------  -------  --------  ----  -------  --------  ------  ----------
                dan_van  2024-H1  province  HCM    123456    123456  123456      123456

                form     period   level     unit  rate_pct
                -------  -------  --------  ----  --------
                dan_van  2024-H1  province  HCM     123456
                """);
    }

    /**
     * Codes are never cut: where no number would fit beside them (24 columns), the rows run past the
     * edge rather than show 'BG-LN…' for two communes (issue 32.11); only a header is cut.
     */
    @Test
    void keyCodesAreNeverCutIntoAmbiguity() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.text("indicator"), Column.number("value"));
        List<List<Object>> rows = List.of(Arrays.asList("BG-LN-CAMLY", "petitions_received", 123L), Arrays.asList("BG-LN-DOINGO", "petitions_resolved", 4567L));
        String wide = render(Format.TABLE, 38, cols, rows);
        assertThat(wide).isEqualTo("""
                unit          indicator           val…
                ------------  ------------------  ----
                BG-LN-CAMLY   petitions_received   123
                BG-LN-DOINGO  petitions_resolved  4567
                """);
        String narrow = render(Format.TABLE, 24, cols, rows);
        assertThat(narrow).contains("BG-LN-CAMLY ").contains("BG-LN-DOINGO ").contains("petitions_received").contains("petitions_resolved")
                .contains("4567").doesNotContain("BG-LN…");
    }

    /** describe's shape for one unit: keys with one value in every row are said once above, whole, not cut in every row. */
    @Test
    void keysWithOneValueInEveryRowAreSaidOnceAbove() throws IOException {
        List<Column> cols = new java.util.ArrayList<>();
        for (String k : List.of("unit", "unit_name", "level", "period", "indicator")) cols.add(Column.text(k));
        for (String c : List.of("n", "missing", "sum", "mean", "sd", "min", "p25", "median", "p75", "max")) cols.add(Column.number(c));
        List<List<Object>> rows = List.of(
                Arrays.asList("HCM", "Thành phố Hồ Chí Minh", "province", "2024-H1", "petitions_received", 16L, 0L, 249L, new BigDecimal("15.5625"),
                        new BigDecimal("8.4378"), 5L, 9L, 14L, 21L, 33L),
                Arrays.asList("HCM", "Thành phố Hồ Chí Minh", "province", "2024-H1", "petitions_resolved", 16L, 0L, 223L, new BigDecimal("13.9375"),
                        null, 2L, 8L, 13L, 19L, 30L));
        String t = render(Format.TABLE, 80, cols, rows);
        assertThat(t).isEqualTo("""
                unit       HCM
                unit_name  Thành phố Hồ Chí Minh
                level      province
                period     2024-H1

                indicator            n  missing  sum     mean      sd  min  p25  median  p75
                ------------------  --  -------  ---  -------  ------  ---  ---  ------  ---
                petitions_received  16        0  249  15.5625  8.4378    5    9      14   21
                petitions_resolved  16        0  223  13.9375            2    8      13   19

                indicator           max
                ------------------  ---
                petitions_received   33
                petitions_resolved   30
                """);
        // a single row is its own heading: nothing is taken out of it
        String one = render(Format.TABLE, 80, cols, rows.subList(0, 1));
        assertThat(one.lines().findFirst().orElseThrow()).startsWith("unit ");
    }

    /**
     * status's shape at 80 columns: with the keys too wide, a name that goes with a code is shown once,
     * whole, in the first block (units, most of them once each), or in a legend below when it repeats
     * down the rows (a form over many units); never cut to a few letters in every block.
     */
    @Test
    void namesOfCodesAreShownWholeOnceOrInALegendNotCutInEveryBlock() throws IOException {
        List<Column> cols = new java.util.ArrayList<>();
        for (String k : List.of("form", "form_name", "period", "level", "unit", "unit_name")) cols.add(Column.text(k));
        List<String> counts = List.of("expected", "received", "on_time", "late", "missing");
        for (String c : counts) cols.add(Column.number(c));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (String period : List.of("2023-H2", "2024-H1")) {
            rows.add(Arrays.asList("dan_van", "Báo cáo công tác dân vận", period, "province", "HCM", "Thành phố Hồ Chí Minh", 20L, 20L, 18L, 2L, 0L));
            rows.add(Arrays.asList("dan_van", "Báo cáo công tác dân vận", period, "district", "HCM-BT", "Quận Bình Thạnh", 20L, 19L, 19L, 0L, 1L));
            // a total has a name and no code: its name stays in the rows
            rows.add(Arrays.asList("dan_van", "Báo cáo công tác dân vận", period, "total", "", "total", 40L, 39L, 37L, 2L, 1L));
        }
        String t = render(Format.TABLE, 80, cols, rows);
        assertThat(t).isEqualTo("""
                form       dan_van
                form_name  Báo cáo công tác dân vận

                period   level     unit    unit_name              expected  received  on_time
                -------  --------  ------  ---------------------  --------  --------  -------
                2023-H2  province  HCM     Thành phố Hồ Chí Minh        20        20       18
                2023-H2  district  HCM-BT  Quận Bình Thạnh              20        19       19
                2023-H2  total             total                        40        39       37
                2024-H1  province  HCM     Thành phố Hồ Chí Minh        20        20       18
                2024-H1  district  HCM-BT  Quận Bình Thạnh              20        19       19
                2024-H1  total             total                        40        39       37

                period   level     unit    unit_name              late  missing
                -------  --------  ------  ---------------------  ----  -------
                2023-H2  province  HCM     Thành phố Hồ Chí Minh     2        0
                2023-H2  district  HCM-BT  Quận Bình Thạnh           0        1
                2023-H2  total             total                     2        1
                2024-H1  province  HCM     Thành phố Hồ Chí Minh     2        0
                2024-H1  district  HCM-BT  Quận Bình Thạnh           0        1
                2024-H1  total             total                     2        1
                """);
        // (the keys left, names whole, fit in two thirds of the width: they are repeated in every block)
        // two forms: the forms' names repeat down the rows, so they go to a legend; without the totals,
        // so do the units'
        List<List<Object>> two = new java.util.ArrayList<>();
        for (String form : List.of("dan_van", "hdnd")) {
            String name = form.equals("hdnd") ? "Báo cáo HĐND và nông thôn mới" : "Báo cáo công tác dân vận";
            for (List<Object> r : rows) {
                if (r.get(4).equals("")) continue;
                List<Object> copy = new java.util.ArrayList<>(r);
                copy.set(0, form);
                copy.set(1, name);
                two.add(copy);
            }
        }
        // a hostile code thousands of characters long is cut in the legend too: every line fits
        List<List<Object>> hostile = new java.util.ArrayList<>();
        for (List<Object> r : two) {
            List<Object> copy = new java.util.ArrayList<>(r);
            if (copy.get(4).equals("HCM")) copy.set(4, "H".repeat(5000));
            hostile.add(copy);
        }
        String cut = render(Format.TABLE, 80, cols, hostile);
        for (String line : cut.lines().toList()) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(80);
        assertThat(cut.length()).isLessThan(20_000);
        assertThat(cut).contains("Thành phố Hồ Chí Minh");
        String legend = render(Format.TABLE, 80, cols, two);
        for (String line : legend.lines().toList()) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(80);
        assertThat(legend).startsWith("form     period   level     unit    expected  received  on_time  late  missing\n")
                .endsWith("""

                        form     form_name
                        dan_van  Báo cáo công tác dân vận
                        hdnd     Báo cáo HĐND và nông thôn mới

                        unit    unit_name
                        HCM     Thành phố Hồ Chí Minh
                        HCM-BT  Quận Bình Thạnh
                        """);
    }

    @Test
    void csvNeutralisesFormulasButNotNumbersAndQuotesWhenNeeded() throws IOException {
        String t = render(Format.CSV, 0, List.of(Column.text("a"), Column.number("b")),
                List.of(Arrays.asList("=1+2", -5L), Arrays.asList("-3", new BigDecimal("-0.5")), Arrays.asList("@x, \"y\"", null),
                        Arrays.asList("+84 204", 1L), Arrays.asList("\tTab", 2L)));
        assertThat(t).isEqualTo("a,b\n'=1+2,-5\n-3,-0.5\n\"'@x, \"\"y\"\"\",\n'+84 204,1\n'\tTab,2\n");
    }

    @Test
    void tsvHasNoQuotingAndNoStrayTabs() throws IOException {
        String t = render(Format.TSV, 0, List.of(Column.text("a"), Column.text("b")), List.of(Arrays.asList("x\ty", "line\nbreak")));
        assertThat(t).isEqualTo("a\tb\nx y\tline break\n");
    }

    @Test
    void markdownEscapesPipes() throws IOException {
        String t = render(Format.MARKDOWN, 0, List.of(Column.text("a"), Column.number("b")), List.of(Arrays.asList("x|y", 3L)));
        assertThat(t).isEqualTo("| a | b |\n| --- | ---: |\n| x\\|y | 3 |\n");
    }

    @Test
    void jsonKeepsNumbersExactAndMissingAsNull() throws IOException {
        String t = render(Format.NDJSON, 0, List.of(Column.text("a"), Column.number("b")),
                List.of(Arrays.asList("x", new BigDecimal("9007199254740993")), Arrays.asList("y", null)));
        assertThat(t).isEqualTo("{\"a\":\"x\",\"b\":9007199254740993}\n{\"a\":\"y\",\"b\":null}\n");
    }

    /** Rows made in parallel are the same bytes, in the same order, as rows made one after another; and the parallel way is taken. */
    @Test
    void orderedRowsInParallelWriteTheSameBytes() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.text("name"), Column.number("value"));
        OrderedRows.Chunk rows = (k, into) -> {
            for (int i = 0; i < 1000; i++) {
                into.row(Arrays.asList("U" + k + "-" + i, i % 7 == 0 ? "a, \"quoted\" name" : "Xã " + i, i % 5 == 0 ? null : BigDecimal.valueOf(i * 37L, i % 3)));
            }
        };
        String[] out = new String[2];
        for (int threads = 1; threads <= 2; threads++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TableSink csv = Writers.create(Format.CSV, bytes, WriteOptions.defaults());
            csv.start(cols, Map.of());
            long before = OrderedRows.forked();
            OrderedRows.write(csv, 25, threads, rows);
            csv.finish();
            assertThat(OrderedRows.forked() - before).isEqualTo(threads == 1 ? 0 : 25);
            out[threads - 1] = bytes.toString(StandardCharsets.UTF_8);
        }
        assertThat(out[1]).isEqualTo(out[0]);
        assertThat(out[0].lines().count()).isEqualTo(25 * 1000 + 1);
        assertThat(out[0]).contains("\nU24-999,Xã 999,").contains("\"a, \"\"quoted\"\" name\"");
        // a format that must see every row itself is written in order on the caller's thread
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        TableSink t = Writers.create(Format.TABLE, table, WriteOptions.defaults());
        t.start(cols, Map.of());
        long before = OrderedRows.forked();
        OrderedRows.write(t, 3, 2, rows);
        t.finish();
        assertThat(OrderedRows.forked()).isEqualTo(before);
        assertThat(table.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(3 * 1000 + 2);
    }
}
