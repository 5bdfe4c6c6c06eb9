package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.cli.Tally;
import dev.tally.write.OrderedRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A large long output's rows are made in parallel (csv, tsv) and must come out exactly as the rows
 * every other format writes one after another: the same rows, the same order, the same figures.
 */
@Isolated // reads OrderedRows.forked() and Writers.rowsGivenAsArrays(), which every output counts
class ParallelOutputTest {
    @TempDir
    Path dir;

    String tally(String... args) {
        Tally.Run r = Tally.setup().workingDir(dir).run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void csvRowsMadeInParallelAreTheRowsNdjsonWritesInOrder() throws IOException {
        StringBuilder units = new StringBuilder("code,name,parent,level\nP,\"Tỉnh, P\",,province\n");
        StringBuilder data = new StringBuilder("unit,period,indicator,value\n");
        for (int d = 0; d < 3; d++) {
            units.append("D").append(d).append(",Huyện ").append(d).append(",P,district\n");
            for (int k = 0; k < 70; k++) {
                String c = "C" + d + "-" + k;
                units.append(c).append(",Xã ").append(k).append(",D").append(d).append(",commune\n");
                data.append(c).append(",2024-H1,n,").append(d * 1000 + k).append('\n');
                if (k % 9 != 0) data.append(c).append(",2024-H1,r,").append(k).append('.').append(d).append('\n');
            }
        }
        Files.writeString(dir.resolve("units.csv"), units);
        Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: n, type: integer}\n  - {code: r, type: number, decimals: 1}\n");
        Files.writeString(dir.resolve("data.csv"), data);
        String[] base = {"rollup", "--units", dir.resolve("units.csv").toString(), "--catalog", dir.resolve("catalog.yaml").toString(),
                dir.resolve("data.csv").toString()};

        long before = OrderedRows.forked(), arrays = dev.tally.write.Writers.rowsGivenAsArrays();
        String csv = tally(concat(base, "--format", "csv"));
        // every row reached the writer as the re-filled array, not through a List
        assertThat(dev.tally.write.Writers.rowsGivenAsArrays() - arrays).isEqualTo(2 * 214 - 24);
        boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
        assertThat(OrderedRows.forked() - before).as("chunks made on workers").isEqualTo(parallel ? 4 : 0); // 214 units, 64 a chunk
        String ndjson = tally(concat(base, "--format", "ndjson"));

        List<String> fromJson = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String line : ndjson.split("\n")) {
            JsonNode n = m.readTree(line);
            fromJson.add(String.join("|", n.get("unit").asText(), n.get("period").asText(), n.get("indicator").asText(),
                    n.get("value").isNull() ? "" : n.get("value").decimalValue().toPlainString(), n.get("reported").asText(), n.get("expected").asText()));
        }
        List<String> fromCsv = new ArrayList<>();
        for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(new java.io.StringReader(csv))) {
            fromCsv.add(String.join("|", r.get("unit"), r.get("period"), r.get("indicator"), r.get("value"), r.get("reported"), r.get("expected")));
        }
        // every unit has an n row; r rows are left out for the 24 communes that gave none (k = 0, 9, …, 63 in each district)
        assertThat(fromCsv).hasSize(2 * 214 - 24).isEqualTo(fromJson);
        // the province's sum, by hand: n = sum over d of (70 * 1000 d + (0 + … + 69)) = 70 * 3000 + 3 * 2415
        assertThat(fromCsv).contains("P|2024-H1|n|" + (70 * 3000 + 3 * 2415) + "|210|210");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
