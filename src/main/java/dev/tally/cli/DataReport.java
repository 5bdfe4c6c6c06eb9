package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.ingest.Loaded;
import dev.tally.model.Finding;
import dev.tally.model.Severity;
import dev.tally.validate.EveryFinding;
import dev.tally.validate.Summary;
import dev.tally.write.FindingReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a command that reads submissions says on standard error, the same for rollup and the review
 * commands: the findings (validation's, then the command's own) one per line before the output, and
 * after it the one-line count, with the count by code when there were many.
 */
final class DataReport {
    private final Summary summary;
    private final List<Finding> all, own;
    /** Every finding of the validation, those past its listing limit included when --findings kept them; or null. */
    private final EveryFinding every;
    final long errors, warnings;

    DataReport(Summary summary, List<Finding> validation, List<Finding> own) { this(summary, validation, null, own); }

    /** @param every every finding of the validation for --findings ({@link Loaded#every}), or null: {@code validation} */
    DataReport(Summary summary, List<Finding> validation, EveryFinding every, List<Finding> own) {
        this.summary = summary;
        this.every = every;
        this.own = own;
        this.all = new ArrayList<>(validation);
        all.addAll(own);
        // the validation's counts include findings past the listing limit; the command's own are all listed
        long ownErrors = own.stream().filter(f -> f.severity() == Severity.ERROR).count();
        this.errors = summary.errors() + ownErrors;
        this.warnings = summary.warnings() + own.size() - ownErrors;
    }

    /** The findings as --quiet, --max-findings, --findings and --color say. */
    void printFindings(Io io, FindingOptions options) {
        try {
            options.print(io, all, every, own, summary.unlistedByCode());
        } finally {
            // what was kept on disk for --findings has been written
            if (every != null) every.close();
        }
    }

    /**
     * The closing summary line, and the count by code when the findings were many: of all of them,
     * those past the listing limit too, so that it adds up to the errors and warnings counted.
     */
    void printSummary(Io io, FindingOptions options) {
        io.note(summaryLine());
        options.printByCode(io, all, false, summary.unlistedByCode());
    }

    private String summaryLine() {
        return summary.text().lines().findFirst().orElse("") + (errors + warnings > 0
                ? "; " + dev.tally.model.Text.count(errors, "summary.errors") + ", " + dev.tally.model.Text.count(warnings, "summary.warnings") : "")
                + (summary.unlisted() > 0 ? " " + t("cli.notListedAbove", summary.unlisted()) : "");
    }
}
