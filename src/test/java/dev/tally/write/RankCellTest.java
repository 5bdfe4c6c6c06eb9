package dev.tally.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rank cell ({@code rollup --rank}) in every table format: marked as the value it ranks, a number where programs read it. */
class RankCellTest {
    static final List<Column> COLS = List.of(Column.text("unit"), Column.measure("Models", "models", false, false), Column.rank("rank", "models_rank"));

    static final List<List<Object>> ROWS = List.of(
            Arrays.asList("A", new Measure(12L, 4, 5, null), new Rank(2, true, false)),
            Arrays.asList("B", new Measure(17L, 3, 3, null), new Rank(1, false, false)),
            Arrays.asList("C", new Measure(9L, 1, 1, 0, null, "estimated"), new Rank(3, false, true)),
            Arrays.asList("D", new Measure(null, 0, 1, null), null));

    @Test
    void aTableShowsThePlaceWithTheMarksOfItsValue() throws IOException {
        assertThat(MarksAndListsTest.render(Format.TABLE, 0, COLS, ROWS, null)).isEqualTo("""
                unit    Models         rank
                ----  --------  -----------
                A     12 [4/5]  2 (partial)
                B           17            1
                C       9 est.     3 (est.)
                D      – [0/1]
                """);
        assertThat(MarksAndListsTest.render(Format.MARKDOWN, 0, COLS, ROWS.subList(0, 1), null))
                .isEqualTo("| unit | Models | rank |\n| --- | ---: | ---: |\n| A | 12 [4/5] | 2 (partial) |\n");
        assertThat(Cells.text(new Rank(1, true, true))).isEqualTo("1 (partial, est.)");
    }

    @Test
    void csvAndJsonCarryTheNumberBesideTheValuesCoverage() throws IOException {
        // as the rollup names the columns for programs: codes
        List<Column> cols = List.of(Column.text("unit"), Column.measure("models", "models", false, false), Column.rank("models_rank", "models_rank"));
        assertThat(MarksAndListsTest.render(Format.CSV, 0, cols, ROWS, null)).isEqualTo("""
                unit,models,models_reported,models_expected,models_rank
                A,12,4,5,2
                B,17,3,3,1
                C,9,1,1,3
                D,,0,1,
                """);
        assertThat(MarksAndListsTest.render(Format.NDJSON, 0, cols, ROWS.subList(0, 1), null))
                .isEqualTo("{\"unit\":\"A\",\"models\":12,\"models_reported\":4,\"models_expected\":5,\"models_rank\":2}\n");
    }

    @Test
    void aTableSplitIntoBlocksHeadsARankByItsIndicatorsCode() throws IOException {
        List<Column> cols = List.of(Column.text("unit"), Column.measure("Mô hình Dân vận khéo đăng ký", "models", false, false),
                Column.rank("rank", "models_rank"), Column.measure("Đối thoại trực tiếp với Nhân dân", "dialogues", false, false),
                Column.rank("rank", "dialogues_rank"));
        String t = MarksAndListsTest.render(Format.TABLE, 30, cols,
                List.of(Arrays.asList("A", new Measure(12L, 4, 5, null), new Rank(2, true, false), new Measure(3L, 1, 1, null), new Rank(1, false, false))),
                null);
        // the blocks may part a rank from its indicator: each says whose it is
        assertThat(t).contains("models_rank").contains("dialogues_rank").doesNotContain(" rank ");
    }

    @Test
    void aWorkbookKeepsTheRankANumberShadedAsItsPartialTotal() throws Exception {
        byte[] x = XlsxTest.write(COLS, List.copyOf(ROWS.subList(0, 2)), Arrays.asList("P", new Measure(29L, 7, 8, null), null), java.util.Map.of());
        var sheet = XlsxTest.parse(x).get("tally");
        XlsxTest.Cell partial = sheet.get(1).get(2), full = sheet.get(2).get(2);
        assertThat(List.of(partial.type(), partial.value(), partial.italic(), partial.filled())).containsExactly("number", "2", true, true);
        assertThat(List.of(full.type(), full.value(), full.italic(), full.filled())).containsExactly("number", "1", false, false);
        // the value beside it is marked the same way
        assertThat(sheet.get(1).get(1).filled()).isTrue();
        assertThat(sheet.get(sheet.size() - 1).get(2).type()).as("the total's rank").isEqualTo("empty");
    }

    @Test
    void aDocumentMarksAPartialTotalsRankAsTheTotal() {
        Doc doc = new Doc(null, List.of(), List.of(), new Doc.Labels("", "", "–", null), NumberStyle.PLAIN, "en");
        assertThat(doc.cell(new Rank(2, true, false), COLS.get(2))).isEqualTo(new Doc.Cell("2", null, true, true));
        assertThat(doc.cell(new Rank(1, false, false), COLS.get(2))).isEqualTo(new Doc.Cell("1", null, false, true));
    }
}
