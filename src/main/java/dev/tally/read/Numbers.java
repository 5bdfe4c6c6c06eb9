package dev.tally.read;

import java.math.BigDecimal;

/**
 * Parses a submitted value. Missing markers (empty, {@code N/A}, {@code -}) give {@link #MISSING};
 * a number gives its exact decimal value; anything else gives null, which the caller reports as a
 * finding. Plain form: {@code 1234}, {@code 1234.5}, {@code -3}. With decimal comma (Vietnamese and
 * European spreadsheets): {@code 1.234,5}, {@code 1 234,5}, {@code 1234,5}; the dot then only groups
 * thousands, so {@code 1.5} is refused as ambiguous rather than guessed. Boolean words
 * (true/false, yes/no, có/không) give 1 and 0.
 */
public final class Numbers {
    private Numbers() {}

    /** Sentinel for a missing value; compare by identity. */
    public static final BigDecimal MISSING = new BigDecimal("0.0000000000000000000000000000000001");

    public static BigDecimal parse(String raw, boolean decimalComma) {
        String s = raw.strip();
        int n = s.length();
        if (n == 0) return MISSING;
        // fast path: an optional sign and up to 18 digits
        if (n <= 19) {
            int i = 0;
            boolean neg = false;
            char c0 = s.charAt(0);
            if (c0 == '-' || c0 == '+') {
                neg = c0 == '-';
                i = 1;
            }
            if (i < n) {
                long v = 0;
                int j = i;
                for (; j < n; j++) {
                    char c = s.charAt(j);
                    if (c < '0' || c > '9') break;
                    v = v * 10 + (c - '0');
                }
                if (j == n) return BigDecimal.valueOf(neg ? -v : v);
            }
        }
        if (s.equals("-") || s.equalsIgnoreCase("N/A")) return MISSING;
        String word = s.toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "true", "yes", "có", "co" -> { return BigDecimal.ONE; }
            case "false", "no", "không", "khong" -> { return BigDecimal.ZERO; }
            default -> { }
        }
        return decimalComma ? parseComma(s) : parsePlain(s);
    }

    /** True when the text was a boolean word rather than a number. */
    public static boolean isBooleanWord(String raw) {
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "có", "co", "false", "no", "không", "khong" -> true;
            default -> false;
        };
    }

    private static BigDecimal parsePlain(String s) {
        if (!s.matches("[+-]?\\d+(\\.\\d+)?")) return null;
        return new BigDecimal(s);
    }

    private static BigDecimal parseComma(String s) {
        // groups of three separated by '.', space, no-break space or narrow no-break space; ',' decimal
        if (!s.matches("[+-]?(\\d{1,3}([. \u00a0\u202f]\\d{3})+|\\d+)(,\\d+)?")) return null;
        String t = s.replaceAll("[. \u00a0\u202f]", "").replace(',', '.');
        return new BigDecimal(t);
    }
}
