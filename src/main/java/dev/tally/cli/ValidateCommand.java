package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.ExitCode;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.write.FindingReport;
import dev.tally.write.Format;
import dev.tally.write.Output;
import dev.tally.write.TableSink;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** tally validate: check submissions against the units and the catalog, and list the findings. */
@Command(name = "validate",         header = "Check submissions against the units and the catalog.",
        description = "Reads every INPUT (CSV long or wide, JSON, NDJSON, .xlsx and .ods workbooks; files, directories, - for standard input) "
                + "and reports each problem as a finding with severity, a stable code, file, line, unit, period, "
                + "indicator, value and a message that says what to fix. A closing summary counts files, records "
                + "and values: accepted + duplicates + rejected + outside the period = values read.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no error (with --strict: no warning either)",
            "1:data errors found",
            "2:usage error",
            "3:configuration error (units, catalog, tally.yaml)",
            "4:input/output error"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    TallyCommand root;

    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption delimiter;

    @Mixin
    LegacyDelimiterOption oldDelimiter;

    @Mixin
    FindingOptions findingOptions;

    @Option(names = "--period", paramLabel = "P", description = "Validate only submissions inside this period (e.g. 2024, 2024-H1, 2020..2024).")
    String period;

    @Mixin
    OutputOptions out;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Submission files or directories; - for standard input. "
            + "None: the current submissions in the project's store.")
    List<String> inputs;

    @Override
    public Integer call() throws IOException {
        Io io = root.io;
        List<Period> within = period == null ? List.of() : List.of(Period.parseOrThrow(period));
        Format fmt = out.resolved(io);
        findingOptions.check();
        Loaded data = Loaded.of(io, project, input, oldDelimiter.value(io, delimiter), within, inputs, out, findingOptions, false);
        List<dev.tally.model.Finding> findings = data.findings();
        dev.tally.validate.Summary summary = data.summary();
        boolean tableOnScreen = fmt == Format.TABLE && out.toStdout();
        try (Output target = Output.open(out.file(), io.out())) {
            TableSink sink = out.sink(io, fmt, target);
            if (tableOnScreen && findings.isEmpty()) {
                // nothing to tabulate: say so instead of printing an empty header
                io.say(t("cli.noFindings"));
            } else if (tableOnScreen && findings.size() > findingOptions.max) {
                // a person at a terminal gets the first --max-findings; the rest are counted below
                FindingReport.write(sink, findings.subList(0, findingOptions.max), FindingReport.meta(summary.toMap()));
                io.say(t("cli.moreFindingsNotShown", findings.size() - findingOptions.max, findingOptions.max));
            } else {
                FindingReport.write(sink, findings, FindingReport.meta(summary.toMap()));
            }
            target.commit();
        }
        // the findings are validate's output; --findings writes them all to a file as well, as it
        // does for the other commands (the screen's table may stop at --max-findings)
        findingOptions.writeFile(io, findings);
        // the summary goes with a table on standard output, otherwise to standard error so that
        // other formats stay machine-readable
        // (on the table's terminal, wrapped at spaces to its width like the table's messages)
        if (tableOnScreen) {
            io.out().println();
            io.say(summary.text());
            findingOptions.printByCode(io, findings, true);
        } else {
            io.note(summary.text());
            findingOptions.printByCode(io, findings, false);
        }
        if (!summary.addsUp()) {
            throw new TallyException(ExitCode.DATA_ERRORS, t("cli.internalCount"));
        }
        boolean fail = summary.errors() > 0 || (strict && summary.warnings() > 0);
        return fail ? ExitCode.DATA_ERRORS.code() : ExitCode.OK.code();
    }
}
