package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import dev.tally.write.Format;
import dev.tally.write.NumberStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * --format, -o and --locale for every command that writes a table. The format follows the file's
 * extension unless given; an extension tally does not write (.xls, .pdf…) is a usage error, as is
 * a workbook sent to a terminal. {@code -o -} is standard output. {@link #refuseInputs} keeps an
 * output from ever replacing an input.
 */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FMT", converter = FormatConverter.class, completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (default: from the -o extension, else table).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output: atomically (a temporary file, then a rename), or straight "
                    + "to a device or FIFO; - is standard output. The format follows the extension unless --format is given.")
    Path output;

    @Option(names = "--locale", paramLabel = "TAG",
            description = "Write numbers as this locale does in table, markdown, csv and tsv: vi gives 1.234,5 (and csv then "
                    + "uses ; between fields), de, fr, en… (default: plain 1234.5, for programs; in Vietnamese, --lang vi, table and markdown write 1.234,5). json and xlsx keep numbers as numbers.")
    String locale;

    /** The formats by the names --format takes, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> n = new ArrayList<>();
            for (Format f : Format.values()) n.add(f.key());
            return n.iterator();
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String v) {
            for (Format f : Format.values()) if (f.key().equalsIgnoreCase(v)) return f;
            throw new TypeConversionException("'" + v + "' is not a format; use one of " + String.join(", ", new FormatNames()));
        }
    }

    /** Standard output rather than a file. */
    boolean toStdout() { return output == null || output.toString().equals("-"); }

    /** The output file, or null for standard output. */
    Path file() { return toStdout() ? null : output; }

    /** The writer of a table in {@code format} to {@code target}, with this command's locale and delimiter, for the terminal's width. */
    dev.tally.write.TableSink sink(Io io, Format format, dev.tally.write.Output target) throws java.io.IOException {
        // a file is not the terminal, even when the command runs at one: nothing fitted, cut or coloured
        return dev.tally.write.Writers.create(format, target.stream(), new dev.tally.write.WriteOptions(false, delimiter(null), width(io),
                numbers(format), true, toStdout() && FindingOptions.colour("auto", io.terminal())).warningTo(warnings(io, target)));
    }

    /** The width a table is fitted to: the terminal's when it goes to standard output, else none (a file). */
    int width(Io io) { return toStdout() ? io.width() : 0; }

    /** Where a writer's warnings about {@code target} go: standard error, naming the output. */
    static java.util.function.Consumer<String> warnings(Io io, dev.tally.write.Output target) {
        return w -> io.note("tally: " + target.name() + ": " + w);
    }

    /** The format to write, checked against where it goes. */
    Format resolved(Io io) {
        Format f = format;
        if (f == null && !toStdout()) {
            String name = output.getFileName() == null ? output.toString() : output.getFileName().toString();
            f = Format.fromFileName(name);
            if (f == null) {
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                if (ext.equalsIgnoreCase(".xls")) {
                    throw TallyException.usage(t("usage.xls", output));
                }
                if (!Files.exists(output) || Files.isRegularFile(output)) {
                    throw TallyException.usage(ext.isEmpty() ? t("usage.noExtension", output) : t("usage.badExtension", output, ext));
                }
            }
        }
        if (f == null) f = Format.TABLE;
        if (f.binary() && toStdout() && io.terminal()) {
            throw TallyException.usage(t("usage.binaryToTerminal", f.key(), f.extension()));
        }
        return f;
    }

    /**
     * How {@code format} writes numbers: as --locale says; without it, the way the language of the
     * messages writes them in the formats people read (table, markdown: 1.234,5 in Vietnamese), and
     * plain in the formats programs read.
     */
    NumberStyle numbers(Format format) {
        if (locale == null && format.people() && dev.tally.model.Text.lang() == dev.tally.model.Text.Lang.VI) {
            return NumberStyle.of(dev.tally.model.Text.Lang.VI.locale());
        }
        return numbers();
    }

    /** How text formats write numbers, as --locale says (plain without it). */
    NumberStyle numbers() {
        if (locale == null || locale.isBlank() || locale.equalsIgnoreCase("plain")) return NumberStyle.PLAIN;
        Locale l = Locale.forLanguageTag(locale.replace('_', '-'));
        if (l.getLanguage().isEmpty()) throw TallyException.usage(t("usage.locale", locale));
        return NumberStyle.of(l);
    }

    /** The CSV delimiter: as given, else ; where numbers use a decimal comma. */
    char delimiter(Character given) {
        if (given != null) {
            if (given == ',' && numbers().commaDecimal()) {
                throw TallyException.usage(t("usage.delimiterLocale", locale));
            }
            return given;
        }
        return numbers().commaDecimal() ? ';' : ',';
    }

    /**
     * Refuses, before anything is read, an output that is one of the inputs (a submission, the units,
     * the catalog, the project file or the store), links resolved: writing would replace it.
     */
    void refuseInputs(Collection<Path> inputs) { refuse(file(), "-o", inputs); }

    /**
     * The one rule for every file a command writes ({@code option} names it in the message): refused
     * when it is one of {@code inputs}, links resolved.
     */
    static void refuse(Path out, String option, Collection<Path> inputs) {
        // an input exists; an output that does not (nor a file a link of that name points to) is none
        // of them, which spares resolving the real path of each of thousands of inputs (~20 ms)
        if (out == null || !Files.exists(out)) return;
        Path target = real(out);
        for (Path in : inputs) {
            if (in != null && real(in).equals(target)) {
                throw TallyException.usage(t("usage.outputIsInput", option, out, in));
            }
        }
    }

    /** Whether {@code file} is in {@code dir} or below it, links resolved (neither need exist). */
    static boolean inside(Path file, Path dir) { return real(file).startsWith(real(dir)); }

    /** Whether two output paths name the same file, links resolved (neither need exist). */
    static boolean same(Path a, Path b) { return a != null && b != null && real(a).equals(real(b)); }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            // a file that does not exist yet: its directory resolved, then its name
            Path abs = p.toAbsolutePath().normalize();
            Path dir = abs.getParent();
            try {
                return dir == null ? abs : dir.toRealPath().resolve(abs.getFileName());
            } catch (IOException e2) {
                return abs;
            }
        }
    }
}
