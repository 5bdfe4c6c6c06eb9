package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Settings;
import dev.tally.model.ExitCode;
import dev.tally.store.Location;
import dev.tally.store.Store;
import dev.tally.store.StoreCopy;
import dev.tally.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** tally store copy: a whole store into an empty one, between SQLite and PostgreSQL. */
@Command(name = "copy", header = "Copy a whole store into an empty one, between an SQLite file and a PostgreSQL server.",
        description = "Copies every version of every submission, every import record, rejected arrival, lock and audit row, "
                + "with their ids, from FROM into TO, either way between a file (tally.db) and a server "
                + "(postgresql://HOST[:PORT]/DB[?schema=NAME]). FROM is read as of one moment (imports may go on); TO is "
                + "written in one transaction, made if it does not exist, and refused unless it is empty. Afterwards the rows "
                + "of each table are counted in both, and must agree. A rollup from either store then gives the same table.")
final class StoreCopyCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "The store to copy: a file, or a server's address.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The empty store to copy into: a file, or a server's address.")
    String to;

    static Location location(String given, String label) {
        return Settings.isAddress(given) ? Location.server(given, label) : new Location.File(Path.of(given));
    }

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "copied, the counts agree").brief(USAGE).brief(CONFIG, "a server address tally cannot read")
                .brief(IO, "FROM missing, TO not empty, a server that cannot be reached");
    }

    @Override
    ExitCode run(Io io) {
        Location source = location(from, "FROM"), target = location(to, "TO");
        if (target instanceof Location.File f && Files.exists(f.path()) && source instanceof Location.File s
                && f.path().toAbsolutePath().normalize().equals(s.path().toAbsolutePath().normalize())) {
            throw dev.tally.model.TallyException.usage(t("copy.same", f.path()));
        }
        StoreCopy.Counts counts;
        try (Store in = Store.open(source, false); Store out = Store.open(target, true)) {
            counts = StoreCopy.copy(in, out, Workspace.who(null));
        }
        var n = counts.target();
        io.say(t("copy.done", source.name(), target.name(), n.get("import"), n.get("submission"), n.get("rejection"), n.get("lock"),
                n.get("audit")));
        return OK;
    }
}
