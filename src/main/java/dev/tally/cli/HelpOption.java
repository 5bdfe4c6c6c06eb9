package dev.tally.cli;

import picocli.CommandLine.Option;

/** -h/--help for a subcommand; --version is the root's only. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
