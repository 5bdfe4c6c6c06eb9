package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Names;
import dev.tally.model.Unit;
import dev.tally.model.UnitLookup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Did you mean …?" for unknown codes: the same code in another letter case, or written with
 * look-alike letters from other scripts (a Cyrillic С for a Latin C), with full-width digits, or with
 * an invisible character (a zero-width space) inside, or without the leading zeros a spreadsheet
 * dropped ({@code 7201} for {@code 07201}); or a name, as people write it, given where the code belongs.
 */
final class Hints {
    private final Hierarchy h;
    private final Map<String, Indicator> indicatorCodes = new HashMap<>();
    private final Map<String, Indicator> indicatorNames = new HashMap<>();
    /**
     * Indexes every code and name once: a finding's hint is then a look-up, where a scan of the units
     * for every unknown code took a file of 20,000 rows with codes from another units file 114 s
     * against a national hierarchy (11,152 units). Made on the first unknown code, never on a clean run;
     * the units' index is the hierarchy's own ({@link Hierarchy#lookup}), the one --unit uses.
     */
    Hints(Hierarchy h, Catalog c) {
        this.h = h;
        h.lookup();
        for (Indicator i : c.indicators()) {
            indicatorCodes.putIfAbsent(skeleton(i.code()), i);
            if (i.name() != null) indicatorNames.putIfAbsent(skeleton(i.name()), i);
        }
    }

    String unit(String code) {
        if (code.isEmpty()) return t("hint.unitEmpty");
        UnitLookup l = h.lookup();
        Unit u = l.codeLike(code);
        if (u != null) return t("hint.unit", u.code(), u.name(), why(code, u));
        // a unit's name where its code belongs (a report typed by hand), as people write it: names
        // repeat across districts (many a Xã Tân Lập), so one is suggested only when it is the only one
        List<Unit> named = l.named(code);
        if (named.size() == 1) return t("hint.unitName", named.get(0).code(), named.get(0).name());
        if (named.size() > 1) return t("hint.unitNames", named.size());
        return "";
    }

    String indicator(String code) {
        if (code.isEmpty()) return t("hint.indicatorEmpty");
        String key = skeleton(code);
        Indicator i = indicatorCodes.get(key);
        if (i != null) return t("hint.indicator", i.code(), why(code, i.code()));
        // the indicator's name as a column header, as a spreadsheet made for people has it
        Indicator named = indicatorNames.get(key);
        return named == null ? "" : t("hint.indicatorName", named.code());
    }

    private static String why(String given, Unit known) {
        return UnitLookup.why(given, known) == UnitLookup.Why.LEADING_ZEROS ? t("hint.leadingZeros") : why(given, known.code());
    }

    private static String why(String given, String known) {
        if (given.equalsIgnoreCase(known)) return t("hint.case");
        if (given.codePoints().anyMatch(cp -> Character.getType(cp) == Character.FORMAT)) return t("hint.invisible");
        return t("hint.lookalike");
    }

    /** A form in which look-alikes compare equal ({@link Names#skeleton}). */
    static String skeleton(String s) { return Names.skeleton(s); }
}
