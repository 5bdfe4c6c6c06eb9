package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;
import dev.tally.store.Store;
import dev.tally.workspace.Locks;
import dev.tally.workspace.Workspace;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally unlock: lift the lock of a slice, with a reason. */
@Command(name = "unlock", header = "Lift the lock of a slice, saying why: import may change it again.",
        description = "Lifts the lock in force on exactly the slice given (the same --period, --form and --unit as tally lock "
                + "was given). Who lifted it, from which host, when and why are kept in the store's audit, beside the lock; "
                + "history lists both. A slice with no lock of its own is an error that lists the locks in force.")
final class UnlockCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period of the lock.")
    String period;

    @Option(names = "--form", paramLabel = "CODE", description = "The form of the lock (default: the lock of every form).")
    String form;

    @Option(names = "--unit", paramLabel = "CODE", description = "The unit of the lock (default: the lock of every unit).")
    String unit;

    @Option(names = "--by", paramLabel = "NAME", required = true, description = "Who lifts the lock, as the audit records it.")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the lock is lifted, as the audit records it.")
    String reason;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "unlocked").brief(USAGE, "no lock in force on that slice").brief(CONFIG)
                .brief(IO, "no store, or it cannot be written");
    }

    @Override
    ExitCode run(Io io) {
        Project p = project.load(io);
        LockCommand.Slice s = LockCommand.Slice.of(p, period, form, unit);
        String at = Times.now(io);
        try (Store store = Store.open(Workspace.location(p.settings()), false)) {
            Store.Lock l = Locks.unlock(store, Workspace.who(by), s.period(), s.form(), s.unit(), at, reason);
            if (l == null) {
                String inForce = store.locks().stream().filter(Store.Lock::active).map(x -> x.id() + " (" + Locks.slice(x) + ")")
                        .collect(Collectors.joining("; "));
                throw TallyException.usage(t("unlock.none", Locks.slice(new Store.Lock(0, s.period(), s.form(), s.unit(), null, null, null,
                        null, null, null, null, null)), inForce.isEmpty() ? t("unlock.noLocks") : inForce));
            }
            io.say(t("unlock.done", l.id(), Locks.slice(l), Locks.by(l.by(), l.host(), l.at())));
        }
        return OK;
    }
}
