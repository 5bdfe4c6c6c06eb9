package dev.tally.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of indicators (in catalog order, which is the output order) and the rules: what a
 * complete, valid report contains. {@code hash} identifies the catalog's content (SHA-256 of the file)
 * so an output can say which catalog produced it.
 */
public final class Catalog {
    private final List<Indicator> indicators;
    private final List<Rule> rules;
    private final Map<String, Indicator> byCode;
    private final java.util.function.Supplier<String> hash;
    private volatile String hashValue;

    public Catalog(List<Indicator> indicators, List<Rule> rules, String hash) {
        this(indicators, rules, () -> hash);
    }

    /** With the hash computed on first use (it needs a digest provider, which costs start-up time). */
    public Catalog(List<Indicator> indicators, List<Rule> rules, java.util.function.Supplier<String> hash) {
        this.indicators = List.copyOf(indicators);
        this.rules = List.copyOf(rules);
        this.hash = hash;
        this.byCode = new HashMap<>();
        for (Indicator i : indicators) byCode.put(i.code(), i);
    }

    public List<Indicator> indicators() { return indicators; }

    public List<Rule> rules() { return rules; }

    public Indicator indicator(String code) { return byCode.get(code); }

    public int size() { return indicators.size(); }

    public String hash() {
        String h = hashValue;
        if (h == null) hashValue = h = hash.get();
        return h;
    }
}
