package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.DATA_ERRORS;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.ExitCode;
import dev.tally.read.Inputs;
import dev.tally.store.Store;
import dev.tally.workspace.Importer;
import dev.tally.workspace.Workspace;
import dev.tally.write.FindingReport;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** tally import: validate submissions and store them in the project's workspace. */
@Command(name = "import",         header = "Validate submissions and store them in the project's workspace.",
        description = "A submission is one unit's values for one form and one period. All INPUTs are validated together, so "
                + "a submission's values in several files are merged (the same value twice counts once; two different values "
                + "are a conflict and neither is used). Each submission replaces the unit's earlier one for that form and "
                + "period as a whole (the earlier one stays in the history); an identical one is reported as unchanged. By "
                + "default the store holds what validate accepts: every valid value is stored, an invalid value is rejected "
                + "alone, a submission lacking required values is stored and counted incomplete by status, all in one "
                + "transaction; a submission is rejected only when none of its values is valid. --atomic submission rejects "
                + "a submission with an error whole, --atomic file every submission with a value from a file that has an "
                + "error, --atomic run stores nothing unless no value has an error; in every mode a report lacking required "
                + "values is stored, marked incomplete. The summary reconciles: values read = stored + unchanged + "
                + "duplicates + ignored + rejected.")
final class ImportCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption delimiter;

    @Mixin
    FindingOptions findingOptions;

    @Option(names = "--dry-run", description = "Validate and report what would change; store nothing.")
    boolean dryRun;

    @Option(names = "--by", paramLabel = "NAME", description = "Who imports, as the store records it with this machine's name "
            + "(default: the login name).")
    String by;

    @Option(names = "--received", paramLabel = "TIME", description = "When the submissions arrived (default: now), for back-filling: "
            + "2024-07-10T08:30:00+07:00, 2024-07-10T08:30 or 2024-07-10 (local time).")
    String received;

    /** The word the command line takes for each is its toString (picocli converts and completes it, any letter case). */
    enum Atomicity {
        VALUE(Importer.Atomic.VALUE), SUBMISSION(Importer.Atomic.SUBMISSION), FILE(Importer.Atomic.FILE), RUN(Importer.Atomic.RUN);

        final Importer.Atomic mode;

        Atomicity(Importer.Atomic mode) { this.mode = mode; }

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    @Option(names = "--atomic", paramLabel = "WHAT",
            description = "What one error rejects: value (default: that value alone), submission (its whole submission), file "
                    + "(every submission with a value from that file), run (everything: nothing is stored unless no value has an "
                    + "error, for jobs that must not half-apply). A report lacking required values is stored in every mode.")
    Atomicity atomic = Atomicity.VALUE;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Submission files or directories; - for standard input.")
    List<String> inputs;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "every value stored (or unchanged) and no error found")
                .as(DATA_ERRORS, "a value or submission was rejected, or a submission is incomplete or fails an error rule").brief(USAGE).meaning(CONFIG)
                .brief(IO, "missing file, not a tally store");
    }

    @Override
    ExitCode run(Io io) {
        ZoneId zone = io.clock().getZone();
        OffsetDateTime now = OffsetDateTime.now(io.clock()).truncatedTo(ChronoUnit.SECONDS);
        String arrived = (received == null ? now : Times.parse(received, zone)).toString();
        var options = input.toReadOptions(delimiter.value());
        var files = Inputs.expand(inputs, link -> io.warn(t("file.linkNowhere", link)));
        Project p = project.load(io);
        Importer.Report report;
        var where = Workspace.location(p.settings());
        // --findings must not replace a file being imported, the project's own files or the store
        List<java.nio.file.Path> read = new java.util.ArrayList<>(p.files());
        for (var f : files) read.add(f.path());
        if (where instanceof dev.tally.store.Location.File f) read.add(f.path());
        findingOptions.refuseInputs(io, null, read);
        Importer.Atomic mode = atomic.mode;
        Progress progress = Progress.of(io, findingOptions.quiet);
        try {
            report = Importer.run(p, where, files, options.with(p.settings().templates()), io.in(), arrived, now.toString(), dryRun, mode,
                    input.threads, progress == null ? dev.tally.ingest.Ingest.Watcher.NONE : progress, Workspace.who(by));
        } finally {
            if (progress != null) progress.close();
        }
        findingOptions.check();
        findingOptions.print(io, report.findings());
        StringBuilder sb = new StringBuilder();
        if (report.regrouped() > 0) {
            sb.append(t(dryRun ? "import.regroupedDry" : "import.regrouped", dev.tally.model.Text.count(report.regrouped(), "import.submissionCount"))).append('\n');
        }
        for (Importer.FileReport f : report.files()) {
            int subs = f.newSubmissions() + f.replaced() + f.unchanged() + f.rejectedSubmissions() + f.older();
            sb.append(t("import.fileLine", f.file(), dev.tally.model.Text.count(subs, "import.submissionCount"), f.newSubmissions(), f.replaced(), f.unchanged(), f.rejectedSubmissions()));
            if (f.older() > 0) sb.append(t("import.fileOlder", f.older()));
            if (!f.status().equals("stored")) sb.append(" (").append(t("import.status." + f.status())).append(")");
            sb.append('\n');
        }
        // listed up to --max-findings, the rest counted by why, as findings are
        int listed = 0;
        java.util.Map<String, Long> notListed = new java.util.TreeMap<>();
        for (Importer.SubmissionReport s : report.submissions()) {
            if (!s.rejected()) continue;
            if (listed++ >= findingOptions.max) {
                for (String why : new java.util.LinkedHashSet<>(s.errors())) notListed.merge(why, 1L, Long::sum);
                continue;
            }
            String what = s.unit() + " (" + s.unitName() + ")" + (p.catalog().declaresForms() ? " " + t("import.form", s.form()) : "")
                    + " " + s.period().text() + (s.values() == 0 ? "" : " (" + dev.tally.model.Text.count(s.values(), "summary.values") + ")");
            sb.append(t("import.rejected", what, String.join(", ", new java.util.LinkedHashSet<>(s.errors())))).append('\n');
        }
        if (listed > findingOptions.max) {
            sb.append(t("import.notListed", listed - findingOptions.max, findingOptions.max, notListed.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")))).append('\n');
        }
        sb.append(dryRun ? t("import.dryRun") : "").append(t("import.submissions", report.count(Store.Outcome.NEW),
                report.count(Store.Outcome.REPLACED), report.count(Store.Outcome.UNCHANGED), report.rejectedSubmissions()));
        if (report.count(Store.Outcome.OLDER) > 0) sb.append(t("import.older", report.count(Store.Outcome.OLDER)));
        if (report.incomplete() > 0) sb.append(t("import.incomplete", report.incomplete()));
        sb.append('\n');
        sb.append(t(dryRun ? "import.valuesDry" : "import.values.line", report.values(), report.stored(), report.unchanged(),
                report.duplicates(), report.ignored(), report.rejected())).append('\n');
        sb.setLength(sb.length() - 1);
        io.say(sb.toString());
        io.out().flush();
        findingOptions.printByCode(io, report.findings());
        if (!report.addsUp()) throw new dev.tally.model.TallyException(ExitCode.DATA_ERRORS, t("cli.internalCount"));
        return report.dataErrors() ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }
}
