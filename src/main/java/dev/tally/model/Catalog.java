package dev.tally.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of indicators (in catalog order, which is the output order), the forms that group them
 * and the rules: what a complete, valid report contains. Every submittable indicator belongs to
 * exactly one form; a catalog that declares no forms has one, {@link Form#ALL}, with every indicator.
 * {@code hash} identifies the catalog's content (SHA-256 of the file) so an output can say which
 * catalog produced it.
 */
public final class Catalog {
    private final List<Indicator> indicators;
    private final List<Rule> rules;
    private final List<Form> forms;
    private final Map<String, Indicator> byCode;
    private final Map<String, Form> formByCode = new HashMap<>();
    private final Form[] formOf;
    private final java.util.function.Supplier<String> hash;
    private volatile String hashValue;

    public Catalog(List<Indicator> indicators, List<Rule> rules, String hash) {
        this(indicators, rules, List.of(), () -> hash);
    }

    public Catalog(List<Indicator> indicators, List<Rule> rules, java.util.function.Supplier<String> hash) {
        this(indicators, rules, List.of(), hash);
    }

    /**
     * With the hash computed on first use (it needs a digest provider, which costs start-up time).
     * {@code forms} empty: the one form {@link Form#ALL}. The loader has checked that each submittable
     * indicator is in exactly one form.
     */
    public Catalog(List<Indicator> indicators, List<Rule> rules, List<Form> forms, java.util.function.Supplier<String> hash) {
        this.indicators = List.copyOf(indicators);
        this.rules = List.copyOf(rules);
        this.hash = hash;
        this.byCode = new HashMap<>();
        for (Indicator i : indicators) byCode.put(i.code(), i);
        if (forms.isEmpty()) {
            List<String> all = new ArrayList<>();
            for (Indicator i : indicators) if (!i.derived()) all.add(i.code());
            forms = List.of(new Form(Form.ALL, null, null, null, null, all, 0));
        }
        this.forms = List.copyOf(forms);
        this.formOf = new Form[indicators.size()];
        for (Form f : this.forms) {
            formByCode.put(f.code(), f);
            for (String code : f.indicators()) formOf[byCode.get(code).index()] = f;
        }
    }

    public List<Indicator> indicators() { return indicators; }

    public List<Rule> rules() { return rules; }

    public List<Form> forms() { return forms; }

    /** True when the catalog declares forms (rather than the one implicit form). */
    public boolean declaresForms() { return !(forms.size() == 1 && forms.get(0).code().equals(Form.ALL)); }

    public Form form(String code) { return formByCode.get(code); }

    /** The form an indicator belongs to; null for a derived one. */
    public Form formOf(Indicator ind) { return formOf[ind.index()]; }

    public Indicator indicator(String code) { return byCode.get(code); }

    public int size() { return indicators.size(); }

    public String hash() {
        String h = hashValue;
        if (h == null) hashValue = h = hash.get();
        return h;
    }
}
