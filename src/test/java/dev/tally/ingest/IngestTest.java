package dev.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.config.CatalogLoader;
import dev.tally.config.Project;
import dev.tally.config.UnitsLoader;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Unit;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.rollup.Rollup;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupSpec;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import dev.tally.workspace.Importer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The one lane, proved: the same generated data through every reader (long CSV, wide CSV with a BOM
 * and semicolons, a JSON array, NDJSON, one JSON object per file) and through the store gives the
 * same cells and counts; a large file is cut into slices and read in parallel with the same result as
 * one thread; ordinary data stays on longs and byte lookups (the counters say so), so a change that
 * silently leaves the fast way makes these tests fail.
 */
@Isolated // lowers Ingest.splitBytes and Slicer.countInTwoFrom, and reads Slicer.HALVED, which every plan counts
class IngestTest {
    @TempDir
    Path dir;

    Hierarchy h;
    Catalog c;
    /** unit, period, indicator → value text ("" for missing), in generation order. */
    final List<String[]> data = new ArrayList<>();
    static final List<String> PERIODS = List.of("2024-01", "2024-02", "2024-03");

    @BeforeEach
    void generate() throws IOException {
        Random rnd = new Random(42);
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,Tỉnh,,province\n");
        for (int d = 0; d < 4; d++) {
            units.append("D").append(d).append(",Huyện ").append(d).append(",P,district\n");
            for (int k = 0; k < 6; k++) units.append("C").append(d).append(k).append(",Xã ").append(d).append(k).append(",D").append(d).append(",commune\n");
        }
        Path u = Files.writeString(dir.resolve("units.csv"), units);
        Path k = Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n"
                + "  - {code: n1, type: integer}\n  - {code: n2, type: integer, min: 0}\n  - {code: r, type: number}\n"
                + "  - {code: share, type: percent, decimals: 1}\n  - {code: big, type: number}\n");
        h = UnitsLoader.load(u, List.of());
        c = CatalogLoader.load(k, h.levels());
        for (Unit unit : h.units()) {
            if (unit.depth() != 2) continue;
            for (String p : PERIODS) {
                for (Indicator ind : c.indicators()) {
                    String v = switch (ind.code()) {
                        case "n1", "n2" -> String.valueOf(rnd.nextInt(5000));
                        case "r" -> BigDecimal.valueOf(rnd.nextInt(100000), 2).toPlainString();
                        case "share" -> BigDecimal.valueOf(rnd.nextInt(1001), 1).toPlainString();
                        default -> String.valueOf(rnd.nextLong() / 1000);
                    };
                    if (rnd.nextInt(10) == 0) v = "";
                    data.add(new String[] {unit.code(), p, ind.code(), v});
                }
            }
        }
    }

    @AfterEach
    void restore() {
        Ingest.splitBytes = 4L << 20;
        Slicer.countInTwoFrom = 8L << 20;
    }

    Validator.Result run(int threads, Path... files) {
        List<InputFile> in = new ArrayList<>();
        for (Path f : files) in.add(new InputFile(dir.relativize(f).toString(), f));
        return IngestRuns.run(h, c, List.of(), in, ReadOptions.defaults(), new ByteArrayInputStream(new byte[0]), threads);
    }

    /** Every accepted cell as "unit period indicator = value" (missing as "missing"), sorted. */
    static List<String> cells(Validator.Result r, Hierarchy h, Catalog c) {
        CellTable t = r.table();
        TreeMap<String, String> out = new TreeMap<>();
        for (int p = 0; p < t.periods().size(); p++) {
            for (int cell = 0; cell < t.cells(); cell++) {
                byte st = t.state(p, cell);
                if (st == CellTable.EMPTY) continue;
                String key = h.unit(t.unitOf(cell)).code() + " " + t.periods().get(p) + " " + c.indicators().get(cell % t.indicators()).code();
                out.put(key, st == CellTable.MISSING ? "missing" : st == CellTable.REJECTED ? "rejected" : t.value(p, cell).toPlainString());
            }
        }
        return out.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList();
    }

    Path longCsv(String name) throws IOException {
        StringBuilder sb = new StringBuilder("unit,period,indicator,value\n");
        for (String[] d : data) sb.append(String.join(",", d)).append('\n');
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void everyReaderAndTheStoreGiveTheSameCells() throws IOException {
        Path longFile = longCsv("long.csv");
        // wide: one row per unit and period, semicolons, a BOM, CR LF
        StringBuilder wide = new StringBuilder("\uFEFFunit;unit_name;period");
        for (Indicator ind : c.indicators()) wide.append(';').append(ind.code());
        wide.append("\r\n");
        StringBuilder array = new StringBuilder("[\n");
        StringBuilder ndjson = new StringBuilder();
        List<Path> objects = new ArrayList<>();
        int ni = c.size();
        for (int i = 0; i < data.size(); i += ni) {
            String[] first = data.get(i);
            wide.append(first[0]).append(";Xã;").append(first[1]);
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < ni; k++) {
                String[] d = data.get(i + k);
                wide.append(';').append(d[3]);
                if (k > 0) values.append(", ");
                // numbers as JSON numbers, missing as null, one in three as a numeric string
                values.append('"').append(d[2]).append("\": ").append(d[3].isEmpty() ? "null" : k % 3 == 0 ? "\"" + d[3] + "\"" : d[3]);
            }
            wide.append("\r\n");
            String obj = "{\"unit\": \"" + first[0] + "\", \"period\": \"" + first[1] + "\", \"values\": {" + values + "}}";
            array.append(i == 0 ? "" : ",\n").append(obj);
            ndjson.append(obj).append('\n');
            objects.add(Files.writeString(dir.resolve("obj-" + i + ".json"), obj));
        }
        array.append("\n]\n");
        Path wideFile = Files.write(dir.resolve("wide.csv"), wide.toString().getBytes(StandardCharsets.UTF_8));
        Path arrayFile = Files.writeString(dir.resolve("array.json"), array);
        Path ndjsonFile = Files.writeString(dir.resolve("lines.ndjson"), ndjson);

        Validator.Result expected = run(1, longFile);
        List<String> cells = cells(expected, h, c);
        assertThat(cells).hasSize(data.size());
        assertThat(expected.findings()).isEmpty();
        for (Validator.Result r : List.of(run(2, wideFile), run(2, arrayFile), run(2, ndjsonFile), run(2, objects.toArray(Path[]::new)))) {
            assertThat(cells(r, h, c)).isEqualTo(cells);
            assertThat(r.findings()).isEmpty();
            assertThat(r.summary().values()).isEqualTo(expected.summary().values());
            assertThat(r.summary().accepted()).isEqualTo(expected.summary().accepted());
            assertThat(r.summary().missing()).isEqualTo(expected.summary().missing());
            assertThat(r.stats().textLookups()).isZero();
        }

        // the store: import the long file, read it back through the same JSON reader
        Path yaml = Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\nstore: tally.db\n");
        Project project = Project.load(yaml, null, null, Path.of(""));
        try (Store store = Store.open(dir.resolve("tally.db"), true)) {
            Importer.run(project, store, List.of(new InputFile("long.csv", longFile)), ReadOptions.defaults(),
                    new ByteArrayInputStream(new byte[0]), "2024-04-10T00:00Z", "2024-04-10T00:00Z", false, Importer.Atomic.SUBMISSION, 2, new Store.Who("test", "host"));
        }
        try (Store store = Store.open(dir.resolve("tally.db"), false)) {
            Validator.Result stored = IngestRuns.readStore(store, h, c, List.of(), 2);
            assertThat(cells(stored, h, c)).isEqualTo(cells);
            assertThat(stored.findings()).isEmpty();
            assertThat(stored.summary().accepted()).isEqualTo(expected.summary().accepted());
        }
    }

    /**
     * A submission whose values came from two files in one import is stored with each value's import
     * and line; read back, every cell names its own file and line (the store's reader looks the
     * submission's own import up once and any other per value).
     */
    @Test
    void valuesOfOneSubmissionFromTwoFilesKeepTheirOwnFileAndLineInTheStore() throws IOException {
        // the first two indicators of every submission in a.csv, the rest in b.csv
        StringBuilder a = new StringBuilder("unit,period,indicator,value\n"), b = new StringBuilder("unit,period,indicator,value\n");
        java.util.Map<String, String> expected = new TreeMap<>();
        int lineA = 1, lineB = 1;
        for (String[] d : data) {
            boolean first = d[2].equals("n1") || d[2].equals("n2");
            (first ? a : b).append(String.join(",", d)).append('\n');
            int line = first ? ++lineA : ++lineB;
            expected.put(d[0] + " " + d[1] + " " + d[2], (first ? "a.csv" : "b.csv") + ":" + line);
        }
        Path fa = Files.writeString(dir.resolve("a.csv"), a), fb = Files.writeString(dir.resolve("b.csv"), b);
        Path yaml = Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\nstore: tally.db\n");
        Project project = Project.load(yaml, null, null, Path.of(""));
        try (Store store = Store.open(dir.resolve("tally.db"), true)) {
            Importer.run(project, store, List.of(new InputFile("a.csv", fa), new InputFile("b.csv", fb)), ReadOptions.defaults(),
                    new ByteArrayInputStream(new byte[0]), "2024-04-10T00:00Z", "2024-04-10T00:00Z", false, Importer.Atomic.SUBMISSION, 2, new Store.Who("test", "host"));
        }
        try (Store store = Store.open(dir.resolve("tally.db"), false)) {
            Ingest.EraRead read = StoreIngest.readEras(store, List.of(new dev.tally.model.Era(0, null, null, h, c, dev.tally.model.Roster.of(h), null)),
                    List.of(), 2);
            CellTable t = read.results().get(0).table();
            java.util.Map<String, String> got = new TreeMap<>();
            for (int p = 0; p < t.periods().size(); p++) {
                for (int cell = 0; cell < t.cells(); cell++) {
                    if (t.state(p, cell) == CellTable.EMPTY) continue;
                    long where = t.where(p, cell);
                    got.put(h.unit(t.unitOf(cell)).code() + " " + t.periods().get(p) + " " + c.indicators().get(cell % t.indicators()).code(),
                            read.inputs().get(CellTable.whereInput(where)) + ":" + CellTable.whereLine(where));
                }
            }
            assertThat(got).isEqualTo(expected);
        }
    }

    /**
     * A slice's lines counted in two halves at once give the same line numbers as one count, with
     * CR LF line ends, also where the halves' border falls between a CR and its LF.
     */
    @Test
    void aSliceCountedInTwoHalvesGivesTheSameLines() throws IOException {
        Ingest.splitBytes = 1024;
        Slicer.countInTwoFrom = 0;
        boolean borderInCrLf = false;
        // files a row shorter each time, so that the halves' border moves through the rows' bytes
        for (int pad = 0; pad < 64; pad++) {
            StringBuilder sb = new StringBuilder("unit,period,indicator,value\r\n");
            for (String[] d : data.subList(0, data.size() - pad)) sb.append(String.join(",", d)).append("\r\n");
            Path f = Files.writeString(dir.resolve("crlf-" + pad + ".csv"), sb);
            byte[] bytes = Files.readAllBytes(f);
            long halvedBefore = Slicer.HALVED.get();
            Ingest.Plan plan = Ingest.plan(List.of(new InputFile(f.getFileName().toString(), f)), ReadOptions.defaults(), 2);
            assertThat(plan.slices()).as("pad %d: cut in two, not refused for a lone CR", pad).isEqualTo(2);
            assertThat(Slicer.HALVED.get()).isEqualTo(halvedBefore + 1);
            Slicer.Slice first = plan.work().get(0).slice(), second = plan.work().get(1).slice();
            int mid = (int) (first.from() + (first.to() - first.from()) / 2);
            borderInCrLf |= bytes[mid - 1] == '\r' && bytes[mid] == '\n';
            long lines = 1 + new String(bytes, 0, (int) first.to(), StandardCharsets.UTF_8).chars().filter(ch -> ch == '\n').count();
            assertThat(second.firstLine()).isEqualTo(lines);
            Validator.Result one = run(1, f), two = run(2, f);
            assertThat(cells(two, h, c)).isEqualTo(cells(one, h, c));
            assertThat(two.findings()).isEqualTo(one.findings());
        }
        assertThat(borderInCrLf).as("some pad puts the halves' border between a CR and its LF").isTrue();
    }

    @Test
    void aLargeFileIsCutIntoSlicesAndReadInParallelWithTheSameResult() throws IOException {
        Path f = longCsv("long.csv");
        Ingest.splitBytes = 1024;
        Ingest.Plan plan = Ingest.plan(List.of(new InputFile("long.csv", f)), ReadOptions.defaults(), 2);
        assertThat(plan.slices()).as("the file is read in slices").isEqualTo(2);
        Validator.Result one = run(1, f), two = run(2, f);
        assertThat(cells(two, h, c)).isEqualTo(cells(one, h, c));
        assertThat(two.summary()).isEqualTo(one.summary());
        assertThat(two.findings()).isEqualTo(one.findings());
        assertThat(two.stats().reread()).as("no cell in two slices, so no second reading").isFalse();
        // ordinary data: every value on longs (up to 18 digits), every code resolved from bytes
        assertThat(two.stats().bigValues()).isZero();
        assertThat(two.stats().textLookups()).isZero();
        RollupResult rolled = Rollup.run(h, c, two.table(), new RollupSpec(List.of(), false), List.of("long.csv"));
        assertThat(rolled.bigSlots()).as("sums of ordinary data stay on longs").isZero();
    }

    @Test
    void aCellRepeatedAcrossSlicesIsReadAgainInOrderForTheSameFindings() throws IOException {
        data.add(data.get(0).clone());
        String[] conflict = data.get(1).clone();
        conflict[3] = "999";
        data.add(conflict);
        Path f = longCsv("long.csv");
        Ingest.splitBytes = 1024;
        Validator.Result one = run(1, f), two = run(2, f);
        assertThat(two.stats().reread()).isTrue();
        assertThat(two.findings()).isEqualTo(one.findings());
        assertThat(two.summary()).isEqualTo(one.summary());
        assertThat(one.summary().duplicates()).isEqualTo(1);
    }

    @Test
    void aQuoteAnywhereKeepsAFileWhole() throws IOException {
        data.set(0, new String[] {data.get(0)[0], data.get(0)[1], data.get(0)[2], "\"7\""});
        Path f = longCsv("long.csv");
        Ingest.splitBytes = 1024;
        Ingest.Plan plan = Ingest.plan(List.of(new InputFile("long.csv", f)), ReadOptions.defaults(), 2);
        assertThat(plan.slices()).isZero();
        assertThat(cells(run(2, f), h, c)).contains(data.get(0)[0] + " " + data.get(0)[1] + " " + data.get(0)[2] + " = 7");
    }

    /**
     * Quotes after the last cut do not keep a file whole: the last slice is read by the same tokenizer
     * as the whole file, so a quoted line break there is read, and the lines after it numbered, the same.
     */
    @Test
    void quotesInTheLastSliceAreReadAsInTheWholeFile() throws IOException {
        int last = data.size() - 1;
        data.set(last - 1, new String[] {data.get(last - 1)[0], data.get(last - 1)[1], data.get(last - 1)[2], "\"1\n2\""});
        data.set(last, new String[] {data.get(last)[0], data.get(last)[1], data.get(last)[2], "\"7\""});
        Path f = longCsv("long.csv");
        Ingest.splitBytes = 1024;
        Ingest.Plan plan = Ingest.plan(List.of(new InputFile("long.csv", f)), ReadOptions.defaults(), 2);
        assertThat(plan.slices()).as("the file is still read in slices").isEqualTo(2);
        assertThat(plan.counted()).as("only the first slice was counted").isPositive().isLessThan(Files.size(f) * 3 / 4);
        Validator.Result one = run(1, f), two = run(2, f);
        assertThat(cells(two, h, c)).isEqualTo(cells(one, h, c))
                .contains(data.get(last)[0] + " " + data.get(last)[1] + " " + data.get(last)[2] + " = 7");
        assertThat(two.findings()).isEqualTo(one.findings()).hasSize(1);
        // the record with the quoted line break starts on line data.size() (data begins on line 2)
        assertThat(two.findings().get(0).line()).isEqualTo(data.size());
        assertThat(two.summary()).isEqualTo(one.summary());
    }

    @Test
    void codesInAnotherUnicodeFormAreTheSameUnit() throws IOException {
        Path units = Files.writeString(dir.resolve("u2.csv"), "code,name,parent\nXÃ-ĐÔNG,Xã Đông,\n");
        Path cat = Files.writeString(dir.resolve("k2.yaml"), "indicators:\n  - {code: x, type: integer}\n");
        Hierarchy h2 = UnitsLoader.load(units, List.of());
        Catalog c2 = CatalogLoader.load(cat, h2.levels());
        String nfd = java.text.Normalizer.normalize("XÃ-ĐÔNG", java.text.Normalizer.Form.NFD);
        Path f = Files.writeString(dir.resolve("nfd.csv"), "unit,period,indicator,value\n" + nfd + ",2024,x,3\n");
        Validator.Result r = IngestRuns.run(h2, c2, List.of(), List.of(new InputFile("nfd.csv", f)), ReadOptions.defaults(),
                new ByteArrayInputStream(new byte[0]), 1);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary().accepted()).isEqualTo(1);
        assertThat(r.stats().textLookups()).as("the NFD code needed the text way").isEqualTo(1);
    }
}
