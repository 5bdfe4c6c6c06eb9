package dev.tally.ingest;

import dev.tally.io.Tasks;
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

    /**
     * The files current values came from, named once: the input names of the result (the store
     * itself when it holds nothing), and each import's position among them.
     */
    public record Sources(List<String> names, Map<Long, Integer> index) {
        /** Two queries over the whole store (a tenth of a second on 100,000 submissions): made while the configuration loads. */
        public static Sources of(Store store) {
            List<String> files = store.sourceFiles();
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < files.size(); i++) byName.put(files.get(i), i);
            Map<Long, Integer> index = new HashMap<>();
            store.importFiles().forEach((id, f) -> index.put(id, byName.getOrDefault(f, 0)));
            return new Sources(files.isEmpty() ? List.of(store.name()) : files, index);
        }
    }

    /**
     * Each stored submission validated against the era its period lies in. With one era the store
     * is read in id slices, one connection and one validator part per thread; with several, on one
     * thread through the era router (a stored submission is one unit, form and period, so no cell
     * comes twice either way).
     */
    public static Ingest.EraRead readEras(Store store, List<dev.tally.model.Era> eras, List<Period> within, int threads) {
        return readEras(store, Sources.of(store), eras, within, threads);
    }

    public static Ingest.EraRead readEras(Store store, Sources sources, List<dev.tally.model.Era> eras, List<Period> within, int threads) {
        List<Validator> validators = new ArrayList<>();
        for (dev.tally.model.Era e : eras) validators.add(new Validator(e.roster(), e.catalog(), within, sources.names(), false, false));
        long[] range = store.currentIdRange();
        long span = range[1] - range[0] + 1;
        int workers = eras.size() > 1 || span <= 0 ? 1 : Math.max(1, threads);
        // parts[k][era]: the k-th slice's part of each era's validator
        Validator.Part[][] parts = new Validator.Part[workers][eras.size()];
        for (int e = 0; e < eras.size(); e++) {
            List<Validator.Part> shared = validators.get(e).parts(workers);
            for (int k = 0; k < workers; k++) parts[k][e] = shared.get(k);
        }
        if (span > 0 && workers == 1) {
            readSlice(store, range[0], range[1], sink(eras, parts[0]), sources.index());
        } else if (span > 0) {
            ExecutorService pool = Tasks.pool("tally-store", workers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < workers; k++) {
                    long from = range[0] + span * k / workers, to = range[0] + span * (k + 1) / workers - 1;
                    dev.tally.read.ValueSink part = sink(eras, parts[k]);
                    futures.add(pool.submit(() -> {
                        try (Store own = store.another()) {
                            readSlice(own, from, to, part, sources.index());
                        }
                    }));
                }
                for (Future<?> f : futures) Tasks.get(f);
            } finally {
                pool.shutdownNow();
            }
        }
        List<List<Validator.Part>> byEra = new ArrayList<>();
        for (int e = 0; e < eras.size(); e++) {
            List<Validator.Part> mine = new ArrayList<>();
            for (Validator.Part[] slice : parts) mine.add(slice[e]);
            // the store keeps one current row per unit, form and period, so slices never share a cell;
            // should another program have broken that, one slice reads it all, as files would be read again
            if (validators.get(e).collides(mine)) return readEras(store, sources, eras, within, 1);
            byEra.add(mine);
        }
        List<Validator.Result> results = new ArrayList<>();
        for (int e = 0; e < eras.size(); e++) results.add(validators.get(e).finish(byEra.get(e), false));
        return new Ingest.EraRead(eras, List.copyOf(results), sources.names());
    }

    private static dev.tally.read.ValueSink sink(List<dev.tally.model.Era> eras, Validator.Part[] parts) {
        return eras.size() == 1 ? parts[0] : new EraRouter(eras, parts);
    }

    private static void readSlice(Store store, long from, long to, dev.tally.read.ValueSink part, Map<Long, Integer> index) {
        Field unit = new Field(), period = new Field();
        int[][] inputs = {new int[64]};
        long[][] lines = {new long[64]};
        JsonSubmissions.StoredReader reader = JsonSubmissions.storedReader(store.name(), part);
        store.currentSubmissions(from, to, sub -> {
            int[] n = {0};
            // nearly every value of a submission came from its own import: looked up once, not per value
            int mainInput = index.getOrDefault(sub.importId(), 0);
            Json.readSources(sub.sources(), sub.importId(), (position, importId, line) -> {
                if (n[0] == inputs[0].length) {
                    inputs[0] = java.util.Arrays.copyOf(inputs[0], n[0] * 2);
                    lines[0] = java.util.Arrays.copyOf(lines[0], n[0] * 2);
                }
                inputs[0][n[0]] = importId == sub.importId() ? mainInput : index.getOrDefault(importId, 0);
                lines[0][n[0]++] = line;
            });
            reader.read(unit.set(sub.unit(), 0, sub.unit().length), period.set(sub.period(), 0, sub.period().length), sub.values(),
                    java.util.Arrays.copyOf(inputs[0], n[0]), java.util.Arrays.copyOf(lines[0], n[0]));
        });
    }
}
