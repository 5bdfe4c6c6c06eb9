package dev.tally.config;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Era;
import dev.tally.model.Mapping;
import java.time.LocalDate;
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
                      Roster roster, List<Era> eras) {
    /** The most configuration errors or warnings listed at once; the rest are counted ({@link ConfigErrors}). */
    public static final int LISTED = ConfigErrors.SHOWN;

    public Project(Settings settings, Hierarchy hierarchy, Catalog catalog) {
        this(settings, hierarchy, catalog, List.of(), null, null, Roster.of(hierarchy));
    }

    /** A project of one era. */
    public Project(Settings settings, Hierarchy hierarchy, Catalog catalog, List<String> warnings, Path unitsFile, Path catalogFile,
                   Roster roster) {
        this(settings, hierarchy, catalog, warnings, unitsFile, catalogFile, roster,
                List.of(new Era(0, null, null, hierarchy, catalog, roster, null)));
    }

    /** True when tally.yaml declares boundaries: unit codes then mean different units in different eras. */
    public boolean hasEras() { return eras.size() > 1; }

    /** The era a period's values belong to: the one its last day falls in ({@link Era#of}, the one rule). */
    public Era eraOf(Period p) { return Era.of(eras, p); }

    /** The latest era. */
    public Era lastEra() { return eras.get(eras.size() - 1); }

    /** The deadline of a form: its own, else the project's, else 15 days. */
    public int deadline(dev.tally.model.Form f) {
        if (f.deadlineDays() != null) return f.deadlineDays();
        return settings.deadlineDays() == null ? 15 : settings.deadlineDays();
    }

    /** The files the project was read from (project file, units, catalog, store where set): an output must not replace them. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[] {settings.file(), unitsFile, catalogFile, settings.store()}) if (p != null) out.add(p);
        for (Settings.Boundary b : settings.boundaries()) {
            for (Path p : new Path[] {b.units(), b.catalog(), b.mapping()}) if (p != null) out.add(p);
        }
        if (settings.file() != null && settings.store() == null && settings.storeAddress() == null) {
            out.add(settings.file().toAbsolutePath().getParent().resolve("tally.db"));
        }
        return out;
    }


    /** Finds and reads the settings only (no units or catalog). */
    public static Settings settings(Path configFile, Path workingDir) {
        Path file = configFile != null ? configFile : find(workingDir);
        if (file == null) return Settings.none();
        if (!Files.isRegularFile(file)) {
            throw TallyException.io(t("project.projectFileFound", file));
        }
        return readSettings(file, workingDir);
    }

    /**
     * Runs once what loading any project starts with (the run's messages, the YAML parser, the expression engine), on
     * tiny inputs, so that a thread started with the process has it ready by the time the command
     * line is parsed and the real files are read: about 25 ms of a one-second command's start-up
     * (async-profiler). Does nothing that can fail for a person's files; any failure is ignored.
     *
     * @param parsers also the YAML parser and the expression engine (some 230 classes): not for a run
     *                whose units and catalog are CSV files named on the command line, which may need neither
     */
    public static void preload(boolean parsers) {
        try {
            dev.tally.model.Text.preload();
            if (!parsers) return;
            Node.parse(new java.io.StringReader("preload: [1]"), true, "preload");
            dev.tally.expr.Formula.compile("1 + 1");
        } catch (RuntimeException ignored) {
            // only a head start: the real load reports its own problems
        }
    }

    /** A load begun ahead ({@link #loadAhead}), waiting for the {@link #load} with the same arguments. */
    private record Ahead(Path configFile, Path unitsOverride, Path catalogOverride, Path workingDir,
                         java.util.concurrent.CompletableFuture<Project> project) {
        boolean answers(Path config, Path units, Path catalog, Path dir) {
            return java.util.Objects.equals(configFile, config) && java.util.Objects.equals(unitsOverride, units)
                    && java.util.Objects.equals(catalogOverride, catalog) && java.util.Objects.equals(workingDir, dir);
        }
    }

    private static final java.util.concurrent.atomic.AtomicReference<Ahead> AHEAD = new java.util.concurrent.atomic.AtomicReference<>();
    /** Loads answered by a load begun ahead (TALLY_TIMING says whether a run took that way). */
    private static final java.util.concurrent.atomic.AtomicInteger TAKEN = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Loads the project with these arguments on the calling thread, for the first {@link #load} with
     * equal ones to take: a run starts it on the second core from the raw arguments while the command
     * line is parsed on the first (the cron run: units and catalog 60-100 ms of its 450). The result
     * is what {@link #load} would give, exception included, a few milliseconds earlier; a load whose
     * arguments differ (the raw ones were misread, or another project is loaded) does not take it.
     */
    public static Project loadAhead(Path configFile, Path unitsOverride, Path catalogOverride, Path workingDir) {
        Ahead a = new Ahead(configFile, unitsOverride, catalogOverride, workingDir, new java.util.concurrent.CompletableFuture<>());
        AHEAD.set(a);
        try {
            Project p = loadNow(configFile, unitsOverride, catalogOverride, workingDir);
            a.project().complete(p);
            return p;
        } catch (Throwable e) {
            a.project().completeExceptionally(e);
            throw e;
        }
    }

    /** How many loads so far were answered by a load begun ahead. */
    public static int takenAhead() { return TAKEN.get(); }

    /**
     * The project: the settings ({@code configFile}, else tally.yaml in {@code workingDir} or a
     * parent), with the units and catalog given on the command line in place of theirs.
     */
    public static Project load(Path configFile, Path unitsOverride, Path catalogOverride, Path workingDir) {
        Ahead a = AHEAD.get();
        if (a != null && a.answers(configFile, unitsOverride, catalogOverride, workingDir) && AHEAD.compareAndSet(a, null)) {
            TAKEN.incrementAndGet();
            return dev.tally.io.Tasks.join(a.project());
        }
        return loadNow(configFile, unitsOverride, catalogOverride, workingDir);
    }

    private static Project loadNow(Path configFile, Path unitsOverride, Path catalogOverride, Path workingDir) {
        Settings s = settings(configFile, workingDir);
        Path units = unitsOverride != null ? unitsOverride : s.units();
        Path catalog = catalogOverride != null ? catalogOverride : s.catalog();
        if (units == null) {
            throw TallyException.config(t("project.noUnitsFile"));
        }
        if (catalog == null) {
            throw TallyException.config(t("project.noCatalogGive"));
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
        List<Exemption> allExemptions = exemptions(s);
        List<Settings.Boundary> bs = s.boundaries();
        LocalDate firstUntil = bs.isEmpty() ? null : bs.get(0).from();
        Roster roster = new Roster(h, exemptionsOf(allExemptions, h, parsed.catalog(), null, firstUntil));
        List<Era> eras = new ArrayList<>();
        eras.add(new Era(0, null, firstUntil, h, parsed.catalog(), roster, null));
        Path eraCatalog = catalog;
        CatalogLoader.Parsed eraParsed = parsed;
        for (int k = 0; k < bs.size(); k++) {
            Settings.Boundary b = bs.get(k);
            Era prev = eras.get(k);
            LocalDate until = k + 1 < bs.size() ? bs.get(k + 1).from() : null;
            List<String> levels = b.levels().isEmpty() ? List.of() : b.levels();
            Hierarchy nh = UnitsLoader.load(b.units(), levels, warnings);
            UnitsLoader.requireNonEmpty(nh, b.units());
            if (b.catalog() != null && !b.catalog().equals(eraCatalog)) {
                eraCatalog = b.catalog();
                eraParsed = CatalogLoader.parse(eraCatalog, null);
                warnings.addAll(eraParsed.warnings());
            }
            try {
                CatalogLoader.checkLevels(eraCatalog, eraParsed, nh.levels());
            } catch (TallyException e) {
                if (b.catalog() != null) throw e;
                throw TallyException.config(t("project.boundaryFromUses", e.getMessage(), System.lineSeparator(), s.file(), b.line(), b.from()));
            }
            Roster nr = new Roster(nh, exemptionsOf(allExemptions, nh, eraParsed.catalog(), b.from(), until));
            Mapping m = MappingLoader.load(b.mapping(), prev.hierarchy(), prev.roster(), prev.catalog(), nh, eraParsed.catalog(), b.from(), warnings);
            eras.add(new Era(k + 1, b.from(), until, nh, eraParsed.catalog(), nr, m));
        }
        checkExemptionsUsed(s, allExemptions, eras);
        return new Project(s, h, parsed.catalog(), List.copyOf(warnings), units, catalog, roster, List.copyOf(eras));
    }

    /** The exemptions that apply in an era: their period touches it (or they have none) and their unit and form exist in it. */
    private static List<Exemption> exemptionsOf(List<Exemption> all, Hierarchy h, Catalog c, LocalDate from, LocalDate until) {
        List<Exemption> out = new ArrayList<>();
        for (Exemption e : all) {
            if (e.period() != null && !Era.touches(from, until, e.period())) continue;
            if (h.unit(e.unit()) == null || (e.form() != null && c.form(e.form()) == null)) continue;
            out.add(e);
        }
        return out;
    }

    /** An exemption that applies in no era names a unit or form that does not exist when it would apply. */
    private static void checkExemptionsUsed(Settings s, List<Exemption> all, List<Era> eras) {
        ConfigErrors errors = new ConfigErrors(String.valueOf(s.file()));
        for (int k = 0; k < all.size(); k++) {
            Exemption e = all.get(k);
            boolean used = false;
            for (Era era : eras) used |= era.roster().exemptions().contains(e);
            if (used) continue;
            Settings.ExemptionEntry entry = s.exemptions().get(k);
            boolean unitKnown = eras.stream().anyMatch(era -> era.hierarchy().unit(e.unit()) != null);
            if (!unitKnown) {
                errors.add(entry.line(), t("project.exemptionUnitUnits", e.unit()));
            } else if (e.form() != null && eras.stream().noneMatch(era -> era.catalog().form(e.form()) != null)) {
                errors.add(entry.line(), t("project.exemptionFormForms", e.form(), String.join(", ", eras.get(0).catalog().forms().stream().map(f -> f.code()).toList())));
            } else {
                errors.add(entry.line(), t("project.exemptionFormDoes", e.unit(), e.form()));
            }
        }
        errors.throwIfAny();
    }

    /** The exemptions of tally.yaml with their periods parsed; a bad period or a missing unit is a configuration error. */
    private static List<Exemption> exemptions(Settings s) {
        if (s.exemptions().isEmpty()) return List.of();
        ConfigErrors errors = new ConfigErrors(String.valueOf(s.file()));
        List<Exemption> out = new ArrayList<>();
        for (Settings.ExemptionEntry e : s.exemptions()) {
            if (e.unit() == null) {
                errors.add(e.line(), t("project.exemptionUnitMissing"));
                continue;
            }
            Period p = null;
            if (e.period() != null) {
                p = Period.parse(e.period()).orElse(null);
                if (p == null) {
                    errors.add(e.line(), t("project.exemptionPeriodUse", e.period(), Period.acceptedForms()));
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
        ConfigFiles.Loaded loaded = ConfigFiles.load(file, t("project.projectFile"));
        String name = file.toString();
        ConfigErrors errors = new ConfigErrors(name);
        Node root = Node.parse(loaded.reader(), true, name);
        if (!root.isMap()) {
            errors.add(root.line(), t("project.expectedKeysSuch"));
            errors.throwIfAny();
        }
        Path base = file.toAbsolutePath().getParent();
        Path cwd = workingDir.toAbsolutePath().normalize();
        Path units = null, catalog = null, store = null;
        String storeAddress = null;
        Integer deadline = null;
        List<String> levels = new ArrayList<>();
        List<Settings.ExemptionEntry> exemptions = new ArrayList<>();
        List<Settings.Boundary> boundaries = new ArrayList<>();
        List<dev.tally.read.SheetTemplate> templates = List.of();
        dev.tally.model.Organisation organisation = dev.tally.model.Organisation.NONE;
        List<Path> plans = new ArrayList<>();
        for (var e : root.map().entrySet()) {
            Node v = e.getValue();
            switch (e.getKey()) {
                case "units" -> units = path(base, cwd, v, "units", errors);
                case "catalog" -> catalog = path(base, cwd, v, "catalog", errors);
                case "store" -> {
                    if (v.scalar() != null && Settings.isAddress(v.scalar().strip())) storeAddress = v.scalar().strip();
                    else store = path(base, cwd, v, "store", errors);
                }
                case "levels" -> {
                    if (!v.isList() || v.list().stream().anyMatch(x -> x.scalar() == null || x.scalar().isBlank())) {
                        errors.add(v.line(), t("project.levelsMustBe"));
                    } else {
                        v.list().forEach(x -> levels.add(x.scalar().strip()));
                    }
                }
                case "deadline_days" -> {
                    try {
                        deadline = Integer.parseInt(v.scalar() == null ? "" : v.scalar().strip());
                        if (deadline < 0) throw new NumberFormatException();
                    } catch (NumberFormatException ex) {
                        errors.add(v.line(), t("project.deadlineDaysMust"));
                    }
                }
                case "exemptions" -> {
                    if (!v.isList()) {
                        errors.add(v.line(), t("project.exemptionsMustBe"));
                        break;
                    }
                    for (Node x : v.list()) {
                        if (!x.isMap()) {
                            errors.add(x.line(), t("project.exemptionUnitCode"));
                            continue;
                        }
                        for (String k : x.map().keySet()) {
                            if (!List.of("unit", "form", "period", "reason").contains(k)) {
                                errors.add(x.map().get(k).line(), t("project.unknownExemptionKey", k));
                            }
                        }
                        exemptions.add(new Settings.ExemptionEntry(scalar(x, "unit"), scalar(x, "form"), scalar(x, "period"), scalar(x, "reason"),
                                x.line()));
                    }
                }
                case "organisation" -> {
                    if (!v.isMap()) {
                        errors.add(v.line(), t("project.organisationMustBe", String.join(", ", Settings.ORGANISATION_KEYS)));
                        break;
                    }
                    for (String k : v.map().keySet()) {
                        if (!Settings.ORGANISATION_KEYS.contains(k)) {
                            errors.add(v.map().get(k).line(), t("project.unknownOrganisationKey", k, String.join(", ", Settings.ORGANISATION_KEYS)));
                        }
                    }
                    organisation = new dev.tally.model.Organisation(scalar(v, "name"), scalar(v, "parent"), scalar(v, "abbreviation"),
                            scalar(v, "place"));
                }
                case "boundaries" -> {
                    if (!v.isList()) {
                        errors.add(v.line(), t("project.boundariesMustBe"));
                        break;
                    }
                    for (Node x : v.list()) boundaries.add(boundary(base, cwd, x, errors));
                    for (int k = 1; k < boundaries.size(); k++) {
                        Settings.Boundary a = boundaries.get(k - 1), b = boundaries.get(k);
                        if (a.from() != null && b.from() != null && !b.from().isAfter(a.from())) {
                            errors.add(b.line(), t("project.boundariesMustBe2", b.from(), a.from()));
                        }
                    }
                }
                case "templates" -> templates = Templates.parse(v, errors);
                case "plans" -> {
                    // one file, or a list of them, relative to tally.yaml as every path in it
                    if (!v.isList()) plans.add(path(base, cwd, v, "plans", errors));
                    else for (Node x : v.list()) plans.add(path(base, cwd, x, "plans", errors));
                }
                default -> errors.add(v.line(), t("project.unknownKeyKnown", e.getKey(), String.join(", ", Settings.KEYS)));
            }
        }
        errors.throwIfAny();
        return new Settings(file, units, catalog, List.copyOf(levels), store, deadline, List.copyOf(exemptions), List.copyOf(boundaries),
                templates, storeAddress, organisation, List.copyOf(plans.stream().filter(java.util.Objects::nonNull).toList()));
    }

    static final List<String> BOUNDARY_KEYS = List.of("from", "units", "catalog", "levels", "mapping");

    private static Settings.Boundary boundary(Path base, Path cwd, Node x, ConfigErrors errors) {
        if (!x.isMap()) {
            errors.add(x.line(), t("project.boundaryFromUnits"));
            return new Settings.Boundary(null, null, null, List.of(), null, x.line());
        }
        for (String k : x.map().keySet()) {
            if (!BOUNDARY_KEYS.contains(k)) errors.add(x.map().get(k).line(), t("project.unknownBoundaryKey", k, String.join(", ", BOUNDARY_KEYS)));
        }
        java.time.LocalDate from = null;
        String f = scalar(x, "from");
        if (f == null) {
            errors.add(x.line(), t("project.boundaryNeedsFrom"));
        } else {
            try {
                from = java.time.LocalDate.parse(f);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(x.map().get("from").line(), t("project.fromDateWrite", f));
            }
        }
        Node u = x.map().get("units"), m = x.map().get("mapping"), c = x.map().get("catalog"), l = x.map().get("levels");
        if (u == null) errors.add(x.line(), t("project.boundaryNeedsUnits"));
        if (m == null) errors.add(x.line(), t("project.boundaryNeedsMapping"));
        List<String> levels = new ArrayList<>();
        if (l != null) {
            if (!l.isList() || l.list().stream().anyMatch(y -> y.scalar() == null || y.scalar().isBlank())) {
                errors.add(l.line(), t("project.levelsMustBe2"));
            } else {
                l.list().forEach(y -> levels.add(y.scalar().strip()));
            }
        }
        return new Settings.Boundary(from, u == null ? null : path(base, cwd, u, "units", errors), c == null ? null : path(base, cwd, c, "catalog", errors),
                List.copyOf(levels), m == null ? null : path(base, cwd, m, "mapping", errors), x.line());
    }

    private static String scalar(Node map, String key) {
        Node v = map.map().get(key);
        return v == null || v.scalar() == null || v.scalar().isBlank() ? null : dev.tally.read.Field.nfc(v.scalar().strip());
    }

    /** Resolves against the project file's directory; shown relative to the working directory when inside it. */
    private static Path path(Path base, Path cwd, Node v, String key, ConfigErrors errors) {
        if (v.scalar() == null || v.scalar().isBlank()) {
            errors.add(v.line(), t("project.mustBeFile", key));
            return null;
        }
        Path p = base.resolve(v.scalar().strip()).normalize();
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }
}
