package dev.tally.config;

import dev.tally.model.Catalog;
import dev.tally.model.Exemption;
import dev.tally.model.Period;
import dev.tally.model.Roster;
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
public record Project(Settings settings, Hierarchy hierarchy, Catalog catalog, List<String> warnings, Path unitsFile, Path catalogFile,
                      Roster roster) {
    public Project(Settings settings, Hierarchy hierarchy, Catalog catalog) {
        this(settings, hierarchy, catalog, List.of(), null, null, Roster.of(hierarchy));
    }

    /** The deadline of a form: its own, else the project's, else 15 days. */
    public int deadline(dev.tally.model.Form f) {
        if (f.deadlineDays() != null) return f.deadlineDays();
        return settings.deadlineDays() == null ? 15 : settings.deadlineDays();
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
        Roster roster = new Roster(h, exemptions(s, h, parsed.catalog()));
        return new Project(s, h, parsed.catalog(), List.copyOf(warnings), units, catalog, roster);
    }

    /** The exemptions of tally.yaml, each naming a known unit, form and period, else a configuration error. */
    private static List<Exemption> exemptions(Settings s, Hierarchy h, Catalog c) {
        if (s.exemptions().isEmpty()) return List.of();
        ConfigErrors errors = new ConfigErrors(String.valueOf(s.file()));
        List<Exemption> out = new ArrayList<>();
        for (Settings.ExemptionEntry e : s.exemptions()) {
            if (e.unit() == null || h.unit(e.unit()) == null) {
                errors.add(e.line(), "exemption: '" + e.unit() + "' is not a unit in the units file");
                continue;
            }
            if (e.form() != null && c.form(e.form()) == null) {
                errors.add(e.line(), "exemption: '" + e.form() + "' is not a form; forms are "
                        + String.join(", ", c.forms().stream().map(f -> f.code()).toList()));
                continue;
            }
            Period p = null;
            if (e.period() != null) {
                p = Period.parse(e.period()).orElse(null);
                if (p == null) {
                    errors.add(e.line(), "exemption: '" + e.period() + "' is not a period; use one of " + Period.ACCEPTED_FORMS);
                    continue;
                }
            }
            out.add(new Exemption(e.unit(), e.form(), p, e.reason() == null ? "exempt" : e.reason()));
        }
        errors.throwIfAny();
        return out;
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
        List<Settings.ExemptionEntry> exemptions = new ArrayList<>();
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
                case "exemptions" -> {
                    if (!v.isList()) {
                        errors.add(v.line(), "'exemptions:' must be a list of {unit, form, period, reason}");
                        break;
                    }
                    for (Node x : v.list()) {
                        if (!x.isMap()) {
                            errors.add(x.line(), "an exemption is {unit: CODE, form: CODE, period: P, reason: text}; form and period are optional");
                            continue;
                        }
                        for (String k : x.map().keySet()) {
                            if (!List.of("unit", "form", "period", "reason").contains(k)) {
                                errors.add(x.map().get(k).line(), "unknown exemption key '" + k + "'; an exemption has unit, form, period, reason");
                            }
                        }
                        exemptions.add(new Settings.ExemptionEntry(scalar(x, "unit"), scalar(x, "form"), scalar(x, "period"), scalar(x, "reason"),
                                x.line()));
                    }
                }
                default -> errors.add(v.line(), "unknown key '" + e.getKey() + "'; known keys: " + String.join(", ", Settings.KEYS));
            }
        }
        errors.throwIfAny();
        return new Settings(file, units, catalog, List.copyOf(levels), store, deadline, List.copyOf(exemptions));
    }

    private static String scalar(Node map, String key) {
        Node v = map.map().get(key);
        return v == null || v.scalar() == null || v.scalar().isBlank() ? null : dev.tally.read.Field.nfc(v.scalar().strip());
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
