package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Severity;
import dev.tally.validate.EveryFinding;
import dev.tally.write.FindingReport;
import dev.tally.write.Format;
import dev.tally.write.Output;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * How a command that reads submissions lists its findings on standard error, for people at a
 * terminal and for cron: at most --max-findings lines (the rest counted by code), only errors with
 * --quiet, all of them in a file with --findings, in colour on a terminal.
 */
final class FindingOptions {
    @Option(names = {"-q", "--quiet"}, description = "Only errors and the closing summary on the screen (standard error, and validate's "
            + "findings on standard output): no warnings, no progress. -o and --findings files still get every finding.")
    boolean quiet;

    @Option(names = "--max-findings", paramLabel = "N", description = "List at most N findings on standard error (default 1000); the "
            + "rest are counted by code.")
    @Range(min = 0, max = Integer.MAX_VALUE)
    int max = 1000;

    @Option(names = "--findings", paramLabel = "FILE", description = "Also write every finding to FILE (.csv .tsv .json .ndjson .md .txt "
            + ".xlsx; csv otherwise).")
    Path file;

    @Option(names = "--color", paramLabel = "WHEN", completionCandidates = ColorNames.class,
            description = "auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    String color = "auto";

    static final class ColorNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return List.of("auto", "always", "never").iterator(); }
    }

    /** The one colour rule: always, never, or auto — on a terminal unless NO_COLOR is set. */
    static boolean colour(String when, boolean terminal) {
        return switch (when.toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> terminal && System.getenv("NO_COLOR") == null;
            default -> throw dev.tally.model.TallyException.usage(t("usage.notChoice", "--color", when, "auto, always, never"));
        };
    }

    /** Whether standard error gets colour. */
    boolean colour(Io io) { return colour(color, io.errTerminal()); }

    /** Whether standard output gets colour (partial markers in a table): as for standard error, on its own terminal. */
    boolean colourOut(Io io) { return colour(color, io.terminal()); }

    void check() {
        colourCheck();
    }

    private void colourCheck() { colour(color, false); }

    /**
     * Lists the findings: the first --max-findings (errors only with --quiet), then one line counting
     * the rest by code; writes them all to --findings.
     */
    void print(Io io, List<Finding> all) { print(io, all, null, List.of(), Map.of()); }

    /**
     * As above, for a run whose validation kept more findings than it lists: {@code all} are the listed
     * ones (validation's, then the command's {@code own}), {@code every} every finding of the validation,
     * in memory or kept on disk past the listing limit (null: {@code all} is every one), and
     * {@code unlisted} how many of each code were not listed. The count by code says all of them, and
     * --findings gets every one.
     */
    void print(Io io, List<Finding> all, EveryFinding every, List<Finding> own, Map<FindingCode, Long> unlisted) {
        check();
        PrintStream err = io.err();
        boolean c = colour(io);
        List<Finding> shown = new ArrayList<>();
        Map<String, Long> rest = new TreeMap<>();
        // counted by code, then named: a merge into the map by name for each of W2's 49,932 unlisted
        // findings was 25 ms of a phase that runs on one core
        long[] byCode = new long[FindingCode.values().length];
        for (Finding f : all) {
            if (quiet && f.severity() != Severity.ERROR) continue;
            if (shown.size() < max) shown.add(f);
            else byCode[f.code().ordinal()]++;
        }
        for (FindingCode code : FindingCode.values()) {
            if (byCode[code.ordinal()] > 0) rest.merge(code.key(), byCode[code.ordinal()], Long::sum);
        }
        // past the validation's listing limit: never in memory, and not listed either (--quiet: by the
        // code's severity, since only a count of each code is kept)
        unlisted.forEach((code, n) -> {
            if (!quiet || code.severity() == Severity.ERROR) rest.merge(code.key(), n, Long::sum);
        });
        FindingReport.printLines(err, shown, c, io.errWidth());
        if (!rest.isEmpty()) {
            long n = rest.values().stream().mapToLong(Long::longValue).sum();
            io.note(t("cli.moreFindingsNotListed", n, max, file == null ? t("cli.findingsFileHint") : "",
                    counts(rest)));
        }
        if (file != null) write(io, all, every, own);
    }

    /**
     * Refuses, before anything is read, a --findings file that is one of the inputs or the command's
     * own output ({@code output}, or null): the findings would replace it.
     */
    void refuseInputs(Io io, Path output, java.util.Collection<Path> inputs) {
        if (file == null) return;
        Path target = io.workingDir().resolve(file);
        // a directory that does not exist is said before anything is read, naming this option
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir) && !Files.exists(target)) {
            throw dev.tally.model.TallyException.io(t("file.noDirectory", file, file.getParent() == null ? dir : file.getParent(), "--findings"));
        }
        if (OutputOptions.same(target, output)) throw dev.tally.model.TallyException.usage(t("usage.findingsIsOutput", file));
        OutputOptions.refuse(target, "--findings", inputs);
    }

    /** Writes every finding to --findings, when it is given. */
    void writeFile(Io io, List<Finding> all) { writeFile(io, all, null); }

    /** As above, every finding being in {@code every} (null: {@code all}). */
    void writeFile(Io io, List<Finding> all, EveryFinding every) {
        if (file != null) write(io, all, every, List.of());
    }

    /**
     * Where the validation is to keep the findings past its listing limit, so that --findings gets
     * every one: beside the findings file, where the same bytes go next (not a temporary directory in
     * memory); null without --findings.
     */
    Path spillDir(Io io) {
        if (file == null) return null;
        Path dir = io.workingDir().resolve(file).toAbsolutePath().getParent();
        return dir != null && Files.isDirectory(dir) ? dir : null;
    }

    /**
     * Every finding to --findings, streamed: the validation's {@code every} (or {@code all} without it),
     * then the command's {@code own}. A text table aligns its rows, so it would hold them all in memory:
     * it gets the listed ones, {@code all}, and says above them how many more the other formats get.
     */
    private void write(Io io, List<Finding> all, EveryFinding every, List<Finding> own) {
        Format f = Format.fromFileName(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        Format format = f == null ? Format.CSV : f;
        try (Output target = Output.open(io.workingDir().resolve(file), io.out(), "--findings")) {
            dev.tally.write.TableSink sink = dev.tally.write.Writers.create(format, target.stream(),
                    dev.tally.write.WriteOptions.defaults().warningTo(OutputOptions.warnings(io, target)));
            Iterable<Finding> rows = all;
            if (every != null && every.spilled()) {
                if (format == Format.TABLE) {
                    sink.caption(null, t("findings.textListed", all.size(), every.count() + own.size()));
                } else {
                    rows = () -> java.util.stream.Stream.concat(java.util.stream.StreamSupport.stream(every.spliterator(), false),
                            own.stream()).iterator();
                }
            }
            FindingReport.write(sink, rows, Map.of());
            target.commit();
        } catch (IOException e) {
            throw dev.tally.model.TallyException.io(t("cli.cannotWriteFindings", file, e.getMessage()));
        }
    }

    /** The closing count by code, when the findings were many or not all listed. */
    void printByCode(Io io, List<Finding> all) { printByCode(io, all, false, Map.of()); }

    /**
     * As above, to standard output ({@code toOut}: under validate's table) or standard error, counting
     * with the listed findings {@code all} those past the listing limit ({@code unlisted}), so that it
     * adds up to the closing count of errors and warnings.
     */
    void printByCode(Io io, List<Finding> all, boolean toOut, Map<FindingCode, Long> unlisted) {
        long total = all.size();
        for (long n : unlisted.values()) total += n;
        if (total <= 50 && total <= max) return;
        Map<String, Long> byCode = new TreeMap<>();
        for (Finding f : all) byCode.merge(f.code().key(), 1L, Long::sum);
        unlisted.forEach((code, n) -> byCode.merge(code.key(), n, Long::sum));
        String text = t("cli.findingsByCode", counts(byCode));
        if (toOut) io.say(text);
        else io.note(text);
    }

    /**
     * "missing-required 75, below-min 2": each code with its count, in the map's order. A loop, not a
     * stream over the map: the spliterator's lambda is one the class-data archive cannot keep.
     */
    private static String counts(Map<String, Long> byCode) {
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Long> e : byCode.entrySet()) {
            if (counts.length() > 0) counts.append(", ");
            counts.append(e.getKey()).append(' ').append(e.getValue());
        }
        return counts.toString();
    }
}
