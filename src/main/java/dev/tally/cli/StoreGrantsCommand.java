package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;
import dev.tally.store.Grants;
import dev.tally.store.Location;
import dev.tally.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** tally store grants: the SQL that gives a team's roles what they need on the server, and no more. */
@Command(name = "grants", header = "Print the GRANTs a store on a server needs: an owner, a writer role and a read-only role.",
        description = "Prints SQL for the server's administrator (psql -f): the schema, owned by --owner, which makes and upgrades "
                + "its tables on the first import; a writer role that can import, lock and unlock (SELECT, INSERT, UPDATE: tally "
                + "never deletes a row); a reader role that can run status, history, rollup and every command that reads "
                + "(SELECT only: an import as the reader is refused by the server, exit 4). STORE is the project's store by "
                + "default (TALLY_STORE, else store: in tally.yaml), and must be on a server. Nothing is connected to.")
final class StoreGrantsCommand extends BaseCommand {
    @Option(names = "--config", paramLabel = "FILE", description = "Project file (default: tally.yaml in the current directory or a parent).")
    java.nio.file.Path config;

    @Option(names = "--owner", paramLabel = "ROLE", description = "The role that owns the schema (default: tally_owner).")
    String owner = "tally_owner";

    @Option(names = "--writer", paramLabel = "ROLE", description = "The role that imports, locks and unlocks (default: tally_writer).")
    String writer = "tally_writer";

    @Option(names = "--reader", paramLabel = "ROLE", description = "The role that only reads (default: tally_reader).")
    String reader = "tally_reader";

    @Parameters(index = "0", arity = "0..1", paramLabel = "STORE", description = "A server's address (default: the project's store).")
    String store;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "printed").brief(USAGE, "the store is a file").brief(CONFIG);
    }

    @Override
    ExitCode run(Io io) {
        Location where = store != null ? StoreCopyCommand.location(store, "STORE")
                : Workspace.location(Project.settings(config, io.workingDir()));
        if (!(where instanceof Location.Server s)) throw TallyException.usage(t("grants.notServer", where.name()));
        io.out().print(Grants.sql(s.schema(), owner, writer, reader));
        io.out().flush();
        return OK;
    }
}
