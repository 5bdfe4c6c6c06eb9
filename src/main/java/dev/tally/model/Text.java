package dev.tally.model;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every message a person reads, in English or Vietnamese: one key per message in
 * {@code dev/tally/messages.properties} (English) and {@code messages_vi.properties}, the arguments
 * in {@code {0}}, {@code {1}}… (no other quoting rules: an apostrophe is an apostrophe). The
 * language is chosen once per run ({@link #use}); finding codes, column names of machine formats
 * and option names stay the same in both.
 */
public final class Text {
    private Text() {}

    /** The languages tally speaks. */
    public enum Lang {
        EN(Locale.ROOT), VI(Locale.forLanguageTag("vi"));

        private final Locale locale;

        Lang(Locale locale) { this.locale = locale; }

        public Locale locale() { return locale; }

        /** en, vi; null for anything else. */
        public static Lang of(String s) {
            if (s == null) return null;
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("vi")) return VI;
            if (t.startsWith("en") || t.equals("c") || t.equals("posix")) return EN;
            return null;
        }
    }

    static final String BUNDLE = "dev.tally.messages";
    private static volatile Lang lang = Lang.EN;
    private static volatile ResourceBundle bundle = load(Lang.EN);

    private static ResourceBundle load(Lang l) {
        // no fallback to the JVM's default locale: English is the base bundle
        return ResourceBundle.getBundle(BUNDLE, l.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static void use(Lang l) {
        if (l == lang) return;
        bundle = load(l);
        lang = l;
    }

    public static Lang lang() { return lang; }

    /** The message for {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments. */
    public static String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "'", e);
        }
        if (args.length == 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int close = c == '{' ? s.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3) {
                String n = s.substring(i + 1, close);
                if (n.chars().allMatch(Character::isDigit)) {
                    int k = Integer.parseInt(n);
                    out.append(k < args.length ? String.valueOf(args[k]) : "{" + n + "}");
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** True when the key has a message (for optional translations, such as a column's name for people). */
    public static boolean has(String key) { return bundle.containsKey(key); }

    /** "1 file", "3 files"; in Vietnamese the noun does not change. */
    public static String count(long n, String key) {
        return t(n == 1 ? key + ".one" : key + ".many", n);
    }
}
