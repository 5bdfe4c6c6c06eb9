package dev.tally.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store holds exactly what validate accepts: on a real-shaped set (one file per district in the
 * three formats districts send, communes that left a required cell empty or wrote a word for a number,
 * a value sent twice, two files that disagree, a district's own form), rollup from the store after
 * import equals rollup of the same files, cell for cell and coverage for coverage, for every period
 * and level; and status counts each incomplete report received and incomplete.
 */
abstract class StoreEqualsFilesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.ofHours(7));
    static final String[] COMMUNE = {"dvk", "dialogues", "received", "resolved", "trained"};

    @TempDir
    Path dir;
    Path config;
    TestStore store;

    /** The kind of store the tests run on: SqliteStoreEqualsFilesTest, PostgresStoreEqualsFilesTest. */
    abstract TestStore.Kind kind();

    Tally.Run tally(String... args) {
        return Tally.run(config, CLOCK, args);
    }

    /** Communes that left a required cell empty, per period (worked out while writing the files). */
    int incompleteH1, incompleteH2;

    @BeforeEach
    void project() throws IOException {
        store = TestStore.of(kind(), dir);
        StringBuilder units = new StringBuilder("code,name,parent,level\n");
        Random random = new Random(26);
        Files.createDirectories(dir.resolve("in"));
        for (int p = 0; p < 3; p++) {
            String prov = "P" + p;
            units.append(prov).append(",Tỉnh ").append(p).append(",,province\n");
            for (int d = 0; d < 6; d++) {
                String dist = prov + "-D" + d;
                units.append(dist).append(",Huyện ").append(p).append('.').append(d).append(',').append(prov).append(",district\n");
                int communes = d == 5 ? 0 : 6 + random.nextInt(10); // D5: a district without communes reports for itself
                List<String> codes = new java.util.ArrayList<>();
                for (int c = 0; c < communes; c++) {
                    String code = dist + "-C" + c;
                    codes.add(code);
                    units.append(code).append(",Xã ").append(c).append(',').append(dist).append(",commune\n");
                }
                if (communes == 0) codes.add(dist);
                for (String period : List.of("2024-H1", "2024-H2")) write(dist, period, codes, random, (p + d) % 3);
                // the district's own form, once a year
                Files.writeString(dir.resolve("in").resolve(dist + "-2024-hd.csv"), "unit,period,indicator,value\n" + dist + ",2024,sessions,"
                        + (2 + random.nextInt(4)) + "\n" + dist + ",2024,resolutions," + (d == 2 ? "" : String.valueOf(10 + random.nextInt(20))) + "\n");
            }
        }
        Files.writeString(dir.resolve("units.csv"), units, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.yaml"), """
                forms:
                  - {code: dv, name: Dân vận, period: half, indicators: [dvk, dialogues, received, resolved, trained]}
                  - {code: hd, name: HĐND, period: year, reported_at: district, indicators: [sessions, resolutions]}
                indicators:
                  - {code: dvk, type: integer, required: true, min: 0}
                  - {code: dialogues, type: integer, required: true, min: 0}
                  - {code: received, type: integer, required: true, min: 0}
                  - {code: resolved, type: integer, required: true, min: 0}
                  - {code: trained, type: integer, min: 0}
                  - {code: rate, type: percent, decimals: 1, formula: 100 * resolved / received}
                  - {code: sessions, type: integer, required: true, reported_at: district}
                  - {code: resolutions, type: integer, required: true, reported_at: district}
                rules:
                  - {name: resolved_within_received, check: resolved <= received, severity: error, message: giải quyết nhiều hơn tiếp nhận}
                """, StandardCharsets.UTF_8);
        config = Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\n"
                + store.yaml());
    }

    /** One district's half-year file, in the format the district uses: CSV long, CSV wide or NDJSON. */
    void write(String dist, String period, List<String> codes, Random random, int format) throws IOException {
        StringBuilder sb = new StringBuilder(switch (format) {
            case 0 -> "unit,period,indicator,value\n";
            case 1 -> "unit;unit_name;period;" + String.join(";", COMMUNE) + "\n";
            default -> "";
        });
        for (String unit : codes) {
            String[] v = new String[COMMUNE.length];
            for (int i = 0; i < v.length; i++) v[i] = String.valueOf(random.nextInt(i == 2 ? 40 : 12) + (i == 2 ? 12 : 0));
            int fault = random.nextInt(12);
            if (fault == 0) v[random.nextInt(4)] = "";          // an empty required cell: the report is incomplete
            else if (fault == 1) v[1] = "mười";                // a word for a number: that value alone is rejected
            else if (fault == 2) v[3] = "99";                  // resolved > received: a rule error, the values are kept
            boolean incomplete = fault == 0 || fault == 1;
            if (incomplete && period.endsWith("H1")) incompleteH1++;
            if (incomplete && period.endsWith("H2")) incompleteH2++;
            switch (format) {
                case 0 -> {
                    for (int i = 0; i < v.length; i++) sb.append(unit).append(',').append(period).append(',').append(COMMUNE[i]).append(',').append(v[i]).append('\n');
                    if (fault == 3) sb.append(unit).append(',').append(period).append(",trained,").append(v[4]).append('\n'); // sent twice, the same
                }
                case 1 -> sb.append(unit).append(";Xã;").append(period).append(';').append(String.join(";", v)).append('\n');
                default -> {
                    sb.append("{\"unit\": \"").append(unit).append("\", \"period\": \"").append(period).append("\", \"values\": {");
                    for (int i = 0; i < v.length; i++) {
                        sb.append(i == 0 ? "" : ", ").append('"').append(COMMUNE[i]).append("\": ")
                                .append(v[i].isEmpty() ? "null" : v[i].chars().allMatch(Character::isDigit) ? v[i] : "\"" + v[i] + "\"");
                    }
                    sb.append("}}\n");
                }
            }
        }
        Files.writeString(dir.resolve("in").resolve(dist + "-" + period + (format == 2 ? ".ndjson" : ".csv")), sb, StandardCharsets.UTF_8);
        if (codes.size() > 1 && format == 0) {
            // a second file for the first commune that disagrees on one value: a conflict, neither is used
            Files.writeString(dir.resolve("in").resolve(dist + "-" + period + "-fix.csv"),
                    "unit,period,indicator,value\n" + codes.get(0) + "," + period + ",trained,1000\n", StandardCharsets.UTF_8);
        }
    }

    @Test
    void rollupFromTheStoreEqualsRollupOfTheFiles() {
        String in = dir.resolve("in").toString();
        Tally.Run validate = tally("validate", "--format", "csv", in);
        Tally.Run imported = tally("import", "--received", "2025-01-05", in);
        assertThat(imported.exit()).as(imported.err()).isEqualTo(1);
        // the values validate accepts are the ones stored: none of an incomplete report is lost
        String accepted = (validate.out() + validate.err()).replaceAll("(?s).*values: (\\d+) accepted.*", "$1");
        assertThat(imported.out()).contains("= stored " + accepted + " + unchanged 0").contains(" 0 rejected;");
        for (String[] shape : List.of(new String[] {}, new String[] {"--period", "2024-H1"}, new String[] {"--period", "2024"},
                new String[] {"--level", "province"})) {
            List<String> files = new java.util.ArrayList<>(List.of("rollup", "--format", "csv"));
            files.addAll(List.of(shape));
            List<String> store = new java.util.ArrayList<>(files);
            files.add(in);
            String fromFiles = tally(files.toArray(String[]::new)).out(), fromStore = tally(store.toArray(String[]::new)).out();
            assertThat(fromFiles.lines().count()).as(String.join(" ", shape)).isGreaterThan(30);
            assertThat(fromStore).as(String.join(" ", shape)).isEqualTo(fromFiles);
        }
        // each incomplete report is received and incomplete; every commune and childless district reported
        assertThat(incompleteH1).isPositive();
        assertThat(tally("status", "--period", "2024-H1", "--form", "dv", "--format", "csv").out().lines().filter(l -> l.contains(",total,")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(",0,0,0," + incompleteH1 + ",100.0"));
        assertThat(tally("status", "--period", "2024-H2", "--form", "dv", "--format", "csv").out().lines().filter(l -> l.contains(",total,")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(",0,0,0," + incompleteH2 + ",100.0"));
        assertThat(tally("status", "--missing", "--period", "2024-H1", "--form", "dv", "--format", "csv").out().lines()
                .filter(l -> l.contains(",incomplete,")).count()).isEqualTo(incompleteH1);
    }
}
