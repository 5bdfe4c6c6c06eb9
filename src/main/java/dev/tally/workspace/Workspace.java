package dev.tally.workspace;

import static dev.tally.model.Text.t;

import dev.tally.config.Settings;
import dev.tally.model.TallyException;
import java.nio.file.Path;

/** Where a project's store is: {@code store:} in tally.yaml, else tally.db next to it. */
public final class Workspace {
    private Workspace() {}

    public static final String DEFAULT_STORE = "tally.db";

    public static Path storePath(Settings s) {
        if (s.store() != null) return s.store();
        if (s.file() == null) {
            throw TallyException.config(t("workspace.noProject"));
        }
        Path dir = s.file().toAbsolutePath().getParent();
        Path cwd = Path.of("").toAbsolutePath();
        Path p = dir.resolve(DEFAULT_STORE);
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }
}
