package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.ExitCode;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.store.Store;
import dev.tally.workspace.History;
import dev.tally.workspace.Workspace;
import dev.tally.write.Column;
import dev.tally.write.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally history: every version of one submission, when and from which file it came, and what changed. */
@Command(name = "history",         header = "Every version of a unit's submissions for a period, and what changed.",
        description = "Lists every arrival of the unit's submission for the period (one per form when the catalog has "
                + "forms), in the order imported: each stored version (version, whether it is current, when it was received, who "
                + "imported it and on which host, the file and its SHA-256, and the changes from the version before, which the "
                + "store's audit keeps value by value) and each arrival an import rejected (no version; why it was rejected); then "
                + "each lock and unlock of a slice that covers it (when, by whom, the slice and the reason).")
final class HistoryCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--unit", paramLabel = "CODE", required = true, description = "The unit.")
    String unit;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period.")
    String period;

    @Option(names = "--form", paramLabel = "CODE", description = "Only this form's submission (default: every form).")
    String form;

    @Mixin
    OutputOptions out;

    @Override
    public ExitList exits() {
        return ExitList.of().brief(OK).brief(USAGE).brief(CONFIG).brief(IO, "no store");
    }

    @Override
    ExitCode run(Io io) throws IOException {
        Period p = Period.parseOrThrow(period);
        Format format = out.resolved(io);
        Project proj = project.load(io);
        out.refuseInputs(proj.files());
        unit = UnitSelection.resolve(proj.hierarchy(), unit).code();
        List<Store.Version> versions;
        List<History.LockEvent> locks;
        try (Store store = Store.open(Workspace.location(proj.settings()), false)) {
            versions = store.history(unit, p);
            locks = History.lockEvents(store.locks(), proj.eraOf(p).hierarchy(), unit, form, p);
        }
        List<Store.Version> shown = form == null ? versions : versions.stream().filter(v -> v.form().equals(form)).toList();
        boolean forms = proj.catalog().declaresForms() || shown.stream().anyMatch(v -> !v.form().equals(dev.tally.model.Form.ALL));
        if (shown.isEmpty() && locks.isEmpty()) {
            io.say(t("cli.noHistory", unit, form == null ? "" : t("cli.onForm", form), p.text()));
            return ExitCode.OK;
        }
        out.write(io, format, sink -> {
            List<Column> columns = new ArrayList<>();
            if (forms) columns.add(Column.text("form"));
            columns.addAll(List.of(Column.number("version"), Column.text("current"), Column.text("received"), Column.text("by"),
                    Column.text("file"), Column.text("sha256"), Column.text("changes")));
            sink.start(columns, Map.of());
            Store.Version prev = null;
            for (Store.Version v : shown) {
                if (prev != null && !prev.form().equals(v.form())) prev = null; // each form's versions are their own history
                List<Object> row = new ArrayList<>();
                if (forms) row.add(v.form());
                row.add(v.rejected() ? null : Long.valueOf(v.version()));
                row.add(v.current() ? "yes" : "");
                row.add(v.received());
                row.add(History.by(v.by(), v.host()));
                row.add(v.file());
                row.add(v.sha256().substring(0, 12));
                row.add(String.join("; ", History.changes(prev, v)));
                sink.row(row);
                if (!v.rejected()) prev = v; // a rejected arrival stored nothing to compare the next version with
            }
            for (History.LockEvent e : locks) {
                List<Object> row = new ArrayList<>();
                if (forms) row.add(e.form());
                row.addAll(java.util.Arrays.asList(null, "", e.at(), e.by(), null, null, e.what()));
                sink.row(row);
            }
            sink.finish();
        });
        return ExitCode.OK;
    }
}
