package dev.tally.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The contents of tally.yaml with paths resolved against its directory. Any path may be null when
 * not configured. {@code file} is null when no project file was found. {@code store:} is either a
 * file ({@code store}, resolved like the other paths) or a server's address ({@code storeAddress},
 * as written: {@code postgresql://HOST/DB}, read by the store package), never both.
 */
public record Settings(Path file, Path units, Path catalog, List<String> levels, Path store, Integer deadlineDays,
                       List<ExemptionEntry> exemptions, List<Boundary> boundaries, List<dev.tally.read.SheetTemplate> templates,
                       String storeAddress, dev.tally.model.Organisation organisation, List<Path> plans) {
    public static final String FILE_NAME = "tally.yaml";
    static final List<String> KEYS = List.of("units", "catalog", "levels", "store", "deadline_days", "exemptions", "boundaries", "templates", "organisation",
            "plans");

    /** Without {@code plans:} (the plan files rollup and report compare with, unless --plan names others). */
    public Settings(Path file, Path units, Path catalog, List<String> levels, Path store, Integer deadlineDays,
                    List<ExemptionEntry> exemptions, List<Boundary> boundaries, List<dev.tally.read.SheetTemplate> templates,
                    String storeAddress, dev.tally.model.Organisation organisation) {
        this(file, units, catalog, levels, store, deadlineDays, exemptions, boundaries, templates, storeAddress, organisation, List.of());
    }

    public Settings(Path file, Path units, Path catalog, List<String> levels, Path store, Integer deadlineDays,
                    List<ExemptionEntry> exemptions, List<Boundary> boundaries) {
        this(file, units, catalog, levels, store, deadlineDays, exemptions, boundaries, List.of(), null, dev.tally.model.Organisation.NONE);
    }

    public Settings(Path file, Path units, Path catalog, List<String> levels, Path store, Integer deadlineDays) {
        this(file, units, catalog, levels, store, deadlineDays, List.of(), List.of(), List.of(), null, dev.tally.model.Organisation.NONE);
    }

    /** The keys of tally.yaml's organisation: section (see {@link dev.tally.model.Organisation}). */
    static final List<String> ORGANISATION_KEYS = List.of("name", "parent", "abbreviation", "place");

    /** True when a value of {@code store:} (or TALLY_STORE) is a server's address rather than a file: it has a scheme, {@code NAME://}. */
    public static boolean isAddress(String store) {
        return store != null && store.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /**
     * A reorganisation of the units from {@code from} on: the new units file, its levels and catalog
     * (null: the previous era's), and the mapping from the previous era's units.
     */
    public record Boundary(java.time.LocalDate from, Path units, Path catalog, List<String> levels, Path mapping, int line) {}

    /** An exemption as written in tally.yaml, checked against the units and catalog once they are loaded. */
    public record ExemptionEntry(String unit, String form, String period, String reason, int line) {}

    public static Settings none() { return new Settings(null, null, null, List.of(), null, null); }

    /** The store's file name beside tally.yaml when {@code store:} names none. */
    public static final String DEFAULT_STORE = "tally.db";

    /**
     * Where the project's store is: {@code store:}, else tally.db next to tally.yaml (relative to the
     * working directory when it is below it). Without a project file there is none: a configuration error.
     */
    public Path storePath() {
        if (store != null) return store;
        if (file == null) throw dev.tally.model.TallyException.config(dev.tally.model.Text.t("workspace.noProject"));
        Path dir = file.toAbsolutePath().getParent();
        Path cwd = Path.of("").toAbsolutePath();
        Path p = dir.resolve(DEFAULT_STORE);
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }
}
