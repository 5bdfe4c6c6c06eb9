package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** --config, --units, --catalog: where the hierarchy and the catalog come from (every command takes them). */
final class ProjectOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Project file (default: tally.yaml in the current directory or a parent).")
    Path config;

    @Option(names = "--units", paramLabel = "FILE", description = "Units file (the hierarchy), CSV or JSON; overrides tally.yaml.")
    Path units;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Indicator catalog, YAML, JSON or CSV; overrides tally.yaml.")
    Path catalog;

    /** The command (or the mixin) these options are part of: whether it was given --quiet. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** True when the command was given -q: its configuration warnings are not listed (errors still are). */
    private boolean quiet() {
        picocli.CommandLine.Model.OptionSpec q = mixee == null ? null : mixee.findOption("--quiet");
        return q != null && Boolean.TRUE.equals(q.getValue());
    }

    /** Indicator codes the command will select (--indicator): checked as soon as the catalog is loaded. */
    private List<String> required = List.of();

    /**
     * The command's --indicator codes, refused as soon as the project is loaded when no catalog has
     * them, before any input is read (a typo on W2 cost 1.5 s of reading before the error).
     */
    void requireIndicators(List<String> codes) { required = List.copyOf(codes); }

    /** The indicators {@code codes} name, in catalog order; every one when none is named; a code the catalog lacks is a usage error. */
    static List<dev.tally.model.Indicator> selected(dev.tally.model.Catalog c, List<String> codes) {
        for (String code : codes) {
            if (c.indicator(code) == null) throw dev.tally.model.TallyException.usage(t("usage.notIndicator", code));
        }
        return c.indicators().stream().filter(i -> codes.isEmpty() || codes.contains(i.code())).toList();
    }

    /** Loads the project; its warnings (codes that differ only in letter case…) go to standard error. */
    Project load(Io io) {
        int ahead = Project.takenAhead();
        Project p = Project.load(config, units, catalog, io.workingDir());
        new Timing(io.err()).note("project", Project.takenAhead() > ahead ? "loaded ahead" : "loaded here");
        for (String code : required) {
            if (p.eras().stream().noneMatch(e -> e.catalog().indicator(code) != null)) {
                throw dev.tally.model.TallyException.usage(t("usage.notIndicator", code));
            }
        }
        // the first few warnings, then how many more: 100,000 codes that differ only in letter case are one problem to fix
        List<String> warnings = quiet() ? List.of() : p.warnings();
        // marked as warnings: "tally: map-2025.csv:10: 'C31' goes to …" read like the error that stopped a run
        for (String w : warnings.subList(0, Math.min(warnings.size(), Project.LISTED))) io.warn(w);
        if (warnings.size() > Project.LISTED) io.note("tally: " + t("config.moreWarnings", warnings.size() - Project.LISTED, warnings.size(), Project.LISTED));
        return p;
    }
}
