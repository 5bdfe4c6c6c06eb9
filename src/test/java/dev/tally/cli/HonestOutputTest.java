package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.write.Cells;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the output tables say, through the real command line: the list of what is owed whole
 * wherever it goes and one file per district with --split-by; one selection of rows for every format;
 * the total row in the run's language; every finding in a --findings file with counts that add up;
 * a workbook's over-long cell cut with a warning; a file never fitted to the terminal it was written from.
 */
@Isolated // runs tally in Vietnamese, and the language is the whole JVM's
class HonestOutputTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-20T00:00:00Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;
    Path config;

    static Tally.Run tally(boolean terminal, int width, String... args) { return Tally.setup().at(CLOCK).terminal(width, terminal, false).run(args); }

    Tally.Run project(boolean terminal, int width, String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.add(1, "--config");
        a.add(2, config.toString());
        return tally(terminal, width, a.toArray(String[]::new));
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The names of the two required indicators: together longer than a terminal and than the table's 80-column cap on a cell. */
    static final String NAME_A = "Số mô hình \"Dân vận khéo\" được công nhận ở các thôn, tổ dân phố trên địa bàn",
            NAME_B = "Số cuộc đối thoại trực tiếp của người đứng đầu cấp ủy, chính quyền với Nhân dân";

    @BeforeEach
    void workspace() throws IOException {
        file("units.csv", "code,name,parent,level\nP,Tỉnh Phú Thọ,,province\nD1,Huyện Một/Hai \"cũ\",P,district\n"
                + "C11,Xã Một Một,D1,commune\nC12,Xã Một Hai,D1,commune\nD2,Huyện Hai,P,district\nC21,Xã Hai Một,D2,commune\n");
        file("catalog.yaml", "indicators:\n  - {code: models, name: '" + NAME_A.replace("'", "''") + "', type: integer, required: true}\n"
                + "  - {code: dialogues, name: '" + NAME_B + "', type: integer, required: true}\n");
        config = file("tally.yaml", "units: units.csv\ncatalog: catalog.yaml\nlevels: [province, district, commune]\ndeadline_days: 15\n");
        Tally.Run imported = project(false, 0, "import", "--received", "2024-07-05T09:00+07:00",
                file("a.csv", "unit,period,indicator,value\nC11,2024-H1,models,3\nC11,2024-H1,dialogues,2\n").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    @AfterEach
    void english() { dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN); }

    @Test
    void theListOfWhatIsOwedIsWholeOnAPipeAndInAFileWrittenFromATerminal() throws IOException {
        Tally.Run piped = project(false, 0, "status", "--missing", "--period", "2024-H1");
        assertThat(piped.exit()).isZero();
        assertThat(piped.out()).contains(NAME_A + "; " + NAME_B).doesNotContain("…");
        Path txt = dir.resolve("owed.txt");
        Tally.Run toFile = project(true, 80, "status", "--missing", "--period", "2024-H1", "-o", txt.toString());
        assertThat(toFile.exit()).isZero();
        // a file is not the terminal the command ran at: not fitted, cut or coloured
        assertThat(Files.readString(txt)).isEqualTo(piped.out());
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void onATerminalTheListWrapsAndNothingIsCut(int width) {
        Tally.Run shown = project(true, width, "status", "--missing", "--period", "2024-H1");
        assertThat(shown.exit()).isZero();
        for (String line : shown.out().split("\n")) assertThat(Cells.displayWidth(line)).as(line).isLessThanOrEqualTo(width);
        assertThat(shown.out()).doesNotContain("…");
        // every word of every cell is there, in order, as the pipe has it
        String words = String.join(" ", shown.out().split("\\s+"));
        for (String s : List.of(NAME_A + "; " + NAME_B, "Huyện Một/Hai \"cũ\"", "Xã Một Hai", "Xã Hai Một", "models, dialogues")) {
            assertThat(words).contains(s);
        }
    }

    @Test
    void splitByWritesOneLetterPerDistrictNamedSafely() throws IOException {
        Path letters = dir.resolve("letters");
        Tally.Run r = project(false, 0, "status", "--missing", "--period", "2024-H1", "--split-by", "district", "-o", letters.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(letters)) {
            // the name's slash and quotes are no path and no shell trouble
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("D1_Huyện_Một_Hai_cũ.csv", "D2_Huyện_Hai.csv");
        }
        String d1 = Files.readString(letters.resolve("D1_Huyện_Một_Hai_cũ.csv"));
        assertThat(d1.lines()).hasSize(2).first().asString().startsWith("period,unit,unit_name,parent");
        assertThat(d1).contains(",C12,Xã Một Hai,D1,").doesNotContain("C21");
        assertThat(Files.readString(letters.resolve("D2_Huyện_Hai.csv"))).contains(",C21,Xã Hai Một,D2,").doesNotContain("C12");
        assertThat(r.err()).contains("2 files written to " + letters).contains("D2_Huyện_Hai.csv");
        // another format beside them: the older files are named, not sent again by mistake
        Tally.Run xlsx = project(false, 0, "status", "--missing", "--period", "2024-H1", "--split-by", "district", "-o", letters.toString(),
                "--format", "xlsx");
        assertThat(xlsx.exit()).isZero();
        assertThat(letters.resolve("D2_Huyện_Hai.xlsx")).exists();
        Tally.Run again = project(false, 0, "status", "--missing", "--period", "2024-H1", "--split-by", "province", "-o", letters.toString());
        assertThat(again.err()).contains("P_Tỉnh_Phú_Thọ.csv").contains("also holds 2 files this run did not write")
                .contains("D1_Huyện_Một_Hai_cũ.csv");
        try (Stream<Path> s = Files.list(letters)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void splitByIsRefusedWhereItCannotWork() throws IOException {
        Path f = file("taken.csv", "x\n");
        assertThat(project(false, 0, "status", "--split-by", "district", "-o", dir.resolve("l").toString()).exit()).isEqualTo(2);
        assertThat(project(false, 0, "status", "--missing", "--split-by", "district").err()).contains("-o DIR");
        assertThat(project(false, 0, "status", "--missing", "--split-by", "district", "-o", f.toString()).err()).contains("is a file");
        Tally.Run level = project(false, 0, "status", "--missing", "--split-by", "ward", "-o", dir.resolve("l").toString());
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("--split-by 'ward' is not a level; levels are province, district, commune");
        assertThat(dir.resolve("l")).doesNotExist();
    }

    @Test
    void theTotalRowSpeaksTheRunsLanguageToPeopleAndStaysOneWordForPrograms() throws IOException {
        Path data = file("d.csv", "unit,period,indicator,value\nC11,2024-H1,models,3\nC21,2024-H1,models,4\n");
        Tally.Run en = project(false, 0, "rollup", "--depth", "0", data.toString());
        assertThat(en.out()).contains(" Total ").doesNotContain("Tổng cộng");
        Tally.Run vi = project(false, 0, "rollup", "--depth", "0", "--lang", "vi", data.toString());
        assertThat(vi.out()).contains(" Tổng cộng ").doesNotContain("(total)");
        Tally.Run csv = project(false, 0, "rollup", "--depth", "0", "--shape", "wide", "--format", "csv", "--lang", "vi", data.toString());
        assertThat(csv.out()).contains("\n,total,,7,");
    }

    /** The units of a rollup's rows: the first column of csv, the second of a markdown table (indentation aside). */
    static Set<String> units(String out, boolean markdown) {
        Set<String> u = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (markdown) {
                if (!line.startsWith("| ") || line.startsWith("| unit") || line.startsWith("| ---")) continue;
                u.add(line.split("\\|")[1].replace("\u00a0", "").trim());
            } else if (!line.startsWith("unit,")) {
                u.add(line.split(",")[0]);
            }
        }
        u.remove("");
        return u;
    }

    @Test
    void everyFormatHoldsTheSameUnitsAsTheOptionsSay() throws IOException {
        Path data = file("d.csv", "unit,period,indicator,value\nC11,2024-H1,models,3\nC12,2024-H1,models,1\nC21,2024-H1,models,4\n");
        Tally.Run csv = project(false, 0, "rollup", "--unit", "D1", "--format", "csv", data.toString());
        Tally.Run md = project(false, 0, "rollup", "--unit", "D1", "--format", "markdown", data.toString());
        // --unit: the unit's subtree, all of it without --depth: the same in the long csv and the wide table
        assertThat(units(csv.out(), false)).containsExactly("C11", "C12", "D1");
        assertThat(units(md.out(), true)).isEqualTo(units(csv.out(), false));
        Tally.Run depth = project(false, 0, "rollup", "--unit", "P", "--depth", "1", "--format", "markdown", data.toString());
        assertThat(units(depth.out(), true)).containsExactly("D1", "D2", "P");
        Tally.Run depthCsv = project(false, 0, "rollup", "--unit", "P", "--depth", "1", "--format", "csv", data.toString());
        assertThat(units(depthCsv.out(), false)).containsExactly("D1", "D2", "P");
        // markdown keeps the tree visible: a commune is indented under its district
        Tally.Run tree = project(false, 0, "rollup", "--unit", "P", "--format", "markdown", data.toString());
        assertThat(tree.out()).contains("| D1 | Huyện Một/Hai \"cũ\" |").contains("| \u00a0\u00a0C11 | Xã Một Một |");
    }

    @Test
    void aTableWrittenToAFileFromATerminalIsTheWholeTable() throws IOException {
        Path out = dir.resolve("r.txt");
        String[] args = {"rollup", "--config", "samples/tally.yaml", "--period", "2024-H1", "--depth", "1", "samples/submissions"};
        Tally.Run piped = tally(false, 0, args);
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.addAll(List.of("-o", out.toString()));
        assertThat(tally(true, 80, a.toArray(String[]::new)).exit()).isZero();
        assertThat(Files.readString(out)).isEqualTo(piped.out()).doesNotContain("\u001b[");
    }

    @Test
    void theFindingsFileHasEveryFindingAndTheCountsAddUp() throws IOException {
        StringBuilder sb = new StringBuilder("unit,period,indicator,value\n");
        int bad = dev.tally.validate.Validator.LISTED_PER_INPUT + 1500;
        for (int i = 0; i < bad; i++) sb.append("X").append(i).append(",2024-H1,models,1\n");
        for (int i = 0; i < 40; i++) sb.append("C11,2024-H1,nope,").append(i).append('\n');
        Path data = file("bad.csv", sb.toString());
        Path findings = dir.resolve("f.csv");
        Tally.Run r = project(false, 0, "rollup", "-q", "--findings", findings.toString(), "-o", dir.resolve("r.csv").toString(), data.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = Files.readAllLines(findings);
        assertThat(lines).hasSize(1 + bad + 40);
        // in input and line order, the last ones too
        assertThat(lines.get(lines.size() - 1)).startsWith("error,unknown-indicator," + data + "," + (bad + 41) + ",");
        assertThat(lines.stream().filter(l -> l.startsWith("error,unknown-unit,")).count()).isEqualTo(bad);
        // the count by code says every one, as the total does
        assertThat(r.err()).contains("findings by code: unknown-indicator 40, unknown-unit " + bad).contains((bad + 40) + " errors");
        // nothing left behind beside the file
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
        // validate's own csv has them all as well
        Tally.Run v = project(false, 0, "validate", "-q", "--format", "csv", data.toString());
        assertThat(v.out().lines().count()).isEqualTo(1 + bad + 40);
    }

    @Test
    void aFindingsFileInAMissingDirectoryNamesTheOptionBeforeReading() throws IOException {
        Path data = file("d.csv", "unit,period,indicator,value\nX1,2024-H1,models,1\n");
        Tally.Run r = project(false, 0, "validate", "--findings", dir.resolve("nowhere/f.csv").toString(), data.toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("does not exist").contains("choose another --findings").doesNotContain("-o");
    }

    @Test
    void aWorkbookCellPastTheSpreadsheetLimitIsCutAndSaid() throws IOException {
        String longName = "Xã" + " Rất Dài".repeat(5000);
        file("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nD,Huyện,P,district\nC1," + longName + ",D,commune\n");
        Path data = file("d.csv", "unit,period,indicator,value\nC1,2024-H1,models,1\nC1,2024-H1,dialogues,2\n");
        Path x = dir.resolve("r.xlsx");
        Tally.Run r = project(false, 0, "rollup", "--level", "commune", "--indicator", "models", "-o", x.toString(), data.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains(x + ": warning: sheet '2024-H1' cell B4 (name) holds " + longName.length() + " characters")
                .contains("cut there");
    }
}
