package dev.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other only as the README's layout says: data flows one way, nothing
 * imports {@code cli}, the domain packages never reach up. A new arrow fails here until the table is
 * changed on purpose.
 */
class LayoutTest {
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("io", Set.of("model")),
            Map.entry("expr", Set.of("model")),
            Map.entry("read", Set.of("model")),
            Map.entry("config", Set.of("model", "read", "expr", "io")),
            Map.entry("validate", Set.of("model", "read", "expr")),
            Map.entry("store", Set.of("model")),
            Map.entry("write", Set.of("model", "io")),
            Map.entry("rollup", Set.of("model", "expr", "write")),
            Map.entry("ingest", Set.of("model", "io", "config", "read", "validate", "store")),
            Map.entry("workspace", Set.of("model", "io", "config", "ingest", "read", "store", "validate", "rollup")),
            // the report's content is a write.Doc (the document its writers lay out), as a rollup is a table for write's sinks
            Map.entry("review", Set.of("model", "rollup", "write")),
            Map.entry("cli", Set.of("model", "io", "config", "read", "validate", "ingest", "rollup", "store", "write", "workspace", "expr", "review")));

    static final Pattern IMPORT = Pattern.compile("^import dev\\.tally\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void packagesDependOnlyDownstream() throws IOException {
        Path root = Path.of("src/main/java/dev/tally");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) continue; // Main
                String pkg = rel.getName(0).toString();
                assertThat(ALLOWED).as("package " + pkg + " is in the layout").containsKey(pkg);
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(pkg) && !ALLOWED.get(pkg).contains(to)) wrong.add(rel + " imports " + to);
                }
                // fully qualified uses count too
                Matcher q = Pattern.compile("[^.\\w]dev\\.tally\\.([a-z]+)\\.[A-Z]").matcher(Files.readString(f));
                while (q.find()) {
                    String to = q.group(1);
                    if (!to.equals(pkg) && !ALLOWED.get(pkg).contains(to)) wrong.add(rel + " names " + to);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
