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
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.rollup.ComparePlan;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupSpec;
import dev.tally.rollup.RollupTables;
import dev.tally.rollup.Selection;
import dev.tally.write.Format;
import dev.tally.write.Output;
import dev.tally.write.TableSink;
import dev.tally.write.WriteOptions;
import dev.tally.write.Writers;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** tally rollup: aggregate up the hierarchy and over time, and write the summary table. */
@Command(name = "rollup",         header = "Aggregate up the hierarchy and over time, and write summary tables.",
        description = "Rolls every valid value up into every ancestor of its unit with the indicator's aggregate, and "
                + "over time with its over_time (--period 2024 combines the months, quarters or halves inside 2024). "
                + "Derived indicators are computed at every level from the rolled-up parts. Every aggregate carries "
                + "its coverage: reported of expected units at the indicator's reporting level. Invalid rows are left "
                + "out and reported on standard error with file, line and reason (exit 1); a unit's own total that "
                + "differs from its subtree is reported as an imbalance warning. The rows are the same in every shape and "
                + "format: --unit's subtree (every root's without it), down to --depth or --level, else all of it; a table of one "
                + "period says which above it.")
final class RollupCommand extends BaseCommand {
    /** The word the command line takes for each is its toString (picocli converts and completes it, any letter case). */
    enum Shape {
        LONG, WIDE;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    enum Prefer { computed, reported }

    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption inputDelimiter;

    @Mixin
    FindingOptions findings;

    @Option(names = "--period", paramLabel = "P", description = "Target period(s), repeatable: each combines the data inside it "
            + "(2024, 2024-H1, 2020..2024). Default: every period in the data as it is.")
    List<String> periods = new ArrayList<>();

    @Mixin
    UnitSelection rows;

    @Option(names = "--indicator", paramLabel = "CODE", description = "Only this indicator (repeatable; default: every one). A rate "
            + "shown is still the ratio of its rolled-up operands, shown or not.")
    List<String> indicatorCodes = new ArrayList<>();

    @Mixin
    FormSelection formSelection;

    @Option(names = "--shape", paramLabel = "SHAPE",
            description = "long (one row per unit, period, indicator) or wide (one column per indicator). "
                    + "Default: long for csv, tsv, json, ndjson; wide for table, markdown.")
    Shape shape;

    @Mixin
    OutputOptions out;

    @Option(names = "--bom", description = "Start the output with a UTF-8 byte order mark (for Excel).")
    boolean bom;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Delimiter of csv output (default , ; or ; with a --locale "
            + "whose numbers have a decimal comma).")
    String delimiter;

    enum Coverage {
        COLUMNS, NONE;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    @Option(names = "--coverage", paramLabel = "HOW",
            description = "columns (default): wide csv, tsv and json give each indicator CODE_reported and CODE_expected columns "
                    + "(and CODE_compare_reported, CODE_compare_expected with --compare), so a partial total is never read as a "
                    + "full one; none: the values alone. The long shape always has reported and expected.")
    Coverage coverage = Coverage.COLUMNS;

    @Option(names = "--strict", description = "On any error write nothing (an existing output file stays as it was) and exit 1.")
    boolean strict;

    @Option(names = "--prefer", paramLabel = "WHICH", description = "computed (default): the aggregate of the subtree wins over a unit's own "
            + "reported total; reported: use the reported total where the children are incomplete.")
    Prefer prefer = Prefer.computed;

    @Option(names = "--compare", paramLabel = "WITH",
            description = "previous (the period before, of the same type) or year-ago (the same period a year earlier): adds the "
                    + "comparison value with its own coverage, whether the two sides are comparable (from the same reporting "
                    + "units) or partial, the difference, and the change in percent (in percentage points for a rate).")
    ComparePlan.With compare;

    @Mixin
    PlanOption plans;

    @Option(names = "--like-for-like", description = "With --compare: both sides over only the units that gave a full value in "
            + "both periods, so every change is comparable; reported then says how many units were kept.")
    boolean likeForLike;

    @Option(names = "--rank", description = "Rank each unit among its siblings (the units with the same parent) per indicator and "
            + "period, 1 the best by the catalog's better: higher (the default) or lower; equal values share a place and the next "
            + "skips (1, 2, 2, 4). A partial total is ranked and marked as partial; a unit with no value has no rank and takes no "
            + "place; the total row has none. A rank is among all the siblings with a value, whichever rows --unit, --depth or "
            + "--level show, so it does not change with them. Wide: a rank column after each indicator's (CODE_rank in csv, tsv "
            + "and json, beside CODE_reported and CODE_expected); long: a rank column.")
    boolean rank;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Submission files or directories; - for standard input. "
            + "None: the current submissions in the project's store.")
    List<String> inputs;

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).as(DATA_ERRORS, "data errors found (rows left out, overlaps); with --strict nothing is written").brief(USAGE)
                .meaning(CONFIG).brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        List<Period> targets = periods.stream().map(Period::parseOrThrow).toList();
        if (likeForLike && compare == null) throw TallyException.usage(t("usage.likeForLike"));
        Format fmt = out.resolved(io);
        char outDelim = out.delimiter(delimiter == null ? null : InputOptions.delimiter(delimiter));
        // tables for people are wide; a workbook is for people too, and keeps numbers as numbers
        boolean forPeople = fmt.wide();
        Shape sh = shape != null ? shape : forPeople ? Shape.WIDE : Shape.LONG;

        Timing timing = new Timing(io.err());
        ComparePlan.With with = compare;
        // a comparison needs the data of the comparison periods too
        List<Period> reading = ComparePlan.reading(targets, with);
        findings.check();
        project.requireIndicators(indicatorCodes);
        Loaded data = Loading.load(io, project, input, inputDelimiter.value(), reading, inputs, out, findings, true, findings.spillDir(io));
        timing.mark("read and validate");
        ComparePlan plan = ComparePlan.of(targets, with != null && targets.isEmpty() ? data.dataPeriods() : List.of(), with,
                prefer == Prefer.reported, likeForLike);
        List<Period> shown = plan.shown();
        // nothing below reads the cells again, so the rollup may give each period's up once it is rolled up
        RollupSpec spec = plan.spec().releasingCells();
        // with boundaries, in the units of the latest era among the targets, earlier ones re-mapped
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(Loading.eraCells(data), spec, data.inputNames());
        RollupResult result = across.result();
        Hierarchy h = across.era().hierarchy();
        dev.tally.model.Catalog catalog = across.era().catalog();
        Selection sel = selection(h);
        RollupTables.Shown show = RollupTables.Shown.all(result, catalog);
        if (compare != null) {
            List<Integer> idx = new ArrayList<>();
            for (Period t : shown) idx.add(result.periods().indexOf(t));
            show = show.withPeriods(idx);
        }
        if (formSelection.narrows(indicatorCodes)) show = show.withIndicators(formSelection.indicators(catalog, indicatorCodes));
        if (rank) show = show.withRanks();
        timing.mark("roll up");
        PlanOption.Applied applied = plans.apply(io, data.project().settings(), across.era(), input.toReadOptions(inputDelimiter.value()),
                inputs, out, findings, show, result.findings());
        show = applied.shown();
        PlanOption.Read planned = applied.read();

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), applied.findings());
        report.printFindings(io, findings);
        if (planned != null) {
            List<Period> periodsShown = new ArrayList<>();
            for (int p : show.periods()) periodsShown.add(result.periods().get(p));
            String none = PlanOption.noTargets(planned.plans(), periodsShown);
            if (none != null) io.note("tally: " + none);
        }
        // a comparison with nothing on the other side would otherwise be a column of blanks, said nowhere
        for (int p : show.periods()) {
            if (result.compared(p) && !result.compareHasData(p)) {
                io.note("tally: " + t("rollup.compareNoData", result.periods().get(p).text(), result.periods().get(result.comparedWith(p)).text()));
            }
        }
        long errors = report.errors;

        if (!(strict && errors > 0)) {
            String direct;
            try (Output target = Output.open(out.file(), io.out())) {
                TableSink sink = Writers.create(fmt, out.stream(io, fmt, target), new WriteOptions(bom, outDelim, out.width(io), out.numbers(fmt),
                        coverage == Coverage.COLUMNS, out.toStdout() && findings.colourOut(io)).warningTo(OutputOptions.warnings(io, target)));
                Map<String, Object> meta = fmt.carriesMeta() ? meta(data, result) : Map.of();
                if (sh == Shape.LONG) RollupTables.writeLong(result, h, sel, sink, meta, show);
                else RollupTables.writeWide(result, h, sel, sink, meta, forPeople,
                        fmt.people(), show);
                target.commit();
                direct = target.directWrites();
            }
            timing.mark("write");
            if (direct != null) timing.note("output", direct);
        }
        if (planned != null) io.note(planned.counts());
        report.printSummary(io, findings);
        if (strict && errors > 0) {
            io.note("tally: " + t("cli.strictNothingWritten"));
        }
        return errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    /**
     * The rows, the same in every shape and format: --unit's subtree (every root's without it), down to
     * --depth or --level, else all of it, as the options say. (The wide shape once stopped at the unit's
     * children by default while the long one went all the way, so -o x.csv and -o x.xlsx of one command
     * held different units.)
     */
    private Selection selection(Hierarchy h) {
        Unit top = rows.root(h);
        Integer max = rows.maxDepth(h);
        return new Selection(top, max == null ? Integer.MAX_VALUE : max);
    }

    private Map<String, Object> meta(Loaded data, RollupResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tally", VersionProvider.version());
        m.put("generated_at", Instant.now(io().clock()).toString());
        m.put("periods", r.periods().stream().map(Period::text).toList());
        m.put("catalog_sha256", data.project().lastEra().catalog().hash());
        m.put("command", commandLine());
        m.put("summary", data.summary().toMap());
        return m;
    }
}
