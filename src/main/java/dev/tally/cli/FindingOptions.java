package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.Severity;
import dev.tally.write.FindingReport;
import dev.tally.write.Format;
import dev.tally.write.Output;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * How a command that reads submissions lists its findings on standard error, for people at a
 * terminal and for cron: at most --max-findings lines (the rest counted by code), only errors with
 * --quiet, all of them in a file with --findings, in colour on a terminal.
 */
final class FindingOptions {
    @Option(names = {"-q", "--quiet"}, description = "On standard error only errors and the closing summary: no warnings, no progress.")
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
    void print(Io io, List<Finding> all) {
        check();
        PrintStream err = io.err();
        boolean c = colour(io);
        List<Finding> shown = new ArrayList<>();
        Map<String, Long> rest = new TreeMap<>();
        for (Finding f : all) {
            if (quiet && f.severity() != Severity.ERROR) continue;
            if (shown.size() < max) shown.add(f);
            else rest.merge(f.code().key(), 1L, Long::sum);
        }
        FindingReport.printLines(err, shown, c, io.errWidth());
        if (!rest.isEmpty()) {
            long n = rest.values().stream().mapToLong(Long::longValue).sum();
            io.note(t("cli.moreFindingsNotListed", n, max, file == null ? t("cli.findingsFileHint") : "",
                    rest.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        if (file != null) write(io, all);
    }

    /**
     * Refuses, before anything is read, a --findings file that is one of the inputs or the command's
     * own output ({@code output}, or null): the findings would replace it.
     */
    void refuseInputs(Io io, Path output, java.util.Collection<Path> inputs) {
        if (file == null) return;
        Path target = io.workingDir().resolve(file);
        if (OutputOptions.same(target, output)) throw dev.tally.model.TallyException.usage(t("usage.findingsIsOutput", file));
        OutputOptions.refuse(target, "--findings", inputs);
    }

    /** Writes every finding to --findings, when it is given. */
    void writeFile(Io io, List<Finding> all) {
        if (file != null) write(io, all);
    }

    private void write(Io io, List<Finding> all) {
        Format f = Format.fromFileName(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        try (Output target = Output.open(io.workingDir().resolve(file), io.out())) {
            dev.tally.write.TableSink sink = dev.tally.write.Writers.create(f == null ? Format.CSV : f, target.stream(),
                    dev.tally.write.WriteOptions.defaults());
            FindingReport.write(sink, all, Map.of());
            target.commit();
        } catch (IOException e) {
            throw dev.tally.model.TallyException.io(t("cli.cannotWriteFindings", file, e.getMessage()));
        }
    }

    /** The closing count by code, when the findings were many or not all listed. */
    void printByCode(Io io, List<Finding> all) { printByCode(io, all, false); }

    /** As above, to standard output ({@code toOut}: under validate's table) or standard error. */
    void printByCode(Io io, List<Finding> all, boolean toOut) {
        if (all.size() <= 50 && all.size() <= max) return;
        Map<String, Long> byCode = new TreeMap<>();
        for (Finding f : all) byCode.merge(f.code().key(), 1L, Long::sum);
        String text = t("cli.findingsByCode", byCode.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (toOut) io.say(text);
        else io.note(text);
    }
}
