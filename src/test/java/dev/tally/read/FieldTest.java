package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldTest {
    /**
     * The comparison of codes and periods reads eight or four bytes at a time, the last word overlapping
     * the one before: every length up to past the bound of the library's routine, equal, and differing
     * at each position in turn, at offsets that do not line up with a word in either array.
     */
    @Test
    void equalBytesFindsADifferenceAtEveryPositionOfEveryLength() {
        for (int len = 0; len <= 40; len++) {
            byte[] a = new byte[len + 5], b = new byte[len + 11];
            for (int i = 0; i < len; i++) a[3 + i] = b[7 + i] = (byte) ('A' + (i * 7) % 26);
            assertThat(Field.equalBytes(a, 3, b, 7, len)).as("len %d equal", len).isTrue();
            for (int at = 0; at < len; at++) {
                b[7 + at] ^= 0x20;
                assertThat(Field.equalBytes(a, 3, b, 7, len)).as("len %d differing at %d", len, at).isFalse();
                b[7 + at] ^= 0x20;
            }
            // bytes outside the range never count
            a[2] = 1;
            b[6] = 2;
            if (len + 8 <= a.length) a[3 + len] = 9;
            assertThat(Field.equalBytes(a, 3, b, 7, len)).as("len %d, other bytes around", len).isTrue();
        }
    }

    /**
     * nfc's shortcut: every character it takes as it stands is NFC alone and beside every other one
     * (the JDK's normaliser asked about each character and each of the 1,048,576 pairs), and text with
     * any other character still goes through the normaliser (decomposed Vietnamese, as macOS writes it).
     */
    @Test
    void theCharactersTakenAsTheyStandAreNfcAloneAndInPairs() {
        StringBuilder taken = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) if (Field.alwaysComposed(c)) taken.append(c);
        org.assertj.core.api.Assertions.assertThat(taken.length()).isEqualTo(0x300 + 0x100);
        char[] two = new char[2];
        int bad = 0;
        for (int i = 0; i < taken.length(); i++) {
            if (!java.text.Normalizer.isNormalized(String.valueOf(taken.charAt(i)), java.text.Normalizer.Form.NFC)) bad++;
            for (int j = 0; j < taken.length(); j++) {
                two[0] = taken.charAt(i);
                two[1] = taken.charAt(j);
                if (!java.text.Normalizer.isNormalized(new String(two), java.text.Normalizer.Form.NFC)) bad++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(bad).isZero();
        org.assertj.core.api.Assertions.assertThat(Field.nfc("Phường Trần Phú")).isEqualTo("Phường Trần Phú");
        String decomposed = java.text.Normalizer.normalize("Phường Trần Phú", java.text.Normalizer.Form.NFD);
        org.assertj.core.api.Assertions.assertThat(decomposed).isNotEqualTo("Phường Trần Phú");
        org.assertj.core.api.Assertions.assertThat(Field.nfc(decomposed)).isEqualTo("Phường Trần Phú");
        org.assertj.core.api.Assertions.assertThat(Field.nfc("\u212B")).as("the angstrom sign, a singleton").isEqualTo("\u00C5");
    }
}
