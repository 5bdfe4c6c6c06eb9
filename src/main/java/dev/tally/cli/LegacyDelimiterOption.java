package dev.tally.cli;

import static dev.tally.model.Text.t;

import picocli.CommandLine.Option;

/**
 * validate's and import's old name of --input-delimiter, kept for one release with a warning:
 * --delimiter means the output's delimiter everywhere else.
 */
final class LegacyDelimiterOption {
    @Option(names = "--delimiter", paramLabel = "CHAR", hidden = true)
    String delimiter;

    /** The input delimiter, taking the old option when the new one is not given, and saying so. */
    Character value(Io io, DelimiterOption current) {
        if (delimiter == null) return current.value();
        io.warn(t("usage.legacyDelimiter"));
        return InputOptions.delimiter(current.delimiter != null ? current.delimiter : delimiter);
    }
}
