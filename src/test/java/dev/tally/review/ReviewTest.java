package dev.tally.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tally.cli.Tally;
import dev.tally.cli.TempProject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * describe, outliers and consistency through the command line, on small data sets whose every figure
 * is worked out by hand below (to 1e-9 relative). The project: province P; district D1 with communes
 * C1..C5, district D2 with C6 and C7; indicators x and y (integers, summed) and rate = 100 * y / x.
 */
class ReviewTest extends TempProject {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);

    ReviewTest() { super(CLOCK); }

    @BeforeEach
    void project() throws IOException {
        file("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC1,Xã 1,D1,commune\nC2,Xã 2,D1,commune\n"
                + "C3,Xã 3,D1,commune\nC4,Xã 4,D1,commune\nC5,Xã 5,D1,commune\nD2,Huyện 2,P,district\nC6,Xã 6,D2,commune\nC7,Xã 7,D2,commune\n");
        file("catalog.yaml", """
                indicators:
                  - {code: x, type: integer}
                  - {code: y, type: integer}
                  - {code: rate, type: percent, formula: 100 * y / x}
                """);
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\n");
    }

    /** 2024-H1: x of C1..C5 is 1, 2, 3, 4, 10 and y 1, 1, 3, 2, 5; C6 and C7 give x 5 and 6, and no y. */
    Path half() throws IOException {
        return file("h1.csv", HEAD + "C1,2024-H1,x,1\nC2,2024-H1,x,2\nC3,2024-H1,x,3\nC4,2024-H1,x,4\nC5,2024-H1,x,10\n"
                + "C1,2024-H1,y,1\nC2,2024-H1,y,1\nC3,2024-H1,y,3\nC4,2024-H1,y,2\nC5,2024-H1,y,5\nC6,2024-H1,x,5\nC7,2024-H1,x,6\n");
    }

    /** The CSV output as maps from column to cell, one per row. */
    static List<Map<String, String>> rows(String csv) {
        List<String> lines = csv.lines().toList();
        String[] head = lines.get(0).split(",", -1);
        return lines.stream().skip(1).map(l -> {
            String[] cells = l.split(",", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int k = 0; k < head.length; k++) m.put(head[k], cells[k]);
            return m;
        }).toList();
    }

    static Map<String, String> row(List<Map<String, String>> rows, String unit, String indicator) {
        return rows.stream().filter(r -> r.get("unit").equals(unit) && r.get("indicator").equals(indicator)).findFirst().orElseThrow();
    }

    static void near(String actual, double expected) {
        assertThat(Double.parseDouble(actual)).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-12));
    }

    @Test
    void describeGivesTheDistributionUnderEachAggregate() throws IOException {
        Tally.Run r = tally("describe", "--format", "csv", half().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = rows(r.out());
        // D1, x over C1..C5 = 1 2 3 4 10: sum 20, mean 4; deviations -3 -2 -1 0 6, squares 9 4 1 0 36 = 50, sd = sqrt(50/4);
        // R_7 quartiles at positions 1 + 4 * 0.25 = 2 and 1 + 4 * 0.75 = 4 of the sorted values: 2 and 4; median 3
        Map<String, String> x = row(rows, "D1", "x");
        assertThat(x.get("n")).isEqualTo("5");
        assertThat(x.get("missing")).isEqualTo("0");
        assertThat(x.get("sum")).isEqualTo("20");
        near(x.get("mean"), 4);
        near(x.get("sd"), Math.sqrt(12.5));
        assertThat(List.of(x.get("min"), x.get("p25"), x.get("median"), x.get("p75"), x.get("max"))).containsExactly("1", "2", "3", "4", "10");
        near(x.get("cv"), Math.sqrt(12.5) / 4 * 100);
        // the derived rate is each commune's own: 100 50 100 50 50 (mean 70), not the district's 100 * 12 / 20 = 60;
        // deviations 30 -20 30 -20 -20, squares 900 400 900 400 400 = 3000, sd sqrt(750); no sum of rates
        Map<String, String> rate = row(rows, "D1", "rate");
        assertThat(rate.get("n")).isEqualTo("5");
        assertThat(rate.get("sum")).isEmpty();
        near(rate.get("mean"), 70);
        near(rate.get("sd"), Math.sqrt(750));
        assertThat(List.of(rate.get("p25"), rate.get("median"), rate.get("p75"))).containsExactly("50", "50", "100");
        // D2 gave no y: two communes missing, nothing computed from them
        Map<String, String> y = row(rows, "D2", "y");
        assertThat(y.get("n")).isEqualTo("0");
        assertThat(y.get("missing")).isEqualTo("2");
        assertThat(y.get("mean")).isEmpty();
        // P, x: 1 2 3 4 10 5 6, n 7, sum 31; one value: no sd
        assertThat(row(rows, "P", "x").get("sum")).isEqualTo("31");
        Tally.Run one = tally("describe", "--format", "csv", "--unit", "C1", "--depth", "0", half().toString());
        assertThat(row(rows(one.out()), "C1", "x").get("sd")).isEmpty();
        // the wide shape: one row per unit and period, a column per indicator and statistic
        Tally.Run wide = tally("describe", "--format", "csv", "--shape", "wide", "--indicator", "x", "--depth", "0", half().toString());
        assertThat(wide.out()).startsWith("unit,unit_name,level,period,x_n,x_missing,x_sum,x_mean,x_sd,x_min,x_p25,x_median,x_p75,x_max,x_cv\n")
                .contains("P,Tỉnh,province,2024-H1,7,0,31,");
    }

    @Test
    void outliersAgainstPeersByEachMethod() throws IOException {
        // C5's x = 10 against its peers C1..C4 = 1 2 3 4: median 2.5, absolute deviations 1.5 .5 .5 1.5, MAD 1,
        // score 0.6745 * 7.5 / 1 = 5.05875; bounds 2.5 -+ 3.5 / 0.6745. Every other commune of D1 scores below 3.5
        // (C1: peers 2 3 4 10, median 3.5, MAD 1, score -1.68625); C6 and C7 have one peer each: not scored.
        Tally.Run r = tally("outliers", "--against", "peers", "--indicator", "x", "--format", "csv", half().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = rows(r.out());
        assertThat(rows).hasSize(1);
        Map<String, String> c5 = rows.get(0);
        assertThat(c5.get("unit") + " " + c5.get("value") + " " + c5.get("method") + " " + c5.get("n")).isEqualTo("C5 10 modified-z 4");
        near(c5.get("center"), 2.5);
        near(c5.get("spread"), 1);
        near(c5.get("score"), 0.6745 * 7.5);
        near(c5.get("lower"), 2.5 - 3.5 / 0.6745);
        near(c5.get("upper"), 2.5 + 3.5 / 0.6745);
        assertThat(r.err()).contains("outliers: 1 found among 5 values scored against their peers with modified-z (threshold 3.5); "
                + "2 not scored: fewer than 4 comparison values");

        // z: mean 2.5, sample sd sqrt((1.5² + .5² + .5² + 1.5²) / 3) = sqrt(5/3), score 7.5 / sqrt(5/3)
        Map<String, String> z = rows(tally("outliers", "--against", "peers", "--indicator", "x", "--method", "z", "--format", "csv",
                half().toString()).out()).get(0);
        near(z.get("score"), 7.5 / Math.sqrt(5.0 / 3));
        near(z.get("upper"), 2.5 + 3 * Math.sqrt(5.0 / 3));
        // iqr: R_7 quartiles of 1 2 3 4 at positions 1.75 and 3.25: 1.75 and 3.25, IQR 1.5; 10 lies (10 - 3.25) / 1.5 = 4.5 IQRs
        // beyond Q3; fences 1.75 - 1.5 * 1.5 = -0.5 and 3.25 + 2.25 = 5.5
        Map<String, String> iqr = rows(tally("outliers", "--against", "peers", "--indicator", "x", "--method", "iqr", "--format", "csv",
                half().toString()).out()).get(0);
        assertThat(iqr.get("method")).isEqualTo("iqr");
        near(iqr.get("center"), 2.5);
        near(iqr.get("spread"), 1.5);
        near(iqr.get("score"), 4.5);
        near(iqr.get("lower"), -0.5);
        near(iqr.get("upper"), 5.5);
        // threshold 1 also finds C1 (-1.68625) and C4 (peers 1 2 3 10: median 2.5, MAD 1, score 0.6745 * 1.5 = 1.01175);
        // --max keeps the furthest off
        Tally.Run loose = tally("outliers", "--against", "peers", "--indicator", "x", "--threshold", "1", "--max", "1", "--format", "csv",
                half().toString());
        assertThat(rows(loose.out())).hasSize(1);
        assertThat(loose.err()).contains("outliers: 3 found (the 1 furthest off listed, --max 1)");
        assertThat(rows(loose.out()).get(0).get("unit")).isEqualTo("C5");
    }

    @Test
    void outliersAgainstHistoryWithAndWithoutSpread() throws IOException {
        // y by year, 2020..2023 then 2024 (the default history of a year is the 5 before it; 2019 is not in the data):
        StringBuilder sb = new StringBuilder(HEAD);
        Map<String, int[]> y = new LinkedHashMap<>();
        y.put("C1", new int[] {10, 12, 11, 13, 30});  // median 11.5, MAD 1: score 0.6745 * 18.5 = 12.47825
        y.put("C2", new int[] {5, 5, 5, 5, 6});       // no spread at all, and 6 differs: an infinite score, first
        y.put("C3", new int[] {5, 5, 5, 5, 5});       // no spread, equal: score 0
        y.put("C4", new int[] {5, 5, 5, 9, 10});      // MAD 0, mean AD (0 0 0 4) / 4 = 1: score 5 / 1.253314
        y.put("C6", new int[] {1, 2, 3, 4, 5});       // median 2.5, MAD 1: score 0.6745 * 2.5 = 1.68625
        for (var e : y.entrySet()) for (int k = 0; k < 5; k++) sb.append(e.getKey()).append(',').append(2020 + k).append(",y,").append(e.getValue()[k]).append('\n');
        sb.append("C5,2022,y,2\nC5,2023,y,2\nC5,2024,y,2\n");  // two years of history: not scored
        Tally.Run r = tally("outliers", "--indicator", "y", "--format", "csv", file("years.csv", sb.toString()).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = rows(r.out());
        assertThat(rows.stream().map(m -> m.get("unit")).toList()).containsExactly("C2", "C1", "C4");
        Map<String, String> c2 = rows.get(0);
        assertThat(List.of(c2.get("value"), c2.get("center"), c2.get("spread"), c2.get("score"), c2.get("lower"), c2.get("upper"), c2.get("n")))
                .containsExactly("6", "5", "0", "", "5", "5", "4");
        near(rows.get(1).get("score"), 0.6745 * 18.5);
        near(rows.get(1).get("lower"), 11.5 - 3.5 / 0.6745);
        Map<String, String> c4 = rows.get(2);
        assertThat(c4.get("method")).isEqualTo("modified-z/meanAD");
        near(c4.get("spread"), 1);
        near(c4.get("score"), 5 / 1.253314);
        near(c4.get("upper"), 5 + 3.5 * 1.253314);
        assertThat(r.err()).contains("3 found among 5 values scored against each unit's history with modified-z (threshold 3.5); "
                + "1 not scored: fewer than 4 comparison values");
        // a shorter history: 2023 and 2022 only, fewer than 4 values for everyone
        assertThat(tally("outliers", "--indicator", "y", "--history", "2", "--format", "csv", dir.resolve("years.csv").toString()).err())
                .contains("0 found among 0 values scored").contains("6 not scored");
    }

    @Test
    void consistencyOverTimeAgainstTheParent() throws IOException {
        // x by year for C1..C5 (D1) and C6, C7 (D2):
        String[] d1 = {"2,2,2,2,2", "2,2,2,3,3", "2,3,3,3,3", "3,3,4,4,4"};  // D1: 10 12 14, mean 12; 2024: 18, ratio 1.5
        String[] d2 = {"5,5", "5,5", "5,5", "3,4"};                          // D2: 10 10 10, mean 10; 2024: 7, ratio 0.7
        StringBuilder sb = new StringBuilder(HEAD);
        for (int k = 0; k < 4; k++) {
            String[] a = d1[k].split(","), b = d2[k].split(",");
            for (int c = 0; c < 5; c++) sb.append("C").append(c + 1).append(',').append(2021 + k).append(",x,").append(a[c]).append('\n');
            for (int c = 0; c < 2; c++) sb.append("C").append(c + 6).append(',').append(2021 + k).append(",x,").append(b[c]).append('\n');
        }
        // P: 20 22 24, mean 22; 2024: 25, ratio 25/22. D1: 1.5 / (25/22) - 1 = 32 %, not flagged at 33;
        // D2: 0.7 / (25/22) - 1 = -38.4 %, flagged
        Tally.Run r = tally("consistency", "--indicator", "x", "--format", "csv", file("x.csv", sb.toString()).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = rows(r.out());
        assertThat(rows).hasSize(2);
        Map<String, String> a = row(rows, "D1", "x"), b = row(rows, "D2", "x");
        assertThat(List.of(a.get("value"), a.get("base_mean"), a.get("ratio"), a.get("flagged"), a.get("base_n"), a.get("partial")))
                .containsExactly("18", "12", "1.5", "no", "3", "no");
        near(a.get("parent_ratio"), 25.0 / 22);
        near(a.get("deviation_pct"), 32);
        assertThat(b.get("flagged")).isEqualTo("yes");
        near(b.get("deviation_pct"), -38.4);
        assertThat(r.err()).contains("consistency of 2024 against the mean of 2023, 2022, 2021: 1 of 2 flagged (tolerance 33%)");
        // a tighter tolerance flags both; a level with no base years scores nothing
        assertThat(tally("consistency", "--indicator", "x", "--tolerance", "30", "--format", "csv", dir.resolve("x.csv").toString()).err())
                .contains("2 of 2 flagged");
        assertThat(tally("consistency", "--indicator", "x", "--years", "4", "--format", "csv", dir.resolve("x.csv").toString()).err())
                .contains("0 of 0 flagged").contains("2 not scored");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path f = half();
        assertThat(tally("outliers", "--method", "grubbs", f.toString()).exit()).isEqualTo(2);
        assertThat(tally("outliers", "--against", "others", f.toString()).err()).contains("is not a choice; use history, peers");
        assertThat(tally("outliers", "--indicator", "nope", f.toString()).err()).contains("--indicator 'nope' is not in the catalog");
        assertThat(tally("describe", "--shape", "tall", f.toString()).exit()).isEqualTo(2);
        assertThat(tally("consistency", "--years", "0", f.toString()).exit()).isEqualTo(2);
        assertThat(tally("consistency", "--level", "ward", f.toString()).err()).contains("levels are province, district, commune");
    }

    @Test
    void onTheStoreEveryStoredPeriodIsHistory() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        int[] c1 = {10, 12, 11, 13, 30};
        for (int k = 0; k < 5; k++) sb.append("C1,").append(2020 + k).append(",y,").append(c1[k]).append('\n');
        Path years = file("years.csv", sb.toString());
        String fromFiles = tally("outliers", "--indicator", "y", "--format", "csv", years.toString()).out();
        // the years arrive one import at a time
        for (int k = 0; k < 5; k++) {
            assertThat(tally("import", file("y" + k + ".csv", HEAD + "C1," + (2020 + k) + ",y," + c1[k] + "\n").toString()).exit()).isZero();
        }
        Tally.Run fromStore = tally("outliers", "--indicator", "y", "--format", "csv");
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).isEqualTo(fromFiles).contains("C1,Xã 1,2024,y,30,modified-z,11.5,1,12.47825,");
    }

    @Test
    void describeMatchesAnIndependentComputation() throws IOException {
        // 200 communes with random values (some missing), described at their district and compared with
        // a computation written here from the definitions: sorted values, R_7 positions, two-pass variance
        java.util.Random rnd = new java.util.Random(7);
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\nD,Huyện,P,district\n");
        StringBuilder data = new StringBuilder(HEAD);
        List<Double> values = new java.util.ArrayList<>();
        for (int k = 0; k < 200; k++) {
            units.append("X").append(k).append(",Xã ").append(k).append(",D,commune\n");
            if (k % 9 == 0) continue; // missing
            long v = rnd.nextInt(1_000_000);
            values.add((double) v);
            data.append("X").append(k).append(",2024,x,").append(v).append('\n');
        }
        file("units.csv", units.toString());
        Map<String, String> d = row(rows(tally("describe", "--indicator", "x", "--level", "district", "--format", "csv",
                file("random.csv", data.toString()).toString()).out()), "D", "x");
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double mean = java.util.Arrays.stream(sorted).sum() / n;
        double ss = 0;
        for (double v : sorted) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (n - 1));
        java.util.function.DoubleUnaryOperator r7 = p -> {
            double h = (n - 1) * p;
            int lo = (int) Math.floor(h);
            return lo + 1 >= n ? sorted[n - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        };
        assertThat(d.get("n")).isEqualTo(String.valueOf(n));
        assertThat(d.get("missing")).isEqualTo(String.valueOf(200 - n));
        assertThat(new java.math.BigDecimal(d.get("sum")).doubleValue()).isEqualTo(java.util.Arrays.stream(sorted).sum());
        near(d.get("mean"), mean);
        near(d.get("sd"), sd);
        near(d.get("p25"), r7.applyAsDouble(0.25));
        near(d.get("median"), r7.applyAsDouble(0.5));
        near(d.get("p75"), r7.applyAsDouble(0.75));
        near(d.get("cv"), sd / mean * 100);
        assertThat(d.get("min")).isEqualTo(String.valueOf((long) sorted[0]));
        assertThat(d.get("max")).isEqualTo(String.valueOf((long) sorted[n - 1]));
    }
}
