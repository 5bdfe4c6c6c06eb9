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
}
