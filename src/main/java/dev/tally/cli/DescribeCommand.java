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
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import dev.tally.review.Describe;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally describe: the distribution of the units' values under each aggregate. */
@Command(name = "describe",         header = "Distribution statistics of the units under each aggregate.",
        description = "For every selected unit, period and indicator, over the units in its subtree that report the indicator "
                + "and gave it in full: n, missing (reporting units expected that did not), sum (exact; only for indicators "
                + "added up, not derived), mean, sd (sample, n - 1), min, p25, median, p75 (as Excel's PERCENTILE.INC), max and "
                + "cv (sd / |mean| x 100). A derived indicator is described by its values at the reporting units (each unit's "
                + "own rate), never a mean of ratios of parts. Periods and units are chosen as in rollup; by default every unit "
                + "above the lowest level. Statistics are written to 12 significant digits.")
final class DescribeCommand extends BaseCommand {
    @Mixin
    ReviewInput in;

    @Option(names = "--period", paramLabel = "P", description = "Target period(s), repeatable: each combines the data inside it "
            + "(2024, 2024-H1, 2020..2024). Default: every period in the data as it is.")
    List<String> periods = new ArrayList<>();

    @Mixin
    UnitSelection rows;

    @Option(names = "--shape", paramLabel = "SHAPE", completionCandidates = ShapeNames.class, description = "long (default: one row per unit, period and indicator, a column "
            + "per statistic) or wide (one row per unit and period, columns CODE_n, CODE_mean, ... for each indicator).")
    String shape = "long";

    @Mixin
    OutputOptions out;

    static final class ShapeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return java.util.Arrays.stream(RollupCommand.Shape.values()).map(Object::toString).iterator(); }
    }

    static final List<String> STATS = List.of("n", "missing", "sum", "mean", "sd", "min", "p25", "median", "p75", "max", "cv");

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).as(DATA_ERRORS, "data errors found in the input (rows left out)").brief(USAGE).meaning(CONFIG).brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        boolean wide = switch (shape.toLowerCase(java.util.Locale.ROOT)) {
            case "long" -> false;
            case "wide" -> true;
            default -> throw dev.tally.model.TallyException.usage(t("usage.notChoice", "--shape", shape, "long, wide"));
        };
        List<Period> targets = periods.stream().map(Period::parseOrThrow).toList();
        Loaded data = in.load(io, targets, out);
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(Loading.eraCells(data), new RollupSpec(targets, false), data.inputNames());
        RollupResult r = across.result();
        dev.tally.model.Era era = across.era();
        Hierarchy h = era.hierarchy();
        List<Indicator> indicators = in.indicators(era.catalog());
        Unit top = rows.root(h);
        Integer maxDepth = rows.maxDepth(h);
        List<Unit> units = new Selection(top, maxDepth != null ? maxDepth : Math.max(0, h.maxDepth() - 1)).units(h);

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), r.findings());
        report.printFindings(io, in.findings);
        dev.tally.write.Format fmt = out.resolved(io);
        Figures fig = ReviewInput.figures(fmt);
        out.write(io, fmt, sink -> {
            List<Column> columns = new ArrayList<>(List.of(Column.text("unit"), Column.text("unit_name"), Column.text("level"),
                    Column.text("period")));
            if (wide) {
                for (Indicator ind : indicators) for (String s : STATS) columns.add(Column.number(ind.code() + "_" + s));
            } else {
                columns.add(Column.text("indicator"));
                for (String s : STATS) columns.add(Column.number(s));
            }
            sink.start(columns, Map.of("periods", r.periods().stream().map(Period::text).toList()));
            Object[] pending = wide ? new Object[columns.size()] : null;
            Describe.Row[] last = {null};
            Describe.rows(era.roster(), era.catalog(), r, units, indicators, row -> {
                if (!wide) {
                    List<Object> cells = new ArrayList<>(Arrays.asList(row.unit().code(), row.unit().name(), row.unit().level(),
                            r.periods().get(row.period()).text(), row.indicator().code()));
                    cells.addAll(stats(row, fig));
                    sink.row(cells);
                    return;
                }
                if (last[0] != null && (last[0].unit() != row.unit() || last[0].period() != row.period())) {
                    sink.row(Arrays.asList(pending));
                    Arrays.fill(pending, null);
                }
                pending[0] = row.unit().code();
                pending[1] = row.unit().name();
                pending[2] = row.unit().level();
                pending[3] = r.periods().get(row.period()).text();
                List<Object> s = stats(row, fig);
                int at = 4 + indicators.indexOf(row.indicator()) * STATS.size();
                for (int k = 0; k < s.size(); k++) pending[at + k] = s.get(k);
                last[0] = row;
            });
            if (wide && last[0] != null) sink.row(Arrays.asList(pending));
            sink.finish();
        });
        report.printSummary(io, in.findings);
        return report.errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    private static List<Object> stats(Describe.Row row, Figures fig) {
        return Arrays.asList((long) row.n(), (long) row.missing(), row.sum(), fig.format(row.mean()), fig.format(row.sd()),
                fig.format(row.min()), fig.format(row.p25()), fig.format(row.median()), fig.format(row.p75()), fig.format(row.max()),
                fig.format(row.cv()));
    }
}
