package dev.tally.workspace;

import dev.tally.io.Tasks;
import dev.tally.model.Catalog;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Observation;
import dev.tally.model.Period;
import dev.tally.model.Source;
import dev.tally.model.Unit;
import dev.tally.read.ByteKeyIndex;
import dev.tally.store.Json;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
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
        ExecutorService pool = Tasks.pool("tally-store", workers);
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
            for (Future<?> f : futures) Tasks.get(f);
        } finally {
            pool.shutdownNow();
        }
        return v.finish(parts);
    }

    private static void readSlice(Store store, long from, long to, Validator.Part part, Map<String, Integer> index,
                                  Map<String, Integer> unitIds, Map<String, Integer> indicatorIds) {
        var fast = part.fast();
        ByteKeyIndex codes = fast.indicators();
        Map<String, Period> periods = new HashMap<>();
        store.currentSubmissions(from, to, sub -> {
            part.startInput(index.getOrDefault(sub.file(), 0));
            Period p = periods.computeIfAbsent(sub.period(), t -> Period.parse(t).orElse(null));
            long[] lines = lines(sub.lines());
            Integer unit = unitIds.get(sub.unit());
            if (p == null || unit == null || lines == null || !valuesFast(sub.values(), lines, unit, p, codes, fast, part, sub)) {
                general(sub, p, part);
            }
        });
    }

    /**
     * Reads a value map in the exact form {@link Json} writes, straight from its bytes; a value of
     * another kind goes through the validator's ordinary path. Returns false, having read nothing,
     * when the map is not in that form (then {@link #general} reads it).
     */
    private static boolean valuesFast(byte[] b, long[] lines, int unit, Period p, ByteKeyIndex codes, dev.tally.read.FastSink fast,
                                      Validator.Part part, Store.StoredSubmission sub) {
        // first pass: check the shape, so that a map is taken either wholly here or wholly there
        int n = 0;
        int i = 0;
        if (b.length < 2 || b[0] != '{') return false;
        i = 1;
        // four offsets per value, in one array reused by the thread: a million submissions make no garbage here
        int[] at = OFFSETS.get();
        if (at.length < 4 * lines.length) {
            at = new int[8 * lines.length];
            OFFSETS.set(at);
        }
        while (i < b.length && b[i] != '}') {
            if (n == lines.length || b[i] != '"') return false;
            int cs = ++i;
            while (i < b.length && b[i] != '"') {
                if (b[i] == '\\') return false;
                i++;
            }
            if (i + 1 >= b.length || b[i + 1] != ':') return false;
            at[4 * n] = cs;
            at[4 * n + 1] = i;
            i += 2;
            int vs = i;
            while (i < b.length && b[i] != ',' && b[i] != '}') i++;
            at[4 * n + 2] = vs;
            at[4 * n + 3] = i;
            n++;
            if (i < b.length && b[i] == ',') i++;
        }
        if (n != lines.length) return false;
        Recent recent = RECENT.get();
        for (int k = 0; k < n; k++) {
            part.record();
            int ind = recent.indicator(k, b, at[4 * k], at[4 * k + 1], codes);
            int vs = at[4 * k + 2], ve = at[4 * k + 3];
            boolean missing = ve - vs == 4 && b[vs] == 'n';
            long v = 0;
            boolean integral = !missing;
            if (integral) {
                int j = vs;
                boolean neg = b[j] == '-';
                if (neg) j++;
                if (j == ve || ve - j > 18) integral = false;
                for (; integral && j < ve; j++) {
                    int d = b[j] - '0';
                    if (d < 0 || d > 9) integral = false;
                    else v = v * 10 + d;
                }
                if (neg) v = -v;
            }
            if (ind >= 0 && (missing || integral) && fast.value(unit, ind, p, v, missing, lines[k])) continue;
            String code = new String(b, at[4 * k], at[4 * k + 1] - at[4 * k], java.nio.charset.StandardCharsets.UTF_8);
            BigDecimal value = missing ? null : new BigDecimal(new String(b, vs, ve - vs, java.nio.charset.StandardCharsets.US_ASCII));
            part.observation(new Observation(sub.unit(), p, code, value, value == null ? "" : value.toPlainString(),
                    new Source(sub.file(), lines[k])));
        }
        return true;
    }

    private static final ThreadLocal<int[]> OFFSETS = ThreadLocal.withInitial(() -> new int[256]);
    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    /**
     * Submissions list their indicators in the same order, so the code at position k is usually the
     * one the previous submission had there: a byte comparison instead of a hash look-up.
     */
    private static final class Recent {
        byte[][] code = new byte[64][];
        int[] index = new int[64];

        int indicator(int k, byte[] b, int from, int to, ByteKeyIndex codes) {
            if (k >= code.length) {
                code = java.util.Arrays.copyOf(code, k * 2);
                index = java.util.Arrays.copyOf(index, k * 2);
            }
            byte[] c = code[k];
            if (c != null && c.length == to - from && java.util.Arrays.equals(c, 0, c.length, b, from, to)) return index[k];
            int found = codes.get(b, from, to);
            code[k] = java.util.Arrays.copyOfRange(b, from, to);
            index[k] = found;
            return found;
        }
    }

    /** The line array [12,13,…] from its bytes, or null when it is not in that form. */
    private static long[] lines(byte[] b) {
        if (b.length < 2 || b[0] != '[') return null;
        int count = 0;
        for (byte x : b) if (x == ',') count++;
        long[] out = new long[b.length == 2 ? 0 : count + 1];
        int k = 0;
        long v = 0;
        for (int i = 1; i < b.length; i++) {
            byte x = b[i];
            if (x >= '0' && x <= '9') v = v * 10 + (x - '0');
            else if (x == ',' || x == ']') {
                if (out.length == 0) break;
                out[k++] = v;
                v = 0;
            } else return null;
        }
        return k == out.length ? out : null;
    }

    /** Any stored map, through Jackson and the validator's ordinary path. */
    private static void general(Store.StoredSubmission sub, Period p, Validator.Part part) {
        long[] lines = Json.readLines(sub.lines());
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
            BigDecimal value = missing ? null : isLong ? BigDecimal.valueOf(longValue) : decimal;
            part.observation(new Observation(sub.unit(), p, code, value, value == null ? "" : value.toPlainString(),
                    new Source(sub.file(), line)));
        });
    }
}
