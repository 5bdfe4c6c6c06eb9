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

    /**
     * A refused permission, a missing file and a file that is not a directory say so: Java's own
     * message for them is only the path ("cannot list the directory: sub/secret"). Any other reason
     * is the system's own, with its path.
     */
    @Test
    void anIoProblemSaysWhatWentWrongWithWhichPath() {
        assertThat(Text.reason(new java.nio.file.AccessDeniedException("sub/secret")))
                .isEqualTo("sub/secret: permission denied; ask for access to it, or run tally as a user who has it");
        assertThat(Text.reason(new java.nio.file.NoSuchFileException("gone.csv"))).isEqualTo("gone.csv: no such file or directory");
        assertThat(Text.reason(new java.nio.file.NotDirectoryException("a.csv/x"))).isEqualTo("a.csv/x: not a directory");
        assertThat(Text.reason(new java.nio.file.FileSystemException("big.csv", null, "Input/output error")))
                .isEqualTo("big.csv: Input/output error");
        assertThat(Text.reason(new java.io.IOException())).isEqualTo("IOException");
    }
}
