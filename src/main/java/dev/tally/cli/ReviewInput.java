package dev.tally.cli;

import dev.tally.ingest.Loaded;
import dev.tally.model.Catalog;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the review commands read (submission files, or the store) and which indicators they look at. */
final class ReviewInput {
    @Mixin
    ProjectOptions project;

    @Mixin
    InputOptions input;

    @Mixin
    FindingOptions findings;

    @Mixin
    DelimiterOption inputDelimiter;

    @Option(names = "--indicator", paramLabel = "CODE", description = "Only this indicator (repeatable; default: every one).")
    List<String> indicatorCodes = new ArrayList<>();

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Submission files or directories; - for standard input. "
            + "None: the current submissions in the project's store.")
    List<String> inputs;

    /** Reads and validates the submissions; {@code within}: the periods needed (empty: all). */
    Loaded load(Io io, List<Period> within, OutputOptions out) {
        project.requireIndicators(indicatorCodes);
        return Loading.load(io, project, input, inputDelimiter.value(), within, inputs, out, findings, true, findings.spillDir(io));
    }

    /** The indicators asked for, in catalog order; every one when none was. */
    List<Indicator> indicators(Catalog c) { return ProjectOptions.selected(c, indicatorCodes); }

    /** Statistics to 4 decimals in the formats people read, to 12 significant digits in the others. */
    static dev.tally.review.Figures figures(dev.tally.write.Format f) {
        return f.people() ? dev.tally.review.Figures.FOR_PEOPLE : dev.tally.review.Figures.EXACT;
    }
}
