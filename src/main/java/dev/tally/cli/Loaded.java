package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.io.Tasks;
import dev.tally.model.TallyException;
import dev.tally.store.Store;
import dev.tally.ingest.StoreIngest;
import dev.tally.workspace.Workspace;
import dev.tally.model.Period;
import dev.tally.read.InputFile;
import dev.tally.read.Inputs;
import dev.tally.ingest.Ingest;
import dev.tally.validate.Validator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The project and the validated data a command works on: the shared first half of validate and
 * rollup. With eras, one result per era ({@link #read}); {@link #result} is the one era's result of a
 * project without boundaries.
 */
record Loaded(Project project, List<InputFile> files, Ingest.EraRead read) {
    /** The result of a project of one era. */
    Validator.Result result() {
        if (read.results().size() != 1) throw new IllegalStateException("a project with eras has one result per era");
        return read.results().get(0);
    }

    /** The findings of every era, in input and line order. */
    List<dev.tally.model.Finding> findings() { return read.findings(); }

    /**
     * Every finding of every era, in input and line order, those past the listing limit included when
     * --findings had them kept (read once, for the findings file).
     */
    dev.tally.validate.EveryFinding every() {
        return dev.tally.validate.EveryFinding.of(read.results().stream().map(Validator.Result::every).toList());
    }

    /** The counts of every era together. */
    dev.tally.validate.Summary summary() { return read.summary(); }

    /** @param out the command's output, refused before anything is read when it names an input */
    static Loaded of(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs,
                     OutputOptions out) {
        return of(io, project, input, delimiter, within, inputs, out, (FindingOptions) null);
    }

    /**
     * @param findings the command's --quiet (its progress line at a terminal) and --findings file,
     *                 refused like -o when it is an input; or null
     */
    static Loaded of(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs,
                     OutputOptions out, FindingOptions findings) {
        return of(io, project, input, delimiter, within, inputs, out, findings, true);
    }

    /**
     * Below this many bytes of input for each cell of a period (units × indicators), a run whose cells
     * are not rolled up keeps them in a sparse table, rows for the units met only. One district's file
     * validated against the national hierarchy: 0.40 s and 222 MB dense, 0.23 s and 70 MB sparse; a
     * thousand one-line periods: 9.6 s and 5.1 GB, 0.29 s and 94 MB. Above it (the whole country's
     * data) the dense table is smaller: W1 112 MB dense against 183 MB sparse, W2 284 against 414 MB.
     */
    static final int SPARSE_BELOW_BYTES_PER_CELL = 2;
    /** Reads that kept their cells sparse: tests prove the way is taken. */
    static final java.util.concurrent.atomic.AtomicLong SPARSE_READS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param rolledUp the command rolls the cells up, which needs a dense table; validate does not, and
     *                 small inputs then keep only the rows of the units they name
     */
    static Loaded of(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs,
                     OutputOptions out, FindingOptions findings, boolean rolledUp) {
        return of(io, project, input, delimiter, within, inputs, out, findings, rolledUp, findings == null ? null : findings.spillDir(io));
    }

    /**
     * @param spill where the findings past the listing limit are kept for {@link #every} to have them all
     *              (--findings' directory, or validate's output's); null: they are counted only
     */
    static Loaded of(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs,
                     OutputOptions out, FindingOptions findings, boolean rolledUp, java.nio.file.Path spill) {
        Outputs outputs = new Outputs(io, out, findings);
        if (inputs == null || inputs.isEmpty()) return fromStore(io, project, input, within, outputs);
        Progress progress = findings == null ? null : Progress.of(io, findings.quiet);
        var readOptions = input.toReadOptions(delimiter).spillingFindingsTo(spill);
        List<InputFile> files = Inputs.expand(inputs);
        outputs.refuseInputs(files.stream().map(InputFile::path).toList());
        // planning the reading (finding file layouts, cutting large files) needs no configuration
        CompletableFuture<Ingest.Plan> plan = CompletableFuture.supplyAsync(() -> Ingest.plan(files, readOptions, input.threads));
        Project p = project.load(io);
        outputs.refuseInputs(p.files());
        Ingest.Plan planned = Tasks.join(plan);
        long cells = 0;
        for (var e : p.eras()) cells = Math.max(cells, (long) e.hierarchy().size() * e.catalog().size());
        boolean sparse = !rolledUp && planned.bytes() < SPARSE_BELOW_BYTES_PER_CELL * cells;
        if (sparse) SPARSE_READS.incrementAndGet();
        Ingest.EraRead r;
        try {
            r = Ingest.runEras(p.eras(), within, files, readOptions, io.in(), input.threads, planned, sparse,
                    progress == null ? Ingest.Watcher.NONE : progress);
        } finally {
            if (progress != null) progress.close();
        }
        return new Loaded(p, files, r);
    }

    /** With no INPUT: the current version of every submission in the project's store. */
    private static Loaded fromStore(Io io, ProjectOptions project, InputOptions input, List<Period> within, Outputs out) {
        var settings = dev.tally.config.Project.settings(project.config, io.workingDir());
        if (settings.file() == null && !Workspace.named(settings)) {
            throw TallyException.usage(t("usage.noInput"));
        }
        var where = Workspace.location(settings);
        out.refuseInputs(java.util.Arrays.asList(settings.file(), settings.units(), settings.catalog(),
                where instanceof dev.tally.store.Location.File f ? f.path() : null));
        // opening the store loads SQLite's native library (or connects to the server), and the files its
        // values came from take a query over every submission: both while the units and catalog load
        CompletableFuture<Store> opening = CompletableFuture.supplyAsync(() -> Store.open(where, false));
        CompletableFuture<StoreIngest.Sources> sourcing = opening.thenApply(StoreIngest.Sources::of);
        Project p;
        try {
            p = project.load(io);
            out.refuseInputs(p.files());
        } catch (RuntimeException e) {
            sourcing.whenComplete((x, failure) -> opening.thenAccept(Store::close));
            throw e;
        }
        try (Store store = Tasks.join(opening)) {
            Ingest.EraRead r = StoreIngest.readEras(store, Tasks.join(sourcing), p.eras(), within, input.threads);
            // the input names are the files the values came from, or the store itself when it holds nothing
            List<InputFile> files = r.inputs().stream().map(f -> store.file() != null && f.equals(store.file().toString())
                    ? new InputFile(f, store.file()) : new InputFile(f, null)).toList();
            return new Loaded(p, files, r);
        }
    }

    /** Every file the command writes (-o, --findings), each refused when it is one of the inputs. */
    private record Outputs(Io io, OutputOptions out, FindingOptions findings) {
        void refuseInputs(java.util.Collection<java.nio.file.Path> inputs) {
            if (out != null) out.refuseInputs(inputs);
            if (findings != null) findings.refuseInputs(io, out == null ? null : out.file(), inputs);
        }
    }

    List<String> inputNames() { return files.stream().map(InputFile::display).toList(); }

    /** Each era with its validated cells, for a rollup across boundaries. */
    List<dev.tally.rollup.Across.EraCells> eraCells() {
        List<dev.tally.rollup.Across.EraCells> out = new java.util.ArrayList<>();
        for (var e : project.eras()) out.add(new dev.tally.rollup.Across.EraCells(e, read.of(e).table()));
        return out;
    }

    /** Every period some era's data has, in time order. */
    List<Period> dataPeriods() {
        java.util.TreeSet<Period> all = new java.util.TreeSet<>();
        for (Validator.Result r : read.results()) all.addAll(r.table().periods());
        return new java.util.ArrayList<>(all);
    }
}
