package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate keeps a small input's cells sparse, and says exactly what the dense way says. */
class SparseValidateTest {
    @TempDir
    Path dir;

    Tally.Run validate(Path units, Path catalog, Path input) {
        return Tally.run("validate", "--units", units.toString(), "--catalog", catalog.toString(), "--format", "csv", "--threads", "2", input.toString());
    }

    static dev.tally.ingest.Loaded load(Path units, Path catalog, Path input) { return load(units, catalog, input, false); }

    static dev.tally.ingest.Loaded load(Path units, Path catalog, Path input, boolean rolledUp) {
        ProjectOptions project = new ProjectOptions();
        project.units = units;
        project.catalog = catalog;
        InputOptions options = new InputOptions();
        options.threads = 2;
        Io io = new Io(java.io.InputStream.nullInputStream(), System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC());
        return Loading.load(io, project, options, null, java.util.List.of(), java.util.List.of(input.toString()), null, null, rolledUp, null);
    }

    @Test
    void aSmallInputAgainstALargeHierarchyIsReadSparseWithTheSameFindings() throws IOException {
        // 3,002 units x 3 indicators = 9,006 cells a period: below 18,012 bytes of input the cells stay sparse
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\nD,Huyện,P,district\n");
        for (int i = 0; i < 3000; i++) units.append("C").append(i).append(",Xã ").append(i).append(",D,commune\n");
        Path u = Files.writeString(dir.resolve("units.csv"), units);
        Path c = Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: a, type: integer, required: true}\n"
                + "  - {code: b, type: integer, required: true}\n  - {code: r, type: integer}\n");
        String rows = "C1,2024,a,1\nC1,2024,b,2\nC2,2024,a,3\nC2,2024,a,4\nC3,2024,a,5\nC3,2024,a,5\nX9,2024,a,1\nC4,2024,b,2.5\nC5,2023,a,1\n";
        Path small = Files.createDirectories(dir.resolve("small")).resolve("in.csv");
        Files.writeString(small, "unit,period,indicator,value\n" + rows);
        // the same rows with a long note on each (a descriptive column, not read): past the threshold, dense
        Path large = Files.createDirectories(dir.resolve("large")).resolve("in.csv");
        StringBuilder padded = new StringBuilder("unit,period,indicator,value,note\n");
        for (String r : rows.split("\n")) padded.append(r).append(',').append("x".repeat(2500)).append('\n');
        Files.writeString(large, padded);

        // loaded as validate loads them (its cells are not rolled up)
        assertThat(load(u, c, small).sparse()).as("the small input was read sparse").isTrue();
        assertThat(load(u, c, large).sparse()).as("the large one dense").isFalse();
        Tally.Run sparse = validate(u, c, small);
        Tally.Run dense = validate(u, c, large);

        assertThat(sparse.exit()).isEqualTo(1).isEqualTo(dense.exit());
        assertThat(sparse.out()).isEqualTo(dense.out().replace(large.toString(), small.toString()));
        assertThat(sparse.err()).isEqualTo(dense.err().replace(large.toString(), small.toString()));
        assertThat(sparse.out()).contains(",conflict,").contains(",duplicate,").contains(",unknown-unit,").contains(",wrong-type,")
                .contains(",missing-required,");
        assertThat(sparse.err()).startsWith("1 file, 9 records, 9 values: 4 accepted, 1 duplicate, 4 rejected\n");

        // rolled up too: the small input sparse (rows for the units met, and the rolled-up columns for the
        // units visited), the large one dense, the same table
        assertThat(load(u, c, small, true).sparse()).as("the small input rolled up sparse").isTrue();
        assertThat(load(u, c, large, true).sparse()).isFalse();
        Tally.Run sparseRollup = Tally.run("rollup", "--units", u.toString(), "--catalog", c.toString(), "--format", "csv", "--compare", "previous",
                "--threads", "2", small.toString());
        Tally.Run denseRollup = Tally.run("rollup", "--units", u.toString(), "--catalog", c.toString(), "--format", "csv", "--compare", "previous",
                "--threads", "2", large.toString());
        assertThat(sparseRollup.out()).isEqualTo(denseRollup.out()).contains("\nC1,Xã 1,commune,2024,a,1,1,1,");
        assertThat(sparseRollup.err()).isEqualTo(denseRollup.err().replace(large.toString(), small.toString()));
    }
}
