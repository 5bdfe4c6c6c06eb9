package dev.tally.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The contents of tally.yaml with paths resolved against its directory. Any path may be null when
 * not configured. {@code file} is null when no project file was found.
 */
public record Settings(Path file, Path units, Path catalog, List<String> levels, Path store, Integer deadlineDays) {
    public static final String FILE_NAME = "tally.yaml";
    static final List<String> KEYS = List.of("units", "catalog", "levels", "store", "deadline_days");

    public static Settings none() { return new Settings(null, null, null, List.of(), null, null); }
}
