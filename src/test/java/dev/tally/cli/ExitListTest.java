package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every command's exit codes are an {@link ExitList} of {@link dev.tally.model.ExitCode} (its help,
 * man page and Vietnamese help are made from it), never a list written into its {@code @Command}, which
 * could give a number the enum does not have or drift from the enum's words.
 */
class ExitListTest {
    @Test
    void everyCommandListsItsExitCodesFromTheEnum() {
        List<String> checked = new ArrayList<>();
        collect(Cli.commandLine(new Io(java.io.InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Path.of(""), 0, java.time.Clock.systemUTC())), checked);
        assertThat(checked).contains("tally", "tally lock", "tally unlock", "tally store", "tally store copy", "tally store grants", "tally template");
    }

    private static void collect(CommandLine cl, List<String> checked) {
        Object command = cl.getCommand();
        // tally's own commands (generate-completion is picocli's, gen-man is hidden)
        if (command.getClass().getPackageName().equals("dev.tally.cli") && !cl.getCommandSpec().usageMessage().hidden()) {
            String name = cl.getCommandSpec().qualifiedName();
            assertThat(command).as(name).isInstanceOf(ExitList.Listed.class);
            assertThat(command.getClass().getAnnotation(Command.class).exitCodeList()).as(name + ": a list of its own in @Command").isEmpty();
            assertThat(cl.getCommandSpec().usageMessage().exitCodeList()).as(name).isEqualTo(((ExitList.Listed) command).exits().map());
            checked.add(name);
        }
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, checked);
    }
}
