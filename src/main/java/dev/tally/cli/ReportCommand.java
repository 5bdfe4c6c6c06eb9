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
import dev.tally.review.Method;
import dev.tally.review.Outliers;
import dev.tally.review.ReportContent;
import dev.tally.workspace.Status;
import dev.tally.rollup.ComparePlan;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupTables;
import dev.tally.rollup.Selection;
import dev.tally.write.Doc;
import dev.tally.write.DocFormat;
import dev.tally.write.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * tally report: the review document for one period (docx, html), its figures the rollup's for the
 * same selection. The rollup is planned and run as {@code tally rollup --period P [--compare WITH]} runs
 * it ({@link ComparePlan}, {@link dev.tally.rollup.Across}); the
 * content is {@link ReportContent}'s, the layout each {@link DocFormat}'s.
 */
@Command(name = "report", header = "Write the review document for a period: docx, html or pdf.",
        description = "Writes the review report (báo cáo sơ kết) for one period: the header block from tally.yaml's organisation: "
                + "section, I. the results as sentences (each value with its coverage when partial, and the change against "
                + "--compare); the reports by unit as tally status counts them (expected, received, on time, late: from the store; "
                + "a report from files has no arrival times) and the values reported, charted; with --compare, both periods per "
                + "unit charted; the values to check, as tally outliers lists them by default (each unit against its own "
                + "previous periods, modified z above 3.5, the ten furthest off); II.-IV. as headings for the analyst to write, and the "
                + "rollup's table as the appendix, every partial total marked. Every figure is the rollup's for the same "
                + "--period, --compare, --unit and --depth (default here: the unit's children, or the roots). The -o extension picks the format: .docx (Word, laid out as "
                + "Nghị định 30/2020), .html (one self-contained file with SVG charts), .pdf (that HTML laid out on A4, Liberation Serif embedded).")
final class ReportCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption inputDelimiter;

    @Mixin
    FindingOptions findings;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period reported on (2024-H1, 2024).")
    String period;

    @Mixin
    UnitSelection rows;

    @Option(names = "--indicator", paramLabel = "CODE", description = "Only this indicator (repeatable; default: every one).")
    List<String> indicatorCodes = new ArrayList<>();

    @Mixin
    FormSelection formSelection;

    @Option(names = "--compare", paramLabel = "WITH",
            description = "previous or year-ago: each figure's change against that period, as rollup --compare gives it.")
    ComparePlan.With compare;

    @Option(names = "--rank", description = "The appendix gives each unit's rank among its siblings after each indicator, "
            + "as rollup --rank ranks them (by the catalog's better: higher or lower; a partial total's rank marked as it is).")
    boolean rank;
    @Mixin
    PlanOption plans;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's subject under BÁO CÁO (default: the results for the period).")
    String title;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The document to write, atomically; its extension picks the format: .docx, .html or .pdf.")
    Path output;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Submission files or directories; - for standard input. "
            + "None: the current submissions in the project's store.")
    List<String> inputs;

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).as(DATA_ERRORS, "data errors found (rows left out); the report is written from the valid rows")
                .brief(USAGE).meaning(CONFIG).brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        String name = output.getFileName() == null ? output.toString() : output.getFileName().toString();
        DocFormat fmt = DocFormat.fromFileName(name);
        if (fmt == null) throw TallyException.usage(t("usage.reportExtension", output));
        Period target = Period.parseOrThrow(period);
        findings.check();
        project.requireIndicators(indicatorCodes);
        // as rollup --period P --compare WITH plans it: the target, and the period it is compared with
        List<Period> targets = List.of(target);
        OutputOptions out = new OutputOptions();
        out.output = output;
        // the outliers section scores the period against each unit's history, as tally outliers does by default
        boolean checks = target.type() != dev.tally.model.PeriodType.RANGE;
        List<Period> history = checks ? Outliers.periods(targets, Outliers.Against.HISTORY, null) : List.of();
        List<Period> reading = new ArrayList<>(ComparePlan.reading(targets, compare));
        for (Period x : history) if (!reading.contains(x)) reading.add(x);
        Loaded data = Loading.load(io, project, input, inputDelimiter.value(), reading, inputs, out, findings, true, findings.spillDir(io));
        ReportContent.Checks found = null;
        if (checks) {
            // before the rollup below, which releases the cells as it goes
            dev.tally.rollup.Across.Result past = dev.tally.rollup.Across.run(Loading.eraCells(data), new dev.tally.rollup.RollupSpec(history, false, true),
                    data.inputNames());
            Method m = Method.MODIFIED_Z;
            Outliers.Spec spec = new Outliers.Spec(targets, Outliers.Against.HISTORY, m, m.defaultThreshold(), null, Outliers.DEFAULT_MIN_N,
                    ReportContent.OUTLIERS_LISTED, rows.root(past.era().hierarchy()),
                    formSelection.indicators(past.era().catalog(), indicatorCodes));
            found = new ReportContent.Checks(Outliers.find(past.era().roster(), past.era().catalog(), past.result(), spec),
                    Outliers.defaultHistory(target.type()), m.key(), m.defaultThreshold(), Outliers.DEFAULT_MIN_N);
        }
        ComparePlan plan = ComparePlan.of(targets, List.of(), compare, false, false);
        dev.tally.rollup.Across.Result across = dev.tally.rollup.Across.run(Loading.eraCells(data), plan.spec().releasingCells(),
                data.inputNames());
        RollupResult result = across.result();
        Hierarchy h = across.era().hierarchy();
        dev.tally.model.Catalog catalog = across.era().catalog();
        // a report's rows are the units one level down (a province's districts), unless --depth or --level says otherwise
        dev.tally.model.Unit top = rows.root(h);
        Integer max = rows.maxDepth(h);
        Selection sel = new Selection(top, max != null ? max : top == null ? 0 : top.depth() + 1);
        RollupTables.Shown show = RollupTables.Shown.all(result, catalog);
        if (formSelection.narrows(indicatorCodes)) show = show.withIndicators(formSelection.indicators(catalog, indicatorCodes));
        if (rank) show = show.withRanks();
        PlanOption.Applied applied = plans.apply(io, data.project().settings(), across.era(), input.toReadOptions(inputDelimiter.value()),
                inputs, out, findings, show, result.findings());
        show = applied.shown();
        PlanOption.Read planned = applied.read();

        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), applied.findings());
        report.printFindings(io, findings);
        if (planned != null) {
            String none = PlanOption.noTargets(planned.plans(), List.of(target));
            if (none != null) io.note("tally: " + none);
        }
        int p = result.periods().indexOf(target);
        if (result.compared(p) && !result.compareHasData(p)) {
            io.note("tally: " + t("rollup.compareNoData", target.text(), result.periods().get(result.comparedWith(p)).text()));
        }
        ReportContent.Reporting reporting = inputs == null || inputs.isEmpty() ? reporting(data.project(), target, across.era(), sel) : null;
        Doc doc = ReportContent.build(result, h, catalog, sel, show, p,
                new ReportContent.Heading(data.project().settings().organisation(), title, LocalDate.now(io.clock())), reporting, found);
        try (Output o = Output.open(output, io.out())) {
            fmt.write(doc, o.stream());
            o.commit();
        }
        if (planned != null) io.note(planned.counts());
        report.printSummary(io, findings);
        return report.errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    /**
     * The reports in the store for the period, as tally status counts them for the same units (the
     * report's era, its root and depth), every form added up per unit.
     */
    private static ReportContent.Reporting reporting(dev.tally.config.Project project, Period target, dev.tally.model.Era era, Selection sel) {
        Status.Report status = Status.of(project, target, e -> e.index() == era.index() ? new Status.Scope(sel.root(), sel.maxDepth()) : null);
        java.util.Map<String, ReportContent.Reports> byUnit = new java.util.HashMap<>();
        ReportContent.Reports total = new ReportContent.Reports(0, 0, 0, 0);
        for (Status.EraResult e : status.eras()) {
            for (Status.Row r : e.result().rows()) {
                ReportContent.Reports x = new ReportContent.Reports(r.expected(), r.received(), r.onTime(), r.late());
                if (r.unit() == null) total = total.plus(x);
                else byUnit.merge(r.unit().code(), x, ReportContent.Reports::plus);
            }
        }
        return new ReportContent.Reporting(byUnit, total);
    }
}
