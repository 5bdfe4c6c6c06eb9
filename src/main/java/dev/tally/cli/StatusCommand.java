package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.ExitCode;
import dev.tally.model.Form;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.store.Store;
import dev.tally.workspace.Status;
import dev.tally.write.Column;
import dev.tally.write.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally status: who has reported, on time or late, who is missing and what they still owe. */
@Command(name = "status",         header = "Completeness and timeliness of the reports in the workspace, at every level.",
        description = "For every form and period, every unit above the reporting level and a total: expected reports, received, "
                + "on time (first arrived within the form's deadline_days, else the project's, default 15, after the period ends: "
                + "a correction is not a late report), late, "
                + "missing, rejected (what arrived was rejected on import; part of missing), exempt (inactive units and tally.yaml "
                + "exemptions, not expected), incomplete (received without some required indicator) and the rate, received over expected in percent, which never exceeds 100. A unit with no "
                + "units below it at the reporting level (a district without communes) reports for itself and counts as its own "
                + "expected reporter. A period longer than the form's counts the form's periods inside it: --period 2024 over a "
                + "half-yearly form expects every reporter twice. --missing lists instead, per reporting unit, form and period it "
                + "owes, whether nothing arrived, what arrived was rejected (and why) or is incomplete, and the required "
                + "indicators it has not given (all of them when nothing arrived): the list to send back. Where the store has "
                + "locks in force (tally lock), a column 'locked' names the lock that covers each row's unit, form and period.")
final class StatusCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--period", paramLabel = "P", description = "Only this period; a longer one counts the form's periods inside it "
            + "(default: every period of each form's type in the store).")
    String period;

    @Option(names = "--form", paramLabel = "CODE", description = "Only this form (repeatable; default: every form).")
    List<String> forms = new ArrayList<>();

    @Mixin
    UnitSelection rows;

    @Option(names = "--missing", description = "List, per reporting unit, form and period, the required indicators it has not given: "
            + "whole on a pipe and in a file, wrapped (never cut) on a terminal.")
    boolean missing;

    @Option(names = "--split-by", paramLabel = "LEVEL", description = "With --missing and -o DIR: one file per unit of LEVEL (e.g. "
            + "district) that has something owed below it, the letter that unit gets (\"đề nghị bổ sung số liệu\"), named "
            + "CODE_Name.EXT in DIR (created if absent), each written atomically; the format from --format (default csv). A unit "
            + "above LEVEL that owes its own report gets a file of its own.")
    String splitBy;

    @Mixin
    OutputOptions out;

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).brief(USAGE).brief(CONFIG).brief(IO, "no store");
    }

    @Override
    ExitCode run(Io io) throws IOException {
        if (splitBy != null) MissingLetters.check(missing, out);
        Period asked = period == null ? null : Period.parseOrThrow(period);
        Project p = project.load(io);
        out.refuseInputs(p.files());
        for (String f : forms) {
            if (p.eras().stream().noneMatch(e -> e.catalog().form(f) != null)) {
                throw TallyException.usage(t("usage.notForm", f,
                        p.catalog().forms().stream().map(Form::code).collect(Collectors.joining(", "))));
            }
        }
        // each era counts its own periods with its own units: a unit code means the unit of its period's era
        Status.Report report = Status.of(p, asked, era -> {
            Status.Scope scope = new Status.Scope(rows.unit == null ? null : UnitSelection.find(era.hierarchy(), rows.unit),
                    rows.maxDepth(era.hierarchy()));
            return rows.unit != null && scope.root() == null ? null : scope;
        });
        List<Status.Result> results = report.eras().stream().map(Status.EraResult::result).toList();
        List<dev.tally.model.Era> eraOf = report.eras().stream().map(Status.EraResult::era).toList();
        List<Store.Lock> locks = report.locks();
        if (rows.unit != null && results.isEmpty()) UnitSelection.resolve(p.lastEra().hierarchy(), rows.unit);
        if (splitBy != null && p.eras().stream().noneMatch(e -> e.hierarchy().levels().contains(splitBy))) {
            throw TallyException.usage(t("status.split.notLevel", splitBy, String.join(", ", p.lastEra().hierarchy().levels())));
        }
        boolean formColumns = p.eras().stream().anyMatch(e -> e.catalog().declaresForms());
        boolean eraColumn = p.hasEras();
        if (missing) {
            Format fmt = splitBy != null ? (out.format != null ? out.format : Format.CSV) : out.resolved(io);
            List<Column> columns = missingColumns(eraColumn, formColumns);
            List<Owed> owed = owed(results, eraOf, eraColumn, formColumns, fmt);
            if (splitBy != null) {
                MissingLetters.write(io, out, fmt, columns, owed, splitBy, p.files());
                return ExitCode.OK;
            }
            out.write(io, fmt, sink -> {
                sink.start(columns, Map.of());
                for (Owed o : owed) sink.row(o.cells());
                sink.finish();
            });
            return ExitCode.OK;
        }
        Format fmt = out.resolved(io);
        out.write(io, fmt, sink -> {
            List<Column> columns = new ArrayList<>();
            if (eraColumn) columns.add(Column.text("units"));
            if (formColumns) columns.addAll(List.of(Column.text("form"), Column.text("form_name")));
            columns.addAll(List.of(Column.text("period"), Column.text("level"), Column.text("unit"), Column.text("unit_name"),
                    Column.number("expected"), Column.number("received"), Column.number("on_time"), Column.number("late"),
                    Column.number("missing"), Column.number("rejected"), Column.number("exempt"), Column.number("incomplete"),
                    Column.number("rate_pct")));
            // signed-off slices, where the store has any: which lock covers the row's unit, form and period
            if (!locks.isEmpty()) columns.add(Column.text("locked"));
            sink.start(columns, Map.of());
            for (int k = 0; k < results.size(); k++) for (Status.Row r : results.get(k).rows()) {
                if (!forms.isEmpty() && !forms.contains(r.form().code())) continue;
                List<Object> row = new ArrayList<>();
                if (eraColumn) row.add(eraOf.get(k).label());
                if (formColumns) row.addAll(List.of(r.form().code(), r.form().label()));
                row.add(r.period().text());
                // the total row as rollup's: its name in the run's language for people, "total" for programs
                row.add(r.unit() == null ? (fmt.people() ? "" : "total") : r.unit().level());
                row.add(r.unit() == null ? "" : r.unit().code());
                row.add(r.unit() == null ? dev.tally.rollup.RollupTables.totalName(fmt.people()) : r.unit().name());
                for (int n : new int[] {r.expected(), r.received(), r.onTime(), r.late(), r.missing(), r.rejected(), r.exempt(),
                    r.incomplete()}) {
                    row.add((long) n);
                }
                row.add(r.rate());
                if (!locks.isEmpty()) {
                    Store.Lock l = dev.tally.workspace.Locks.covering(locks, eraOf.get(k).hierarchy(), r.unit() == null ? null : r.unit().code(),
                            r.form().code(), r.period());
                    row.add(l == null ? null : t("status.locked", l.id(), dev.tally.workspace.Locks.by(l.by(), l.host(), l.at())));
                }
                sink.row(row);
            }
            sink.finish();
        });
        return ExitCode.OK;
    }

    /**
     * One line of the list of what is owed: its cells, and the unit whose letter it goes in with
     * --split-by (the reporting unit's ancestor at that level, or the unit itself when it is above it).
     */
    record Owed(List<Object> cells, Unit letter) {}

    /** The columns of --missing: every one kept whole, since a person acts on each of them. */
    private static List<Column> missingColumns(boolean eraColumn, boolean formColumns) {
        List<Column> columns = new ArrayList<>();
        if (eraColumn) columns.add(Column.text("units"));
        if (formColumns) columns.addAll(List.of(Column.text("form"), Column.text("form_name")));
        columns.addAll(List.of(Column.text("period"), Column.text("unit"), Column.text("unit_name"), Column.text("parent"),
                Column.text("parent_name"), Column.text("status"), Column.text("received"), Column.number("missing_count"),
                Column.text("missing_indicators"), Column.text("missing_names"), Column.text("errors")));
        return columns.stream().map(Column::keptWhole).toList();
    }

    private List<Owed> owed(List<Status.Result> results, List<dev.tally.model.Era> eraOf, boolean eraColumn, boolean formColumns,
                            Format fmt) {
        List<Owed> owed = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) for (Status.Gap g : results.get(k).gaps()) {
            if (!forms.isEmpty() && !forms.contains(g.form().code())) continue;
            List<Object> row = new ArrayList<>();
            if (eraColumn) row.add(eraOf.get(k).label());
            Hierarchy hk = eraOf.get(k).hierarchy();
            if (formColumns) row.addAll(List.of(g.form().code(), g.form().label()));
            Unit parent = g.unit().parent() == null ? null : hk.unit(g.unit().parent());
            row.add(g.period().text());
            row.add(g.unit().code());
            row.add(g.unit().name());
            row.add(parent == null ? null : parent.code());
            row.add(parent == null ? null : parent.name());
            row.add(fmt.people() ? t("status.owed." + g.owed().name()) : g.owed().label());
            row.add(g.received() == null ? null : g.received().toString());
            row.add((long) g.lacking().size());
            row.add(g.lacking().stream().map(Indicator::code).collect(Collectors.joining(", ")));
            row.add(g.lacking().stream().map(i -> i.name() == null ? i.code() : i.name()).collect(Collectors.joining("; ")));
            row.add(g.errors().isEmpty() ? null : String.join("; ", g.errors()));
            owed.add(new Owed(row, splitBy == null ? null : letterOf(hk, g.unit())));
        }
        return owed;
    }

    /** The unit at --split-by's level at or above {@code u}; {@code u} itself when it is above that level (it owes its own report). */
    private Unit letterOf(Hierarchy h, Unit u) {
        for (Unit a = u; a != null; a = a.parent() == null ? null : h.unit(a.parent())) {
            if (splitBy.equals(a.level())) return a;
        }
        return u;
    }
}
