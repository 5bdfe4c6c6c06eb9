package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Unit;
import dev.tally.write.Doc;
import dev.tally.write.Rank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranks among siblings ({@code rollup --rank}), every place worked out by hand from
 * src/test/resources/data/rank (the same data as the rollup-rank-* golden cases):
 *
 * <pre>
 *            models (higher)   cases (lower)    score (max, higher)
 *   C11      5                 2                7.5
 *   C12      3                 0                7.50
 *   C13      3                 2                8
 *   C14      1                 7                6.25
 *   C15      (empty)           1                -
 *   D1 = 12 [4/5]              12               8 [4/5]
 *   C21      4                 1                9.0
 *   C22      9                 3                9
 *   C23      4                 -                8.75
 *   D2 = 17                    4 [2/3]          9
 *   D3 (C31 sent nothing)      -                -
 *   P  = 29 [7/9]              16 [7/9]         9 [7/9]
 *   Q  = D9 = C91 = 20         4                5
 * </pre>
 */
class RanksTest {
    static final Path DATA = Path.of("src/test/resources/data/rank");

    @TempDir
    Path dir;

    Fixture x;

    @BeforeEach
    void roll() throws IOException {
        x = new Fixture(dir, Files.readString(DATA.resolve("units.csv"), StandardCharsets.UTF_8),
                Files.readString(DATA.resolve("catalog.yaml"), StandardCharsets.UTF_8));
        String data = Files.readString(DATA.resolve("h1.csv"), StandardCharsets.UTF_8);
        x.roll(data.substring(data.indexOf('\n') + 1), "2024-H1");
    }

    /** Ranks made for {@code rows} (every unit when none is named), of every indicator. */
    private Ranks ranks(String... rows) {
        List<Unit> units = rows.length == 0 ? x.h.units() : java.util.Arrays.stream(rows).map(x.h::unit).toList();
        return Ranks.of(x.result, x.h, units, List.of(0), x.c.indicators());
    }

    /** "2", "2 partial", or "-" for no rank. */
    private String rank(Ranks r, String unit, String indicator) {
        int u = unit.equals("*") ? x.result.totalIndex() : x.h.unit(unit).index();
        Rank k = r.rank(u, 0, x.c.indicator(indicator).index());
        return k == null ? "-" : k.place() + (k.partial() ? " partial" : "");
    }

    private List<String> ranks(Ranks r, String indicator, String... units) {
        List<String> out = new ArrayList<>();
        for (String u : units) out.add(u + " " + rank(r, u, indicator));
        return out;
    }

    @Test
    void equalValuesShareAPlaceAndTheNextSkipsAndAUnitWithoutAValueHasNone() {
        // 5 > 3 = 3 > 1: 1, 2, 2, 4; C15 gave an empty value: no rank, and it takes no place
        assertThat(ranks(ranks(), "models", "C11", "C12", "C13", "C14", "C15"))
                .containsExactly("C11 1", "C12 2", "C13 2", "C14 4", "C15 -");
    }

    @Test
    void betterLowerRanksTheSmallestFirst() {
        // cases, better: lower: 0 < 1 < 2 = 2 < 7
        assertThat(ranks(ranks(), "cases", "C11", "C12", "C13", "C14", "C15"))
                .containsExactly("C11 3", "C12 1", "C13 3", "C14 5", "C15 2");
        // Q's 4 is fewer than P's 16
        assertThat(ranks(ranks(), "cases", "P", "Q")).containsExactly("P 2 partial", "Q 1");
    }

    @Test
    void valuesAreEqualByTheirNumberNotTheirWriting() {
        // 9.0 and 9 tie for first, 8.75 is third; 7.5 and 7.50 tie behind 8
        assertThat(ranks(ranks(), "score", "C21", "C22", "C23")).containsExactly("C21 1", "C22 1", "C23 3");
        assertThat(ranks(ranks(), "score", "C11", "C12", "C13", "C14")).containsExactly("C11 2", "C12 2", "C13 1", "C14 4");
    }

    @Test
    void valuesOfDifferentScalesTieByTheirNumber() {
        // the rollup writes 1.0 and 1.00 alike today; the rule must not depend on it: C11 1.0, C12 1.00,
        // C13 2, C14 0.999 among D1's communes give 2, 2, 1, 4
        int n = x.h.size(), s = x.c.indicator("score").index(), ni = x.c.size();
        dev.tally.model.ExactColumn values = new dev.tally.model.ExactColumn((n + 1) * ni);
        int[] reported = new int[(n + 1) * ni], expected = new int[(n + 1) * ni];
        String[][] cells = {{"C11", "1.0"}, {"C12", "1.00"}, {"C13", "2"}, {"C14", "0.999"}};
        for (String[] c : cells) {
            int cell = x.h.unit(c[0]).index() * ni + s;
            values.set(cell, new java.math.BigDecimal(c[1]));
            reported[cell] = expected[cell] = 1;
        }
        RollupResult r = new RollupResult(n, ni, List.of(dev.tally.model.Period.parseOrThrow("2024-H1")), new dev.tally.model.ExactColumn[] {values},
                new int[][] {reported}, new int[][] {expected}, null, new RollupResult.Compared[1], List.of(), 0, new int[ni], null, 0, null, false);
        assertThat(r.value(x.h.unit("C12").index(), 0, s)).hasToString("1.00");
        Ranks ranks = Ranks.of(r, x.h, List.of(x.h.unit("C11")), List.of(0), x.c.indicators());
        List<Integer> places = new ArrayList<>();
        for (String[] c : cells) places.add(ranks.rank(x.h.unit(c[0]).index(), 0, s).place());
        assertThat(places).containsExactly(2, 2, 1, 4);
    }

    @Test
    void aPartialTotalIsRankedAndMarkedAndAUnitThatGaveNothingIsNot() {
        // D2 17 of 3/3 before D1 12 of 4/5 (partial); D3's commune sent nothing
        assertThat(ranks(ranks(), "models", "D1", "D2", "D3")).containsExactly("D1 2 partial", "D2 1", "D3 -");
        // cases: D2 4 from 2 of 3 is partial and still first (fewer), D1's 12 is complete
        assertThat(ranks(ranks(), "cases", "D1", "D2", "D3")).containsExactly("D1 2", "D2 1 partial", "D3 -");
    }

    @Test
    void siblingsUnderDifferentParentsAreRankedApart() {
        // C22 is first of D2's communes, C11 of D1's, C91 alone under D9; the provinces among the roots
        assertThat(ranks(ranks(), "models", "C11", "C22", "C21", "C23", "C91", "P", "Q"))
                .containsExactly("C11 1", "C22 1", "C21 2", "C23 2", "C91 1", "P 1 partial", "Q 2");
    }

    @Test
    void aRankIsAmongAllSiblingsWhicheverRowsAreShownAndTheTotalHasNone() {
        Ranks all = ranks(), one = ranks("C13");
        // C13 shown alone is still second with C12, behind C11 which is not shown
        for (String ind : List.of("models", "cases", "score")) {
            assertThat(ranks(one, ind, "C11", "C12", "C13", "C14", "C15")).as(ind)
                    .isEqualTo(ranks(all, ind, "C11", "C12", "C13", "C14", "C15"));
        }
        assertThat(rank(one, "C13", "models")).isEqualTo("2");
        // only the groups of the rows shown are ranked: D2's communes are not rows here
        assertThat(rank(one, "C22", "models")).isEqualTo("-");
        assertThat(rank(all, "*", "models")).isEqualTo("-");
    }

    @Test
    void aTableWithoutRanksHasNoRankColumnAndOneWithRanksHasOneAfterEachIndicator() throws IOException {
        Selection sel = new Selection(x.h.unit("D1"), Integer.MAX_VALUE);
        RollupTables.Shown shown = RollupTables.Shown.all(x.result, x.c);
        Doc.Collector plain = Doc.collector();
        RollupTables.writeWide(x.result, x.h, sel, plain, Map.of(), false, false, shown);
        assertThat(plain.table().columns()).extracting(c -> c.name())
                .containsExactly("unit", "unit_name", "level", "models", "cases", "score");
        Doc.Collector ranked = Doc.collector();
        RollupTables.writeWide(x.result, x.h, sel, ranked, Map.of(), false, false, shown.withRanks());
        Doc.Table t = ranked.table();
        assertThat(t.columns()).extracting(c -> c.name())
                .containsExactly("unit", "unit_name", "level", "models", "models_rank", "cases", "cases_rank", "score", "score_rank");
        // C14: models 4th, cases 5th, score 4th; the total row (D1) has no rank
        assertThat(t.rows().get(3)).element(4).isEqualTo(new Rank(4, false, false));
        assertThat(t.rows().get(3)).element(6).isEqualTo(new Rank(5, false, false));
        assertThat(t.rows().get(3)).element(8).isEqualTo(new Rank(4, false, false));
        List<Object> total = t.rows().get(t.rows().size() - 1);
        assertThat(total.get(0)).isEqualTo("D1");
        assertThat(List.of(total.get(4) == null, total.get(6) == null, total.get(8) == null)).containsOnly(true);
    }
}
