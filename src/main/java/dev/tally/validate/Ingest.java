package dev.tally.validate;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.read.SubmissionReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        if (inputs.stream().filter(InputFile::stdin).count() > 1) {
            throw TallyException.usage("'-' (standard input) can be given only once");
        }
        List<String> names = inputs.stream().map(InputFile::display).toList();
        Validator v = new Validator(h, c, within, names);
        int workers = Math.max(1, Math.min(threads, inputs.size()));
        List<Validator.Part> parts = new ArrayList<>();
        for (int i = 0; i < workers; i++) parts.add(v.part());
        if (inputs.isEmpty()) return v.finish(parts);
        // Contiguous chunks of inputs, one per worker: part k reads inputs before part k+1, so merging
        // the parts in order sees every cell in input order and the findings never depend on timing.
        int[] bounds = chunks(inputs, workers);
        if (workers == 1) {
            drain(parts.get(0), inputs, options, stdin, 0, inputs.size());
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "tally-read");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < workers; k++) {
                    Validator.Part part = parts.get(k);
                    int from = bounds[k], to = bounds[k + 1];
                    futures.add(pool.submit(() -> drain(part, inputs, options, stdin, from, to)));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException re) throw re;
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw TallyException.io("interrupted while reading");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return v.finish(parts);
    }

    /** Splits the inputs into contiguous runs of about equal size in bytes (files) for the workers. */
    static int[] chunks(List<InputFile> inputs, int workers) {
        long[] size = new long[inputs.size()];
        long total = 0;
        for (int i = 0; i < size.length; i++) {
            InputFile f = inputs.get(i);
            try {
                size[i] = f.stdin() ? 1 << 20 : Math.max(1, java.nio.file.Files.size(f.path()));
            } catch (java.io.IOException e) {
                size[i] = 1;
            }
            total += size[i];
        }
        int[] bounds = new int[workers + 1];
        bounds[workers] = inputs.size();
        long acc = 0;
        int k = 1;
        for (int i = 0; i < size.length && k < workers; i++) {
            acc += size[i];
            while (k < workers && acc >= total * k / workers) bounds[k++] = i + 1;
        }
        for (; k < workers; k++) bounds[k] = inputs.size();
        return bounds;
    }

    private static void drain(Validator.Part part, List<InputFile> inputs, ReadOptions options, InputStream stdin, int from, int to) {
        SubmissionReader reader = new SubmissionReader(options);
        for (int i = from; i < to; i++) {
            part.startInput(i);
            reader.read(inputs.get(i), stdin, part);
        }
    }
}
