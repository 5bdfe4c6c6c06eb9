package dev.tally.cli;

import dev.tally.model.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand is, as jbang's base command: -h/--help, the run's streams and settings (the
 * root's {@link Io}), and an outcome that is an {@link ExitCode}. A command parses its options, asks
 * the domain packages and prints; a failure is a {@link dev.tally.model.TallyException} carrying its
 * code, which {@link Cli} maps to one line in one place. {@link #exits} is what each code means for
 * the command, in its help and man page. The options several commands share are mixins:
 * {@link ProjectOptions}, {@link InputOptions}, {@link OutputOptions}, {@link FindingOptions},
 * {@link UnitSelection}.
 *
 * <p>A new subcommand is a class extending this one with its options and {@link #run}, and a line in
 * {@link Cli}'s table.
 */
abstract class BaseCommand implements Callable<Integer>, ExitList.Listed {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception { return run(io()).code(); }

    /**
     * The run's streams and settings, the root's: found from the root of the command tree, not the
     * parent, so that a command one level further down (tally store copy) is one like the others.
     */
    Io io() { return ((TallyCommand) spec.root().userObject()).io; }

    /** Runs the command with the run's streams and settings. */
    abstract ExitCode run(Io io) throws Exception;

    /** The command line as given, for an output's metadata: "tally rollup --period 2024 …". */
    String commandLine() { return "tally " + String.join(" ", spec.commandLine().getParseResult().originalArgs()); }
}
