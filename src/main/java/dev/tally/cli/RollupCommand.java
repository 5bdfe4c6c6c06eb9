package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.ExitCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** tally rollup: aggregate up the hierarchy and over time, and write the summary table. */
@Command(name = "rollup",         header = "Aggregate up the hierarchy and over time, and write summary tables.",
        description = "Rolls every valid value up into every ancestor of its unit with the indicator's aggregate, and "
                + "over time with its over_time (--period 2024 combines the months, quarters or halves inside 2024). "
                + "Derived indicators are computed at every level from the rolled-up parts. Every aggregate carries "
                + "its coverage: reported of expected units at the indicator's reporting level. Invalid rows are left "
                + "out and reported on standard error with file, line and reason (exit 1); a unit's own total that "
                + "differs from its subtree is reported as an imbalance warning. The rows are the same in every shape and "
                + "format: --unit's subtree (every root's without it), down to --depth or --level, else all of it; a table of one "
                + "period says which above it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:data errors found (rows left out, overlaps); with --strict nothing is written",
            "2:usage error",
            "3:configuration error (units, catalog, tally.yaml)",
            "4:input/output error"})
final class RollupCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    enum Shape { long_, wide }

    enum Prefer { computed, reported }

    @ParentCommand
    TallyCommand root;

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

    @Option(names = "--shape", paramLabel = "SHAPE", converter = ShapeConverter.class, completionCandidates = ShapeNames.class,
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

    enum Coverage { columns, none }

    @Option(names = "--coverage", paramLabel = "HOW", converter = CoverageConverter.class,
            description = "columns (default): wide csv, tsv and json give each indicator CODE_reported and CODE_expected columns "
                    + "(and CODE_compare_reported, CODE_compare_expected with --compare), so a partial total is never read as a "
                    + "full one; none: the values alone. The long shape always has reported and expected.")
    Coverage coverage = Coverage.columns;

    static final class CoverageConverter implements picocli.CommandLine.ITypeConverter<Coverage> {
        @Override
        public Coverage convert(String v) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "columns" -> Coverage.columns;
                case "none" -> Coverage.none;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + v + "' is not a coverage setting; use columns or none");
            };
        }
    }

    @Option(names = "--strict", description = "On any error write nothing (an existing output file stays as it was) and exit 1.")
    boolean strict;

    @Option(names = "--prefer", paramLabel = "WHICH", description = "computed (default): the aggregate of the subtree wins over a unit's own "
            + "reported total; reported: use the reported total where the children are incomplete.")
    Prefer prefer = Prefer.computed;

    enum Compare { previous, year_ago }

    @Option(names = "--compare", paramLabel = "WITH", converter = CompareConverter.class, completionCandidates = CompareNames.class,
            description = "previous (the period before, of the same type) or year-ago (the same period a year earlier): adds the "
                    + "comparison value with its own coverage, whether the two sides are comparable (from the same reporting "
                    + "units) or partial, the difference, and the change in percent (in percentage points for a rate).")
    Compare compare;

    @Option(names = "--like-for-like", description = "With --compare: both sides over only the units that gave a full value in "
            + "both periods, so every change is comparable; reported then says how many units were kept.")
    boolean likeForLike;

    static final class CompareConverter implements picocli.CommandLine.ITypeConverter<Compare> {
        @Override
        public Compare convert(String v) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "previous" -> Compare.previous;
                case "year-ago", "year_ago" -> Compare.year_ago;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + v + "' is not a comparison; use previous or year-ago");
            };
        }
    }

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Submission files or directories; - for standard input. "
            + "None: the current submissions in the project's store.")
    List<String> inputs;

    static final class ShapeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return List.of("long", "wide").iterator(); }
    }

    static final class CompareNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return List.of("previous", "year-ago").iterator(); }
    }

    static final class ShapeConverter implements picocli.CommandLine.ITypeConverter<Shape> {
        @Override
        public Shape convert(String v) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "long" -> Shape.long_;
                case "wide" -> Shape.wide;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + v + "' is not a shape; use long or wide");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        Io io = root.io;
        List<Period> targets = periods.stream().map(Period::parseOrThrow).toList();
        if (likeForLike && compare == null) throw TallyException.usage(t("usage.likeForLike"));
        Format fmt = out.resolved(io);
        char outDelim = out.delimiter(delimiter == null ? null : InputOptions.delimiter(delimiter));
        // tables for people are wide; a workbook is for people too, and keeps numbers as numbers
        boolean forPeople = fmt.wide();
        Shape sh = shape != null ? shape : forPeople ? Shape.wide : Shape.long_;

        Timing timing = new Timing(io.err());
        // a comparison needs the data of the comparison periods too
        List<Period> reading = new ArrayList<>(targets);
        if (compare != null) for (Period t : targets) if (!reading.contains(against(t))) reading.add(against(t));
        findings.check();
        project.requireIndicators(indicatorCodes);
        Loaded data = Loaded.of(io, project, input, inputDelimiter.value(), reading, inputs, out, findings);
        timing.mark("read and validate");
        List<Period> shown = targets;
        boolean exact = false;
        List<Period> rolled = reading;
        if (compare != null && targets.isEmpty()) {
            // every period in the data as it is, each with its comparison period
            shown = data.dataPeriods();
            rolled = new ArrayList<>(shown);
            for (Period t : shown) if (!rolled.contains(against(t))) rolled.add(against(t));
            exact = true;
        }
        java.util.Map<Period, Period> pairs = new java.util.LinkedHashMap<>();
        if (compare != null) for (Period t : shown) pairs.put(t, against(t));
        // nothing below reads the cells again, so the rollup may give each period's up once it is rolled up
        RollupSpec spec = new RollupSpec(rolled, prefer == Prefer.reported, exact, pairs, likeForLike).releasingCells();
        // with boundaries, in the units of the latest era among the targets, earlier ones re-mapped
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(data.eraCells(), spec, data.inputNames());
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
        if (!indicatorCodes.isEmpty()) show = show.withIndicators(ProjectOptions.selected(catalog, indicatorCodes));
        timing.mark("roll up");

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), result.findings());
        report.printFindings(io, findings);
        // a comparison with nothing on the other side would otherwise be a column of blanks, said nowhere
        for (int p : show.periods()) {
            if (result.compared(p) && !result.compareHasData(p)) {
                io.note("tally: " + t("rollup.compareNoData", result.periods().get(p).text(), result.periods().get(result.comparedWith(p)).text()));
            }
        }
        long errors = report.errors;

        if (!(strict && errors > 0)) {
            try (Output target = Output.open(out.file(), io.out())) {
                TableSink sink = Writers.create(fmt, out.stream(io, fmt, target), new WriteOptions(bom, outDelim, out.width(io), out.numbers(fmt),
                        coverage == Coverage.columns, out.toStdout() && findings.colourOut(io)).warningTo(OutputOptions.warnings(io, target)));
                Map<String, Object> meta = fmt.carriesMeta() ? meta(data, result) : Map.of();
                if (sh == Shape.long_) RollupTables.writeLong(result, h, sel, sink, meta, show);
                else RollupTables.writeWide(result, h, sel, sink, meta, forPeople, fmt.people(), show);
                target.commit();
            }
            timing.mark("write");
            timing.note("output", dev.tally.io.AtomicFile.directWrites());
        }
        report.printSummary(io, findings);
        if (strict && errors > 0) {
            io.note("tally: " + t("cli.strictNothingWritten"));
        }
        return errors > 0 ? ExitCode.DATA_ERRORS.code() : ExitCode.OK.code();
    }

    private Period against(Period t) { return compare == Compare.previous ? t.previous() : t.yearAgo(); }

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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private Map<String, Object> meta(Loaded data, RollupResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tally", VersionProvider.version());
        m.put("generated_at", Instant.now(io().clock()).toString());
        m.put("periods", r.periods().stream().map(Period::text).toList());
        m.put("catalog_sha256", data.project().lastEra().catalog().hash());
        m.put("command", "tally " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        m.put("summary", data.summary().toMap());
        return m;
    }

    private Io io() { return root.io; }
}
