import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Makes dev.tally.model.Messages from messages.properties and messages_vi.properties, which people
 * edit: run by `mvn generate-sources` (java's single-file source launcher, from the pom), so the class
 * a run reads is always what the files say. A class rather than the files read at run time: it comes
 * from the class-data archive, while reading a file first opened the jar (7,566 entries) and then
 * parsed it, 25-30 ms of the CPU of every run that says anything (async-profiler, the cron run).
 *
 *   java src/build/MessagesSource.java RESOURCE_DIR OUTPUT_DIR
 */
public final class MessagesSource {
    private MessagesSource() {}

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args[0]), out = Path.of(args[1]).resolve("dev/tally/model/Messages.java");
        String made = source(load(resources.resolve("messages.properties")), load(resources.resolve("messages_vi.properties")));
        Files.createDirectories(out.getParent());
        // written only when it changes, so that an unchanged build compiles nothing again
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(made)) {
            Files.writeString(out, made, StandardCharsets.UTF_8);
        }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static String source(Properties en, Properties vi) {
        StringBuilder s = new StringBuilder();
        s.append("package dev.tally.model;\n\n");
        s.append("/** The messages of messages.properties and messages_vi.properties as key, message pairs (src/build/MessagesSource.java). */\n");
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
