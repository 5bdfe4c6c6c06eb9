package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.DATA_ERRORS;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.ingest.Loaded;
import dev.tally.model.Era;
import dev.tally.model.ExitCode;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.rollup.Remapped;
import dev.tally.write.Column;
import dev.tally.write.Format;
import dev.tally.write.Output;
import dev.tally.write.TableSink;
import dev.tally.write.WriteOptions;
import dev.tally.write.Writers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally remap: an earlier era's submissions re-expressed in the units after a boundary. */
@Command(name = "remap",         header = "Write an earlier era's submissions re-expressed in the units after a boundary.",
        description = "For people who must hand the new structure a history: reads the INPUTs (or the store), and for each period "
                + "before a boundary of tally.yaml writes DIR/PERIOD.csv (unit,period,indicator,value) as the units after the "
                + "boundary would have reported it: for each of them, the sum of the old units it took over. Only exact values are "
                + "written: indicators aggregated otherwise than by sum, values with a divided old unit of unknown shares (not "
                + "comparable), values not every old unit reported (partial) and, without --estimates, weighted estimates are "
                + "left out and counted by reason on standard error.")
final class RemapCommand extends BaseCommand {
    @Mixin
    ReviewInput in;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The directory to write PERIOD.csv files into "
            + "(made when missing).")
    Path dir;

    @Option(names = "--estimates", description = "Also write values estimated from the mapping's weights.")
    boolean estimates;

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).as(DATA_ERRORS, "data errors found in the input (rows left out)").brief(USAGE, "no boundaries in tally.yaml")
                .brief(CONFIG, "units, catalog, tally.yaml, mapping").brief(IO);
    }

    @Override
    ExitCode run(Io io) throws IOException {
        Path target = io.workingDir().resolve(dir);
        if (Files.exists(target) && !Files.isDirectory(target)) throw TallyException.usage(t("usage.notDirectory", dir));
        Loaded data = in.load(io, List.of(), null);
        if (!data.project().hasEras()) {
            throw TallyException.usage(t("usage.noBoundaries"));
        }
        for (Path input : data.project().files()) {
            if (OutputOptions.inside(input, target)) throw TallyException.usage(t("usage.projectDirectory", dir));
        }
        // a PERIOD.csv written among the submissions read would replace one of the same name, and
        // be read again by the next run beside the originals
        for (var input : data.files()) {
            if (input.path() != null && OutputOptions.inside(input.path(), target)) throw TallyException.usage(t("usage.inputDirectory", dir, input.display()));
        }
        long written = 0;
        Map<String, Long> leftOut = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<Era> eras = data.project().eras();
        List<Remapped.Result> results = new ArrayList<>();
        List<dev.tally.model.Finding> own = new ArrayList<>();
        for (int k = 0; k + 1 < eras.size(); k++) {
            Remapped.Result r = Remapped.of(eras.get(k), eras.get(k + 1), data.read().of(eras.get(k)).table(), estimates, data.inputNames());
            results.add(r);
            own.addAll(r.findings());
        }
        DataReport report = new DataReport(data.summary(), data.findings(), data.every(), own);
        report.printFindings(io, in.findings);
        Files.createDirectories(target);
        for (Remapped.Result r : results) {
            r.leftOut().forEach((why, n) -> leftOut.merge(why, n, Long::sum));
            Map<Period, List<Remapped.Value>> byPeriod = new LinkedHashMap<>();
            for (Remapped.Value v : r.values()) byPeriod.computeIfAbsent(v.period(), x -> new ArrayList<>()).add(v);
            for (var e : byPeriod.entrySet()) {
                Path file = target.resolve(e.getKey().text().replace("..", "_") + ".csv");
                try (Output out = Output.open(file, io.out())) {
                    TableSink sink = Writers.create(Format.CSV, out.stream(), WriteOptions.defaults());
                    sink.start(List.of(Column.text("unit"), Column.text("period"), Column.text("indicator"), Column.number("value")), Map.of());
                    for (Remapped.Value v : e.getValue()) sink.row(Arrays.asList(v.unit().code(), v.period().text(), v.indicator().code(), v.value()));
                    sink.finish();
                    out.commit();
                }
                files.add(file.getFileName().toString());
                written += e.getValue().size();
            }
        }
        report.printSummary(io, in.findings);
        io.note(t("remap.summary", dev.tally.model.Text.count(written, "summary.values"), dir,
                files.isEmpty() ? t("remap.noFiles") : String.join(", ", files))
                + (leftOut.isEmpty() ? "" : t("remap.leftOut", String.join("; ", leftOut.entrySet().stream()
                .map(x -> x.getValue() + " " + x.getKey()).toList()))));
        return report.errors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
    }

}
