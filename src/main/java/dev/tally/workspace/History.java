package dev.tally.workspace;

import static dev.tally.model.Text.t;

import dev.tally.store.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What changed from one stored version of a submission to the next, in words a person reads. */
public final class History {
    private History() {}

    /**
     * e.g. ["dialogues 3 → 5", "+ cadres_trained 12", "- comment_count"], or ["first version: 5 values"];
     * for a rejected arrival, why and that nothing of it was stored. {@code previous} is the stored
     * version before (rejected arrivals have nothing to compare with).
     */
    public static List<String> changes(Store.Version previous, Store.Version current) {
        List<String> out = new ArrayList<>();
        if (current.rejected()) {
            out.add(t("history.rejected", String.join(", ", new java.util.LinkedHashSet<>(current.errors()))));
            return out;
        }
        if (previous == null) {
            out.add(t(current.values().size() == 1 ? "history.first.one" : "history.first.many", current.values().size()));
            return out;
        }
        TreeSet<String> codes = new TreeSet<>(previous.values().keySet());
        codes.addAll(current.values().keySet());
        for (String code : codes) {
            boolean before = previous.values().containsKey(code), after = current.values().containsKey(code);
            BigDecimal a = previous.values().get(code), b = current.values().get(code);
            if (before && !after) out.add(t("history.was", code, shown(a)));
            else if (!before && after) out.add("+ " + code + " " + shown(b));
            else if (!same(a, b)) out.add(code + " " + shown(a) + " → " + shown(b));
        }
        if (out.isEmpty()) out.add(t("history.noChange"));
        return out;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    private static String shown(BigDecimal v) { return v == null ? t("history.missing") : v.toPlainString(); }
}
