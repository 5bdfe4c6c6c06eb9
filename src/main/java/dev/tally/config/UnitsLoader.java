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
import java.util.LinkedHashMap;
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
        ConfigFiles.Loaded file = ConfigFiles.load(path, t("units.unitsFile"));
        String name = path.toString();
        ConfigErrors errors = new ConfigErrors(name);
        List<Row> rows = ConfigFiles.kind(path, file.text()) == ConfigFiles.Kind.CSV
                ? readCsv(file, name, errors) : readJson(file, path, name, errors);
        errors.throwIfAny();
        Hierarchy h = build(rows, configuredLevels, errors);
        caseTwins(rows, name, warnings);
        return h;
    }

    private static List<Row> readCsv(ConfigFiles.Loaded file, String name, ConfigErrors errors) {
        String text = file.text();
        List<Row> rows = new ArrayList<>();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CsvTokenizer t = new CsvTokenizer(new java.io.ByteArrayInputStream(bytes), Delimiters.sniff(bytes, 0, bytes.length));
        try {
            if (!t.next()) return rows;
            Map<String, Integer> header = new HashMap<>();
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
        Map<String, Row> byCode = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.code.isEmpty()) {
                errors.add(r.line, t("units.emptyUnitCode"));
            } else if (byCode.containsKey(r.code)) {
                Row first = byCode.get(r.code);
                errors.add(r.line, first.raw.equals(r.raw)
                        ? t("units.duplicateUnitCode", r.code, first.line)
                        : t("units.unitCodeSame", r.raw, first.raw, first.line));
            } else {
                byCode.put(r.code, r);
            }
        }
        for (Row r : byCode.values()) {
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
        for (Row r : byCode.values()) {
            if (!r.parent.isEmpty() && !byCode.containsKey(r.parent)) {
                errors.add(r.line, t("units.unitNamesUnknown", r.code, r.parent));
            }
        }
        // depth by walking up; a walk that meets itself is a cycle. An unknown parent (already
        // reported) ends the walk as if it were a root, so cycles elsewhere are still found.
        Map<String, Integer> depth = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (Row r : byCode.values()) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String c = r.code;
            boolean cycle = false;
            while (!c.isEmpty() && !depth.containsKey(c)) {
                if (!seen.add(c)) {
                    cycle = true;
                    break;
                }
                path.add(c);
                c = byCode.get(c).parent;
                if (!byCode.containsKey(c)) c = "";
            }
            if (cycle) {
                int from = path.indexOf(c);
                List<String> loop = path.subList(from, path.size());
                if (reported.add(String.join(",", new java.util.TreeSet<>(loop)))) {
                    errors.add(byCode.get(c).line, t("units.cycleParentsOne", String.join(" -> ", loop), c));
                }
                for (String s : path) depth.put(s, -1);
                continue;
            }
            int base = c.isEmpty() ? -1 : depth.get(c);
            for (int i = path.size() - 1; i >= 0; i--) {
                base = base < 0 && !c.isEmpty() ? -1 : base + 1;
                depth.put(path.get(i), base);
            }
        }
        errors.throwIfAny();

        List<String> levels = new ArrayList<>(configuredLevels == null ? List.of() : configuredLevels);
        if (levels.isEmpty()) {
            Map<Integer, Row> firstAt = new HashMap<>();
            Map<String, Row> firstOfLevel = new HashMap<>();
            for (Row r : byCode.values()) {
                if (r.level.isEmpty()) continue;
                int d = depth.get(r.code);
                Row first = firstAt.putIfAbsent(d, r);
                Row sameName = firstOfLevel.putIfAbsent(r.level.toLowerCase(java.util.Locale.ROOT), r);
                if (first != null && !first.level.equalsIgnoreCase(r.level)) {
                    errors.add(r.line, t("units.unitHasLevel", r.code, r.level, (d + 1), first.level, first.line));
                } else if (sameName != null && depth.get(sameName.code) != d) {
                    errors.add(r.line, t("units.unitHasLevel2", r.code, r.level, (d + 1), sameName.code, sameName.line, (depth.get(sameName.code) + 1)));
                }
            }
            for (int d = 0; firstAt.containsKey(d); d++) levels.add(firstAt.get(d).level);
        } else {
            for (Row r : byCode.values()) {
                int d = depth.get(r.code);
                if (d >= levels.size()) {
                    errors.add(r.line, t("units.unitAtDepth", r.code, (d + 1), levels.size(), levels));
                } else if (!r.level.isEmpty() && !levels.get(d).equalsIgnoreCase(r.level)) {
                    errors.add(r.line, t("units.unitHasLevel3", r.code, r.level, levels.get(d)));
                }
            }
        }
        errors.throwIfAny();

        // order: parents before children, siblings in file order
        Map<String, List<Row>> kids = new LinkedHashMap<>();
        List<Row> roots = new ArrayList<>();
        for (Row r : byCode.values()) {
            if (r.parent.isEmpty()) roots.add(r);
            else kids.computeIfAbsent(r.parent, k -> new ArrayList<>()).add(r);
        }
        List<Unit> units = new ArrayList<>(byCode.size());
        for (Row root : roots) addTree(root, kids, depth, levels, units);
        return new Hierarchy(units, levels);
    }

    private static void addTree(Row r, Map<String, List<Row>> kids, Map<String, Integer> depth, List<String> levels, List<Unit> out) {
        // iterative preorder: deep hierarchies must not overflow the stack
        java.util.ArrayDeque<Row> stack = new java.util.ArrayDeque<>();
        stack.push(r);
        while (!stack.isEmpty()) {
            Row x = stack.pop();
            int d = depth.get(x.code);
            String level = !x.level.isEmpty() ? x.level : d < levels.size() ? levels.get(d) : "level" + (d + 1);
            if (d < levels.size()) level = levels.get(d);
            out.add(new Unit(x.code, x.name.isEmpty() ? x.code : x.name, x.parent.isEmpty() ? null : x.parent, level, d, out.size(),
                    date(x.from), date(x.to)));
            List<Row> k = kids.getOrDefault(x.code, List.of());
            for (int i = k.size() - 1; i >= 0; i--) stack.push(k.get(i));
        }
    }

    private static java.time.LocalDate date(String s) { return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip()); }

    /** Codes that differ only in letter case (C11 and c11) are allowed, but almost always a mistake. */
    private static void caseTwins(List<Row> rows, String file, List<String> warnings) {
        Map<String, Row> seen = new HashMap<>();
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
