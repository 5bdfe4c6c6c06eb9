package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    /** {0} to {99} are the arguments; every other brace, and a number past the arguments, is text. */
    @Test
    void placeholdersAreTheArgumentsAndEveryOtherBraceIsText() {
        assertThat(Text.format("a {0} b {1} {2} {10} {x} {} {123} {{0}} {0", "A", null))
                .isEqualTo("a A b null {2} {10} {x} {} {123} {A} {0");
        Object[] twelve = new Object[12];
        for (int i = 0; i < 12; i++) twelve[i] = i * 10;
        assertThat(Text.format("{11}:{1}:{01}", twelve)).isEqualTo("110:10:10");
        assertThat(Text.format("Tỉnh {0} ({1} %)", "Hà Nội", 99.5)).isEqualTo("Tỉnh Hà Nội (99.5 %)");
    }
}
