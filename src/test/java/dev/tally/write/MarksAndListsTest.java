package dev.tally.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a cell says about a value that is not the whole truth, the line above a table, a list that is
 * never cut, and file names made from data.
 */
class MarksAndListsTest {
    static String render(Format f, int width, List<Column> cols, List<List<Object>> rows, String caption) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableSink s = Writers.create(f, out, new WriteOptions(false, ',', width));
        if (caption != null) s.caption("2024-H1", caption);
        s.start(cols, Map.of());
        for (List<Object> r : rows) s.row(r);
        s.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    static Measure.Comparison compared(Number value, String status, String change) {
        return new Measure.Comparison("2023-H1", value, value == null ? 0 : 1, 1, status, null, change == null ? null : new BigDecimal(change), false);
    }

    @Test
    void aValueThatIsNotExactSaysSoInTableAndMarkdown() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.measure("x", "x", true, false, false, true));
        List<List<Object>> rows = List.of(
                Arrays.asList("A", new Measure(new BigDecimal("7.5"), 3, 3, 0, null, "estimated")),
                Arrays.asList("B", new Measure(null, 2, 2, 0, null, "not-comparable")),
                Arrays.asList("C", new Measure(5L, 1, 1, 0, compared(null, "not-comparable", null), null)),
                Arrays.asList("D", new Measure(6L, 1, 1, 0, compared(8L, "estimated", "-25.0"), null)),
                Arrays.asList("E", new Measure(36L, 5, 5, 0, compared(null, "no-data", null), null)),
                Arrays.asList("F", new Measure(4L, 1, 1, 0, compared(4L, "comparable", "0.0"), null)));
        for (Format f : List.of(Format.TABLE, Format.MARKDOWN)) {
            String t = render(f, 0, cols, rows, null);
            assertThat(t).as(f.key()).contains("7.5 est.").contains("n/c").contains("5 (n/c)").contains("6 (-25.0% est.)")
                    .contains("36 (no data)").contains("4 (0.0%)").doesNotContain("≈");
        }
    }

    @Test
    void theCaptionIsSaidAboveTheTable() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.number("x"));
        List<List<Object>> rows = List.of(Arrays.asList("A", 1L));
        assertThat(render(Format.TABLE, 0, cols, rows, "Period: 2024-H1")).startsWith("Period: 2024-H1\n\nunit  x\n");
        assertThat(render(Format.MARKDOWN, 0, cols, rows, "Period: 2024-H1")).startsWith("Period: 2024-H1\n\n| unit | x |\n");
        // the formats for programs have the periods in their rows or metadata: nothing above the header
        assertThat(render(Format.CSV, 0, cols, rows, "Period: 2024-H1")).isEqualTo("unit,x\nA,1\n");
    }

    static final String LONG = "Mô hình \"Dân vận khéo\" đăng ký; Đối thoại trực tiếp của người đứng đầu với Nhân dân; "
            + "Đơn thư, kiến nghị tiếp nhận; Đơn thư, kiến nghị đã giải quyết";

    static List<Column> owed() {
        return List.of(Column.text("unit").keptWhole(), Column.text("unit_name").keptWhole(), Column.text("status").keptWhole(),
                Column.number("missing_count").keptWhole(), Column.text("missing_names").keptWhole(), Column.text("errors").keptWhole());
    }

    static List<List<Object>> owedRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("BG-LN-DOINGO", "Thị trấn Đồi Ngô", "not received", 4L, LONG, null));
        rows.add(Arrays.asList("BG-LN-BAODAI", "Xã Bảo Đài", "rejected", 1L, "Đơn thư, kiến nghị tiếp nhận", "missing-required"));
        return rows;
    }

    @Test
    void aColumnKeptWholeIsNeverCutOnAPipe() throws IOException {
        String t = render(Format.TABLE, 0, owed(), owedRows(), null);
        assertThat(t).contains(LONG).doesNotContain("…");
        // an ordinary text column past 80 columns still is, so that one huge cell cannot pad every row
        List<Column> plain = List.of(Column.text("unit"), Column.text("names"), Column.text("x"));
        assertThat(render(Format.TABLE, 0, plain, List.of(Arrays.asList("A", LONG, "y")), null)).contains("…").doesNotContain(LONG);
    }

    @Test
    void onATerminalAListKeptWholeWrapsOrBecomesRecordsAndLosesNoCharacter() throws IOException {
        for (int width : new int[] {40, 80, 120, 200}) {
            String t = render(Format.TABLE, width, owed(), owedRows(), null);
            for (String line : t.split("\n")) assertThat(Cells.displayWidth(line)).as(width + ": " + line).isLessThanOrEqualTo(width);
            assertThat(t).doesNotContain("…");
            String joined = String.join(" ", t.split("\\s+"));
            for (String s : List.of(LONG, "Thị trấn Đồi Ngô", "BG-LN-BAODAI", "missing-required", "not received")) {
                assertThat(joined).as(width + "\n" + t).contains(s);
            }
        }
        // wide enough, a table whose long list wraps in its column; narrow, a record per row
        assertThat(render(Format.TABLE, 200, owed(), owedRows(), null)).startsWith("unit          unit_name");
        assertThat(render(Format.TABLE, 80, owed(), owedRows(), null)).startsWith("unit           BG-LN-DOINGO\n");
    }

    @Test
    void fileNamesFromDataStayInTheirDirectory() {
        Set<String> taken = new HashSet<>();
        assertThat(FileNames.forUnit("BG-LN", "Huyện Lục Nam", ".csv", taken)).isEqualTo("BG-LN_Huyện_Lục_Nam.csv");
        assertThat(FileNames.forUnit("../../etc", "passwd", ".csv", taken)).isEqualTo("etc_passwd.csv");
        assertThat(FileNames.forUnit("-rf", "x\ny/z\\w:*?", ".csv", taken)).isEqualTo("rf_x_y_z_w.csv");
        // a name typed with combining marks is the precomposed one
        assertThat(FileNames.forUnit("C1", "Xa\u0303 A", ".csv", taken)).isEqualTo("C1_Xã_A.csv");
        // the same name twice, or in another letter case: a second file, not the first overwritten
        assertThat(FileNames.forUnit("bg-ln", "huyện lục nam", ".csv", taken)).isEqualTo("bg-ln_huyện_lục_nam_2.csv");
        assertThat(FileNames.forUnit("NUL", "", ".txt", taken)).isEqualTo("NUL_.txt");
        assertThat(FileNames.forUnit("", "", ".csv", taken)).isEqualTo("unit.csv");
        String longName = FileNames.forUnit("X", "Tên ".repeat(100), ".csv", taken);
        assertThat(longName.codePointCount(0, longName.length())).isEqualTo(FileNames.MAX_STEM + ".csv".length());
    }
}
