package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the start-up measurements rest on (src/bench/README.md). That the launcher's class-data
 * archive really holds the quick start's classes is checked by .ci/run on the built jar.
 */
class StartupTest {
    /** picocli is compiled from its source with tally: its own jar's Java 5 classes cannot be archived. */
    @Test
    void picocliIsCompiledForJava17() throws IOException {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            byte[] head = in.readNBytes(8);
            int major = (head[6] & 0xff) << 8 | head[7] & 0xff;
            assertThat(major).as("class file version of picocli.CommandLine (61 = Java 17)").isEqualTo(61);
        }
    }

    /**
     * Cli turns off picocli's converters for java.sql and java.time types (start-up): no option of
     * any command may have such a type, or its value could not be converted.
     */
    @Test
    void noOptionHasATypeWhoseConverterIsTurnedOff() {
        List<Pattern> excluded = new ArrayList<>();
        for (String regex : Cli.EXCLUDED_CONVERTERS.split(",")) excluded.add(Pattern.compile(regex));
        assertThat(excluded).anyMatch(p -> p.matcher("java.time.LocalDate").matches()).anyMatch(p -> p.matcher("java.sql.Timestamp").matches())
                .noneMatch(p -> p.matcher("java.nio.file.Path").matches());
        List<String> types = new ArrayList<>();
        collect(Cli.commandLine(new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC())), types);
        assertThat(types).hasSizeGreaterThan(100).contains("java.nio.file.Path", "java.lang.String");
        assertThat(types).noneMatch(t -> excluded.stream().anyMatch(p -> p.matcher(t).matches()));
    }

    private static void collect(CommandLine cl, List<String> types) {
        for (CommandLine.Model.ArgSpec a : cl.getCommandSpec().args()) {
            types.add(a.type().getName());
            for (Class<?> c : a.auxiliaryTypes()) types.add(c.getName());
        }
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, types);
    }

    @Test
    void startAheadReadsOptionValuesAsPicocliDoes() {
        String[] args = {"rollup", "--units", "a.csv", "--catalog=c.csv", "--title", "x", "--", "--config", "y"};
        assertThat(StartAhead.value(args, "--units")).isEqualTo("a.csv");
        assertThat(StartAhead.value(args, "--catalog")).isEqualTo("c.csv");
        assertThat(StartAhead.value(args, "--config")).as("after --, a positional").isNull();
        assertThat(StartAhead.value(new String[] {"rollup", "--units"}, "--units")).isNull();
    }
}
