package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.DATA_ERRORS;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.ingest.Loaded;
import dev.tally.model.ExitCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.PeriodType;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.review.Consistency;
import dev.tally.review.Figures;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupSpec;
import dev.tally.rollup.Selection;
import dev.tally.write.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally consistency: the WHO Data Quality Review's consistency over time. */
@Command(name = "consistency",         header = "Consistency over time (WHO Data Quality Review): each unit's trend against its parent's.",
        description = "For each unit at the chosen level and each indicator: the ratio of its value for the target period to "
                + "the mean of its values for the same period of the --years years before, compared with its parent's ratio (a "
                + "top unit's: the total's); flagged when the two differ by more than --tolerance percent of the parent's. "
                + "Values are the rollup's aggregates (--period 2024 combines the data inside 2024, and so does each base year). "
                + "A unit without a value for the target or for every base year (or with a base mean of 0) is not scored, and "
                + "the summary says how many; partial says whether any aggregate used is partial (fewer units reported than "
                + "expected).")
final class ConsistencyCommand extends BaseCommand {
    @Mixin
    ReviewInput in;

    @Option(names = "--period", paramLabel = "P", description = "The target period (default: the latest period in the data).")
    String period;

    @Option(names = "--unit", paramLabel = "CODE", description = "Only units in this unit's subtree.")
    String unit;

    @Option(names = "--level", paramLabel = "NAME", description = "The level of the units scored (default: the level under --unit, or "
            + "under the top).")
    String level;

    @Option(names = "--years", paramLabel = "N", description = "Base years before the target (default 3).")
    @Range(min = 1, max = 50)
    int years = 3;

    @Option(names = "--tolerance", paramLabel = "PCT", description = "Flag a ratio more than PCT percent away from the parent's (default 33).")
    @Range(min = 0, max = 1_000_000)
    double tolerance = 33;

    @Mixin
    OutputOptions out;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "success (with or without flagged units)").as(DATA_ERRORS, "data errors found in the input (rows left out)").brief(USAGE).meaning(CONFIG).brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        Period asked = period == null ? null : Period.parseOrThrow(period);
        Loaded data = in.load(io, asked == null ? List.of() : periods(asked), out);
        Period target = asked != null ? asked : latest(data.dataPeriods());
        if (target == null) throw TallyException.usage(t("usage.noData"));
        List<Period> rolled = periods(target);
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(Loading.eraCells(data), new RollupSpec(rolled, false), data.inputNames());
        RollupResult r = across.result();
        Hierarchy h = across.era().hierarchy();
        Unit top = unit == null ? null : UnitSelection.resolve(h, unit);
        int depth = level == null ? (top == null ? 1 : top.depth() + 1) : h.depthOf(level);
        if (depth < 0) throw TallyException.usage(t("usage.notLevel", level, String.join(", ", h.levels())));
        List<Unit> units = new Selection(top, depth).units(h).stream().filter(u -> u.depth() == depth).toList();
        Consistency.Result result = Consistency.compute(r, h, units, in.indicators(across.era().catalog()), years, tolerance);

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), r.findings());
        report.printFindings(io, in.findings);
        dev.tally.write.Format fmt = out.resolved(io);
        Figures fig = ReviewInput.figures(fmt);
        out.write(io, fmt, sink -> {
            sink.start(List.of(Column.text("unit"), Column.text("unit_name"), Column.text("indicator"), Column.number("value"),
                    Column.number("base_mean"), Column.number("ratio"), Column.number("parent_ratio"), Column.number("deviation_pct"),
                    Column.text("flagged"), Column.number("base_n"), Column.text("partial")),
                    Map.of("period", target.text(), "base", rolled.subList(1, rolled.size()).stream().map(Period::text).toList()));
            for (Consistency.Row row : result.rows()) {
                sink.row(Arrays.asList(row.unit().code(), row.unit().name(), row.indicator().code(), fig.format(row.value()),
                        fig.format(row.baseMean()), fig.format(row.ratio()), fig.format(row.parentRatio()), fig.format(row.deviationPct()),
                        row.flagged() ? "yes" : "no", (long) row.baseN(), row.partial() ? "yes" : "no"));
            }
            sink.finish();
        });
        report.printSummary(io, in.findings);
        long flagged = result.rows().stream().filter(Consistency.Row::flagged).count();
        io.note(t("consistency.summary", target.text(), rolled.subList(1, rolled.size()).stream()
                .map(Period::text).collect(Collectors.joining(", ")), flagged, result.rows().size(), fig.format(tolerance).toPlainString())
                + (result.notScored() > 0 ? t("consistency.notScored", result.notScored()) + noBaseData(data.dataPeriods(), rolled) : ""));
        return report.errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    /**
     * Where the units were not scored because a whole base year is absent from the data (history
     * kept for two years, and the default three asked): which, and the --years that would score them.
     */
    static String noBaseData(List<Period> inData, List<Period> rolled) {
        List<Period> absent = new ArrayList<>();
        int scorable = 0;
        for (int k = 1; k < rolled.size(); k++) {
            Period b = rolled.get(k);
            if (inData.stream().noneMatch(b::contains)) absent.add(b);
            else if (absent.isEmpty()) scorable = k;
        }
        if (absent.isEmpty()) return "";
        String which = absent.stream().map(Period::text).collect(Collectors.joining(", "));
        return scorable > 0 ? t("consistency.noBaseDataFewer", which, scorable,
                rolled.subList(1, scorable + 1).stream().map(Period::text).collect(Collectors.joining(", "))) : t("consistency.noBaseData", which);
    }

    /** The target and its base years, target first. */
    private List<Period> periods(Period target) {
        List<Period> all = new ArrayList<>();
        all.add(target);
        all.addAll(Consistency.base(target, years));
        return all;
    }

    /** The latest period in the data: the one ending last, the longest of those. */
    static Period latest(List<Period> inData) {
        Period best = null;
        for (Period p : inData) {
            if (p.type() == PeriodType.RANGE) continue;
            if (best == null || p.end().isAfter(best.end()) || (p.end().equals(best.end()) && p.start().isBefore(best.start()))) best = p;
        }
        return best;
    }
}
