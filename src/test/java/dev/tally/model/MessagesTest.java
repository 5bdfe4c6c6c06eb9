package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The messages a run reads come from {@code Messages.java}, made from messages.properties and
 * messages_vi.properties (which people edit) by this test: it fails when the class is not what the
 * files give, and with {@code -Dtally.golden.update=true} writes it.
 */
@Isolated // reads every message in Vietnamese too, and the language is the whole JVM's
class MessagesTest {
    static final Path RESOURCES = Path.of("src/main/resources/dev/tally");
    static final Path CLASS = Path.of("src/main/java/dev/tally/model/Messages.java");

    @Test
    void theMessagesClassIsWhatThePropertiesFilesSay() throws IOException {
        String made = source(load("messages.properties"), load("messages_vi.properties"));
        if (Boolean.getBoolean("tally.golden.update")) Files.writeString(CLASS, made, StandardCharsets.UTF_8);
        assertThat(Files.readString(CLASS, StandardCharsets.UTF_8))
                .as("Messages.java is made from the .properties files: mvn test -Dtest=MessagesTest -Dtally.golden.update=true")
                .isEqualTo(made);
    }

    /** What Text answers is the file's message, key by key, in both languages (a Vietnamese key missing falls back to English). */
    @Test
    void everyKeyReadsAsInTheFiles() throws IOException {
        Properties en = load("messages.properties"), vi = load("messages_vi.properties");
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

    static String source(Properties en, Properties vi) {
        StringBuilder s = new StringBuilder();
        s.append("package dev.tally.model;\n\n");
        s.append("/**\n");
        s.append(" * The messages of messages.properties and messages_vi.properties as key, message pairs, keys in order. Made\n");
        s.append(" * from the files by MessagesTest (mvn test -Dtest=MessagesTest -Dtally.golden.update=true), which fails\n");
        s.append(" * when this differs from them: edit the files, not this. A class rather than the files read at run\n");
        s.append(" * time: it comes from the class-data archive, while reading a file first opened the jar (7,566\n");
        s.append(" * entries) and then parsed it, 25-30 ms of the CPU of every run that says anything (async-profiler).\n");
        s.append(" */\n");
        s.append("final class Messages {\n");
        s.append("    private Messages() {}\n");
        pairs(s, "En", en);
        pairs(s, "Vi", vi);
        s.append("}\n");
        return s.toString();
    }

    private static void pairs(StringBuilder s, String name, Properties p) {
        s.append("\n    /** Loaded when first used: a run reads one language's messages, and English beneath Vietnamese. */\n");
        s.append("    static final class ").append(name).append(" {\n");
        s.append("        private ").append(name).append("() {}\n\n");
        s.append("        static final String[] PAIRS = {\n");
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            s.append("            ").append(literal(key)).append(", ").append(literal(p.getProperty(key))).append(",\n");
        }
        s.append("        };\n");
        s.append("    }\n");
    }

    /** A Java string literal: quotes, backslashes and control characters escaped, the rest as it is (the sources are UTF-8). */
    static String literal(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
