package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Hidden maintenance command: writes the man pages generated from the commands into DIR, and with --readme the README's generated tables. */
@Command(name = "gen-man", hidden = true, header = "Write the man pages into DIR.")
final class GenManCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @Parameters(paramLabel = "DIR", description = "Directory to write tally.1 and tally-<command>.1 into.")
    Path dir;

    @picocli.CommandLine.Option(names = "--readme", paramLabel = "FILE",
            description = "Also write the generated tables into FILE (the README), between their markers.")
    Path readme;

    @Override
    public Integer call() {
        // the English pages into DIR, the Vietnamese ones into DIR/vi
        dev.tally.model.Text.Lang was = dev.tally.model.Text.lang();
        try {
            for (dev.tally.model.Text.Lang lang : dev.tally.model.Text.Lang.values()) {
                dev.tally.model.Text.use(lang);
                Path into = lang == dev.tally.model.Text.Lang.EN ? dir : dir.resolve("vi");
                Map<String, String> pages = ManPage.renderAll(Cli.commandLine(root.io));
                Files.createDirectories(into);
                for (Map.Entry<String, String> e : pages.entrySet()) {
                    Files.writeString(into.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
                    root.io.out().println(t("cli.wrote", into.resolve(e.getKey())));
                }
            }
            if (readme != null) {
                dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN);
                String updated = FindingCodeTable.intoReadme(Files.readString(readme, StandardCharsets.UTF_8));
                if (updated == null) throw TallyException.io(t("cli.readmeNoMarkers", readme, FindingCodeTable.BEGIN, FindingCodeTable.END));
                Files.writeString(readme, updated, StandardCharsets.UTF_8);
                root.io.out().println(t("cli.wrote", readme));
            }
        } catch (IOException e) {
            throw TallyException.io(t("cli.cannotWriteMan", dir, e.getMessage()));
        } finally {
            dev.tally.model.Text.use(was);
        }
        return 0;
    }
}
