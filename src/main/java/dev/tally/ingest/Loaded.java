package dev.tally.ingest;

import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.config.Settings;
import dev.tally.io.Tasks;
import dev.tally.model.Finding;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.read.InputFile;
import dev.tally.read.Inputs;
import dev.tally.read.ReadOptions;
import dev.tally.store.Store;
import dev.tally.validate.EveryFinding;
import dev.tally.validate.Summary;
import dev.tally.validate.Validator;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The project and the validated data a command works on, the shared first half of validate, rollup
 * and the review commands: the submission files named, or without them the current submissions in
 * the project's store, read and validated against every era ({@link #read}: one result per era;
 * {@link #result} is the one era's of a project without boundaries). Loading chooses the cell table
 * (sparse for a small input that is not rolled up, see {@link #SPARSE_BELOW_BYTES_PER_CELL}), plans
 * the reading while the configuration loads, and runs the readers on {@code threads} threads.
 *
 * <p>Example: {@code Loaded.of(host, new Loaded.Spec(List.of("submissions"), ReadOptions.defaults(), 2, List.of(), true, stdin, Ingest.Watcher.NONE, null))}
 */
public record Loaded(Project project, List<InputFile> files, Ingest.EraRead read) {
    /** What the command that loads gives: its project, and the check that none of its outputs is an input. */
    public interface Host {
        /** tally.yaml's settings as the command finds them (--config, else the working directory's), before the project loads. */
        Settings settings();

        /** Loads the project (the command shows its warnings). */
        Project project();

        /** Refuses, before anything is read, any output of the command that is one of {@code inputs}. */
        void refuseInputs(Collection<Path> inputs);

        /** Tells of a link below an input directory that leads to no file that can be read ({@link Inputs#expand(List, java.util.function.Consumer)}). */
        void linkNowhere(Path link);

        /**
         * Where the project's store is (TALLY_STORE, else store: in tally.yaml, else tally.db beside it:
         * workspace's rule); null when there is no project file and no store is named.
         */
        dev.tally.store.Location store();
    }

    /**
     * What to read.
     *
     * @param inputs   submission files or directories ({@code -}: standard input); none: the project's store
     * @param within   the periods needed (empty: every one)
     * @param rolledUp the cells are rolled up, which needs a dense table; otherwise a small input keeps only
     *                 the rows of the units it names
     * @param stdin    what {@code -} reads
     * @param watcher  told of the reading's progress
     */
    public record Spec(List<String> inputs, ReadOptions read, int threads, List<Period> within, boolean rolledUp, InputStream stdin,
                       Ingest.Watcher watcher) {}

    /** The result of a project of one era. */
    public Validator.Result result() {
        if (read.results().size() != 1) throw new IllegalStateException("a project with eras has one result per era");
        return read.results().get(0);
    }

    /** The findings of every era, in input and line order. */
    public List<Finding> findings() { return read.findings(); }

    /**
     * Every finding of every era, in input and line order, those past the listing limit included when
     * the read options had them kept (read once, for a findings file).
     */
    public EveryFinding every() { return EveryFinding.of(read.results().stream().map(Validator.Result::every).toList()); }

    /** The counts of every era together. */
    public Summary summary() { return read.summary(); }

    /** True when the cells were kept sparse: rows for the units met only. */
    public boolean sparse() { return read.results().stream().anyMatch(r -> !r.table().isDense()); }

    /**
     * Below this many bytes of input for each cell of a period (units × indicators), a run whose cells
     * are not rolled up keeps them in a sparse table, rows for the units met only. One district's file
     * validated against the national hierarchy: 0.40 s and 222 MB dense, 0.23 s and 70 MB sparse; a
     * thousand one-line periods: 9.6 s and 5.1 GB, 0.29 s and 94 MB. Above it (the whole country's
     * data) the dense table is smaller: W1 112 MB dense against 183 MB sparse, W2 284 against 414 MB.
     */
    static final int SPARSE_BELOW_BYTES_PER_CELL = 2;

    /** Reads and validates what {@code spec} names, for the command {@code host}. */
    public static Loaded of(Host host, Spec spec) {
        if (spec.inputs() == null || spec.inputs().isEmpty()) return fromStore(host, spec);
        List<InputFile> files = Inputs.expand(spec.inputs(), host::linkNowhere);
        host.refuseInputs(files.stream().map(InputFile::path).toList());
        // planning the reading (finding file layouts, cutting large files) needs no configuration
        CompletableFuture<Ingest.Plan> plan = CompletableFuture.supplyAsync(() -> Ingest.plan(files, spec.read(), spec.threads()));
        Project p = host.project();
        host.refuseInputs(p.files());
        Ingest.Plan planned = Tasks.join(plan);
        long cells = 0;
        for (var e : p.eras()) cells = Math.max(cells, (long) e.hierarchy().size() * e.catalog().size());
        // the rollup reads a sparse table as it reads a dense one; a boundary's re-expression (Remap)
        // reads an earlier era's cells by unit, so a project with eras rolls up dense tables
        boolean sparse = (!spec.rolledUp() || p.eras().size() == 1) && planned.bytes() < SPARSE_BELOW_BYTES_PER_CELL * cells;
        // the workbooks' layouts tally.yaml describes (templates:) apply when the files are read, not planned
        Ingest.EraRead r = Ingest.runEras(p.eras(), spec.within(), files, spec.read().with(p.settings().templates()), spec.stdin(), spec.threads(),
                planned, sparse, spec.watcher());
        return new Loaded(p, files, r);
    }

    /** With no input: the current version of every submission in the project's store. */
    private static Loaded fromStore(Host host, Spec spec) {
        Settings settings = host.settings();
        dev.tally.store.Location where = host.store();
        if (where == null) throw TallyException.usage(t("usage.noInput"));
        host.refuseInputs(java.util.Arrays.asList(settings.file(), settings.units(), settings.catalog(),
                where instanceof dev.tally.store.Location.File f ? f.path() : null));
        // opening the store loads SQLite's native library (or connects to the server), and the files its
        // values came from take a query over every submission: both while the units and catalog load
        CompletableFuture<Store> opening = CompletableFuture.supplyAsync(() -> Store.open(where, false));
        CompletableFuture<StoreIngest.Sources> sourcing = opening.thenApply(StoreIngest.Sources::of);
        Project p;
        try {
            p = host.project();
            host.refuseInputs(p.files());
        } catch (RuntimeException e) {
            sourcing.whenComplete((x, failure) -> opening.thenAccept(Store::close));
            throw e;
        }
        try (Store store = Tasks.join(opening)) {
            Ingest.EraRead r = StoreIngest.readEras(store, Tasks.join(sourcing), p.eras(), spec.within(), spec.threads());
            // the input names are the files the values came from, or the store itself when it holds nothing
            List<InputFile> files = r.inputs().stream().map(f -> store.file() != null && f.equals(store.file().toString())
                    ? new InputFile(f, store.file()) : new InputFile(f, null)).toList();
            return new Loaded(p, files, r);
        }
    }

    /** The inputs as messages name them. */
    public List<String> inputNames() { return files.stream().map(InputFile::display).toList(); }

    /** Each era's validated cells, in the order of the project's eras. */
    public List<dev.tally.model.CellTable> tables() { return read.results().stream().map(Validator.Result::table).toList(); }

    /** Every period some era's data has, in time order. */
    public List<Period> dataPeriods() {
        TreeSet<Period> all = new TreeSet<>();
        for (Validator.Result r : read.results()) all.addAll(r.table().periods());
        return new ArrayList<>(all);
    }
}
