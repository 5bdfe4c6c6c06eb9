package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Tally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A period belongs to the era of its last day, everywhere (model.Era.of): validate, import, status
 * and rollup agree, and a rollup target that starts before a boundary and ends after it counts every
 * data period of either era inside it. Before, a boundary on 2025-07-15 made `rollup --period 2025-H2`
 * an empty table (exit 0) although validate accepted the data and rollup without --period showed it,
 * and a yearly or weekly report that straddled the sample's 2025-07-01 was dropped from `--period 2025`.
 * The figures are the sample's (samples/reorganisation): the new units' dvk_models in 2025-H2 are
 * 63 (Bắc Ninh, 7 communes of 23 reporters in the year: its old 16 and new 7), 21 (Thái Nguyên, 3
 * of 11) and 70 (TP Hồ Chí Minh, 5 of 25).
 */
class BoundaryDayTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The sample project copied, with its boundary on {@code from}. */
    private Path project(String from) throws IOException {
        Tally.copySamples(dir);
        Path config = dir.resolve("reorganisation/tally.yaml");
        Files.writeString(config, Files.readString(config).replace("from: 2025-07-01", "from: " + from));
        return config;
    }

    private Tally.Run tally(Path config, String... args) { return Tally.run(config, CLOCK, args); }

    private Path data(String name, String... rewrite) throws IOException {
        String text = Files.readString(dir.resolve("reorganisation/submissions/new-units-2025-H2.csv"));
        for (int i = 0; i + 1 < rewrite.length; i += 2) text = text.replace(rewrite[i], rewrite[i + 1]);
        Path d = dir.resolve("in");
        Files.createDirectories(d);
        return Files.writeString(d.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The three provinces' value, reported and expected, one line each: "24 63 7 23". */
    private static String provinces(String csv) {
        StringBuilder sb = new StringBuilder();
        for (String l : csv.lines().skip(1).toList()) {
            String[] f = l.split(",");
            sb.append(f[0]).append(' ').append(f[5]).append(' ').append(f[6]).append(' ').append(f[7]).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aBoundaryInsideAHalfYearKeepsTheNewUnitsHalfYear() throws IOException {
        Path config = project("2025-07-15");
        String in = dir.resolve("reorganisation/submissions").toString();
        Tally.Run v = tally(config, "validate", in);
        assertThat(v.exit()).as(v.err()).isZero();
        Tally.Run h2 = tally(config, "rollup", "--period", "2025-H2", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in);
        assertThat(h2.exit()).as(h2.err()).isZero();
        assertThat(h2.out()).isEqualTo("unit,unit_name,level,period,indicator,value,reported,expected\n"
                + "24,Bắc Ninh,province,2025-H2,dvk_models,63,7,7\n"
                + "19,Thái Nguyên,province,2025-H2,dvk_models,21,3,3\n"
                + "79,Thành phố Hồ Chí Minh,province,2025-H2,dvk_models,70,5,5\n");
        // the year: the new units' half after the old units' (absent) first half: 154 of it, partial
        Tally.Run year = tally(config, "rollup", "--period", "2025", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in);
        assertThat(year.exit()).as(year.err()).isZero();
        assertThat(provinces(year.out())).isEqualTo("24 63 7 23\n19 21 3 11\n79 70 5 25\n");
        // the same as with the boundary on the half-year's first day
        Path july = dir.resolve("reorganisation/tally.yaml");
        Files.writeString(july, Files.readString(july).replace("from: 2025-07-15", "from: 2025-07-01"));
        assertThat(tally(july, "rollup", "--period", "2025", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in).out()).isEqualTo(year.out());
    }

    @Test
    void theStoreAgreesWithTheFilesAcrossAMidMonthBoundary() throws IOException {
        Path config = project("2025-07-15");
        String in = dir.resolve("reorganisation/submissions").toString();
        Tally.Run imported = tally(config, "import", in);
        assertThat(imported.exit()).as(imported.err()).isZero();
        Tally.Run fromStore = tally(config, "rollup", "--period", "2025-H2", "--indicator", "dvk_models", "--depth", "0", "--format", "csv");
        Tally.Run fromFiles = tally(config, "rollup", "--period", "2025-H2", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in);
        assertThat(fromStore.out()).isEqualTo(fromFiles.out()).contains("24,Bắc Ninh,province,2025-H2,dvk_models,63,7,7\n");
    }

    @Test
    void aYearlyReportOfTheNewUnitsCountsInItsYear() throws IOException {
        Path config = project("2025-07-01");
        Path in = data("y.csv", "2025-H2", "2025");
        Tally.Run r = tally(config, "rollup", "--period", "2025", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(provinces(r.out())).isEqualTo("24 63 7 7\n19 21 3 3\n79 70 5 5\n");
    }

    @Test
    void aWeekAcrossTheBoundaryCountsInTheYearAndAsItself() throws IOException {
        Path config = project("2025-07-01");
        // 2025-W27 is 2025-06-30 .. 2025-07-06: its last day is after the boundary, so the new units report it
        Path in = data("w.csv", "2025-H2", "2025-W27");
        Tally.Run year = tally(config, "rollup", "--period", "2025", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in.toString());
        assertThat(year.exit()).as(year.err()).isZero();
        // a week is a value, not a full report of the half-year after the boundary: 0 reported of 59
        assertThat(provinces(year.out())).isEqualTo("24 63 0 23\n19 21 0 11\n79 70 0 25\n");
        Tally.Run week = tally(config, "rollup", "--period", "2025-W27", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", in.toString());
        assertThat(provinces(week.out())).isEqualTo("24 63 7 7\n19 21 3 3\n79 70 5 5\n");
    }

    @Test
    void twoErasCoveringTheSameDaysAreAnOverlapError() throws IOException {
        Path config = project("2025-07-01");
        Path year = data("y.csv", "2025-H2", "2025");
        Files.writeString(dir.resolve("in/h1.csv"), Files.readString(dir.resolve("reorganisation/submissions/old-units-2024-H2.csv"))
                .replace("2024-H2", "2025-H1"), StandardCharsets.UTF_8);
        Tally.Run r = tally(config, "rollup", "--period", "2025", "--indicator", "dvk_models", "--depth", "0", "--format", "csv", year.getParent().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error [overlap] 2025-H1 (before the boundary 2025-07-01, the old units) and 2025 (from it, the new units) "
                + "cover the same days of 2025; both are counted. Keep one: a period's values belong to the units in place on its last day");
    }

    @Test
    void theEraOfAPeriodIsTheEraOfItsLastDay() throws IOException {
        dev.tally.config.Project p = dev.tally.config.Project.load(project("2025-07-15"), null, null, Path.of(""));
        List<dev.tally.model.Era> eras = p.eras();
        assertThat(p.eraOf(dev.tally.model.Period.parseOrThrow("2025-H1")).index()).isZero();
        assertThat(p.eraOf(dev.tally.model.Period.parseOrThrow("2025-07")).index()).isEqualTo(1);
        assertThat(p.eraOf(dev.tally.model.Period.parseOrThrow("2025-H2")).index()).isEqualTo(1);
        assertThat(p.eraOf(dev.tally.model.Period.parseOrThrow("2025")).index()).isEqualTo(1);
        assertThat(p.eraOf(dev.tally.model.Period.parseOrThrow("2025-W28")).index()).as("07-07 .. 07-13").isZero();
        assertThat(dev.tally.model.Era.of(eras, dev.tally.model.Period.parseOrThrow("2025-W29")).index()).as("07-14 .. 07-20").isEqualTo(1);
    }
}
