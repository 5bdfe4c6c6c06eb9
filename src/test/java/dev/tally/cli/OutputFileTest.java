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
        GoldenTest.Result r = GoldenTest.run(a, null);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("{").contains("\"catalog_sha256\"").contains("\"unit\" : \"BG\"");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void strictWithErrorsLeavesAnExistingOutputAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("report.csv"), "the previous report\n");
        GoldenTest.Result r = GoldenTest.run(List.of("rollup", "--strict", "-o", out.toString(),
                "--config", "samples/tally.yaml", "samples/faulty"), null);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was written");
        assertThat(Files.readString(out)).isEqualTo("the previous report\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void withoutStrictTheValidPartIsWrittenAndTheExitCodeSaysErrors() throws IOException {
        Path out = dir.resolve("report.csv");
        GoldenTest.Result r = GoldenTest.run(List.of("rollup", "-o", out.toString(), "--config", "samples/tally.yaml", "samples/faulty"), null);
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
        GoldenTest.Result r = GoldenTest.run(List.of("rollup", "--unit", "BG-TP", "--depth", "0", "--format", "csv", "-o", sent.toString(),
                "--config", "samples/tally.yaml", "samples/submissions"), null);
        assertThat(r.exit()).isZero();
        Path units = Files.writeString(dir.resolve("province-units.csv"),
                "code,name,parent,level\nBG,Tỉnh Bắc Giang,,province\nBG-TP,Thành phố Bắc Giang,BG,district\nBG-LN,Huyện Lục Nam,BG,district\n");
        Path catalog = Path.of("samples/catalog.yaml");
        GoldenTest.Result v = GoldenTest.run(List.of("validate", "--units", units.toString(), "--catalog", catalog.toString(), sent.toString()), null);
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).doesNotContain("error ");
        GoldenTest.Result again = GoldenTest.run(List.of("rollup", "--format", "csv", "--unit", "BG-TP", "--depth", "0", "--units", units.toString(),
                "--catalog", catalog.toString(), sent.toString()), null);
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
}
