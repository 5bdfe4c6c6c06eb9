package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.config.Settings;
import dev.tally.ingest.PlanFiles;
import dev.tally.model.Era;
import dev.tally.model.Finding;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.read.InputFile;
import dev.tally.read.Inputs;
import dev.tally.read.ReadOptions;
import dev.tally.rollup.Plans;
import dev.tally.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * --plan, for rollup and report: the plan files in effect (--plan's, else tally.yaml's {@code plans:},
 * else none), read and validated by {@link PlanFiles} and resolved by {@link Plans}. Without a plan
 * nothing is read and the tables are as they were.
 */
final class PlanOption {
    @Option(names = "--plan", paramLabel = "FILE", description = "A plan (kế hoạch): targets per unit, period and indicator in any submission "
            + "format (unit, period, indicator, target), validated as submissions are. Repeatable; a directory gives every file in it; "
            + "replaces tally.yaml's plans:. A unit's target is its own, else the sum of its children's when every child has one "
            + "(for an indicator that sums, never a rate). Adds the target and the value in percent of it: plan and plan_pct, "
            + "value / target (attainment) in a table, the attainment in a report's sentences.")
    List<String> files = new ArrayList<>();

    /** A plan read: the targets resolved, the findings on its files, and the line that counts its values. */
    record Read(Plans plans, List<Finding> findings, String counts) {}

    /**
     * The plan files in effect, as given: --plan's, else tally.yaml's; empty when there is none. An
     * output that is one of them is refused ({@code out}, {@code findings}), as one that is an input is.
     */
    List<String> inEffect(Settings settings) {
        if (!files.isEmpty()) return files;
        return settings.plans().stream().map(Path::toString).toList();
    }

    /**
     * Reads the plan in effect in the units and catalog of {@code era} (the table's), or returns null
     * when there is none: then nothing is read. {@code inputs}: the command's submission inputs (standard
     * input is read once, by one of them).
     */
    Read read(Io io, Settings settings, Era era, ReadOptions options, List<String> inputs, OutputOptions out, FindingOptions findings) {
        List<String> given = inEffect(settings);
        if (given.isEmpty()) return null;
        if (given.contains("-") && inputs != null && inputs.contains("-")) throw TallyException.usage(t("file.stdinOnce"));
        List<InputFile> plan = Inputs.expand(given, link -> io.warn(t("file.linkNowhere", link)));
        List<Path> paths = plan.stream().map(InputFile::path).filter(p -> p != null).toList();
        out.refuseInputs(paths);
        findings.refuseInputs(io, out.file(), paths);
        // a plan is read whole: not one sheet of it (--sheet is the submissions')
        ReadOptions o = new ReadOptions(options.encoding(), options.delimiter(), options.decimalComma(), null, null, settings.templates());
        Validator.Result r = PlanFiles.read(era, plan, o, io.in());
        String counts = t("plan.counts", r.summary().text().lines().findFirst().orElse(""));
        return new Read(Plans.resolve(r.table(), era.hierarchy(), era.catalog()), r.findings(), counts);
    }

    /** What a command shows and lists once the plan in effect is read: the table's choice with its plans, and the findings, the plan's first. */
    record Applied(dev.tally.rollup.RollupTables.Shown shown, List<Finding> findings, Read read) {}

    /**
     * {@link #read} and its result applied to what a command shows: with a plan, {@code shown} gains
     * its targets and the plan's findings come before the rollup's ({@code own}); without one both are
     * as given and {@link Applied#read} is null.
     */
    Applied apply(Io io, Settings settings, Era era, ReadOptions options, List<String> inputs, OutputOptions out, FindingOptions findings,
                  dev.tally.rollup.RollupTables.Shown shown, List<Finding> own) {
        Read planned = read(io, settings, era, options, inputs, out, findings);
        if (planned == null) return new Applied(shown, own, null);
        List<Finding> all = new ArrayList<>(planned.findings());
        all.addAll(own);
        return new Applied(shown.withPlans(planned.plans()), all, planned);
    }

    /** What to say when the plan gives no target for any period shown: its columns would be empty, said nowhere. */
    static String noTargets(Plans plans, List<Period> shown) {
        for (Period p : shown) if (plans.has(p)) return null;
        return t("plan.noTargets", String.join(", ", shown.stream().map(Period::text).toList()));
    }
}
