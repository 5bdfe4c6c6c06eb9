package dev.tally.workspace;

import dev.tally.model.Catalog;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Observation;
import dev.tally.model.Period;
import dev.tally.model.Source;
import dev.tally.model.Finding;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the current version of every stored submission through the validator, as if read from the
 * files it came from (each value keeps its file and line), so validate and rollup work the same on
 * the store as on files. Units or indicators removed from the configuration since the import show
 * up as the usual findings.
 */
public final class StoreReader {
    private StoreReader() {}

    /** The result's input names are the files the values came from ({@link Store#sourceFiles}). */
    public static Validator.Result read(Store store, Hierarchy h, Catalog c, List<Period> within) {
        List<String> names = store.sourceFiles();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        Validator v = new Validator(h, c, within, names.isEmpty() ? List.of(store.file().toString()) : names);
        Validator.Part part = v.part();
        Map<String, Period> periods = new HashMap<>();
        store.currentValues(sv -> {
            part.startInput(index.getOrDefault(sv.file(), 0));
            part.record();
            Period p = periods.computeIfAbsent(sv.period(), t -> Period.parse(t).orElse(null));
            Source src = new Source(sv.file(), sv.line());
            if (p == null) {
                part.finding(Finding.of(FindingCode.BAD_PERIOD, src, sv.unit(), sv.period(), sv.indicator(), null,
                        "the stored period '" + sv.period() + "' does not parse"), 1);
                return;
            }
            String raw = sv.value() == null ? "" : sv.value().toPlainString();
            part.observation(new Observation(sv.unit(), p, sv.indicator(), sv.value(), raw, src));
        });
        return v.finish(List.of(part));
    }
}
