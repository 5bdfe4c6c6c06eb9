package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o files: format from the extension, atomic replacement, --strict leaving an existing file alone, closure. */
class OutputFileTest {
    @TempDir
    Path dir;

    static final List<String> SAMPLES = List.of("--config", "samples/tally.yaml", "samples/submissions");

    static List<String> args(String... a) {
        List<String> l = new java.util.ArrayList<>(List.of(a));
        return l;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void formatFollowsTheExtensionAndNoTempFileRemains() throws IOException {
        Path out = dir.resolve("bg.json");
        List<String> a = args("rollup", "--unit", "BG", "--depth", "0", "-o", out.toString());
        a.addAll(SAMPLES);
        Tally.Run r = Tally.run(a);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("{").contains("\"catalog_sha256\"").contains("\"unit\" : \"BG\"");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void strictWithErrorsLeavesAnExistingOutputAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("report.csv"), "the previous report\n");
        Tally.Run r = Tally.run(List.of("rollup", "--strict", "-o", out.toString(),
                "--config", "samples/tally.yaml", "samples/faulty"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was written");
        assertThat(Files.readString(out)).isEqualTo("the previous report\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void withoutStrictTheValidPartIsWrittenAndTheExitCodeSaysErrors() throws IOException {
        Path out = dir.resolve("report.csv");
        Tally.Run r = Tally.run(List.of("rollup", "-o", out.toString(), "--config", "samples/tally.yaml", "samples/faulty"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Files.readString(out)).startsWith("unit,unit_name,level,period,indicator,value,reported,expected\n");
    }

    @Test
    void anAbandonedAtomicFileLeavesTheTargetUntouched() throws IOException {
        Path target = Files.writeString(dir.resolve("t.csv"), "old");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write("half a tab".getBytes(StandardCharsets.UTF_8));
            // no commit: as if the job failed here
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(leftovers()).isEmpty();
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write("new".getBytes(StandardCharsets.UTF_8));
            f.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aDistrictRollupIsAValidSubmissionForTheProvince() throws IOException {
        // the district sends its own totals up; the province's units file stops at districts
        Path sent = dir.resolve("bg-tp.csv");
        Tally.Run r = Tally.run(List.of("rollup", "--unit", "BG-TP", "--depth", "0", "--format", "csv", "-o", sent.toString(),
                "--config", "samples/tally.yaml", "samples/submissions"));
        assertThat(r.exit()).isZero();
        Path units = Files.writeString(dir.resolve("province-units.csv"),
                "code,name,parent,level\nBG,Tỉnh Bắc Giang,,province\nBG-TP,Thành phố Bắc Giang,BG,district\nBG-LN,Huyện Lục Nam,BG,district\n");
        Path catalog = Path.of("samples/catalog.yaml");
        Tally.Run v = Tally.run(List.of("validate", "--units", units.toString(), "--catalog", catalog.toString(), sent.toString()));
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).doesNotContain("error ");
        Tally.Run again = Tally.run(List.of("rollup", "--format", "csv", "--unit", "BG-TP", "--depth", "0", "--units", units.toString(),
                "--catalog", catalog.toString(), sent.toString()));
        assertThat(again.exit()).isZero();
        // every value the district computed comes back unchanged, derived ones recomputed from the parts
        List<String> before = Files.readAllLines(sent).stream().map(OutputFileTest::valueOnly).toList();
        List<String> after = again.out().lines().map(OutputFileTest::valueOnly).toList();
        assertThat(after).isEqualTo(before);
    }

    /** unit,period,indicator,value of a long row (coverage differs: the province sees one reporting district). */
    private static String valueOnly(String line) {
        String[] f = line.split(",");
        return f[0] + "," + f[3] + "," + f[4] + "," + (f.length > 5 ? f[5] : "");
    }

    private Tally.Run run(boolean terminal, String... a) { return Tally.setup().terminal(0, terminal, false).run(a); }

    @Test
    void dashIsStandardOutputNotAFileNamedDash() {
        Tally.Run r = run(false, "rollup", "--config", "samples/tally.yaml", "--format", "csv", "-o", "-", "samples/submissions");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("unit,unit_name,level,period");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    @Test
    void theFormatFollowsTheExtensionForValidateToo() throws Exception {
        Path x = dir.resolve("findings.xlsx"), t = dir.resolve("findings.tsv"), md = dir.resolve("findings.md"), nd = dir.resolve("f.ndjson");
        for (Path p : List.of(x, t, md, nd)) {
            assertThat(run(false, "validate", "--config", "samples/tally.yaml", "-o", p.toString(), "samples/faulty").exit()).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(x)).startsWith((byte) 'P', (byte) 'K');
        assertThat(Files.readString(t)).startsWith("severity\tcode\tfile\tline");
        assertThat(Files.readString(md)).startsWith("| severity | code |");
        assertThat(Files.readString(nd)).startsWith("{\"severity\":\"error\",\"code\":\"rule\"");
    }

    @Test
    void anExtensionTallyDoesNotWriteIsAUsageErrorWithAHint() {
        Tally.Run xls = run(false, "rollup", "--config", "samples/tally.yaml", "-o", dir.resolve("r.xls").toString(), "samples/submissions");
        assertThat(xls.exit()).isEqualTo(2);
        assertThat(xls.err()).contains("not the old .xls; name the file .xlsx");
        Tally.Run pdf = run(false, "validate", "--config", "samples/tally.yaml", "-o", dir.resolve("r.pdf").toString(), "samples/faulty");
        assertThat(pdf.exit()).isEqualTo(2);
        // a document's extension points to the command that writes documents
        assertThat(pdf.err()).contains("'.pdf' is a document, not a table: tally report writes the review as .docx, .html or .pdf");
        Tally.Run bin = run(false, "validate", "--config", "samples/tally.yaml", "-o", dir.resolve("r.bin").toString(), "samples/faulty");
        assertThat(bin.exit()).isEqualTo(2);
        assertThat(bin.err()).contains("'.bin' is not an extension tally writes");
        assertThat(run(false, "rollup", "--config", "samples/tally.yaml", "--format", "csv", "-o", dir.resolve("r.out").toString(),
                "samples/submissions").exit()).as("--format settles it").isZero();
    }

    @Test
    void aWorkbookToATerminalIsRefusedWithAHint() {
        Tally.Run r = run(true, "rollup", "--config", "samples/tally.yaml", "--format", "xlsx", "samples/submissions");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("xlsx is a binary format and standard output is a terminal; write it to a file with -o FILE.xlsx");
        assertThat(r.out()).isEmpty();
        assertThat(run(false, "rollup", "--config", "samples/tally.yaml", "--format", "xlsx", "samples/submissions").exit())
                .as("to a pipe it is fine").isZero();
    }

    @Test
    void anOutputThatNamesAnInputIsRefusedBeforeAnythingIsRead() throws IOException {
        Path sub = Files.copy(Path.of("samples/faulty/luc-nam-2024-H1-errors.csv"), dir.resolve("sub.csv"));
        byte[] before = Files.readAllBytes(sub);
        Tally.Run r = run(false, "validate", "--config", "samples/tally.yaml", "--format", "csv", "-o", sub.toString(), sub.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is one of the inputs");
        assertThat(Files.readAllBytes(sub)).isEqualTo(before);
        // through a link, and the units file
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), sub);
        assertThat(run(false, "rollup", "--config", "samples/tally.yaml", "-o", link.toString(), sub.toString()).exit()).isEqualTo(2);
        assertThat(run(false, "rollup", "--config", "samples/tally.yaml", "--format", "csv", "-o", "samples/units.csv", sub.toString()).exit())
                .isEqualTo(2);
        assertThat(Files.readAllBytes(sub)).isEqualTo(before);
    }

    /**
     * --findings is an output too: onto a submission, the project's files or the -o output it is
     * refused before anything is read, in every command that takes it (it used to replace them).
     */
    @Test
    void aFindingsFileThatNamesAnInputOrTheOutputIsRefused() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("submissions"));
        for (String f : List.of("tally.yaml", "units.csv", "catalog.yaml")) Files.copy(Path.of("samples", f), project.resolve(f));
        Path sub = Files.copy(Path.of("samples/faulty/luc-nam-2024-H1-errors.csv"), project.resolve("submissions/sub.csv"));
        Path yaml = project.resolve("tally.yaml"), units = project.resolve("units.csv");
        byte[] subBefore = Files.readAllBytes(sub), yamlBefore = Files.readAllBytes(yaml), unitsBefore = Files.readAllBytes(units);
        String cfg = yaml.toString(), dirOfSubs = project.resolve("submissions").toString();
        for (String[] args : List.of(
                new String[] {"rollup", "--config", cfg, "--findings", sub.toString(), dirOfSubs},
                new String[] {"validate", "--config", cfg, "--findings", sub.toString(), dirOfSubs},
                new String[] {"describe", "--config", cfg, "--findings", sub.toString(), dirOfSubs},
                new String[] {"rollup", "--config", cfg, "--findings", yaml.toString(), dirOfSubs},
                new String[] {"rollup", "--config", cfg, "--findings", units.toString(), dirOfSubs},
                new String[] {"import", "--config", cfg, "--findings", sub.toString(), dirOfSubs})) {
            Tally.Run r = run(false, args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("--findings").contains("is one of the inputs");
        }
        Path out = dir.resolve("out.csv");
        Tally.Run same = run(false, "rollup", "--config", cfg, "-o", out.toString(), "--findings", out.toString(), dirOfSubs);
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).contains("--findings " + out + " is also the -o output");
        assertThat(Files.readAllBytes(sub)).isEqualTo(subBefore);
        assertThat(Files.readAllBytes(yaml)).isEqualTo(yamlBefore);
        assertThat(Files.readAllBytes(units)).isEqualTo(unitsBefore);
        assertThat(out).doesNotExist();
        assertThat(project.resolve("tally.db")).doesNotExist();
    }

    /** validate lists its findings as its output, and --findings writes every one of them to a file as well. */
    @Test
    void validateWritesEveryFindingToTheFindingsFile() throws IOException {
        Path findings = dir.resolve("all.csv");
        Tally.Run r = run(false, "validate", "--config", "samples/tally.yaml", "--max-findings", "1", "--findings", findings.toString(),
                "samples/faulty");
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = Files.readAllLines(findings);
        assertThat(lines.get(0)).startsWith("severity,code,file,line");
        Tally.Run csv = run(false, "validate", "--config", "samples/tally.yaml", "--format", "csv", "samples/faulty");
        assertThat(lines).isEqualTo(csv.out().lines().toList());
        assertThat(lines.size()).isGreaterThan(3);
    }

    @Test
    void historyTakesMinusOToo() {
        assertThat(Cli.commandLine(new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC()))
                .getSubcommands().get("history").getCommandSpec().findOption("-o")).isNotNull();
    }
}
