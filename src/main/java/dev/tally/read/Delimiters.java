package dev.tally.read;

/**
 * The one delimiter sniffer, for submissions and configuration files alike: the most frequent of
 * comma, semicolon and tab on the first line, outside quotes. Ties go to the comma, then the
 * semicolon.
 */
public final class Delimiters {
    private Delimiters() {}

    /** Sniffs the first record of {@code b[from, to)}. */
    public static byte sniff(byte[] b, int from, int to) {
        int commas = 0, semis = 0, tabs = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '\n' || c == '\r') break;
            if (c == ',') commas++;
            else if (c == ';') semis++;
            else if (c == '\t') tabs++;
        }
        if (tabs > commas && tabs > semis) return '\t';
        if (semis > commas) return ';';
        return ',';
    }

    public static char sniff(String text) {
        byte[] b = text.substring(0, Math.min(text.length(), 1 << 16)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return (char) sniff(b, 0, b.length);
    }

    /** How a delimiter is written in a message. */
    public static String shown(byte d) { return d == '\t' ? "tab" : "'" + (char) d + "'"; }
}
