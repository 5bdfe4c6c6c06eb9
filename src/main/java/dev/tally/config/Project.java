package dev.tally.config;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.TallyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a command needs to know before it reads data: the settings, the hierarchy and the
 * catalog. Where they come from, in order: {@code --units} and {@code --catalog} given on the command
 * line; else the paths in tally.yaml, which is the {@code --config} file or the first tally.yaml found
 * in the working directory or one of its parents.
 */
public record Project(Settings settings, Hierarchy hierarchy, Catalog catalog, List<String> warnings, Path unitsFile, Path catalogFile) {
    public Project(Settings settings, Hierarchy hierarchy, Catalog catalog) {
        this(settings, hierarchy, catalog, List.of(), null, null);
    }

    /** The files the project was read from (project file, units, catalog, store where set): an output must not replace them. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[] {settings.file(), unitsFile, catalogFile, settings.store()}) if (p != null) out.add(p);
        if (settings.file() != null && settings.store() == null) {
            out.add(settings.file().toAbsolutePath().getParent().resolve("tally.db"));
        }
        return out;
    }


    /** Finds and reads the settings only (no units or catalog). */
    public static Settings settings(Path configFile, Path workingDir) {
        Path file = configFile != null ? configFile : find(workingDir);
        if (file == null) return Settings.none();
        if (!Files.isRegularFile(file)) {
            throw TallyException.io(file + ": project file not found; check --config");
        }
        return readSettings(file, workingDir);
    }

    public static Project load(Path configFile, Path unitsOverride, Path catalogOverride, Path workingDir) {
        Settings s = settings(configFile, workingDir);
        Path units = unitsOverride != null ? unitsOverride : s.units();
        Path catalog = catalogOverride != null ? catalogOverride : s.catalog();
        if (units == null) {
            throw TallyException.config("no units file: give --units FILE, or run in a directory with a tally.yaml that names 'units:' (tally init creates one)");
        }
        if (catalog == null) {
            throw TallyException.config("no catalog: give --catalog FILE, or run in a directory with a tally.yaml that names 'catalog:' (tally init creates one)");
        }
        // the two files are independent but for the catalog's reported_at, which names a level: load
        // them side by side (the catalog's expression engine takes a while to start) and check after
        Path catalogPath = catalog;
        java.util.concurrent.CompletableFuture<CatalogLoader.Parsed> loading = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> CatalogLoader.parse(catalogPath, null));
        // a units problem is reported first; the catalog's own problems show once the units are right
        List<String> warnings = new ArrayList<>();
        Hierarchy h = UnitsLoader.load(units, s.levels(), warnings);
        UnitsLoader.requireNonEmpty(h, units);
        CatalogLoader.Parsed parsed = dev.tally.io.Tasks.join(loading);
        CatalogLoader.checkLevels(catalogPath, parsed, h.levels());
        warnings.addAll(parsed.warnings());
        return new Project(s, h, parsed.catalog(), List.copyOf(warnings), units, catalog);
    }

    static Path find(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve(Settings.FILE_NAME);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    private static Settings readSettings(Path file, Path workingDir) {
        ConfigFiles.Loaded loaded = ConfigFiles.load(file, "project file");
        String name = file.toString();
        ConfigErrors errors = new ConfigErrors(name);
        Node root = Node.parse(loaded.reader(), true, name);
        if (!root.isMap()) {
            errors.add(root.line(), "expected keys such as 'units:', 'catalog:' and 'levels:'");
            errors.throwIfAny();
        }
        Path base = file.toAbsolutePath().getParent();
        Path cwd = workingDir.toAbsolutePath().normalize();
        Path units = null, catalog = null, store = null;
        Integer deadline = null;
        List<String> levels = new ArrayList<>();
        for (var e : root.map().entrySet()) {
            Node v = e.getValue();
            switch (e.getKey()) {
                case "units" -> units = path(base, cwd, v, "units", errors);
                case "catalog" -> catalog = path(base, cwd, v, "catalog", errors);
                case "store" -> store = path(base, cwd, v, "store", errors);
                case "levels" -> {
                    if (!v.isList() || v.list().stream().anyMatch(x -> x.scalar() == null || x.scalar().isBlank())) {
                        errors.add(v.line(), "'levels:' must be a list of level names, top-down, e.g. [province, district, commune]");
                    } else {
                        v.list().forEach(x -> levels.add(x.scalar().strip()));
                    }
                }
                case "deadline_days" -> {
                    try {
                        deadline = Integer.parseInt(v.scalar() == null ? "" : v.scalar().strip());
                        if (deadline < 0) throw new NumberFormatException();
                    } catch (NumberFormatException ex) {
                        errors.add(v.line(), "'deadline_days:' must be a whole number of days (0 or more)");
                    }
                }
                default -> errors.add(v.line(), "unknown key '" + e.getKey() + "'; known keys: " + String.join(", ", Settings.KEYS));
            }
        }
        errors.throwIfAny();
        return new Settings(file, units, catalog, List.copyOf(levels), store, deadline);
    }

    /** Resolves against the project file's directory; shown relative to the working directory when inside it. */
    private static Path path(Path base, Path cwd, Node v, String key, ConfigErrors errors) {
        if (v.scalar() == null || v.scalar().isBlank()) {
            errors.add(v.line(), "'" + key + ":' must be a file path");
            return null;
        }
        Path p = base.resolve(v.scalar().strip()).normalize();
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }
}
