package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Numeric options are checked against their range once parsed, before any work: a value outside
 * it, or one that is not finite, is a usage error (exit 2) that names the range; and a number with
 * more decimals than a long can scale (22) rolls up and is described like any other.
 */
@Isolated // runs tally in Vietnamese, and the language is the whole JVM's
class OptionRangeTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("units.csv"), "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện,P,district\nC11,Xã Một,D1,commune\n"
                + "C12,Xã Hai,D1,commune\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: score, type: number, decimals: 2}\n"
                + "  - {code: received, type: integer, min: 0}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("in.csv"), "unit,period,indicator,value\nC11,2023,score,1\nC11,2024,score,0.0000000000000000000001\n"
                + "C12,2024,score,1.5\nC11,2024,received,3\n", StandardCharsets.UTF_8);
    }

    static Tally.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--units", dir.resolve("units.csv").toString(), "--catalog", dir.resolve("catalog.yaml").toString(),
                dir.resolve("in.csv").toString()));
        return Tally.run(all);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "outliers --threshold Infinity | --threshold must be a number from 0 to 1000000, not Infinity",
        "outliers --threshold 1e309 | --threshold must be a number from 0 to 1000000, not 1e309",
        "outliers --threshold NaN | --threshold must be a number from 0 to 1000000, not NaN",
        "outliers --threshold -1 | --threshold must be a number from 0 to 1000000, not -1",
        "outliers --history 1000000000 | --history must be a whole number from 1 to 120, not 1000000000",
        "outliers --history 0 | --history must be a whole number from 1 to 120, not 0",
        "outliers --min-n 0 | --min-n must be a whole number from 1 to 2147483647, not 0",
        "outliers --max -1 | --max must be a whole number from 0 to 2147483647, not -1",
        "consistency --tolerance Infinity | --tolerance must be a number from 0 to 1000000, not Infinity",
        "consistency --years 1000000000 | --years must be a whole number from 1 to 50, not 1000000000",
        "rollup --depth -1 | --depth must be a whole number from 0 to 1000, not -1",
        "rollup --depth 5000 | --depth must be a whole number from 0 to 1000, not 5000",
        "validate --max-findings -1 | --max-findings must be a whole number from 0 to 2147483647, not -1",
        "validate --threads 0 | --threads must be a whole number from 1 to 1024, not 0",
        "describe --threads 100000 | --threads must be a whole number from 1 to 1024, not 100000",
    })
    void anOptionOutsideItsRangeIsAUsageErrorNamingTheRange(String command, String message) {
        long start = System.nanoTime();
        Tally.Run r = run(command.split(" "));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tally: " + message + "\n");
        assertThat(r.out()).isEmpty();
        assertThat(System.nanoTime() - start).as("refused before any work").isLessThan(5_000_000_000L);
    }

    @Test
    void theRangeIsStatedInVietnameseToo() {
        Tally.Run r = run("--lang", "vi", "outliers", "--history", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tally: --history phải là một số nguyên từ 1 đến 120, không phải 0\n");
    }

    @Test
    void theHelpStatesTheRange() {
        Tally.Run r = Tally.run(List.of("outliers", "--help"));
        assertThat(r.out().replaceAll("\\s+", " ")).contains("6 halves, 5 years). From 1 to 120.");
    }

    @Test
    void valuesInsideTheRangeWork() {
        assertThat(run("outliers", "--history", "120", "--threshold", "1000000", "--min-n", "1").exit()).isZero();
        assertThat(run("consistency", "--years", "50", "--tolerance", "0").exit()).isZero();
    }

    /** Every numeric option of every command declares its range: a new one cannot forget it. */
    @Test
    void everyNumericOptionHasARange() {
        CommandLine cl = Cli.commandLine(new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC()));
        List<String> without = new ArrayList<>();
        int checked = 0;
        for (CommandLine sub : cl.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                Class<?> t = o.type();
                if (!(Number.class.isAssignableFrom(t) || t == int.class || t == long.class || t == double.class)) continue;
                checked++;
                if (Range.Check.help(o).isEmpty()) {
                    without.add(sub.getCommandName() + " " + o.longestName());
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(without).as("numeric options without a @Range").isEmpty();
    }

    @Test
    void aValueWithTwentyTwoDecimalsIsRoundedToTheIndicatorsDecimals() {
        Tally.Run r = run("rollup", "--period", "2024", "--format", "csv", "--depth", "0");
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("P,Tỉnh,province,2024,score,1.50,2,2");
        Tally.Run d = run("describe", "--period", "2024", "--format", "csv");
        assertThat(d.err()).doesNotContain("internal error");
        assertThat(d.exit()).isZero();
        assertThat(d.out()).contains("P,Tỉnh,province,2024,score,2,0,1.50,");
    }
}
