package dev.tally.cli;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** tally import: validate submissions and store them in the project's workspace. */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Validate submissions and store them in the project's workspace.",
        description = "A submission is one unit's values for one period. A new one for the same unit and period replaces the "
                + "earlier one as a whole (the earlier one stays in the history); an identical one is reported as unchanged. "
                + "A file with any error finding is rejected whole, with its findings on standard error; every other file is "
                + "stored in one transaction. The summary reconciles: values read = stored + unchanged + duplicates + ignored "
                + "+ rejected.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file stored",
            "1:a file was rejected",
            "2:usage error",
            "3:configuration error (units, catalog, tally.yaml)",
            "4:input/output error (missing file, not a tally store)"})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    DelimiterOption delimiter;

    @Option(names = "--dry-run", description = "Validate and report what would change; store nothing.")
    boolean dryRun;

    @Option(names = "--received", paramLabel = "TIME", description = "When the submissions arrived (default: now), for back-filling: "
            + "2024-07-10T08:30:00+07:00, 2024-07-10T08:30 or 2024-07-10 (local time).")
    String received;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Submission files or directories; - for standard input.")
    List<String> inputs;

    @Override
    public Integer call() {
        Io io = root.io;
        ZoneId zone = io.clock().getZone();
        OffsetDateTime now = OffsetDateTime.now(io.clock()).truncatedTo(ChronoUnit.SECONDS);
        String arrived = (received == null ? now : Times.parse(received, zone)).toString();
        var options = input.toReadOptions(delimiter.value());
        var files = Inputs.expand(inputs);
        Project p = project.load(io);
        Importer.Report report;
        var path = Workspace.storePath(p.settings());
        try (Store store = dryRun ? Store.openForDryRun(path) : Store.open(path, true)) {
            report = Importer.run(p, store, files, options, io.in(), arrived, now.toString(), dryRun, input.threads);
        }
        for (Importer.FileReport f : report.files()) {
            if (f.rejected()) FindingReport.printLines(io.err(), f.findings());
        }
        StringBuilder sb = new StringBuilder();
        for (Importer.FileReport f : report.files()) {
            sb.append(f.file()).append(": ");
            if (f.rejected()) {
                sb.append("rejected, ").append(plural(f.summary().errors(), "error")).append(" (listed above); nothing of it ")
                        .append(dryRun ? "would be" : "was").append(" stored\n");
            } else {
                sb.append(f.newSubmissions()).append(" new, ").append(f.replaced()).append(" replaced, ").append(f.unchanged())
                        .append(" unchanged").append(f.summary().warnings() > 0 ? " (" + plural(f.summary().warnings(), "warning") + ")" : "")
                        .append('\n');
            }
        }
        int fresh = report.files().stream().mapToInt(Importer.FileReport::newSubmissions).sum();
        int replaced = report.files().stream().mapToInt(Importer.FileReport::replaced).sum();
        int unchanged = report.files().stream().mapToInt(Importer.FileReport::unchanged).sum();
        int rejected = report.files().stream().mapToInt(Importer.FileReport::rejectedSubmissions).sum();
        sb.append(dryRun ? "dry run, nothing stored: " : "").append("submissions: ").append(fresh).append(" new, ").append(replaced)
                .append(" replaced, ").append(unchanged).append(" unchanged, ").append(rejected).append(" rejected\n");
        sb.append("values read ").append(report.values()).append(" = stored ").append(report.stored()).append(" + unchanged ")
                .append(report.unchanged()).append(" + duplicates ").append(report.duplicates()).append(" + ignored ")
                .append(report.ignored()).append(" + rejected ").append(report.rejected()).append('\n');
        io.out().print(sb);
        io.out().flush();
        return report.anyRejected() ? ExitCode.DATA_ERRORS.code() : ExitCode.OK.code();
    }

    private static String plural(long n, String w) { return n + " " + w + (n == 1 ? "" : "s"); }
}
