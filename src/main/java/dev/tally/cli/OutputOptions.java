package dev.tally.cli;

import dev.tally.write.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --format and -o for the commands that write a table: the format follows the file's extension unless given. */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FMT",
            description = "table, csv, tsv, json, ndjson, markdown, xlsx (default: from the -o extension, else table).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE atomically (temp file, then rename) instead of standard output.")
    Path output;

    Format resolved() {
        if (format != null) return format;
        Format fromName = output == null ? null : Format.fromFileName(output.getFileName().toString());
        return fromName != null ? fromName : Format.TABLE;
    }
}
