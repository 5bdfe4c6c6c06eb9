package dev.tally.cli;

import dev.tally.config.Project;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --config, --units, --catalog: where the hierarchy and the catalog come from (every command takes them). */
final class ProjectOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Project file (default: tally.yaml in the current directory or a parent).")
    Path config;

    @Option(names = "--units", paramLabel = "FILE", description = "Units file (the hierarchy), CSV or JSON; overrides tally.yaml.")
    Path units;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Indicator catalog, YAML, JSON or CSV; overrides tally.yaml.")
    Path catalog;

    /** Loads the project; its warnings (codes that differ only in letter case…) go to standard error. */
    Project load(Io io) {
        Project p = Project.load(config, units, catalog, io.workingDir());
        for (String w : p.warnings()) io.note("tally: " + w);
        return p;
    }
}
