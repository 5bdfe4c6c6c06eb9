package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The messages a run reads come from the Messages class, which the build makes from
 * messages.properties and messages_vi.properties (src/build/MessagesSource.java): every key reads as
 * the files say, escapes and all, in both languages.
 */
@Isolated // reads every message in Vietnamese too, and the language is the whole JVM's
class MessagesTest {
    static final Path RESOURCES = Path.of("src/main/resources/dev/tally");

    /** What Text answers is the file's message, key by key; a key the Vietnamese file lacks falls back to English. */
    @Test
    void everyKeyReadsAsInTheFiles() throws IOException {
        Properties en = load("messages.properties"), vi = load("messages_vi.properties");
        assertThat(Messages.En.PAIRS).hasSize(2 * en.size());
        assertThat(Messages.Vi.PAIRS).hasSize(2 * vi.size());
        Text.Lang before = Text.lang();
        try {
            for (String key : en.stringPropertyNames()) {
                Text.use(Text.Lang.EN);
                assertThat(Text.t(key)).as(key).isEqualTo(en.getProperty(key));
                Text.use(Text.Lang.VI);
                assertThat(Text.t(key)).as(key).isEqualTo(vi.getProperty(key, en.getProperty(key)));
            }
        } finally {
            Text.use(before);
        }
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
