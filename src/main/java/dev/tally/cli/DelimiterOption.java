package dev.tally.cli;

import picocli.CommandLine.Option;

/** The delimiter of CSV inputs, the same option for every command that reads submissions. */
final class DelimiterOption {
    @Option(names = "--input-delimiter", paramLabel = "CHAR", completionCandidates = Names.class,
            description = "Delimiter of CSV inputs: , ; or tab (default: detected).")
    String delimiter;

    Character value() { return InputOptions.delimiter(delimiter); }

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return java.util.List.of(",", ";", "tab").iterator(); }
    }
}
