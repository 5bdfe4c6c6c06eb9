package dev.tally.workspace;

import dev.tally.model.Catalog;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Observation;
import dev.tally.model.Period;
import dev.tally.model.Source;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.store.Json;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Feeds the current version of every stored submission through the validator, as if read from the
 * files it came from (each value keeps its file and line), so validate and rollup work the same on
 * the store as on files. Units or indicators removed from the configuration since the import show
 * up as the usual findings. Integers of known units and indicators take the validator's fast lane;
 * the store is read in id slices, one connection and one validator part per core.
 */
public final class StoreReader {
    private StoreReader() {}

    /** The result's input names are the files the values came from ({@link Store#sourceFiles}). */
    public static Validator.Result read(Store store, Hierarchy h, Catalog c, List<Period> within, int threads) {
        List<String> names = store.sourceFiles();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        Validator v = new Validator(h, c, within, names.isEmpty() ? List.of(store.file().toString()) : names);
        long[] range = store.currentIdRange();
        int workers = Math.max(1, threads);
        long span = range[1] - range[0] + 1;
        List<Validator.Part> parts = new ArrayList<>();
        for (int k = 0; k < workers; k++) parts.add(v.part());
        if (span <= 0) return v.finish(parts.subList(0, 1));
        Map<String, Integer> unitIds = new HashMap<>(), indicatorIds = new HashMap<>();
        for (Unit u : h.units()) unitIds.put(u.code(), u.index());
        for (Indicator ind : c.indicators()) if (!ind.derived()) indicatorIds.put(ind.code(), ind.index());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "tally-store");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                long from = range[0] + span * k / workers, to = range[0] + span * (k + 1) / workers - 1;
                Validator.Part part = parts.get(k);
                futures.add(pool.submit(() -> {
                    try (Store own = Store.open(store.file(), false)) {
                        readSlice(own, from, to, part, index, unitIds, indicatorIds);
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TallyException.io("interrupted while reading the store");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return v.finish(parts);
    }

    private static void readSlice(Store store, long from, long to, Validator.Part part, Map<String, Integer> index,
                                  Map<String, Integer> unitIds, Map<String, Integer> indicatorIds) {
        var fast = part.fast();
        Map<String, Period> periods = new HashMap<>();
        store.currentSubmissions(from, to, sub -> {
            part.startInput(index.getOrDefault(sub.file(), 0));
            Period p = periods.computeIfAbsent(sub.period(), t -> Period.parse(t).orElse(null));
            long[] lines = Json.readLines(sub.lines());
            Integer unit = unitIds.get(sub.unit());
            int[] k = {0};
            Json.readValuesFast(sub.values(), (code, missing, isLong, longValue, decimal) -> {
                long line = k[0] < lines.length ? lines[k[0]] : 0;
                k[0]++;
                part.record();
                if (p == null) {
                    part.finding(Finding.of(FindingCode.BAD_PERIOD, new Source(sub.file(), line), sub.unit(), sub.period(), code, null,
                            "the stored period '" + sub.period() + "' does not parse"), 1);
                    return;
                }
                Integer ind = indicatorIds.get(code);
                if (unit != null && ind != null && (missing || isLong) && fast.value(unit, ind, p, longValue, missing, line)) return;
                BigDecimal value = missing ? null : isLong ? BigDecimal.valueOf(longValue) : decimal;
                part.observation(new Observation(sub.unit(), p, code, value, value == null ? "" : value.toPlainString(),
                        new Source(sub.file(), line)));
            });
        });
    }
}
