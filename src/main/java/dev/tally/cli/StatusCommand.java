package dev.tally.cli;

import dev.tally.config.Project;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.store.Store;
import dev.tally.workspace.Status;
import dev.tally.workspace.Workspace;
import dev.tally.write.Column;
import dev.tally.write.Format;
import dev.tally.write.Output;
import dev.tally.write.TableSink;
import dev.tally.write.WriteOptions;
import dev.tally.write.Writers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** tally status: who has reported, on time or late, and who is missing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Completeness and timeliness of the reports in the workspace, per parent unit.",
        description = "For every parent unit and period: expected reports (children at a reporting level), received, on time "
                + "(received within deadline_days, default 15, after the period ends), late, missing (listed by code and name) and the "
                + "reporting rate in percent, which never exceeds 100.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error", "3:configuration error", "4:input/output error (no store)"})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @Mixin
    ProjectOptions project;

    @Option(names = "--period", paramLabel = "P", description = "Only this period (default: every period in the store).")
    String period;

    @Option(names = "--unit", paramLabel = "CODE", description = "Only parent units in this unit's subtree.")
    String unit;

    @Mixin
    OutputOptions out;

    @Override
    public Integer call() throws IOException {
        Io io = root.io;
        List<Period> periods = period == null ? List.of() : List.of(Period.parseOrThrow(period));
        Project p = project.load(io);
        out.refuseInputs(p.files());
        Unit scope = null;
        if (unit != null) {
            scope = p.hierarchy().unit(unit);
            if (scope == null) throw TallyException.usage("--unit '" + unit + "' is not in the units file");
        }
        List<Status.Row> rows;
        try (Store store = Store.open(Workspace.storePath(p.settings()), false)) {
            int deadline = p.settings().deadlineDays() == null ? 15 : p.settings().deadlineDays();
            rows = Status.compute(p.hierarchy(), p.catalog(), store.arrivals(), deadline, periods, scope);
        }
        Format fmt = out.resolved(io);
        try (Output target = Output.open(out.file(), io.out())) {
            TableSink sink = Writers.create(fmt, target.stream(), new WriteOptions(false, out.delimiter(null), io.width(), out.numbers(), true));
            sink.start(List.of(Column.text("period"), Column.text("unit"), Column.text("unit_name"), Column.number("expected"),
                    Column.number("received"), Column.number("on_time"), Column.number("late"), Column.number("missing"),
                    Column.number("rate_pct"), Column.text("missing_units")), Map.of());
            for (Status.Row r : rows) {
                List<Object> row = new ArrayList<>();
                row.add(r.period().text());
                row.add(r.parent().code());
                row.add(r.parent().name());
                row.add((long) r.expected());
                row.add((long) r.received());
                row.add((long) r.onTime());
                row.add((long) r.late());
                row.add((long) r.missing().size());
                row.add(r.rate());
                row.add(r.missing().stream().map(u -> u.code() + " " + u.name()).collect(Collectors.joining("; ")));
                sink.row(row);
            }
            sink.finish();
            target.commit();
        }
        return 0;
    }
}
