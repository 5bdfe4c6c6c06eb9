package dev.tally.read;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A view of one field as read: UTF-8 bytes {@code [from, to)} of a buffer the reader owns and
 * re-uses. Readers hand fields to a {@link ValueSink} without creating a String; the sink resolves
 * codes and parses numbers straight from the bytes and makes text only for a message. A field is
 * valid only during the call it is passed to.
 */
public final class Field {
    byte[] buf = new byte[0];
    int from, to;

    public Field() {}

    /** A field over its own copy of {@code text}'s bytes (header cells, JSON keys). */
    public static Field of(String text) {
        Field f = new Field();
        f.set(text);
        return f;
    }

    public Field set(byte[] b, int from, int to) {
        this.buf = b;
        this.from = from;
        this.to = to;
        return this;
    }

    /** Points at the UTF-8 bytes of {@code text} (a fresh array). */
    public Field set(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return set(b, 0, b.length);
    }

    public byte[] buf() { return buf; }

    public int from() { return from; }

    public int to() { return to; }

    public int length() { return to - from; }

    public boolean isEmpty() { return to == from; }

    /** The field with ASCII spaces and tabs around it left out. */
    public Field trim() {
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) from++;
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) to--;
        return this;
    }

    public boolean ascii() {
        for (int i = from; i < to; i++) if (buf[i] < 0) return false;
        return true;
    }

    /** True when the bytes equal {@code other}'s. */
    public boolean sameBytes(byte[] other, int len) {
        // length(), not to - from: three bytes of bytecode fewer, which brings this under the 35 that C1
        // inlines (a row's unit and period are compared with the last row's on every row)
        return len == length() && equalBytes(buf, from, other, 0, len);
    }

    /**
     * Whether {@code len} bytes from {@code a[aFrom]} equal those from {@code b[bFrom]}. Codes and
     * periods are a few bytes, compared on every row: read as words of eight or four bytes here, since
     * under C1 (which compiles a rollup) Arrays.equals goes through range checks and a general mismatch
     * routine that cost more than the comparison (W2: 14 % of reading), and a loop over single bytes
     * took W2's unit and period checks 160 ms of CPU against 55 ms this way (async-profiler, 2 runs each).
     */
    public static boolean equalBytes(byte[] a, int aFrom, byte[] b, int bFrom, int len) {
        if (len > 32) return java.util.Arrays.equals(a, aFrom, aFrom + len, b, bFrom, bFrom + len);
        if (len >= 8) {
            // eight bytes at a time, the last eight overlapping the ones before when len is not a multiple
            int k = 0;
            for (; k + 8 <= len; k += 8) if ((long) LONGS.get(a, aFrom + k) != (long) LONGS.get(b, bFrom + k)) return false;
            return k == len || (long) LONGS.get(a, aFrom + len - 8) == (long) LONGS.get(b, bFrom + len - 8);
        }
        if (len >= 4) {
            return (int) INTS.get(a, aFrom) == (int) INTS.get(b, bFrom)
                    && (int) INTS.get(a, aFrom + len - 4) == (int) INTS.get(b, bFrom + len - 4);
        }
        for (int k = 0; k < len; k++) if (a[aFrom + k] != b[bFrom + k]) return false;
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The text, decoded as UTF-8 (invalid bytes become U+FFFD). */
    @Override
    public String toString() { return new String(buf, from, to - from, StandardCharsets.UTF_8); }

    /** The text in Unicode normal form C, as codes and names are compared. */
    public String nfc() { return nfc(toString()); }

    public static String nfc(String s) {
        // below U+0300, and among the Latin letters of U+1E00-U+1EFF (Vietnamese's letters with their tone
        // marks), every character is NFC as it stands and none composes with the next (none is a combining
        // mark or a composition exclusion: FieldTest checks every character and every pair). Codes are
        // almost always ASCII, and the full check costs a sixth of reading a store; Vietnamese names as
        // written on Windows, Word and Excel are all here, and the JDK's normaliser loading its data for the
        // first one cost the catalog's thread 9 ms of the cron run (async-profiler, six runs).
        boolean plain = true;
        for (int i = 0, n = s.length(); i < n && plain; i++) plain = alwaysComposed(s.charAt(i));
        if (plain) return s;
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** A character that is NFC whatever stands beside it, of those {@link #nfc} looks for. */
    static boolean alwaysComposed(char c) { return c < 0x300 || c >= 0x1E00 && c <= 0x1EFF; }

    /** Longest text of a value shown in a finding: a 50 MB cell is shown by its start and its length. */
    public static final int SHOWN = 60;

    /** The text for a message, cut to {@link #SHOWN} characters with its full length said. */
    public String shown() {
        if (to - from <= SHOWN * 4) {
            String s = toString().strip();
            if (s.codePointCount(0, s.length()) <= SHOWN) return s;
        }
        String head = new String(buf, from, Math.min(to - from, SHOWN * 4), StandardCharsets.UTF_8);
        int end = head.offsetByCodePoints(0, Math.min(SHOWN, head.codePointCount(0, head.length())));
        return head.substring(0, end) + "… (" + (to - from) + " bytes)";
    }
}
