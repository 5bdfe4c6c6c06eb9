package dev.tally.cli;

import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** tally store: the store itself, moved or shared: copy, grants. */
@Command(name = "store", header = "Work on the store itself: copy it between a file and a server, print a server's grants.",
        description = "tally store copy moves a whole store between SQLite and PostgreSQL (either way); tally store grants prints "
                + "the SQL that gives a team's roles what they need on a server.",
        subcommands = {StoreCopyCommand.class, StoreGrantsCommand.class})
final class StoreCommand implements Runnable, ExitList.Listed {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public ExitList exits() { return ExitList.of().brief(OK).brief(USAGE, "no subcommand"); }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), t("cli.missingCommand", String.join(", ", spec.subcommands().keySet())));
    }
}
