package dev.tally.cli;

import dev.tally.config.Project;
import dev.tally.config.Settings;
import dev.tally.ingest.Ingest;
import dev.tally.ingest.Loaded;
import dev.tally.model.Period;
import dev.tally.rollup.Across;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The command line's side of loading the data a command works on ({@link Loaded}, in ingest): the
 * command's options as what to read and where its outputs go, the project's warnings on standard
 * error, and the progress line at a terminal.
 */
final class Loading {
    private Loading() {}

    /**
     * @param out      the command's output, refused before anything is read when it names an input (or null)
     * @param findings the command's --quiet (its progress line at a terminal) and --findings file, refused
     *                 like -o when it is an input; or null
     * @param rolledUp the command rolls the cells up, which needs a dense table
     * @param spill    where the findings past the listing limit are kept for {@link Loaded#every} to have them
     *                 all (--findings' directory, or validate's output's); null: they are counted only
     */
    static Loaded load(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs,
                       OutputOptions out, FindingOptions findings, boolean rolledUp, Path spill) {
        Loaded.Host host = new Loaded.Host() {
            @Override
            public Settings settings() { return Project.settings(project.config, io.workingDir()); }

            @Override
            public Project project() { return project.load(io); }

            @Override
            public dev.tally.store.Location store() {
                Settings s = settings();
                return s.file() == null && !dev.tally.workspace.Workspace.named(s) ? null : dev.tally.workspace.Workspace.location(s);
            }

            @Override
            public void linkNowhere(Path link) { io.warn(dev.tally.model.Text.t("file.linkNowhere", link)); }

            @Override
            public void refuseInputs(Collection<Path> paths) {
                if (out != null) out.refuseInputs(paths);
                if (findings != null) findings.refuseInputs(io, out == null ? null : out.file(), paths);
            }
        };
        boolean files = inputs != null && !inputs.isEmpty();
        Progress progress = findings == null || !files ? null : Progress.of(io, findings.quiet);
        try {
            return Loaded.of(host, new Loaded.Spec(inputs, input.toReadOptions(delimiter).spillingFindingsTo(spill), input.threads, within, rolledUp,
                    io.in(), progress == null ? Ingest.Watcher.NONE : progress));
        } finally {
            if (progress != null) progress.close();
        }
    }

    /** Each era with its validated cells, for a rollup across boundaries. */
    static List<Across.EraCells> eraCells(Loaded data) {
        List<Across.EraCells> out = new ArrayList<>();
        List<dev.tally.model.CellTable> tables = data.tables();
        for (var e : data.project().eras()) out.add(new Across.EraCells(e, tables.get(e.index())));
        return out;
    }
}
