package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import dev.tally.read.ReadOptions;
import java.nio.charset.Charset;
import picocli.CommandLine.Option;

/** How submissions are read: encoding, number style, parallelism. */
final class InputOptions {
    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of input files without a BOM (default UTF-8), e.g. windows-1258.")
    String encoding;

    @Option(names = "--decimal-comma", description = "Typed numbers (CSV cells, JSON strings) use a decimal comma: 1.234,5 and 1 234,5. JSON number tokens stay as JSON writes them.")
    boolean decimalComma;

    @Option(names = "--sheet", paramLabel = "NAME|N",
            description = "Read only this sheet of each workbook (a name, or a number from 1); default: every sheet that holds a table.")
    String sheet;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Reading threads (default: one per core).")
    @Range(min = 1, max = 1024)
    int threads = Math.min(1024, Runtime.getRuntime().availableProcessors());

    ReadOptions toReadOptions(Character delimiter) {
        Charset cs = null;
        if (encoding != null) {
            try {
                cs = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw TallyException.usage(t("usage.encoding", encoding));
            }
        }
        return new ReadOptions(cs, delimiter, decimalComma, null, sheet, java.util.List.of());
    }

    static Character delimiter(String d) {
        if (d == null) return null;
        return switch (d) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\\t", "\t", "tab" -> '\t';
            default -> {
                if (d.length() == 1) yield d.charAt(0);
                throw TallyException.usage(t("usage.delimiter", d));
            }
        };
    }
}
