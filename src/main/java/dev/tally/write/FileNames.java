package dev.tally.write;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names made from data (a unit's code and name) that are safe on any file system: letters and
 * digits of any script are kept (Vietnamese names stay readable, in Unicode normal form C), and
 * everything else — a path separator, a dot that could climb out of the directory, a space, a control
 * character, a quote — becomes {@code _}, runs of it one. So a code {@code ../../etc/x} or a name with
 * a newline can never name a file outside the directory or a file a shell trips over.
 * {@code forUnit("BG-LN", "Huyện Lục Nam", ".csv", taken)} is {@code BG-LN_Huyện_Lục_Nam.csv}.
 */
public final class FileNames {
    private FileNames() {}

    /** A file name's stem is at most this many characters (file systems take 255 bytes; Vietnamese letters are 2–3 each). */
    static final int MAX_STEM = 80;

    /**
     * A name for a unit's file in one directory, {@code CODE_Name} and the extension, unique among
     * {@code taken} without regard to letter case (Windows and macOS do not tell {@code a} from
     * {@code A}): a second unit whose name comes out the same gets {@code _2}, and so on. Adds the name
     * it returns to {@code taken} (lower case).
     */
    public static String forUnit(String code, String name, String extension, Set<String> taken) {
        String stem = safe(code);
        String n = safe(name == null ? "" : name);
        if (!n.isEmpty()) stem = stem.isEmpty() ? n : stem + "_" + n;
        if (stem.isEmpty()) stem = "unit";
        stem = cut(stem);
        // the device names Windows reserves whatever the extension
        if (stem.toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) stem += "_";
        String file = stem + extension;
        for (int k = 2; !taken.add(file.toLowerCase(Locale.ROOT)); k++) file = stem + "_" + k + extension;
        return file;
    }

    /** Letters, digits and {@code -} kept, anything else {@code _} (once), none at either end and no {@code -} first. */
    static String safe(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            // a combining mark left over after NFC stays with its letter
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || Character.getType(cp) == Character.NON_SPACING_MARK
                    && out.length() > 0 && out.charAt(out.length() - 1) != '_';
            if (keep) out.appendCodePoint(cp);
            else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') out.append('_');
        }
        int end = out.length(), start = 0;
        while (end > 0 && out.charAt(end - 1) == '_') end--;
        // nor a leading '-', which a shell command given the name would take for an option
        while (start < end && (out.charAt(start) == '-' || out.charAt(start) == '_')) start++;
        return out.substring(start, end);
    }

    private static String cut(String stem) {
        if (stem.codePointCount(0, stem.length()) <= MAX_STEM) return stem;
        String s = stem.substring(0, stem.offsetByCodePoints(0, MAX_STEM));
        while (s.endsWith("_")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
