package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Unit;
import java.text.Normalizer;
import java.util.Locale;

/**
 * "Did you mean …?" for unknown codes: the same code in another letter case, or written with
 * look-alike letters from other scripts (a Cyrillic С for a Latin C), with full-width digits, or with
 * an invisible character (a zero-width space) inside.
 * Only for findings, so it may be slow.
 */
final class Hints {
    private Hints() {}

    static String unit(Hierarchy h, String code) {
        if (code.isEmpty()) return t("hint.unitEmpty");
        String key = skeleton(code);
        for (Unit u : h.units()) {
            if (skeleton(u.code()).equals(key)) return t("hint.unit", u.code(), u.name(), why(code, u.code()));
        }
        return "";
    }

    static String indicator(Catalog c, String code) {
        if (code.isEmpty()) return t("hint.indicatorEmpty");
        String key = skeleton(code);
        for (Indicator i : c.indicators()) {
            if (skeleton(i.code()).equals(key)) return t("hint.indicator", i.code(), why(code, i.code()));
        }
        return "";
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
