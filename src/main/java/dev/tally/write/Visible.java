package dev.tally.write;

/**
 * Text from a file made safe to show on a terminal or in a line-oriented output (the text table,
 * markdown, findings and notes on standard error): what a terminal or a log would act on instead of
 * showing is written as a visible escape. A unit's name carrying {@code ESC ] 0;title BEL} no longer
 * sets the window's title, {@code ESC [2J} no longer clears the screen, a newline inside a quoted code
 * no longer splits one finding over two lines, and a right-to-left override no longer reverses what
 * follows it.
 *
 * <p>Escaped: the C0 controls ({@code \n}, {@code \r}, {@code \t}, {@code \e}, the others as
 * {@code \u0007}), DEL, the C1 controls (U+0080–U+009F, which some terminals read as ESC sequences),
 * the line and paragraph separators U+2028/U+2029, and the bidirectional embeddings, overrides and
 * isolates U+202A–U+202E and U+2066–U+2069. Everything else, Vietnamese included, is kept; a backslash
 * is not doubled, since this is for people, not to be read back. Formats for programs (csv, tsv, json,
 * xlsx) keep their data exact and never pass through here.
 */
public final class Visible {
    private Visible() {}

    /** {@code s} with every character a terminal or a log would act on escaped; {@code s} itself when there is none (the usual case). */
    public static String of(String s) {
        if (s == null) return null;
        int n = s.length(), i = 0;
        while (i < n && !acts(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!acts(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u001b' -> sb.append("\\e");
                default -> sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** Whether a terminal or a line-oriented reader would act on {@code c} rather than show it. */
    static boolean acts(char c) {
        if (c < 0x20 || c == 0x7f) return true;
        if (c < 0x80) return false;
        return c <= 0x9f || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
