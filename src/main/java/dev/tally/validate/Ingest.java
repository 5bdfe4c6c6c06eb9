package dev.tally.validate;

import dev.tally.io.Tasks;
import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.read.FastLongCsv;
import dev.tally.read.InputFile;
import dev.tally.read.LongLayout;
import dev.tally.read.ReadOptions;
import dev.tally.read.SubmissionReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads and validates a list of inputs: files ─► read ─► observations ─► validate. Inputs are read in
 * parallel (one worker per core, each taking the next unread input), each worker validating into its
 * own {@link Validator.Part}; the parts are merged in input order, so the result is the same for any
 * number of workers.
 */
public final class Ingest {
    private Ingest() {}

    public static Validator.Result run(Hierarchy h, Catalog c, List<Period> within, List<InputFile> inputs,
                                       ReadOptions options, InputStream stdin, int threads) {
        return run(h, c, within, inputs, options, stdin, threads, null, false);
    }

    /** As above, with the reading plan already made ({@link #plan}; null: make it here). */
    public static Validator.Result run(Hierarchy h, Catalog c, List<Period> within, List<InputFile> inputs,
                                       ReadOptions options, InputStream stdin, int threads, Plan planned, boolean sparse) {
        if (inputs.stream().filter(InputFile::stdin).count() > 1) {
            throw TallyException.usage("'-' (standard input) can be given only once");
        }
        // standard input cannot be read twice, so it is read in one thread (see collides below)
        if (inputs.stream().anyMatch(InputFile::stdin)) threads = 1;
        List<String> names = inputs.stream().map(InputFile::display).toList();
        Validator v = new Validator(h, c, within, names, sparse);
        List<Validator.Part> parts = new ArrayList<>();
        if (inputs.isEmpty()) {
            parts.add(v.part());
            return v.finish(parts);
        }
        // Contiguous chunks of work, one per worker: part k reads what comes before part k+1 in input
        // order (a large long CSV is cut into slices), so merging the parts in order sees every cell
        // in input order and the findings never depend on timing.
        List<Work> work = planned != null && planned.threads() == threads ? planned.work() : plan(inputs, options, threads).work();
        int workers = Math.max(1, Math.min(threads, work.size()));
        for (int i = 0; i < workers; i++) parts.add(v.part());
        int[] bounds = chunks(work, workers);
        if (workers == 1) {
            drain(parts.get(0), inputs, work, options, stdin, 0, work.size());
        } else {
            ExecutorService pool = Tasks.pool("tally-read", workers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < workers; k++) {
                    Validator.Part part = parts.get(k);
                    int from = bounds[k], to = bounds[k + 1];
                    futures.add(pool.submit(() -> drain(part, inputs, work, options, stdin, from, to)));
                }
                for (Future<?> f : futures) Tasks.get(f);
            } finally {
                pool.shutdownNow();
            }
            if (v.collides(parts)) {
                // a cell given in places read by different threads: read again in input order
                parts.clear();
                parts.add(v.part());
                drain(parts.get(0), inputs, work, options, stdin, 0, work.size());
            }
        }
        return v.finish(parts);
    }

    /** One unit of reading: a whole input, or a slice of a long CSV read on the fast lane. */
    public record Work(int input, LongLayout layout, FastLongCsv.Slice slice, boolean checked, long bytes) {}

    /** Files above this size are cut into one slice per thread. */
    static long splitBytes = 4L << 20;

    /** How the inputs will be read: made before the units and catalog are needed, so both can overlap. */
    public record Plan(List<Work> work, int threads) {}

    public static Plan plan(List<InputFile> inputs, ReadOptions options, int threads) {
        if (inputs.stream().anyMatch(InputFile::stdin)) threads = 1;
        List<Work> work = new ArrayList<>();
        java.nio.ByteBuffer scan = java.nio.ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < inputs.size(); i++) {
            InputFile f = inputs.get(i);
            long size = 1 << 20;
            if (!f.stdin()) {
                try {
                    size = Math.max(1, java.nio.file.Files.size(f.path()));
                } catch (java.io.IOException e) {
                    size = 1;
                }
            }
            LongLayout layout = FastLongCsv.layout(f, options).orElse(null);
            List<FastLongCsv.Slice> slices = null;
            if (layout != null && size > splitBytes && threads > 1) {
                // cutting needs line numbers and no quotes anywhere: one scan finds both
                try {
                    slices = FastLongCsv.slices(f.path(), layout, threads, scan).orElse(null);
                } catch (java.io.IOException e) {
                    slices = null;
                }
            }
            if (slices != null) {
                for (FastLongCsv.Slice s : slices) work.add(new Work(i, layout, s, true, Math.max(1, s.to() - s.from())));
            } else if (layout != null) {
                // read whole, unscanned: the fast lane stops at a quote and the tokenizer goes on
                work.add(new Work(i, layout, new FastLongCsv.Slice(layout.dataStart(), size, layout.headerLines() + 1), false, size));
            } else {
                work.add(new Work(i, null, null, false, size));
            }
        }
        return new Plan(work, threads);
    }

    /** Splits the work into contiguous runs of about equal size in bytes for the workers. */
    static int[] chunks(List<Work> work, int workers) {
        long total = 0;
        for (Work w : work) total += w.bytes();
        int[] bounds = new int[workers + 1];
        bounds[workers] = work.size();
        long acc = 0;
        int k = 1;
        for (int i = 0; i < work.size() && k < workers; i++) {
            acc += work.get(i).bytes();
            while (k < workers && acc >= total * k / workers) bounds[k++] = i + 1;
        }
        for (; k < workers; k++) bounds[k] = work.size();
        return bounds;
    }

    private static void drain(Validator.Part part, List<InputFile> inputs, List<Work> work, ReadOptions options, InputStream stdin,
                              int from, int to) {
        SubmissionReader reader = new SubmissionReader(options);
        for (int i = from; i < to; i++) {
            Work w = work.get(i);
            part.startInput(w.input());
            if (w.slice() == null) {
                reader.read(inputs.get(w.input()), stdin, part);
            } else {
                try {
                    FastLongCsv.read(inputs.get(w.input()), w.layout(), w.slice(), w.checked(), reader, part, part.fast());
                } catch (java.io.IOException e) {
                    throw TallyException.io(inputs.get(w.input()).display() + ": cannot read: " + e.getMessage());
                }
            }
        }
    }
}
