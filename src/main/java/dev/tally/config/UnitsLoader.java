package dev.tally.config;

import static dev.tally.model.Text.t;

import dev.tally.read.CsvTokenizer;
import dev.tally.read.Delimiters;
import dev.tally.read.Field;
import dev.tally.model.Hierarchy;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the hierarchy from a units file: CSV with the header {@code code,name,parent} and an optional
 * {@code level}, or JSON, an array of objects with the same keys. An empty parent makes a root;
 * several roots are allowed. Every problem (duplicate or empty code, unknown parent, cycle, a level
 * that contradicts the unit's depth) is reported on its own line with file and line, and they are
 * thrown together as a configuration error (exit 3).
 *
 * <p>Level names: those configured in tally.yaml when given, else the ones the file's level column
 * uses at each depth, which must then agree at each depth.
 */
public final class UnitsLoader {
    private UnitsLoader() {}

    /** A unit as read: code, name and parent in Unicode NFC; {@code raw} the code as written. */
    private record Row(String code, String name, String parent, String level, int line, String raw, String from, String to) {
        Row(String code, String name, String parent, String level, int line, String raw) {
            this(code, name, parent, level, line, raw, "", "");
        }
    }

    public static Hierarchy load(Path path, List<String> configuredLevels) {
        return load(path, configuredLevels, new ArrayList<>());
    }

    /** As above; warnings (codes that differ only in letter case) are added to {@code warnings}. */
    public static Hierarchy load(Path path, List<String> configuredLevels, List<String> warnings) {
        String dir = System.getProperty("tally.cache");
        return load(path, configuredLevels, warnings, dir == null || dir.isBlank() ? null : Path.of(dir));
    }

    /** @param cacheDir where parsed units files are kept ({@link UnitsCache}); null: none */
    static Hierarchy load(Path path, List<String> configuredLevels, List<String> warnings, Path cacheDir) {
        // a file loaded before, unchanged, without errors or warnings: its hierarchy from the cache (UnitsCache)
        UnitsCache cache = cacheDir == null ? null : UnitsCache.of(cacheDir, path, configuredLevels);
        Hierarchy cached = cache == null ? null : cache.read();
        if (cached != null) return cached;
        int warned = warnings.size();
        ConfigFiles.Loaded file = ConfigFiles.load(path, t("units.unitsFile"));
        String name = path.toString();
        ConfigErrors errors = new ConfigErrors(name);
        List<Row> rows = ConfigFiles.kind(path, file.text()) == ConfigFiles.Kind.CSV
                ? readCsv(file, name, errors) : readJson(file, path, name, errors);
        errors.throwIfAny();
        Hierarchy h = build(rows, configuredLevels, errors);
        caseTwins(rows, name, warnings);
        if (cache != null && warnings.size() == warned) cache.write(h);
        return h;
    }

    private static List<Row> readCsv(ConfigFiles.Loaded file, String name, ConfigErrors errors) {
        List<Row> rows = new ArrayList<>();
        var utf8 = file.utf8();
        byte[] bytes = utf8.bytes();
        CsvTokenizer t = new CsvTokenizer(new java.io.ByteArrayInputStream(bytes, utf8.from(), bytes.length - utf8.from()),
                Delimiters.sniff(bytes, utf8.from(), bytes.length));
        try {
            if (!t.next()) return rows;
            Map<String, Integer> header = new HashMap<>();
            int width = t.fields();
            for (int i = 0; i < t.fields(); i++) header.put(t.text(i).strip().toLowerCase(java.util.Locale.ROOT), i);
            for (String col : List.of("code", "name", "parent")) {
                if (!header.containsKey(col)) {
                    errors.add(1, t("units.headerLacksColumn", col));
                }
            }
            if (errors.any()) return rows;
            int code = header.get("code"), nm = header.get("name"), parent = header.get("parent");
            int level = header.getOrDefault("level", -1);
            int from = header.getOrDefault("active_from", -1), to = header.getOrDefault("active_to", -1);
            while (t.next()) {
                if (t.problem() != CsvTokenizer.Problem.NONE) {
                    errors.add(t.problemLine(), t("units.validCsv", problem(t)));
                    continue;
                }
                if (!errors.width(t.line(), t.fields(), width, t.delimiter())) continue;
                rows.add(new Row(get(t, code), get(t, nm), get(t, parent), get(t, level), (int) t.line(),
                        code < t.fields() ? t.text(code).strip() : "", get(t, from), get(t, to)));
            }
        } catch (IOException e) {
            errors.add(0, t("units.validCsv2", e.getMessage()));
        }
        return rows;
    }

    private static String problem(CsvTokenizer t) {
        return switch (t.problem()) {
            case UNCLOSED_QUOTE -> t("units.quotedFieldOpened");
            case AFTER_QUOTE -> t("units.characterFollowsClosing");
            case ENCODING -> t("units.bytesThatAre");
            default -> t("units.rowTooLong");
        };
    }

    private static String get(CsvTokenizer t, int i) {
        return i < 0 || i >= t.fields() ? "" : Field.nfc(t.text(i).strip());
    }

    private static List<Row> readJson(ConfigFiles.Loaded file, Path path, String name, ConfigErrors errors) {
        boolean yaml = ConfigFiles.kind(path, file.text()) == ConfigFiles.Kind.YAML;
        Node root = Node.parse(file.reader(), yaml, name);
        Node array = root.isMap() && root.map().containsKey("units") ? root.map().get("units") : root;
        List<Row> rows = new ArrayList<>();
        if (!array.isList()) {
            errors.add(root.line(), t("units.expectedArrayUnits"));
            return rows;
        }
        for (Node n : array.list()) {
            if (!n.isMap()) {
                errors.add(n.line(), t("units.expectedObjectCode"));
                continue;
            }
            for (String k : n.map().keySet()) {
                if (!Set.of("code", "name", "parent", "level", "active_from", "active_to").contains(k)) {
                    errors.add(n.map().get(k).line(), t("units.unknownFieldUnit", k));
                }
            }
            Node raw = n.map().get("code");
            rows.add(new Row(str(n, "code"), str(n, "name"), str(n, "parent"), str(n, "level"), n.line(),
                    raw == null || raw.scalar() == null ? "" : raw.scalar().strip(), str(n, "active_from"), str(n, "active_to")));
        }
        return rows;
    }

    private static String str(Node n, String key) {
        Node v = n.map().get(key);
        return v == null || v.scalar() == null ? "" : Field.nfc(v.scalar().strip());
    }

    private static Hierarchy build(List<Row> rows, List<String> configuredLevels, ConfigErrors errors) {
        // the distinct codes in file order, each known by its number: arrays over those numbers carry
        // parents, depths and children, not maps keyed by code (110,000 units: 510 -> ... ms)
        Map<String, Integer> index = new HashMap<>(rows.size() * 2);
        List<Row> byNumber = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.code.isEmpty()) {
                errors.add(r.line, t("units.emptyUnitCode"));
                continue;
            }
            Integer known = index.putIfAbsent(r.code, byNumber.size());
            if (known == null) {
                byNumber.add(r);
                continue;
            }
            Row first = byNumber.get(known);
            errors.add(r.line, first.raw.equals(r.raw)
                    ? t("units.duplicateUnitCode", r.code, first.line)
                    : t("units.unitCodeSame", r.raw, first.raw, first.line));
        }
        int n = byNumber.size();
        for (Row r : byNumber) {
            java.time.LocalDate from = null, to = null;
            try {
                from = date(r.from);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(r.line, t("units.unitActiveFrom", r.code, r.from));
            }
            try {
                to = date(r.to);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(r.line, t("units.unitActiveDate", r.code, r.to));
            }
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(r.line, t("units.unitActiveBefore", r.code, to, from));
            }
        }
        // -1: a root, or a unit whose parent is unknown (reported here, then walked as a root so that
        // cycles elsewhere are still found)
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            Row r = byNumber.get(i);
            Integer p = r.parent.isEmpty() ? null : index.get(r.parent);
            parent[i] = p == null ? -1 : p;
            if (p == null && !r.parent.isEmpty()) errors.add(r.line, t("units.unitNamesUnknown", r.code, r.parent));
        }
        int[] depth = depths(byNumber, parent, errors);
        errors.throwIfAny();

        List<String> levels = new ArrayList<>(configuredLevels == null ? List.of() : configuredLevels);
        if (levels.isEmpty()) {
            Map<Integer, Row> firstAt = new HashMap<>();
            Map<String, Integer> firstOfLevel = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Row r = byNumber.get(i);
                if (r.level.isEmpty()) continue;
                int d = depth[i];
                Row first = firstAt.putIfAbsent(d, r);
                Integer sameName = firstOfLevel.putIfAbsent(r.level.toLowerCase(java.util.Locale.ROOT), i);
                if (first != null && !first.level.equalsIgnoreCase(r.level)) {
                    errors.add(r.line, t("units.unitHasLevel", r.code, r.level, (d + 1), first.level, first.line));
                } else if (sameName != null && depth[sameName] != d) {
                    Row same = byNumber.get(sameName);
                    errors.add(r.line, t("units.unitHasLevel2", r.code, r.level, (d + 1), same.code, same.line, (depth[sameName] + 1)));
                }
            }
            for (int d = 0; firstAt.containsKey(d); d++) levels.add(firstAt.get(d).level);
        } else {
            for (int i = 0; i < n; i++) {
                Row r = byNumber.get(i);
                int d = depth[i];
                if (d >= levels.size()) {
                    errors.add(r.line, t("units.unitAtDepth", r.code, (d + 1), levels.size(), levels));
                } else if (!r.level.isEmpty() && !levels.get(d).equalsIgnoreCase(r.level)) {
                    errors.add(r.line, t("units.unitHasLevel3", r.code, r.level, levels.get(d)));
                }
            }
        }
        errors.throwIfAny();

        // order: parents before children, siblings in file order (each unit's children in one range of kids)
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) if (parent[i] >= 0) start[parent[i] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] kids = new int[start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) if (parent[i] >= 0) kids[fill[parent[i]]++] = i;
        List<Unit> units = new ArrayList<>(n);
        int[] stack = new int[Math.max(1, n)];
        for (int root = 0; root < n; root++) {
            if (parent[root] >= 0) continue;
            // iterative preorder: deep hierarchies must not overflow the stack
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int x = stack[--top];
                Row r = byNumber.get(x);
                int d = depth[x];
                String level = d < levels.size() ? levels.get(d) : !r.level.isEmpty() ? r.level : "level" + (d + 1);
                units.add(new Unit(r.code, r.name.isEmpty() ? r.code : r.name, r.parent.isEmpty() ? null : r.parent, level, d, units.size(),
                        date(r.from), date(r.to)));
                for (int k = start[x + 1] - 1; k >= start[x]; k--) stack[top++] = kids[k];
            }
        }
        return new Hierarchy(units, levels);
    }

    /**
     * Each unit's depth (0 for a root) by walking up to a unit whose depth is known; a walk that
     * meets itself is a cycle, reported once, and the units on it and below it get -1.
     */
    private static int[] depths(List<Row> byNumber, int[] parent, ConfigErrors errors) {
        int n = parent.length;
        final int unknown = Integer.MIN_VALUE;
        int[] depth = new int[n];
        java.util.Arrays.fill(depth, unknown);
        int[] onWalk = new int[n]; // the walk (unit number + 1) that last passed each unit
        int[] path = new int[Math.max(1, n)];
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int len = 0;
            int c = i;
            boolean cycle = false;
            while (c >= 0 && depth[c] == unknown) {
                if (onWalk[c] == i + 1) {
                    cycle = true;
                    break;
                }
                onWalk[c] = i + 1;
                path[len++] = c;
                c = parent[c];
            }
            if (cycle) {
                int from = 0;
                while (path[from] != c) from++;
                List<String> loop = new ArrayList<>();
                for (int k = from; k < len; k++) loop.add(byNumber.get(path[k]).code);
                if (reported.add(String.join(",", new java.util.TreeSet<>(loop)))) {
                    errors.add(byNumber.get(c).line, t("units.cycleParentsOne", String.join(" -> ", loop), byNumber.get(c).code));
                }
                for (int k = 0; k < len; k++) depth[path[k]] = -1;
                continue;
            }
            // from a known unit (-1: below a cycle, and so are these) or from the top (c < 0: the first is a root)
            int base = c < 0 ? -1 : depth[c];
            for (int k = len - 1; k >= 0; k--) {
                base = base < 0 && c >= 0 ? -1 : base + 1;
                depth[path[k]] = base;
            }
        }
        return depth;
    }

    private static java.time.LocalDate date(String s) { return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip()); }

    /** Codes that differ only in letter case (C11 and c11) are allowed, but almost always a mistake. */
    private static void caseTwins(List<Row> rows, String file, List<String> warnings) {
        Map<String, Row> seen = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            if (r.code.isEmpty()) continue;
            Row first = seen.putIfAbsent(r.code.toLowerCase(java.util.Locale.ROOT), r);
            if (first != null && !first.code.equals(r.code)) {
                warnings.add(t("units.warningUnitCode", file, r.line, r.code, first.code, first.line));
            }
        }
    }

    /** For messages: fails loudly when a hierarchy has no units at all. */
    static void requireNonEmpty(Hierarchy h, Path path) {
        if (h.size() == 0) throw TallyException.config(t("units.unitsFileHolds", path));
    }
}
