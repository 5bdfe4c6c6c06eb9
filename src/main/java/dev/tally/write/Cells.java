package dev.tally.write;

import java.math.BigDecimal;

/** Formatting of cell values shared by the writers. */
public final class Cells {
    private Cells() {}

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** Plain text of a cell: numbers never in scientific notation, null as empty. */
    public static String text(Object cell) {
        if (cell == null) return "";
        if (cell instanceof BigDecimal b) return b.toPlainString();
        return cell.toString();
    }

    /**
     * Neutralises text a spreadsheet would run as a formula (starting with = + - @, tab or CR) by
     * prefixing a single quote. Numbers are not text and are never touched, negative ones included.
     */
    public static String neutralise(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return s;
        return PLAIN_NUMBER.matcher(s).matches() ? s : "'" + s;
    }

    /**
     * The number of terminal columns a string takes: combining marks take none (Vietnamese typed
     * with combining diacritics), East Asian wide and full-width characters take two.
     */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += width(cp);
        }
        return w;
    }

    static int width(int cp) {
        if (cp == 0 || cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        if (cp == 0x200B) return 0;
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }

    /** Cuts a string to at most {@code max} display columns, ending with … when cut. */
    public static String truncate(String s, int max) {
        if (displayWidth(s) <= max) return s;
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > max - 1) break;
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        // keep trailing combining marks with their base letter
        return sb.append('…').toString();
    }
}
