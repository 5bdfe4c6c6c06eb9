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
import dev.tally.review.Figures;
import dev.tally.review.Method;
import dev.tally.review.Outliers;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupSpec;
import dev.tally.write.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally outliers: values implausible for the unit that sent them, ranked by how far off they are. */
@Command(name = "outliers",         header = "Values implausible for the unit that sent them, ranked by how far off they are.",
        description = "Scores each value a unit gave in full for a target period against the same unit's values for the "
                + "previous periods of the same type (--against history, the default) or against the other units with the same "
                + "parent for the same period (--against peers). Methods: modified-z (default; 0.6745 (x - median) / MAD, "
                + "threshold 3.5), z (mean and sample sd, threshold 3), iqr (Tukey's fences Q1 - k IQR and Q3 + k IQR, quartiles "
                + "as Excel's PERCENTILE.INC, k 1.5). When the comparison values have no spread at all, a value equal to them "
                + "scores 0 and any other is an outlier with an infinite score (an empty score, lower = upper = center), listed "
                + "first; modified-z first falls back to 1.253314 times the mean absolute deviation when only the MAD is 0 "
                + "(method modified-z/meanAD). Missing values are never comparison values; a value with fewer than --min-n of "
                + "them is not scored, and the summary says how many. Outliers are findings to review, not errors: the exit "
                + "code is 0 whether or not there are any.")
final class OutliersCommand extends BaseCommand {
    @Mixin
    ReviewInput in;

    @Option(names = "--period", paramLabel = "P", description = "Target period, repeatable (default: the latest period of each type in the data).")
    List<String> periods = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "CODE", description = "Only the units in this unit's subtree are scored.")
    String unit;

    @Option(names = "--against", paramLabel = "WHAT", completionCandidates = AgainstNames.class, description = "history (default): the unit's previous periods; peers: the other "
            + "units with the same parent, same period.")
    String against = "history";

    @Option(names = "--method", paramLabel = "M", completionCandidates = MethodNames.class, description = "modified-z (default), z or iqr.")
    String method = "modified-z";

    @Option(names = "--threshold", paramLabel = "T", description = "An outlier has |score| above T (default 3.5 for modified-z, 3 for z; "
            + "for iqr the fence factor k, default 1.5).")
    @Range(min = 0, max = 1_000_000)
    Double threshold;

    @Option(names = "--history", paramLabel = "N", description = "Previous periods in a history (default 12 months or weeks, 8 quarters, "
            + "6 halves, 5 years).")
    @Range(min = 1, max = 120)
    Integer history;

    @Option(names = "--min-n", paramLabel = "N", description = "Fewest comparison values to score a value (default 4).")
    @Range(min = 1, max = Integer.MAX_VALUE)
    int minN = Outliers.DEFAULT_MIN_N;

    @Option(names = "--max", paramLabel = "N", description = "List at most N outliers, the furthest off first (default 500).")
    @Range(min = 0, max = Integer.MAX_VALUE)
    int max = 500;

    @Mixin
    OutputOptions out;

    static final class AgainstNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return List.of("history", "peers").iterator(); }
    }

    static final class MethodNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return java.util.Arrays.stream(Method.values()).map(Method::key).iterator(); }
    }

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "success (with or without outliers)").as(DATA_ERRORS, "data errors found in the input (rows left out)").brief(USAGE).meaning(CONFIG)
                .brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        Method m = Method.of(method);
        if (m == null) throw TallyException.usage(t("usage.notChoice", "--method", method, "modified-z, z, iqr"));
        Outliers.Against a = switch (against.toLowerCase(java.util.Locale.ROOT)) {
            case "history" -> Outliers.Against.HISTORY;
            case "peers" -> Outliers.Against.PEERS;
            default -> throw TallyException.usage(t("usage.notChoice", "--against", against, "history, peers"));
        };
        List<Period> asked = periods.stream().map(Period::parseOrThrow).toList();
        for (Period t : asked) {
            if (t.type() == PeriodType.RANGE) throw TallyException.usage(t("usage.outliersRange", t.text()));
        }
        // the data needed: the targets and, against history, the periods before them
        List<Period> reading = asked.isEmpty() ? List.of() : Outliers.periods(asked, a, history);
        Loaded data = in.load(io, reading, out);
        List<Period> targets = asked.isEmpty() ? latestOfEachType(data.dataPeriods()) : asked;
        List<Period> rolled = Outliers.periods(targets, a, history);
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(Loading.eraCells(data), new RollupSpec(rolled, false, true), data.inputNames());
        RollupResult r = across.result();
        dev.tally.model.Era era = across.era();
        Hierarchy h = era.hierarchy();
        var scope = unit == null ? null : UnitSelection.resolve(h, unit);
        double t = threshold != null ? threshold : m.defaultThreshold();
        Outliers.Result found = Outliers.find(era.roster(), era.catalog(), r,
                new Outliers.Spec(targets, a, m, t, history, minN, max, scope, in.indicators(era.catalog())));

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), r.findings());
        report.printFindings(io, in.findings);
        dev.tally.write.Format fmt = out.resolved(io);
        Figures fig = ReviewInput.figures(fmt);
        out.write(io, fmt, sink -> {
            sink.start(List.of(Column.text("unit"), Column.text("unit_name"), Column.text("period"), Column.text("indicator"),
                    Column.number("value"), Column.text("method"), Column.number("center"), Column.number("spread"), Column.number("score"),
                    Column.number("lower"), Column.number("upper"), Column.number("n")), meta(data, targets));
            for (Outliers.Outlier o : found.outliers()) {
                sink.row(java.util.Arrays.asList(o.unit().code(), o.unit().name(), o.period().text(), o.indicator().code(), o.value(),
                        o.method(), fig.format(o.center()), fig.format(o.spread()), fig.format(o.score()), fig.format(o.lower()),
                        fig.format(o.upper()), (long) o.n()));
            }
            sink.finish();
        });
        report.printSummary(io, in.findings);
        io.note(t("outliers.summary", found.found(), found.found() > found.outliers().size()
                ? t("outliers.listed", found.outliers().size(), max) : "", found.scored(),
                a == Outliers.Against.HISTORY ? (history != null ? t("outliers.againstPrevious", history) : t("outliers.againstHistory"))
                        : t("outliers.againstPeers"), m.key(), fig.format(t).toPlainString())
                + (found.tooFew() > 0 ? t("outliers.tooFew", found.tooFew(), minN) : "")
                + (found.notComparable() > 0 ? t("outliers.notComparable", found.notComparable()) : ""));
        return report.errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    /** The most recent period of each type in the data. */
    static List<Period> latestOfEachType(List<Period> inData) {
        Map<PeriodType, Period> latest = new TreeMap<>();
        for (Period p : inData) {
            if (p.type() == PeriodType.RANGE) continue;
            latest.merge(p.type(), p, (x, y) -> x.compareTo(y) >= 0 ? x : y);
        }
        return new ArrayList<>(latest.values());
    }

    private Map<String, Object> meta(Loaded data, List<Period> targets) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("tally", VersionProvider.version());
        meta.put("periods", targets.stream().map(Period::text).toList());
        meta.put("command", commandLine());
        meta.put("summary", data.summary().toMap());
        return meta;
    }
}
