package dev.tally.read;

/** UTF-8 checks on bytes, for the records that hold any byte above ASCII. */
final class Utf8 {
    private Utf8() {}

    /**
     * True when {@code b[from, to)} is well-formed UTF-8 (no overlong forms, no surrogates) and holds
     * no U+FFFD, the replacement character a decoder leaves where it could not read the bytes.
     */
    static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= to) return false; // the sequence is cut off
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int x = b[i + k] & 0xff;
                if ((x & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (x & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD) return false;
            i += n + 1;
        }
        return true;
    }
}
