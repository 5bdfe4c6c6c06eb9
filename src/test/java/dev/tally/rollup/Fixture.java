package dev.tally.rollup;

import dev.tally.config.CatalogLoader;
import dev.tally.config.UnitsLoader;
import dev.tally.model.Catalog;
import dev.tally.model.Finding;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.ingest.IngestRuns;
import dev.tally.validate.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds a hierarchy, a catalog and data from text, and rolls them up: the test bench for exact rollups. */
final class Fixture {
    final Hierarchy h;
    final Catalog c;
    Validator.Result validated;
    RollupResult result;

    Fixture(Path dir, String units, String catalog) {
        try {
            Path u = Files.writeString(dir.resolve("units.csv"), units, StandardCharsets.UTF_8);
            Path k = Files.writeString(dir.resolve("catalog.yaml"), catalog, StandardCharsets.UTF_8);
            h = UnitsLoader.load(u, List.of());
            c = CatalogLoader.load(k, h.levels());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Fixture roll(String longCsv, boolean preferReported, String... periods) { return roll(longCsv, preferReported, false, periods); }

    /** @param release the rollup may give up the cells as it goes (as the rollup command lets it) */
    Fixture roll(String longCsv, boolean preferReported, boolean release, String... periods) {
        List<Period> targets = java.util.Arrays.stream(periods).map(Period::parseOrThrow).toList();
        validated = IngestRuns.run(h, c, targets, List.of(new InputFile("in.csv", null)), ReadOptions.defaults(),
                new ByteArrayInputStream(("unit,period,indicator,value\n" + longCsv).getBytes(StandardCharsets.UTF_8)), 1);
        RollupSpec spec = new RollupSpec(targets, preferReported);
        result = Rollup.run(h, c, validated.table(), release ? spec.releasingCells() : spec, List.of("in.csv"));
        return this;
    }

    /** Every unit's (and the total's) cell of every target and indicator, as {@link #cell} shows it. */
    List<String> allCells() {
        List<String> all = new java.util.ArrayList<>();
        for (Period p : result.periods()) {
            for (var ind : c.indicators()) {
                all.add("* " + p.text() + " " + ind.code() + " " + cell("*", p.text(), ind.code()));
                for (var u : h.units()) all.add(u.code() + " " + p.text() + " " + ind.code() + " " + cell(u.code(), p.text(), ind.code()));
            }
        }
        return all;
    }

    Fixture roll(String longCsv, String... periods) { return roll(longCsv, false, periods); }

    /** Rolls {@code periods} up with each target compared with its base ({@code target=base}). */
    /** Comparisons visit every unit, those with nothing below them too (to compare the skipping with). */
    Fixture everyUnit(boolean every) {
        everyUnit = every;
        return this;
    }

    private boolean everyUnit;

    /** The cells read into a sparse table (rows for the units met), as a small input against a large hierarchy is. */
    Fixture sparse(boolean sparse) {
        this.sparse = sparse;
        return this;
    }

    private boolean sparse;

    Fixture compare(String longCsv, boolean likeForLike, String... pairs) {
        java.util.Map<Period, Period> map = new java.util.LinkedHashMap<>();
        List<Period> all = new java.util.ArrayList<>();
        for (String pair : pairs) {
            Period t = Period.parseOrThrow(pair.split("=")[0]), b = Period.parseOrThrow(pair.split("=")[1]);
            map.put(t, b);
            if (!all.contains(t)) all.add(t);
            if (!all.contains(b)) all.add(b);
        }
        validated = IngestRuns.run(h, c, all, List.of(new InputFile("in.csv", null)), ReadOptions.defaults(),
                new ByteArrayInputStream(("unit,period,indicator,value\n" + longCsv).getBytes(StandardCharsets.UTF_8)), 1, null, sparse);
        RollupSpec spec = new RollupSpec(all, false, false, map, likeForLike);
        result = Rollup.run(h, c, validated.table(), everyUnit ? spec.visitingEveryUnit() : spec, List.of("in.csv"));
        return this;
    }

    /** "value r/e vs base r'/e status change" for a compared cell. */
    String compared(String unit, String period, String ind) {
        int u = unit.equals("*") ? result.totalIndex() : h.unit(unit).index();
        int p = period(period), i = c.indicator(ind).index();
        BigDecimal now = result.value(u, p, i), then = result.compareValue(u, p, i);
        BigDecimal change = RollupTables.change(c.indicator(ind), now, then);
        return cell(unit, period, ind) + " vs " + (then == null ? "-" : then.toPlainString()) + " " + result.compareReported(u, p, i) + "/"
                + result.expected(u, p, i) + " " + result.compareStatus(u, p, i) + " " + (change == null ? "-" : change.toPlainString());
    }

    int period(String p) { return result.periods().indexOf(Period.parseOrThrow(p)); }

    BigDecimal value(String unit, String period, String ind) {
        return result.value(h.unit(unit).index(), period(period), c.indicator(ind).index());
    }

    /** "value reported/expected", e.g. "15 2/3"; "- 0/3" for missing. */
    String cell(String unit, String period, String ind) {
        int u = unit.equals("*") ? result.totalIndex() : h.unit(unit).index();
        BigDecimal v = result.value(u, period(period), c.indicator(ind).index());
        return (v == null ? "-" : v.toPlainString()) + " " + result.reported(u, period(period), c.indicator(ind).index())
                + "/" + result.expected(u, period(period), c.indicator(ind).index());
    }

    List<Finding> findings() {
        List<Finding> all = new java.util.ArrayList<>(validated.findings());
        all.addAll(result.findings());
        return all;
    }
}
