package dev.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.ingest.IngestRuns;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.Severity;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // lowers CellTable.budget, which every cell table in the JVM obeys
class ValidatorTest {
    static final Hierarchy h = TestProject.H;
    static final Catalog c = TestProject.C;

    @TempDir
    Path dir;

    Validator.Result run(List<Period> within, int threads, String... files) throws IOException {
        List<InputFile> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Path p = dir.resolve("f" + i + ".csv");
            Files.writeString(p, files[i], StandardCharsets.UTF_8);
            inputs.add(new InputFile("f" + i + ".csv", p));
        }
        return IngestRuns.run(h, c, within, inputs, ReadOptions.defaults(), new ByteArrayInputStream(new byte[0]), threads);
    }

    Validator.Result run(String... files) throws IOException { return run(List.of(), 1, files); }

    static final String HEAD = "unit,period,indicator,value\n";

    static List<FindingCode> codes(Validator.Result r) { return r.findings().stream().map(Finding::code).toList(); }

    /** The unit index is built once per hierarchy (a run builds it ahead, StartAhead), and answers every code of it. */
    @Test
    void theUnitIndexIsBuiltOncePerHierarchy() {
        Hierarchy h = TestProject.H;
        Validator.prepare(h);
        CodeIndex index = Validator.unitIndex(h);
        assertThat(Validator.unitIndex(h)).isSameAs(index);
        for (var u : h.units()) {
            byte[] code = u.code().getBytes(StandardCharsets.UTF_8);
            assertThat(index.get(code, 0, code.length)).isEqualTo(u.index());
        }
        Hierarchy other = dev.tally.config.UnitsLoader.load(Path.of("src/test/resources/data/units.csv"), List.of("province", "district", "commune"));
        assertThat(Validator.unitIndex(other)).isNotSameAs(index);
    }

    @Test
    void aCleanSubmissionHasNoFindings() throws IOException {
        Validator.Result r = run(HEAD + "C11,2024,received,3\nC11,2024,resolved,2\nD1,2024,sessions,4\n");
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary().accepted()).isEqualTo(3);
        assertThat(r.summary().addsUp()).isTrue();
    }

    @Test
    void perValueChecks() throws IOException {
        Validator.Result r = run(HEAD + "C11,2024,received,2.5\nC11,2024,share,140\nC11,2024,active,2\nC11,2024,score,11\n"
                + "C11,2024,received,-1\nC11,2024,rate,50\nXX,2024,received,1\nC11,2024,nope,1\nC11,2024,active,yes\nC11,2024,received,yes\n");
        assertThat(codes(r)).containsExactly(FindingCode.WRONG_TYPE, FindingCode.WRONG_TYPE, FindingCode.WRONG_TYPE,
                FindingCode.OUT_OF_RANGE, FindingCode.OUT_OF_RANGE, FindingCode.DERIVED_SUBMITTED, FindingCode.UNKNOWN_UNIT,
                FindingCode.UNKNOWN_INDICATOR, FindingCode.MISSING_REQUIRED, FindingCode.WRONG_TYPE);
        assertThat(r.findings().get(0).message()).contains("whole number");
        assertThat(r.findings().get(1).message()).contains("0 to 100");
        assertThat(r.findings().get(3).message()).contains("above the maximum 10");
        assertThat(r.findings().get(4).message()).contains("below the minimum 0");
        assertThat(r.findings().get(9).message()).contains("yes/no word");
        assertThat(r.summary().rejected()).isEqualTo(8);
        assertThat(r.summary().ignored()).as("the submitted value of a derived indicator").isEqualTo(1);
        assertThat(r.summary().accepted()).isEqualTo(1);
        assertThat(r.summary().addsUp()).isTrue();
    }

    @Test
    void aCountWrittenWithDotsBetweenThousandsIsToldOfDecimalCommaNotRoundedDown() throws IOException {
        // 1.234 in a Vietnamese report is one thousand two hundred and thirty-four: "give a count like 1" would mislead
        Validator.Result r = run(HEAD + "C11,2024,received,1.234\nC11,2024,resolved,12.345.678\nC12,2024,received,2.5\n"
                + "C12,2024,resolved,1.2345\n");
        List<String> messages = r.findings().stream().filter(f -> f.code() == FindingCode.WRONG_TYPE).map(Finding::message).toList();
        assertThat(messages).containsExactly(
                "'1.234' is not a whole number but 'received' is an integer; if it means 1234, with a dot between thousands"
                        + " as Vietnamese numbers are written, read the file with --decimal-comma; otherwise give a count like 1",
                "'2.5' is not a whole number but 'received' is an integer; give a count like 2",
                "'1.2345' is not a whole number but 'resolved' is an integer; give a count like 1");
        // with two dots it is no number at all in plain mode, and says the same
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.NOT_A_NUMBER).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("'12.345.678' is not a number; give a number like 1234 or 1234.5, or leave"
                        + " the cell empty (N/A and - also mean missing); for numbers like 1.234,5 use --decimal-comma"));
        // read with --decimal-comma the same text is the count it meant
        Path p = dir.resolve("vn.csv");
        Files.writeString(p, HEAD + "C11,2024,received,1.234\n", StandardCharsets.UTF_8);
        Validator.Result vn = IngestRuns.run(h, c, List.of(), List.of(new InputFile("vn.csv", p)),
                new ReadOptions(null, null, true), new ByteArrayInputStream(new byte[0]), 1);
        assertThat(codes(vn)).doesNotContain(FindingCode.WRONG_TYPE);
        assertThat(vn.summary().accepted()).isEqualTo(1);
    }

    @Test
    void periodsPastTheMemoryOfADenseTableAreOneMessageNamingTheLineAndWhatToDo() throws IOException {
        // a dense period holds every unit's cells: 6 units x 7 indicators x 17 bytes = 714; two fit in 1,500
        long before = dev.tally.model.CellBudget.set(1_500);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(HEAD + "C11,2021,received,1\nC11,2022,received,1\nC12,2022,received,2\n"
                    + "C11,2023,received,1\n")).isInstanceOfSatisfying(dev.tally.model.TallyException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(dev.tally.model.ExitCode.IO);
                        assertThat(e.getMessage()).isEqualTo("f0.csv:5: period 2023 makes 3 periods in the inputs; every period holds a cell"
                                + " for each of 6 units and 7 indicators, so 3 take 0.00 GB, more than the 0.00 GB this run may use. Roll up a"
                                + " few at a time with --period (2024, 2020..2024), or give the JVM more memory (TALLY_JAVA_OPTS=-Xmx16g)");
                    });
            // the periods asked for are all that are held
            Validator.Result r = run(List.of(Period.parseOrThrow("2022")), 1, HEAD + "C11,2021,received,1\nC11,2022,received,1\nC11,2023,received,1\n");
            assertThat(r.table().periods()).containsExactly(Period.parseOrThrow("2022"));
        } finally {
            dev.tally.model.CellBudget.set(before);
        }
    }

    @Test
    void jsonNumbersKeepTheirMeaningUnderDecimalCommaAndGetNoHintOfIt() throws IOException {
        // a run over Vietnamese CSVs and a system's JSON takes --decimal-comma for the CSVs; the JSON's
        // number 2.750 is two and three quarters there, not 2750, and its string "1.234,5" is the CSVs' style
        Path json = dir.resolve("system.json");
        Files.writeString(json, "[{\"unit\": \"C11\", \"period\": \"2024\", \"values\": {\"score\": 2.750, \"received\": 1.234}},"
                + " {\"unit\": \"C12\", \"period\": \"2024\", \"values\": {\"score\": \"7,5\", \"received\": \"1.234\"}}]", StandardCharsets.UTF_8);
        for (boolean comma : new boolean[] {true, false}) {
            Validator.Result r = IngestRuns.run(h, c, List.of(), List.of(new InputFile("system.json", json)),
                    new ReadOptions(null, null, comma), new ByteArrayInputStream(new byte[0]), 1);
            int score = c.indicator("score").index(), p = r.table().periods().indexOf(Period.parseOrThrow("2024"));
            assertThat(r.table().value(p, r.table().cell(h.unit("C11").index(), score))).as("comma " + comma).isEqualByComparingTo("2.75");
            List<String> wrong = r.findings().stream().filter(f -> f.code() == FindingCode.WRONG_TYPE).map(Finding::message).toList();
            if (comma) {
                // the number token 1.234 is not whole; the string "1.234" is 1234 under --decimal-comma
                assertThat(wrong).containsExactly("'1.234' is not a whole number but 'received' is an integer; give a count like 1");
                assertThat(r.table().value(p, r.table().cell(h.unit("C12").index(), score))).isEqualByComparingTo("7.5");
            } else {
                // --decimal-comma would not change the number token, so only the string is told of it
                assertThat(wrong).containsExactly("'1.234' is not a whole number but 'received' is an integer; give a count like 1",
                        "'1.234' is not a whole number but 'received' is an integer; if it means 1234, with a dot between thousands"
                                + " as Vietnamese numbers are written, read the file with --decimal-comma; otherwise give a count like 1");
            }
        }
    }

    @Test
    void requiredOnlyAtTheIndicatorsReportingLevel() throws IOException {
        // D1 reports sessions only: received/resolved are required of communes, not of districts
        Validator.Result r = run(HEAD + "D1,2024,sessions,4\nC11,2024,received,\nC12,2024,score,5\n");
        assertThat(r.findings()).extracting(Finding::unit, Finding::indicator).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C11", "received resolved"),
                org.assertj.core.groups.Tuple.tuple("C12", "received resolved"));
        assertThat(r.summary().missing()).isEqualTo(1);
    }

    @Test
    void duplicatesAndConflicts() throws IOException {
        Validator.Result r = run(HEAD + "C11,2024,received,3\nC11,2024,resolved,3\nC11,2024,received,3.0\nC11,2024,resolved,2\nC11,2024,resolved,1\n");
        assertThat(codes(r)).containsExactly(FindingCode.DUPLICATE, FindingCode.CONFLICT, FindingCode.CONFLICT);
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(r.findings().get(1).message()).contains("'2'").contains("'3'").contains("f0.csv:3");
        assertThat(r.summary().duplicates()).isEqualTo(1);
        assertThat(r.summary().rejected()).isEqualTo(3);
        assertThat(r.summary().accepted()).isEqualTo(1);
        assertThat(r.summary().addsUp()).isTrue();
        int cell = r.table().cell(h.unit("C11").index(), c.indicator("resolved").index());
        assertThat(r.table().state(0, cell)).isEqualTo(CellTable.REJECTED);
    }

    @Test
    void acrossFilesTheResultDoesNotDependOnThreads() throws IOException {
        String a = HEAD + "C11,2024,received,3\nC11,2024,resolved,3\nC12,2024,received,1\nC12,2024,resolved,1\n";
        String b = HEAD + "C11,2024,received,3\nC11,2024,resolved,2\nC21,2024,received,1\nC21,2024,resolved,1\n";
        Validator.Result one = run(List.of(), 1, a, b);
        Validator.Result two = run(List.of(), 2, a, b);
        assertThat(two.findings()).isEqualTo(one.findings());
        assertThat(two.summary()).isEqualTo(one.summary());
        assertThat(codes(one)).containsExactly(FindingCode.DUPLICATE, FindingCode.CONFLICT);
        assertThat(one.findings().get(0).file()).isEqualTo("f1.csv");
        assertThat(one.findings().get(1).message()).contains("f0.csv:3");
        assertThat(one.summary().addsUp()).isTrue();
    }

    @Test
    void rulesHonourTheirMissingStrategy() throws IOException {
        // resolved_le_received skips when any operand is missing; score_positive only when all are
        Validator.Result r = run(HEAD + "C11,2024,received,1\nC11,2024,resolved,2\nC12,2024,received,\nC12,2024,resolved,9\n"
                + "C21,2024,received,1\nC21,2024,resolved,1\nC21,2024,score,0\n");
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.RULE)
                .extracting(Finding::unit, Finding::severity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("C11", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("C21", Severity.WARNING));
        assertThat(r.findings().get(0).message()).isEqualTo("Resolved exceeds received: resolved <= received is false for received=1, resolved=2");
    }

    @Test
    void aRejectedWideRowNamesTheIndicatorColumnsItCost() throws IOException {
        Validator.Result r = run("unit,period,received,resolved\nCX,2024,3,2\nC11,2024-H3,4,1\nC12,2024,5,\n");
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.UNKNOWN_UNIT).singleElement()
                .satisfies(f -> assertThat(f.indicator()).isEqualTo("received resolved"));
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.BAD_PERIOD).singleElement()
                .satisfies(f -> assertThat(f.indicator()).isEqualTo("received resolved"));
    }

    @Test
    void aRuleFindingsValueIsItsOperandsValuesInTheIndicatorColumnsOrder() throws IOException {
        Validator.Result r = run(HEAD + "C11,2024,received,1\nC11,2024,resolved,2\n");
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.RULE).first()
                .satisfies(f -> assertThat(f.indicator() + "=" + f.value()).isEqualTo("received resolved=1 2"));
    }

    @Test
    void findingsPastTheLimitAreCountedNotListed() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        int rows = Validator.LISTED_PER_INPUT + 250;
        for (int i = 0; i < rows; i++) sb.append("C11,2024,received,x").append(i).append('\n');
        Validator.Result r = run(sb.toString());
        assertThat(r.findings()).hasSize(Validator.LISTED_PER_INPUT);
        assertThat(r.findings().get(r.findings().size() - 1).line()).isEqualTo(Validator.LISTED_PER_INPUT + 1);
        assertThat(r.summary().errors()).isEqualTo(rows);
        assertThat(r.summary().unlisted()).isEqualTo(250);
        assertThat(r.summary().rejected()).isEqualTo(rows);
        assertThat(r.summary().addsUp()).isTrue();
        assertThat(r.summary().text()).contains("250 of them past the first 10000 of a file");
    }

    @Test
    void periodFilterSkipsAndCounts() throws IOException {
        Validator.Result r = run(List.of(Period.parseOrThrow("2024-H1")), 1,
                HEAD + "C11,2024-03,received,1\nC11,2024-03,resolved,1\nC11,2024-07,received,1\nC11,2024,received,1\n");
        assertThat(r.summary().skipped()).isEqualTo(2);
        assertThat(r.summary().accepted()).isEqualTo(2);
        assertThat(r.summary().addsUp()).isTrue();
    }

    // ------------------------------------------------------------ threads filling one table

    static void give(Validator.Part part, String unit, String period, String indicator, String value, long line) {
        part.begin(new dev.tally.read.Field().set(unit), new dev.tally.read.Field().set(period), line);
        part.value(new dev.tally.read.Field().set(indicator), new dev.tally.read.Field().set(value), line, false);
        part.end();
    }

    static Validator validator(int inputs) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < inputs; i++) names.add("f" + i + ".csv");
        return new Validator(h, c, List.of(), names, false, false);
    }

    @Test
    void partsOfADenseTableFillOneTableAndFinishWithoutAMerge() {
        Validator v = validator(2);
        List<Validator.Part> parts = v.parts(2);
        assertThat(parts.get(1).table).as("one national table, not one per thread").isSameAs(parts.get(0).table);
        parts.get(0).input(0);
        give(parts.get(0), "C11", "2024", "received", "3", 2);
        give(parts.get(0), "C11", "2024", "received", "3", 3); // the same part again: a duplicate, as one reader sees it
        parts.get(1).input(1);
        give(parts.get(1), "C12", "2024", "received", "5", 2);
        assertThat(v.collides(parts)).isFalse();
        Validator.Result r = v.finish(parts, false);
        assertThat(r.table()).isSameAs(parts.get(0).table);
        assertThat(r.summary().accepted()).isEqualTo(2);
        assertThat(r.summary().duplicates()).isEqualTo(1);
        int p = r.table().findPeriod(Period.parseOrThrow("2024"));
        assertThat(r.table().longValue(p, r.table().cell(h.unit("C12").index(), c.indicator("received").index()))).isEqualTo(5);
        // sparse tables (one small file at a time) stay one a part
        Validator sparse = new Validator(h, c, List.of(), List.of("f0.csv", "f1.csv"), true, false);
        List<Validator.Part> own = sparse.parts(2);
        assertThat(own.get(1).table).isNotSameAs(own.get(0).table);
    }

    @Test
    void aCellFilledByTwoPartsOfOneTableIsACollision() {
        Validator v = validator(2);
        List<Validator.Part> parts = v.parts(2);
        parts.get(0).input(0);
        give(parts.get(0), "C11", "2024", "received", "3", 2);
        parts.get(1).input(1);
        give(parts.get(1), "C11", "2024", "received", "3", 2);
        assertThat(v.collides(parts)).as("both parts filled the cell").isTrue();
    }

    @Test
    void twoThreadsFillingTheSameCellsAtOnceAreAlwaysCaught() throws Exception {
        // whether a part meets the other's value or both write the same empty cell at the same moment,
        // both parts have the cell's bit, every time
        for (int round = 0; round < 20; round++) {
            Validator v = validator(2);
            List<Validator.Part> parts = v.parts(2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int k = 0; k < 2; k++) {
                Validator.Part part = parts.get(k);
                int input = k;
                Thread t = new Thread(() -> {
                    part.input(input);
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int y = 2000; y < 2400; y++) {
                        for (String unit : List.of("C11", "C12", "C21")) give(part, unit, String.valueOf(y), "received", "1", y);
                    }
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) t.join();
            assertThat(v.collides(parts)).as("round " + round).isTrue();
        }
    }
}
