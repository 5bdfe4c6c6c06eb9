package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * What the start-up measurements rest on (src/bench/README.md). That the launcher's class-data
 * archive really holds the quick start's classes is checked by .ci/run on the built jar.
 */
class StartupTest {
    /** picocli is compiled from its source with tally: its own jar's Java 5 classes cannot be archived. */
    @Test
    void picocliIsCompiledForJava17() throws IOException {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            byte[] head = in.readNBytes(8);
            int major = (head[6] & 0xff) << 8 | head[7] & 0xff;
            assertThat(major).as("class file version of picocli.CommandLine (61 = Java 17)").isEqualTo(61);
        }
    }
}
