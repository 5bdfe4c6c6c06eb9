package dev.tally.model;

import java.util.Locale;
import java.util.Properties;

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

    private static volatile Lang lang = Lang.EN;

    /*
     * Plain Properties, not ResourceBundle: its locale lookup cost every run ~15 ms of start-up
     * (async-profiler), and all it would do here is what the defaults do: a key missing from the
     * Vietnamese file falls back to English, and no language falls back to the JVM's default locale.
     * The messages come from the files by way of the Messages class, which the build makes from them
     * (src/build/MessagesSource.java) and the class-data archive holds. Each language is made when first needed (the holder
     * classes), so a thread started with the process can make it while the command line is built
     * (preload).
     */
    private static final class English {
        static final Properties MESSAGES = of(Messages.En.PAIRS, null);
    }

    private static final class Vietnamese {
        static final Properties MESSAGES = of(Messages.Vi.PAIRS, English.MESSAGES);
    }

    private static Properties bundle() { return lang == Lang.VI ? Vietnamese.MESSAGES : English.MESSAGES; }

    /** Reads the messages of the run's language now (a head start; see Cli). */
    public static void preload() { bundle(); }

    private static Properties of(String[] pairs, Properties defaults) {
        Properties p = new Properties(defaults);
        for (int i = 0; i < pairs.length; i += 2) p.setProperty(pairs[i], pairs[i + 1]);
        return p;
    }

    public static void use(Lang l) { lang = l; }

    public static Lang lang() { return lang; }

    /** The message for {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments. */
    public static String t(String key, Object... args) {
        String s = bundle().getProperty(key);
        if (s == null) throw new IllegalStateException("no message '" + key + "'");
        return args.length == 0 ? s : format(s, args);
    }

    /**
     * {@code pattern} with {0} to {99} replaced by the arguments (String.valueOf); a brace that starts
     * nothing of that form, or a number past the arguments, stays as written. Made for every finding
     * (W3 has 505,000): no substring, stream or MessageFormat per placeholder.
     */
    static String format(String pattern, Object... args) {
        int n = pattern.length();
        StringBuilder out = new StringBuilder(n + 32);
        int copied = 0; // the text up to here is in out; runs of text are copied whole, not by the character
        for (int i = pattern.indexOf('{'); i >= 0; i = pattern.indexOf('{', i + 1)) {
            int j = i + 1, k = 0;
            while (j < n && j - i <= 2 && pattern.charAt(j) >= '0' && pattern.charAt(j) <= '9') k = k * 10 + (pattern.charAt(j++) - '0');
            if (j > i + 1 && j < n && pattern.charAt(j) == '}' && k < args.length) {
                out.append(pattern, copied, i).append(args[k]);
                copied = j + 1;
                i = j;
            }
        }
        return out.append(pattern, copied, n).toString();
    }

    /**
     * What went wrong with a file, for a message that names it: the system's reason, with the path it
     * concerns. For a refused permission, a missing file or a file that is not a directory, Java's own
     * message is only the path ("cannot list the directory: sub/secret"), so the reason is said here.
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a && a.getReason() == null) return t("io.accessDenied", a.getFile());
        if (e instanceof java.nio.file.NoSuchFileException n && n.getReason() == null) return t("io.noSuchFile", n.getFile());
        if (e instanceof java.nio.file.NotDirectoryException d && d.getReason() == null) return t("io.notDirectory", d.getFile());
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** True when the key has a message (for optional translations, such as a column's name for people). */
    public static boolean has(String key) { return bundle().getProperty(key) != null; }

    /** "1 file", "3 files"; in Vietnamese the noun does not change. */
    public static String count(long n, String key) {
        return t(n == 1 ? key + ".one" : key + ".many", n);
    }
}
