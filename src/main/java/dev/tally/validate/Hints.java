package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Unit;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "Did you mean …?" for unknown codes: the same code in another letter case, or written with
 * look-alike letters from other scripts (a Cyrillic С for a Latin C), with full-width digits, or with
 * an invisible character (a zero-width space) inside; or a name given where the code belongs.
 */
final class Hints {
    /** Each skeleton of a unit code: the first unit in file order with it. */
    private final Map<String, Unit> unitCodes = new HashMap<>();
    /** Each skeleton of a unit name: the first unit with it, and how many have it. */
    private final Map<String, Unit> unitNames = new HashMap<>();
    private final Map<String, Integer> unitNameCounts = new HashMap<>();
    /** Codes that start with a zero, by what is left without it: a spreadsheet shows 07201 as 7201. */
    private final Map<String, Unit> withoutZeros = new HashMap<>();
    private final Map<String, Indicator> indicatorCodes = new HashMap<>();
    private final Map<String, Indicator> indicatorNames = new HashMap<>();
    /** Indexes made, over all validators in this process: tests prove one serves every finding of a run. */
    static final java.util.concurrent.atomic.AtomicLong BUILT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Indexes every code and name once: a finding's hint is then a look-up, where a scan of the units
     * for every unknown code took a file of 20,000 rows with codes from another units file 114 s
     * against a national hierarchy (11,152 units). Made on the first unknown code, never on a clean run.
     */
    Hints(Hierarchy h, Catalog c) {
        BUILT.incrementAndGet();
        for (Unit u : h.units()) {
            unitCodes.putIfAbsent(skeleton(u.code()), u);
            if (u.code().length() > 1 && u.code().charAt(0) == '0') withoutZeros.putIfAbsent(u.code().replaceFirst("^0+(?=.)", ""), u);
            if (u.name() == null) continue;
            String name = skeleton(u.name());
            unitNames.putIfAbsent(name, u);
            unitNameCounts.merge(name, 1, Integer::sum);
        }
        for (Indicator i : c.indicators()) {
            indicatorCodes.putIfAbsent(skeleton(i.code()), i);
            if (i.name() != null) indicatorNames.putIfAbsent(skeleton(i.name()), i);
        }
    }

    String unit(String code) {
        if (code.isEmpty()) return t("hint.unitEmpty");
        String key = skeleton(code);
        Unit u = unitCodes.get(key);
        if (u != null) return t("hint.unit", u.code(), u.name(), why(code, u.code()));
        Unit zeros = withoutZeros.get(code);
        if (zeros != null) return t("hint.unit", zeros.code(), zeros.name(), t("hint.leadingZeros"));
        // a unit's name where its code belongs (a report typed by hand): names repeat across
        // districts (many a Xã Tân Lập), so one is suggested only when it is the only one
        int same = unitNameCounts.getOrDefault(key, 0);
        if (same == 1) {
            Unit named = unitNames.get(key);
            return t("hint.unitName", named.code(), named.name());
        }
        if (same > 1) return t("hint.unitNames", same);
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

    private static String why(String given, String known) {
        if (given.equalsIgnoreCase(known)) return t("hint.case");
        if (given.codePoints().anyMatch(cp -> Character.getType(cp) == Character.FORMAT)) return t("hint.invisible");
        return t("hint.lookalike");
    }

    /** A form in which look-alikes compare equal: compatibility-normalised, upper case, confusables folded. */
    static String skeleton(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (Character.getType(ch) == Character.FORMAT || Character.isWhitespace(ch)) continue; // zero-width and stray spaces
            sb.append(fold(ch));
        }
        return sb.toString();
    }

    /** Cyrillic and Greek capitals that look like Latin ones. */
    private static char fold(char c) {
        return switch (c) {
            case 'А', 'Α' -> 'A';
            case 'В', 'Β' -> 'B';
            case 'С', 'Ϲ' -> 'C';
            case 'Е', 'Ε' -> 'E';
            case 'Н', 'Η' -> 'H';
            case 'І', 'Ι' -> 'I';
            case 'Ј' -> 'J';
            case 'К', 'Κ' -> 'K';
            case 'М', 'Μ' -> 'M';
            case 'О', 'Ο' -> 'O';
            case 'Р', 'Ρ' -> 'P';
            case 'Ѕ' -> 'S';
            case 'Т', 'Τ' -> 'T';
            case 'Х', 'Χ' -> 'X';
            case 'У', 'Υ' -> 'Y';
            case 'Ζ' -> 'Z';
            default -> c;
        };
    }
}
