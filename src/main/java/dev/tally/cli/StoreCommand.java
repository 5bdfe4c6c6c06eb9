package dev.tally.cli;

import static dev.tally.model.Text.t;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** tally store: the store itself, moved or shared: copy, grants. */
@Command(name = "store", header = "Work on the store itself: copy it between a file and a server, print a server's grants.",
        description = "tally store copy moves a whole store between SQLite and PostgreSQL (either way); tally store grants prints "
                + "the SQL that gives a team's roles what they need on a server.",
        subcommands = {StoreCopyCommand.class, StoreGrantsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error (no subcommand)"})
final class StoreCommand implements Runnable {
    @Mixin
    HelpOption help;

    @ParentCommand
    TallyCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), t("cli.missingCommand", String.join(", ", spec.subcommands().keySet())));
    }
}
