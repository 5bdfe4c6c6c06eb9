package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The launcher (src/main/sh/tally) sums the sizes of a run's inputs to choose the JIT and the
 * collector, skipping the value after each option that takes one: a value that happens to name a
 * directory (--period 2024-H1 beside a folder of that name) is not an input. Its list must be every
 * such option of every command, so adding an option with a value without adding it there fails here.
 */
class LauncherOptionsTest {
    @Test
    void theLauncherSkipsTheValueOfEveryOptionThatTakesOne() throws IOException {
        String launcher = Files.readString(Path.of("src", "main", "sh", "tally"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\s*([-|\\w]+)\\) skip=1; continue ;;").matcher(launcher);
        assertThat(m.find()).as("the launcher's case of options with a value").isTrue();
        Set<String> listed = new TreeSet<>(Arrays.asList(m.group(1).split("\\|")));

        Set<String> taking = new TreeSet<>();
        CommandLine cl = Cli.commandLine(new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC()));
        collect(cl, taking);
        assertThat(taking).contains("--period", "--output", "-o");
        assertThat(listed).as("options with a value in src/main/sh/tally's inputs_size").isEqualTo(taking);
    }

    private static void collect(CommandLine cl, Set<String> taking) {
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp()) taking.addAll(Arrays.asList(o.names()));
        }
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, taking);
    }
}
