package dev.tally.cli;

import static dev.tally.model.Text.t;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands; run alone it asks for one. */
@Command(name = "tally",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Periodic review statistics: validate and roll up unit submissions.",
        description = "tally reads the reports that lower units of an organisation (wards, communes) send for a "
                + "period, checks them against the indicator catalog, and rolls them up through the hierarchy and "
                + "over time. Missing is never zero, ratios are never averaged, and partial totals say they are partial.",
        footerHeading = "%nSee also:%n",
        footer = {"man tally, and man tally-<command> for each command."})
public final class TallyCommand implements Runnable, ExitList.Listed {
    final Io io;

    @Spec
    CommandSpec spec;

    TallyCommand(Io io) { this.io = io; }

    @picocli.CommandLine.Option(names = "--lang", paramLabel = "LANG", scope = picocli.CommandLine.ScopeType.INHERIT,
            completionCandidates = LangNames.class,
            description = "Language of messages, help and table headers: en or vi (default: TALLY_LANG, else the locale).")
    String lang;

    static final class LangNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return java.util.List.of("en", "vi").iterator(); }
    }

    /** For picocli's annotation processor and the man page generator, which instantiate with no arguments. */
    TallyCommand() { this(new Io(System.in, System.out, System.err, java.nio.file.Path.of(""), 0, java.time.Clock.systemUTC())); }

    /** Every code, in the enum's full words. */
    @Override
    public ExitList exits() { return ExitList.every(); }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), t("cli.missingCommand", String.join(", ", spec.subcommands().entrySet()
                .stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(java.util.Map.Entry::getKey).toList())));
    }
}
