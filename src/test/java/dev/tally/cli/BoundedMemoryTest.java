package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs of tens of megabytes, read by a real tally process held to a 96 MB heap: a line of
 * 25 million fields, a 50 MB number, JSON nested 10 million deep, a 50 MB JSON string. Each must end
 * with its finding and exit 1, and the good file beside it must be read; running out of memory would
 * end the process with exit 4 and "out of memory".
 */
@Tag("process")
@org.junit.jupiter.api.Order(6) // pom.xml, process-tests: the longest first
class BoundedMemoryTest {
    @TempDir
    Path dir;

    private static void write(Path p, String head, byte fill, long count, String tail) throws IOException {
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) {
            o.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, fill);
            for (long left = count; left > 0; left -= chunk.length) o.write(chunk, 0, (int) Math.min(chunk.length, left));
            o.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Run(int exit, String out, String err) {}

    private Run tally(String... args) throws Exception {
        Path units = Files.writeString(dir.resolve("units.csv"), "code,name,parent\nP,Tỉnh,\nC1,Xã,P\n");
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: x, type: integer}\n");
        List<String> all = new ArrayList<>(List.of("validate", "--format", "csv", "--units", units.toString(), "--catalog", catalog.toString()));
        all.addAll(List.of(args));
        Process p = new ProcessBuilder(Child.plain(List.of("-Xmx96m"), all)).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("a hostile input ends").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    @Test
    void fiftyMegabytesOfHostileInputInAHundredMegabytesOfHeap() throws Exception {
        Path line = dir.resolve("line.csv");
        write(line, "unit,period,indicator,value\nC1,2024,x,1", (byte) ',', 25_000_000, "\nC1,2025,x,2\n");
        Path number = dir.resolve("number.csv");
        write(number, "unit,period,indicator,value\nC1,2026,x,", (byte) '7', 50_000_000, "\nC1,2027,x,3\n");
        Path deep = dir.resolve("deep.json");
        write(deep, "", (byte) '[', 10_000_000, "");
        Path string = dir.resolve("string.json");
        write(string, "[{\"unit\":\"C1\",\"period\":\"2028\",\"values\":{\"x\":\"", (byte) '1', 50_000_000, "\"}}]");
        Path good = Files.writeString(dir.resolve("good.csv"), "unit,period,indicator,value\nC1,2029,x,4\n");
        Run r = tally(line.toString(), number.toString(), deep.toString(), string.toString(), good.toString());
        assertThat(r.err()).doesNotContain("out of memory").doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("line.csv,2,,,,,the row is 25000011 bytes long with 25000004 fields");
        assertThat(r.out()).contains("number.csv,2,,,,,the row is 50000010 bytes long");
        assertThat(r.out()).contains("deep.json,1,").contains("nesting depth beyond 64 levels");
        assertThat(r.out()).contains("string.json,1,C1,2028").contains("longer than 1 MB");
        // the good rows beside them: 2025, 2027 and 2029 accepted
        assertThat(r.err()).contains("3 accepted");
    }

    /**
     * When the heap is too small for the data, the run ends with one line saying so and how to give
     * more, exit 4, never a stack trace. With 35 indicators the cells of 20,000 units (12 MB) are within
     * the share of a 24 MB heap they may take, and the rollup's result beside them is not: the JVM runs
     * out of memory. With 200 (68 MB) the cell table refuses the period before allocating it.
     */
    @Test
    void runningOutOfMemoryIsOneLineAndExitFour() throws Exception {
        String err = tinyHeapRollup(35);
        assertThat(err).contains("tally: out of memory; give the JVM more: TALLY_JAVA_OPTS=-Xmx8g").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPeriodTooLargeForTheHeapIsRefusedBeforeItIsAllocated() throws Exception {
        String err = tinyHeapRollup(200);
        assertThat(err).matches("tally: .*one\\.csv:2: the cells of period 2024, one for each of 20001 units and 200 indicators, take 0\\.07 GB,"
                + " more than the 0\\.0\\d GB this run may use; give the JVM more memory \\(TALLY_JAVA_OPTS=-Xmx16g\\)\\R");
    }

    /** A rollup of a value for each of 20,000 units and this many indicators in a 24 MB heap: exit 4, and what it printed. */
    private String tinyHeapRollup(int indicators) throws Exception {
        StringBuilder units = new StringBuilder("code,name,parent\nP,Tỉnh,\n");
        for (int i = 0; i < 20_000; i++) units.append("C").append(i).append(",Xã ").append(i).append(",P\n");
        Path u = Files.writeString(dir.resolve("big-units.csv"), units);
        StringBuilder catalog = new StringBuilder("indicators:\n");
        for (int i = 0; i < indicators; i++) catalog.append("  - {code: x").append(i).append(", type: integer}\n");
        Path c = Files.writeString(dir.resolve("big-catalog.yaml"), catalog);
        // a value for each unit, with a note of 420 bytes (not read): past 2 bytes a cell of the period
        // (Loaded.SPARSE_BELOW_BYTES_PER_CELL), so the cells are the dense table this test is about; one
        // value alone would be read sparse, in rows for the units it names, and fit
        StringBuilder rows = new StringBuilder("unit,period,indicator,value,note\n");
        String note = "n".repeat(420);
        for (int i = 1; i <= 20_000; i++) rows.append("C").append(i % 20_000).append(",2024,x1,4,").append(note).append('\n');
        Path data = Files.writeString(dir.resolve("one.csv"), rows);
        Process p = new ProcessBuilder(Child.plain(List.of("-Xmx24m"), List.of("rollup", "--threads", "1", "--units", u.toString(), "--catalog",
                c.toString(), data.toString()))).redirectOutput(dir.resolve("oom-out").toFile()).redirectError(dir.resolve("oom-err").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("oom-err"));
        assertThat(p.exitValue()).as(err).isEqualTo(4);
        return err;
    }
}
