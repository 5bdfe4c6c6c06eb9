package dev.tally.ingest;

import dev.tally.io.Tasks;
import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.read.Field;
import dev.tally.read.JsonSubmissions;
import dev.tally.store.Json;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Feeds the current version of every stored submission through the validator, as if read from the
 * files it came from (each value keeps its file and line), so validate and rollup work the same on
 * the store as on files: the stored value map is read by the same JSON reader as a submission file.
 * Units or indicators removed from the configuration since the import show up as the usual
 * findings. The store is read in id slices, one connection and one validator part per thread.
 */
public final class StoreIngest {
    private StoreIngest() {}

    /** The result's input names are the files the values came from ({@link Store#sourceFiles}). */
    public static Validator.Result read(Store store, Hierarchy h, Catalog c, List<Period> within, int threads) {
        return read(store, dev.tally.model.Roster.of(h), c, within, threads);
    }

    public static Validator.Result read(Store store, dev.tally.model.Roster roster, Catalog c, List<Period> within, int threads) {
        List<String> names = store.sourceFiles();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) byName.put(names.get(i), i);
        // the input index of each import: values name the import they came from
        Map<Long, Integer> index = new HashMap<>();
        store.importFiles().forEach((id, f) -> index.put(id, byName.getOrDefault(f, 0)));
        Validator v = new Validator(roster, c, within, names.isEmpty() ? List.of(store.file().toString()) : names, false, false);
        long[] range = store.currentIdRange();
        int workers = Math.max(1, threads);
        long span = range[1] - range[0] + 1;
        List<Validator.Part> parts = new ArrayList<>();
        for (int k = 0; k < workers; k++) parts.add(v.part());
        if (span <= 0) return v.finish(parts.subList(0, 1), false);
        ExecutorService pool = Tasks.pool("tally-store", workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                long from = range[0] + span * k / workers, to = range[0] + span * (k + 1) / workers - 1;
                Validator.Part part = parts.get(k);
                futures.add(pool.submit(() -> {
                    try (Store own = Store.open(store.file(), false)) {
                        readSlice(own, from, to, part, index);
                    }
                }));
            }
            for (Future<?> f : futures) Tasks.get(f);
        } finally {
            pool.shutdownNow();
        }
        // a cell belongs to one form's submission, current once: two slices never hold the same cell
        return v.finish(parts, false);
    }

    /** With eras: each stored submission is validated against the era its period lies in. */
    public static Ingest.EraRead readEras(Store store, List<dev.tally.model.Era> eras, List<Period> within, int threads) {
        if (eras.size() == 1) {
            Validator.Result r = read(store, eras.get(0).roster(), eras.get(0).catalog(), within, threads);
            return new Ingest.EraRead(eras, List.of(r), r == null ? List.of() : store.sourceFiles());
        }
        List<String> names = store.sourceFiles();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) byName.put(names.get(i), i);
        Map<Long, Integer> index = new HashMap<>();
        store.importFiles().forEach((id, f) -> index.put(id, byName.getOrDefault(f, 0)));
        List<String> inputNames = names.isEmpty() ? List.of(store.file().toString()) : names;
        List<Validator> validators = new ArrayList<>();
        Validator.Part[] parts = new Validator.Part[eras.size()];
        for (dev.tally.model.Era e : eras) {
            Validator v = new Validator(e.roster(), e.catalog(), within, inputNames, false, false);
            validators.add(v);
            parts[e.index()] = v.part();
        }
        long[] range = store.currentIdRange();
        // one thread: a stored submission is one unit, form and period, so no cell comes twice
        if (range[1] >= range[0]) readSlice(store, range[0], range[1], new EraRouter(eras, parts), index);
        List<Validator.Result> results = new ArrayList<>();
        for (int e = 0; e < eras.size(); e++) results.add(validators.get(e).finish(List.of(parts[e]), false));
        return new Ingest.EraRead(eras, List.copyOf(results), inputNames);
    }

    private static void readSlice(Store store, long from, long to, dev.tally.read.ValueSink part, Map<Long, Integer> index) {
        Field unit = new Field(), period = new Field();
        int[][] inputs = {new int[64]};
        long[][] lines = {new long[64]};
        store.currentSubmissions(from, to, sub -> {
            int[] n = {0};
            Json.readSources(sub.sources(), sub.importId(), (position, importId, line) -> {
                if (n[0] == inputs[0].length) {
                    inputs[0] = java.util.Arrays.copyOf(inputs[0], n[0] * 2);
                    lines[0] = java.util.Arrays.copyOf(lines[0], n[0] * 2);
                }
                inputs[0][n[0]] = index.getOrDefault(importId, 0);
                lines[0][n[0]++] = line;
            });
            JsonSubmissions.readStored(store.file().toString(), unit.set(sub.unit()), period.set(sub.period()), sub.values(),
                    java.util.Arrays.copyOf(inputs[0], n[0]), java.util.Arrays.copyOf(lines[0], n[0]), part);
        });
    }
}
