package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.DATA_ERRORS;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.ingest.Loaded;
import dev.tally.model.ExitCode;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.write.FindingReport;
import dev.tally.write.Format;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** tally validate: check submissions against the units and the catalog, and list the findings. */
@Command(name = "validate",         header = "Check submissions against the units and the catalog.",
        description = "Reads every INPUT (CSV long or wide, JSON, NDJSON, .xlsx and .ods workbooks; files, directories, - for standard input) "
                + "and reports each problem as a finding with severity, a stable code, file, line, unit, period, "
                + "indicator, value and a message that says what to fix. A closing summary counts files, records "
                + "and values: accepted + duplicates + rejected + outside the period = values read.")
final class ValidateCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption delimiter;

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
    public ExitList exits() {
        return ExitList.of().as(OK, "no error (with --strict: no warning either)").brief(DATA_ERRORS).brief(USAGE).meaning(CONFIG).brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        List<Period> within = period == null ? List.of() : List.of(Period.parseOrThrow(period));
        Format fmt = out.resolved(io);
        findingOptions.check();
        // the findings are validate's output: every one of them in a format that streams its rows, those
        // past the listing limit kept on disk beside the output (or --findings) meanwhile; a text table
        // aligns its rows in memory, so it lists the first ones and says so
        boolean streams = fmt != Format.TABLE;
        java.nio.file.Path spill = findingOptions.spillDir(io);
        if (spill == null && streams) {
            java.nio.file.Path dir = out.toStdout() ? null : io.workingDir().resolve(out.file()).toAbsolutePath().getParent();
            spill = dir != null && java.nio.file.Files.isDirectory(dir) ? dir : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        }
        Loaded data = Loading.load(io, project, input, delimiter.value(), within, inputs, out, findingOptions, false, spill);
        List<dev.tally.model.Finding> listed = data.findings();
        dev.tally.validate.Summary summary = data.summary();
        boolean tableOnScreen = fmt == Format.TABLE && out.toStdout();
        // -q keeps only the errors where the findings are shown (standard output); an -o file and
        // --findings get them all, as the closing summary counts them all
        boolean quietHere = findingOptions.quiet && out.toStdout();
        List<dev.tally.model.Finding> findings = quietHere
                ? listed.stream().filter(f -> f.severity() == dev.tally.model.Severity.ERROR).toList() : listed;
        long total = findings.size() + (quietHere ? 0 : summary.unlisted());
        try (dev.tally.validate.EveryFinding every = data.every()) {
            out.write(io, fmt, findingOptions.colourOut(io), sink -> {
                if (tableOnScreen && findings.isEmpty()) {
                    // nothing to tabulate: say so instead of printing an empty header
                    io.say(t("cli.noFindings"));
                } else if (tableOnScreen && total > findingOptions.max) {
                    // a person at a terminal gets the first --max-findings; the rest are counted below
                    FindingReport.write(sink, findings.subList(0, Math.min(findings.size(), findingOptions.max)),
                            FindingReport.meta(summary.toMap()));
                    io.say(t("cli.moreFindingsNotShown", total - findingOptions.max, findingOptions.max));
                } else {
                    if (!streams && every.spilled()) sink.caption(null, t("findings.textListed", findings.size(), total));
                    FindingReport.write(sink, !streams ? findings : quietHere ? errorsOnly(every) : every, FindingReport.meta(summary.toMap()));
                }
            });
            // --findings writes them all to a file as well, as it does for the other commands (the
            // screen's table may stop at --max-findings)
            findingOptions.writeFile(io, listed, every);
        }
        // the summary goes with a table on standard output, otherwise to standard error so that
        // other formats stay machine-readable
        // (on the table's terminal, wrapped at spaces to its width like the table's messages)
        if (tableOnScreen) {
            io.out().println();
            io.say(summary.text());
            findingOptions.printByCode(io, listed, true, summary.unlistedByCode());
        } else {
            io.note(summary.text());
            findingOptions.printByCode(io, listed, false, summary.unlistedByCode());
        }
        if (!summary.addsUp()) {
            throw new TallyException(ExitCode.DATA_ERRORS, t("cli.internalCount"));
        }
        boolean fail = summary.errors() > 0 || (strict && summary.warnings() > 0);
        return fail ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

    /** The errors among {@code all}, read as they are read (every finding may be more than memory holds). */
    private static Iterable<dev.tally.model.Finding> errorsOnly(Iterable<dev.tally.model.Finding> all) {
        return () -> java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .filter(f -> f.severity() == dev.tally.model.Severity.ERROR).iterator();
    }
}
