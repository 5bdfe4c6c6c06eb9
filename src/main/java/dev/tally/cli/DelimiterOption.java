package dev.tally.cli;

import picocli.CommandLine.Option;

/** --delimiter for the commands whose only delimiter is the input's (rollup's --delimiter is its output's). */
final class DelimiterOption {
    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Input delimiter: , ; or tab (default: detected).")
    String delimiter;

    Character value() { return InputOptions.delimiter(delimiter); }
}
