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
import java.util.concurrent.atomic.AtomicInteger;

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
        AtomicInteger next = new AtomicInteger();
        if (workers == 1) {
            drain(parts.get(0), inputs, options, stdin, next);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "tally-read");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Validator.Part part : parts) futures.add(pool.submit(() -> drain(part, inputs, options, stdin, next)));
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

    private static void drain(Validator.Part part, List<InputFile> inputs, ReadOptions options, InputStream stdin, AtomicInteger next) {
        SubmissionReader reader = new SubmissionReader(options);
        for (int i; (i = next.getAndIncrement()) < inputs.size(); ) {
            part.startInput(i);
            reader.read(inputs.get(i), stdin, part);
        }
    }
}
