package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Tally;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random trees with random missing values: every parent equals the aggregate of its
 * children's leaves, and the virtual total equals the aggregate of all leaves, for sum, mean, min,
 * max and count, with coverage counting exactly the leaves that gave a value. Plain JUnit, a fixed
 * seed per repetition, so a failure replays.
 */
class RollupPropertyTest {
    @TempDir
    Path dir;

    @RepeatedTest(20)
    void parentsAreTheAggregateOfTheirLeaves(RepetitionInfo rep) throws Exception {
        Random rnd = new Random(1000 + rep.getCurrentRepetition());
        StringBuilder units = new StringBuilder("code,name,parent\n");
        List<String> leaves = new ArrayList<>();
        Map<String, String> parent = new HashMap<>();
        int provinces = 1 + rnd.nextInt(3);
        for (int p = 0; p < provinces; p++) {
            String pc = "P" + p;
            units.append(pc).append(",x,\n");
            int districts = 1 + rnd.nextInt(4);
            for (int d = 0; d < districts; d++) {
                String dc = pc + "D" + d;
                units.append(dc).append(",x,").append(pc).append('\n');
                parent.put(dc, pc);
                int communes = 1 + rnd.nextInt(6);
                for (int c = 0; c < communes; c++) {
                    String cc = dc + "C" + c;
                    units.append(cc).append(",x,").append(dc).append('\n');
                    parent.put(cc, dc);
                    leaves.add(cc);
                }
            }
        }
        Files.createDirectories(dir);
        String catalog = "indicators:\n  - {code: s, type: integer}\n  - {code: m, type: integer, aggregate: mean}\n"
                + "  - {code: lo, type: integer, aggregate: min}\n  - {code: hi, type: integer, aggregate: max}\n"
                + "  - {code: n, type: integer, aggregate: count}\n";
        Fixture x = new Fixture(dir, units.toString(), catalog);
        StringBuilder data = new StringBuilder();
        Map<String, Long> leafValue = new HashMap<>();
        for (String leaf : leaves) {
            boolean missing = rnd.nextInt(4) == 0;
            long v = rnd.nextInt(2_000_001) - 1_000_000L;
            for (String ind : List.of("s", "m", "lo", "hi", "n")) {
                data.append(leaf).append(",2024,").append(ind).append(',').append(missing ? "" : String.valueOf(v)).append('\n');
            }
            if (!missing) leafValue.put(leaf, v);
        }
        x.roll(data.toString());
        assertThat(x.findings()).isEmpty();
        for (Unit u : x.h.units()) {
            List<Long> vals = new ArrayList<>();
            int expected = 0;
            for (String leaf : leaves) {
                if (under(leaf, u.code(), parent)) {
                    expected++;
                    if (leafValue.containsKey(leaf)) vals.add(leafValue.get(leaf));
                }
            }
            check(x, u.code(), vals, expected);
        }
        check(x, "*", new ArrayList<>(leafValue.values()), leaves.size());
    }

    /**
     * Reported totals at every level, random, against an oracle written from the rules as the README
     * states them: the subtree's sum wins over a unit's own total (a difference is an imbalance), the
     * own total is used where no descendant has data, or with --prefer reported where the subtree is
     * incomplete; a used total covers its subtree. Integer data never leaves longs.
     */
    @RepeatedTest(10)
    void reportedTotalsFollowTheRules(RepetitionInfo rep) throws Exception {
        Random rnd = new Random(5000 + rep.getCurrentRepetition());
        StringBuilder data = new StringBuilder();
        Map<String, Map<String, Long>> given = new HashMap<>(Map.of("a", new HashMap<>(), "b", new HashMap<>()));
        for (String u : List.of("P", "D1", "C11", "C12", "D2", "C21")) {
            for (String ind : List.of("a", "b")) {
                int roll = rnd.nextInt(4);
                if (roll == 0) continue;
                long v = rnd.nextInt(50);
                data.append(u).append(",2024,").append(ind).append(',').append(roll == 1 ? "" : String.valueOf(v)).append('\n');
                if (roll != 1) given.get(ind).put(u, v);
            }
        }
        String catalog = "indicators:\n  - {code: a, type: integer}\n  - {code: b, type: integer, reported_at: district}\n";
        Map<String, List<String>> kids = Map.of("P", List.of("D1", "D2"), "D1", List.of("C11", "C12"), "D2", List.of("C21"),
                "C11", List.of(), "C12", List.of(), "C21", List.of());
        Map<String, Integer> depth = Map.of("P", 0, "D1", 1, "D2", 1, "C11", 2, "C12", 2, "C21", 2);
        for (boolean prefer : new boolean[] {false, true}) {
            Files.createDirectories(dir.resolve("d" + prefer));
            Fixture x = new Fixture(dir.resolve("d" + prefer), Tally.TREE, catalog).roll(data.toString(), prefer);
            assertThat(x.result.bigSlots()).isZero();
            int imbalances = 0;
            for (String ind : List.of("a", "b")) {
                int dI = ind.equals("a") ? 2 : 1;
                Map<String, String> expectedCells = new HashMap<>();
                int[] count = {0};
                oracle("P", ind, dI, given.get(ind), kids, depth, prefer, expectedCells, count);
                imbalances += count[0];
                for (var e : expectedCells.entrySet()) {
                    assertThat(x.cell(e.getKey(), "2024", ind)).as(e.getKey() + " " + ind + " prefer=" + prefer + "\n" + data).isEqualTo(e.getValue());
                }
            }
            assertThat(x.findings()).as(data.toString()).hasSize(imbalances);
        }
    }

    /** {value or null, reported} of a unit, filling "value reported/expected" for it and its subtree. */
    private static long[] oracle(String u, String ind, int dI, Map<String, Long> own, Map<String, List<String>> kids,
                                 Map<String, Integer> depth, boolean prefer, Map<String, String> out, int[] imbalances) {
        long sum = 0;
        boolean any = false;
        int repKids = 0, expected = 0;
        for (String k : kids.get(u)) {
            long[] r = oracle(k, ind, dI, own, kids, depth, prefer, out, imbalances);
            if (r[2] == 1) {
                sum += r[0];
                any = true;
            }
            repKids += (int) r[1];
            expected += (int) r[3];
        }
        int d = depth.get(u);
        if (d == dI) expected = 1;
        if (d > dI) expected = 0;
        Long mine = own.get(u);
        long value = 0;
        int rep;
        boolean has;
        if (any) {
            value = sum;
            has = true;
            rep = d == dI ? 1 : d < dI ? repKids : 0;
            if (mine != null) {
                if (mine != sum) imbalances[0]++;
                if (prefer && repKids < expected) {
                    value = mine;
                    rep = d == dI ? 1 : d < dI ? expected : 0;
                }
            }
        } else if (mine != null) {
            value = mine;
            has = true;
            rep = d == dI ? 1 : d < dI ? expected : 0;
        } else {
            has = false;
            rep = 0;
        }
        out.put(u, (has ? String.valueOf(value) : "-") + " " + rep + "/" + expected);
        return new long[] {value, rep, has ? 1 : 0, expected};
    }

    private static boolean under(String leaf, String unit, Map<String, String> parent) {
        for (String x = leaf; x != null; x = parent.get(x)) if (x.equals(unit)) return true;
        return false;
    }

    private static void check(Fixture x, String unit, List<Long> vals, int expected) {
        String cov = " " + vals.size() + "/" + expected;
        if (vals.isEmpty()) {
            assertThat(x.cell(unit, "2024", "s")).isEqualTo("-" + cov);
            return;
        }
        long sum = vals.stream().mapToLong(Long::longValue).sum();
        assertThat(x.cell(unit, "2024", "s")).as(unit).isEqualTo(sum + cov);
        assertThat(x.cell(unit, "2024", "n")).as(unit).isEqualTo(vals.size() + cov);
        assertThat(x.cell(unit, "2024", "lo")).isEqualTo(vals.stream().mapToLong(Long::longValue).min().getAsLong() + cov);
        assertThat(x.cell(unit, "2024", "hi")).isEqualTo(vals.stream().mapToLong(Long::longValue).max().getAsLong() + cov);
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(vals.size()), MathContext.DECIMAL128)
                .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        int u = unit.equals("*") ? x.result.totalIndex() : x.h.unit(unit).index();
        assertThat(x.result.value(u, 0, x.c.indicator("m").index())).as(unit + " mean").isEqualByComparingTo(mean);
    }
}
