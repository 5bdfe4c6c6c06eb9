package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.ExitCode;
import dev.tally.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README is part of the product: its set-up commands, finding codes and exit codes must match the code. */
class ReadmeTest {
    static String readme() throws IOException { return Files.readString(Path.of("README.md")); }

    @Test
    void quickStartCommandsAreTheOnesCiRuns() throws IOException {
        String r = readme();
        assertThat(r).contains("    mvn -q -B package -DskipTests && target/tally rollup --config samples/tally.yaml samples/submissions\n");
        assertThat(r).contains("    mvn -B verify\n");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("\nmvn -B verify\n");
    }

    /** The table of finding codes is the one FindingCode generates: a code, severity or meaning changed in one place only fails here. */
    @Test
    void theFindingCodesTableIsTheEnums() throws IOException {
        String region = FindingCodeTable.region(readme());
        assertThat(region).as("README.md lacks the markers of the generated finding codes").isNotNull();
        assertThat(region).as("README.md's finding codes are stale; run: java -jar target/tally.jar gen-man man --readme README.md")
                .isEqualTo(FindingCodeTable.block());
        for (FindingCode c : FindingCode.values()) assertThat(region).contains("| `" + c.key() + "` | ");
    }

    @Test
    void genManRewritesOnlyTheTableBetweenTheMarkers() {
        String stale = "# x\n\n" + FindingCodeTable.BEGIN + "\n| code | old |\n\n" + FindingCodeTable.END + "\n\nafter\n";
        assertThat(FindingCodeTable.intoReadme(stale))
                .isEqualTo("# x\n\n" + FindingCodeTable.BEGIN + "\n" + FindingCodeTable.block() + FindingCodeTable.END + "\n\nafter\n");
        assertThat(FindingCodeTable.intoReadme("# no markers\n")).isNull();
    }

    /** The catalog example's comments list every aggregate kind, in the order of the enums that the catalog reads. */
    @Test
    void theCatalogExampleListsEveryAggregateKind() throws IOException {
        String r = readme();
        assertThat(r).contains("# over units: " + java.util.Arrays.stream(dev.tally.model.Aggregate.values())
                .map(dev.tally.model.Aggregate::key).collect(java.util.stream.Collectors.joining(" | ")) + "\n");
        assertThat(r).contains("# over periods: " + java.util.Arrays.stream(dev.tally.model.OverTime.values())
                .map(dev.tally.model.OverTime::key).collect(java.util.stream.Collectors.joining(" | ")) + "\n");
    }

    /** The README's table of exit codes is the one made from the enum, row for row: a code added, changed or removed there fails here. */
    @Test
    void theExitCodesTableIsTheEnums() throws IOException {
        String r = readme();
        int at = r.indexOf("## Exit codes\n\n");
        assertThat(at).as("README has an Exit codes section").isPositive();
        String section = r.substring(at + "## Exit codes\n\n".length());
        String table = section.substring(0, section.indexOf("\n\n") + 1);
        assertThat(table).as("README's exit codes; the table made from ExitCode is:\n" + ExitList.readme()).isEqualTo(ExitList.readme());
        assertThat(table).contains("| " + ExitCode.INTERNAL.code() + " | ");
    }

    /**
     * Every example in the README that runs on the bundled samples (`$ tally … --config samples/…`,
     * writing no file) prints what the README shows under it: all of its output (standard output, then
     * standard error) or all of its standard output, or where the README leaves lines out with "…",
     * the lines it shows in that order.
     */
    @Test
    void theExamplesPrintWhatTheReadmeShows() throws IOException {
        assertThat(examplesChecked(Path.of("README.md"))).as("examples checked in README.md").isGreaterThanOrEqualTo(6);
    }

    /** The pages the README sends its reader to for the detail (src/doc) are held to the same: their examples print what they show. */
    @Test
    void theDocPagesExamplesPrintWhatTheyShow() throws IOException {
        int checked = 0;
        try (java.util.stream.Stream<Path> pages = Files.list(Path.of("src/doc"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) checked += examplesChecked(page);
        }
        assertThat(checked).as("examples checked in src/doc/*.md").isGreaterThanOrEqualTo(1);
    }

    /** Runs every example of one markdown file and compares its output with the file's; returns how many it checked. */
    static int examplesChecked(Path file) throws IOException {
        java.util.List<String> lines = Files.readString(file).lines().toList();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^    \\$ (?:target/)?tally (.*--config samples/.*)$").matcher(lines.get(i));
            if (!m.matches() || m.group(1).matches(".*( -o |\\bimport\\b|\\binit\\b|\\bremap\\b).*")) continue;
            java.util.List<String> expected = new java.util.ArrayList<>();
            // the indented block under the command, blank lines inside it included
            for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("    $ "); k++) {
                if (lines.get(k).startsWith("    ")) {
                    expected.add(lines.get(k).substring(4));
                    continue;
                }
                if (!lines.get(k).isBlank()) break;
                int next = k + 1;
                while (next < lines.size() && lines.get(next).isBlank()) next++;
                if (next >= lines.size() || !lines.get(next).startsWith("    ") || lines.get(next).startsWith("    $ ")) break;
                expected.add("");
            }
            if (expected.isEmpty()) continue; // shown rendered (a markdown table), not as text
            Tally.Run run = Tally.run(m.group(1).split(" "));
            String stdout = run.out();
            java.util.List<String> actual = (stdout + run.err()).lines().map(String::stripTrailing).toList();
            java.util.List<String> outOnly = stdout.lines().map(String::stripTrailing).toList();
            String where = file + ":" + (i + 1) + " " + m.group(1);
            java.util.List<String> shown = expected.stream().map(String::stripTrailing).toList();
            if (!shown.contains("…")) {
                // the whole output, or standard output alone where the README leaves out the summary
                if (!actual.equals(shown)) assertThat(outOnly).as(where).containsExactlyElementsOf(shown);
            } else {
                // "…" stands for lines left out: the lines shown come in the output in that order
                int at = 0;
                for (String line : shown) {
                    if (line.equals("…")) continue;
                    while (at < actual.size() && !actual.get(at).equals(line)) at++;
                    assertThat(at).as(where + ": '" + line + "' in order in\n" + String.join("\n", actual)).isLessThan(actual.size());
                    at++;
                }
            }
            checked++;
        }
        return checked;
    }

    /**
     * The README sends its reader on for the detail (src/doc, the man pages, the bench README): every
     * link to a file of the repository names a file that exists and, with a #fragment into a markdown
     * page, a heading of that page (as GitHub makes its anchors), so that moving a section never
     * leaves a dead link behind.
     */
    @Test
    void theLinksLeadSomewhere() throws IOException {
        java.util.List<Path> pages = new java.util.ArrayList<>(java.util.List.of(Path.of("README.md"), Path.of("src/bench/README.md")));
        try (java.util.stream.Stream<Path> doc = Files.list(Path.of("src/doc"))) {
            doc.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)\\s]+)\\)");
        int checked = 0;
        for (Path page : pages) {
            java.util.regex.Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) continue; // a web address
                int hash = target.indexOf('#');
                Path file = hash == 0 ? page : page.resolveSibling(hash < 0 ? target : target.substring(0, hash)).normalize();
                assertThat(file).as(page + " links to " + target).exists();
                if (hash >= 0) assertThat(anchors(file)).as(page + " links to " + target).contains(target.substring(hash + 1));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** The anchors GitHub gives a markdown page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static java.util.Set<String> anchors(Path markdown) throws IOException {
        java.util.Set<String> anchors = new java.util.HashSet<>();
        boolean fenced = false;
        for (String line : Files.readString(markdown).lines().toList()) {
            if (line.startsWith("```")) fenced = !fenced;
            if (fenced || !line.matches("#{1,6} .*")) continue;
            anchors.add(line.replaceFirst("^#+ ", "").toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
