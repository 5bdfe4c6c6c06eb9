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
import dev.tally.workspace.Locks;
import dev.tally.workspace.Workspace;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally lock: sign a slice off, so that import refuses to change it. */
@Command(name = "lock", header = "Lock a period's data once its review is signed: import then refuses to change it.",
        description = "Marks the slice as signed: the period and every period inside it (2024 takes in 2024-H1, 2024-Q2, 2024-05), "
                + "--form or every form, --unit and every unit below it or every unit. From then on import refuses every "
                + "submission into the slice (a finding 'locked' that names the lock, who made it and when; exit 1; nothing of "
                + "it is stored), status shows the slice locked, and history lists the lock. The lock, who made it, from which "
                + "host, when and why are kept in the store's audit; tally unlock lifts it. A slice locked already is left as it is.")
final class LockCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period signed off (it takes in every period inside it).")
    String period;

    @Option(names = "--form", paramLabel = "CODE", description = "Only this form (default: every form).")
    String form;

    @Option(names = "--unit", paramLabel = "CODE", description = "This unit and every unit below it (default: every unit).")
    String unit;

    @Option(names = "--by", paramLabel = "NAME", required = true, description = "Who signs the slice off, as the audit records it.")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, as the audit records it (e.g. the review's number).")
    String reason;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "locked (or locked already)").brief(USAGE).brief(CONFIG)
                .brief(IO, "the store cannot be written");
    }

    @Override
    ExitCode run(Io io) {
        Project p = project.load(io);
        Slice s = Slice.of(p, period, form, unit);
        String at = Times.now(io);
        try (Store store = Store.open(Workspace.location(p.settings()), true)) {
            Locks.Locked done = Locks.lock(store, Workspace.who(by), s.period(), s.form(), s.unit(), at, reason);
            Store.Lock l = done.lock();
            io.say(t(done.already() ? "lock.already" : "lock.done", Locks.slice(l), l.id(), Locks.by(l.by(), l.host(), l.at())));
        }
        return OK;
    }

    /** A slice as given: the period as tally writes it, the form and unit checked against the project. */
    record Slice(String period, String form, String unit) {
        static Slice of(Project p, String period, String form, String unit) {
            Period parsed = Period.parseOrThrow(period);
            if (form != null && p.eras().stream().noneMatch(e -> e.catalog().form(form) != null)) {
                throw TallyException.usage(t("usage.notForm", form,
                        p.catalog().forms().stream().map(dev.tally.model.Form::code).collect(Collectors.joining(", "))));
            }
            String code = unit == null ? null : UnitSelection.resolve(p.eraOf(parsed).hierarchy(), unit).code();
            return new Slice(parsed.text(), form, code);
        }
    }
}
