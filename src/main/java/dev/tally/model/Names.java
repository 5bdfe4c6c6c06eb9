package dev.tally.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Unit names and codes as people write them: the one place where two spellings are judged the
 * same, used wherever names are compared (a mapping's old_name against the units file) or looked up
 * (a name given for --unit, or where a code belongs in a submission).
 *
 * <p>Two names are the same name ({@link #same}) when they are equal after NFC, letter case, runs of
 * spaces, and the placement of the tone mark in oa, oe and uy, which Vietnamese writes both ways
 * ({@code Hoá}/{@code Hóa}, {@code Thuỷ}/{@code Thủy}): {@code Xã Chiêm Hoá} is {@code Xã Chiêm Hóa}.
 * An administrative prefix ({@code Tỉnh}, {@code Thành phố}, {@code TP.}, {@code Huyện}, {@code Quận},
 * {@code Thị xã}, {@code Xã}, {@code Phường}, {@code Thị trấn}, {@code Đặc khu} …) may differ or be
 * missing: {@code Tuyên Quang} is {@code Tỉnh Tuyên Quang}. A name that is nothing but a prefix and a
 * number ({@code Phường 1}) keeps its prefix: {@code 1} alone names nothing.
 */
public final class Names {
    private Names() {}

    /** The administrative prefixes, longest first so that {@code Thị xã} is taken before {@code Xã}; in {@link #key} form. */
    private static final List<String> PREFIXES = List.of("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "phường",
            "xã", "tp.", "tp", "tx.", "tt.");

    /**
     * The tone mark of oa, oe and uy on the first vowel, and where the other spelling puts it: each
     * pair is the same syllable ({@code òa} and {@code oà}). Lower case, NFC; {@link #key} folds case first.
     */
    private static final String[][] TONES = {
        {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"},
        {"òe", "oè"}, {"óe", "oé"}, {"ỏe", "oẻ"}, {"õe", "oẽ"}, {"ọe", "oẹ"},
        {"ùy", "uỳ"}, {"úy", "uý"}, {"ủy", "uỷ"}, {"ũy", "uỹ"}, {"ụy", "uỵ"},
    };

    /**
     * The form in which spellings of one name compare equal: NFC, lower case, spaces collapsed, the
     * tone mark of oa, oe and uy on the second vowel. For comparing only: names are shown as written.
     */
    public static String key(String name) {
        if (name == null) return "";
        String s = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        if (s.chars().anyMatch(c -> c >= 0x80)) {
            for (String[] pair : TONES) s = s.replace(pair[0], pair[1]);
        }
        return s;
    }

    /** {@link #key} without its administrative prefix, if it has one (and more than a number after it). */
    public static String bare(String name) {
        String k = key(name);
        for (String p : PREFIXES) {
            if (!k.startsWith(p) || k.length() == p.length()) continue;
            String rest = k.substring(p.length());
            if (!p.endsWith(".") && rest.charAt(0) != ' ') continue;
            rest = rest.strip();
            if (rest.isEmpty() || rest.chars().allMatch(Character::isDigit)) return k;
            return rest;
        }
        return k;
    }

    /** True when the two are the same name as people write it (see the class comment). */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b)) || bare(a).equals(bare(b));
    }

    /** A code without its leading zeros ({@code 07201} is {@code 7201}), as a spreadsheet that took it for a number shows it. */
    public static String withoutLeadingZeros(String code) {
        int i = 0;
        while (i < code.length() - 1 && code.charAt(i) == '0') i++;
        return code.substring(i);
    }

    /** A form of a code in which look-alikes compare equal: compatibility-normalised, upper case, confusables folded. */
    public static String skeleton(String s) {
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

    /** The edit distance between two strings (insertions, deletions, substitutions), for "did you mean". */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The one of {@code known} closest to {@code given}, or null when none is close (at most a third of its letters wrong). */
    public static String closest(String given, java.util.Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            if (Math.abs(k.length() - given.length()) >= bestD) continue;
            int d = distance(given, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(1, given.length() / 3) ? best : null;
    }
}
