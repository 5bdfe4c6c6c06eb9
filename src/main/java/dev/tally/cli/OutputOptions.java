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
            description = "Write numbers as this locale does: in table and markdown as it writes them (vi gives 1.234,5); in csv and "
                    + "tsv with its decimal separator and no digit grouping (1234,5), so that a spreadsheet set to it reads numbers, and a csv "
                    + "then separates fields with ; where the decimal separator is a comma. Default: plain 1234.5, for programs; in Vietnamese, "
                    + "--lang vi, table and markdown write 1.234,5. json and xlsx keep numbers as numbers. A tag Java does not know (xx-YY) is refused.")
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
            throw new TypeConversionException(t("usage.notFormat", v, String.join(", ", new FormatNames())));
        }
    }

    /** Standard output rather than a file. */
    boolean toStdout() { return output == null || output.toString().equals("-"); }

    /** The output file, or null for standard output. */
    Path file() { return toStdout() ? null : output; }

    /** What a command writes into its output table. */
    interface Table {
        void write(dev.tally.write.TableSink sink) throws IOException;
    }

    /**
     * The one place a command's result becomes its output: the table in {@code format} to -o
     * (atomically: a file is replaced only once the whole table is written) or standard output, fitted
     * to a terminal there, numbers as --locale says, coloured as --color says on a terminal.
     */
    void write(Io io, Format format, Table table) throws IOException {
        write(io, file(), format, toStdout() && FindingOptions.colour("auto", io.terminal()), table);
    }

    /** As above, in colour or not ({@code colour}: the command's --color on standard output's terminal). */
    void write(Io io, Format format, boolean colour, Table table) throws IOException { write(io, file(), format, colour, table); }

    /** As above, to {@code file} (null: standard output), one of several a command writes (status --split-by). */
    void write(Io io, Path file, Format format, boolean colour, Table table) throws IOException {
        try (dev.tally.write.Output target = dev.tally.write.Output.open(file, io.out())) {
            table.write(sink(io, format, target, colour));
            target.commit();
        }
    }

    /** The writer of a table in {@code format} to {@code target}, with this command's locale and delimiter, for the terminal's width. */
    dev.tally.write.TableSink sink(Io io, Format format, dev.tally.write.Output target) throws java.io.IOException {
        return sink(io, format, target, toStdout() && FindingOptions.colour("auto", io.terminal()));
    }

    /** As above, in colour or not ({@code colour}: the command's --color on standard output's terminal). */
    dev.tally.write.TableSink sink(Io io, Format format, dev.tally.write.Output target, boolean colour) throws java.io.IOException {
        // a file is not the terminal, even when the command runs at one: nothing fitted, cut or coloured
        return dev.tally.write.Writers.create(format, stream(io, format, target), new dev.tally.write.WriteOptions(false, delimiter(null),
                width(io), numbers(format), true, toStdout() && colour).warningTo(warnings(io, target)));
    }

    /**
     * The bytes of {@code format} going to {@code target}: as the writers make them (UTF-8), except a
     * format for people (table, markdown) on standard output when the console's locale names another
     * character set, re-encoded into it like the messages beside it. Data formats (csv, tsv, json…)
     * stay UTF-8 there, byte for byte what -o FILE writes.
     */
    java.io.OutputStream stream(Io io, Format format, dev.tally.write.Output target) {
        return format.people() && toStdout() ? Console.reencoding(target.stream(), Console.charsetOf(io.out())) : target.stream();
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
                // a document (the review) is not a table: tally report writes it
                if (dev.tally.write.DocFormat.fromFileName(name) != null) {
                    throw TallyException.usage(t("usage.documentExtension", output, ext));
                }
                if (!Files.exists(output) || Files.isRegularFile(output)) {
                    throw TallyException.usage(ext.isEmpty() ? t("usage.noExtension", output) : t("usage.badExtension", output, ext));
                }
            }
        }
        if (f == null) f = Format.TABLE;
        // an unknown --locale is refused before anything is read, not after the rollup
        numbers();
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
        // csv and tsv are for spreadsheets, which read a number and then show it their own way: they get
        // the locale's decimal separator and no grouping. A grouping separator is a comma inside a
        // comma-separated row in en-US, ja or zh (12,000: nine fields instead of eight), and a no-break
        // space (fr, cs), a narrow one (fr-FR) or ’ (de-CH) that spreadsheets read as text or as a number
        // depending on their version and the system's settings
        return format.people() ? numbers() : numbers().ungrouped();
    }

    /**
     * How text formats write numbers, as --locale says (plain without it). A tag that names no locale
     * Java knows (xx-YY, en-XX) is a usage error naming it: numbers in a made-up locale would be
     * written as English ones without a word.
     */
    NumberStyle numbers() {
        if (locale == null || locale.isBlank() || locale.equalsIgnoreCase("plain")) return NumberStyle.PLAIN;
        Locale l = Locale.forLanguageTag(locale.strip().replace('_', '-'));
        if (!known(l)) throw TallyException.usage(t("usage.locale", locale));
        return NumberStyle.of(l);
    }

    /** Whether {@code l} is a locale the JDK has: its language, with its script and country where the tag gives them. */
    static boolean known(Locale l) {
        if (l.getLanguage().isEmpty()) return false;
        for (Locale a : Locale.getAvailableLocales()) {
            if (a.getLanguage().equals(l.getLanguage()) && (l.getCountry().isEmpty() || a.getCountry().equals(l.getCountry()))
                    && (l.getScript().isEmpty() || a.getScript().equals(l.getScript()))) return true;
        }
        return false;
    }

    /**
     * The CSV delimiter: as given, else ; where numbers use a decimal comma (as the spreadsheets of those
     * locales separate fields), else ,. A number never has the delimiter in it unquoted: csv numbers are
     * not grouped ({@link #numbers(Format)}), and the writer quotes one that would still hold it.
     */
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
        // the real paths of inputs that are the same file (device and inode, links followed) only: one stat an
        // input rather than one per directory of its path (693 inputs: 15 ms); where the system has no such key, all
        Object key = fileKey(out);
        for (Path in : inputs) {
            if (in != null && (key == null || key.equals(fileKey(in))) && real(in).equals(target)) {
                throw TallyException.usage(t("usage.outputIsInput", option, out, in));
            }
        }
    }

    /** What identifies the file {@code p} leads to (links followed), or null where the system has no such key or it cannot be read. */
    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
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
