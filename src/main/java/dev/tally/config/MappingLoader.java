package dev.tally.config;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Mapping;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import dev.tally.read.CsvTokenizer;
import dev.tally.read.Delimiters;
import dev.tally.read.Field;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a boundary's mapping: CSV with {@code old_code,new_code} and optionally {@code weight} (the
 * share of the old unit's values that goes to the new one), {@code kind} ({@code whole}: one new
 * unit; {@code part}: one of several; {@code ceased}: no successor, new_code empty), {@code parts}
 * (how many new units the old one was divided among), {@code level} (the old unit's), {@code old_name}
 * and {@code new_name}; the columns of the national lists ({@code old_district},
 * {@code old_district_name}, {@code old_province}, {@code new_province}) are allowed and not used.
 *
 * <p>Configuration errors (one line each, file:line): an unknown old or new code; a level, kind or
 * parts that contradicts the links; weights given for some links of an old unit and not others,
 * outside [0, 1], or not adding up to 1; an old unit at an indicator's reporting level that still
 * exists at the boundary and has no row. Warnings: a name that differs from the units file's; an
 * old unit whose new units lie outside the successor of its old province (or nearest mapped
 * ancestor) — the national lists have such a link, a mistake in the source.
 */
public final class MappingLoader {
    private MappingLoader() {}

    static final List<String> COLUMNS = List.of("old_code", "new_code", "weight", "kind", "parts", "level", "old_name", "new_name",
            "old_district", "old_district_name", "old_province", "new_province");

    private record Row(int line, String oldCode, String newCode, String weight, String kind, String parts, String level, String oldName,
                       String newName) {}

    /**
     * @param boundary the first day of the new era: old units that ended before it need no row
     * @param catalogs the old and new catalogs: the reporting levels that must be mapped are those of the indicators both have
     */
    public static Mapping load(Path path, Hierarchy from, Roster fromRoster, Catalog fromCatalog, Hierarchy to, Catalog toCatalog,
                               LocalDate boundary, List<String> warnings) {
        ConfigFiles.Loaded file = ConfigFiles.load(path, "mapping file");
        String name = path.toString();
        ConfigErrors errors = new ConfigErrors(name);
        List<Row> rows = read(file.text(), errors);
        errors.throwIfAny();
        List<List<Mapping.Link>> links = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) links.add(new ArrayList<>());
        Map<Integer, List<Row>> byOld = new LinkedHashMap<>();
        Map<Integer, Boolean> ceased = new HashMap<>();
        for (Row r : rows) {
            Unit old = from.unit(r.oldCode());
            if (old == null) {
                errors.add(r.line(), "old_code '" + r.oldCode() + "' is not a unit of the units file before the boundary");
                continue;
            }
            byOld.computeIfAbsent(old.index(), k -> new ArrayList<>()).add(r);
            if (!r.level().isEmpty() && !r.level().equalsIgnoreCase(old.level())) {
                errors.add(r.line(), "'" + r.oldCode() + "' is a " + old.level() + ", not a " + r.level() + " (level column)");
            }
            if (!r.oldName().isEmpty() && !r.oldName().equalsIgnoreCase(old.name())) {
                warnings.add(name + ":" + r.line() + ": old_name '" + r.oldName() + "' differs from '" + old.name() + "' in the units file");
            }
            if (r.kind().equalsIgnoreCase("ceased")) {
                if (!r.newCode().isEmpty()) errors.add(r.line(), "a ceased unit has no new_code; leave it empty, or give the kind whole or part");
                ceased.put(old.index(), true);
                continue;
            }
            Unit nu = to.unit(r.newCode());
            if (nu == null) {
                errors.add(r.line(), r.newCode().isEmpty() ? "new_code is empty; give the new unit, or the kind ceased when there is none"
                        : "new_code '" + r.newCode() + "' is not a unit of the units file from the boundary");
                continue;
            }
            if (!r.newName().isEmpty() && !r.newName().equalsIgnoreCase(nu.name())) {
                warnings.add(name + ":" + r.line() + ": new_name '" + r.newName() + "' differs from '" + nu.name() + "' in the units file");
            }
            BigDecimal w = null;
            if (!r.weight().isEmpty()) {
                try {
                    w = new BigDecimal(r.weight());
                } catch (NumberFormatException e) {
                    errors.add(r.line(), "weight '" + r.weight() + "' is not a number; give the share of the old unit, from 0 to 1");
                    continue;
                }
                if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                    errors.add(r.line(), "weight " + r.weight() + " is outside 0 to 1; it is the share of the old unit that goes to the new one");
                }
            }
            links.get(old.index()).add(new Mapping.Link(nu.index(), w));
        }
        for (var e : byOld.entrySet()) {
            List<Row> rs = e.getValue();
            Unit old = from.unit(e.getKey());
            List<Mapping.Link> ls = links.get(old.index());
            int first = rs.get(0).line();
            if (ceased.containsKey(old.index()) && rs.size() > 1) {
                errors.add(first, "'" + old.code() + "' is marked ceased but has other rows too");
            }
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (Mapping.Link l : ls) {
                if (!seen.add(l.newUnit())) errors.add(first, "'" + old.code() + "' is linked to '" + to.unit(l.newUnit()).code() + "' twice");
            }
            for (Row r : rs) {
                if (r.kind().equalsIgnoreCase("whole") && rs.size() > 1) {
                    errors.add(r.line(), "'" + old.code() + "' is marked whole but has " + rs.size() + " rows; mark each part, or keep one row");
                } else if (r.kind().equalsIgnoreCase("part") && rs.size() < 2) {
                    errors.add(r.line(), "'" + old.code() + "' is marked part but has one row only; add its other new units, or mark it whole");
                } else if (!r.kind().isEmpty() && !List.of("whole", "part", "ceased").contains(r.kind().toLowerCase(Locale.ROOT))) {
                    errors.add(r.line(), "kind '" + r.kind() + "' is not whole, part or ceased");
                }
                if (!r.parts().isEmpty() && !r.parts().equals(String.valueOf(rs.size()))) {
                    errors.add(r.line(), "parts says " + r.parts() + " but '" + old.code() + "' has " + rs.size() + " rows");
                }
            }
            long weighted = ls.stream().filter(l -> l.weight() != null).count();
            if (weighted > 0 && weighted < ls.size()) {
                errors.add(first, "'" + old.code() + "' has weights on some of its rows only; give every part a weight, or none");
            } else if (weighted > 1) {
                BigDecimal sum = ls.stream().map(Mapping.Link::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-9")) > 0) {
                    errors.add(first, "the weights of '" + old.code() + "' add up to " + sum.stripTrailingZeros().toPlainString()
                            + ", not 1; they are the shares of the old unit that go to each new one");
                }
            }
        }
        // every old unit that reports an indicator the new catalog also has, and still exists at the boundary, is mapped
        java.util.Set<Integer> depths = new java.util.TreeSet<>();
        for (Indicator ind : fromCatalog.indicators()) {
            if (!ind.derived() && toCatalog.indicator(ind.code()) != null) depths.add(from.reportingDepth(ind));
        }
        for (Unit u : from.units()) {
            if (byOld.containsKey(u.index()) || (u.activeTo() != null && u.activeTo().isBefore(boundary))) continue;
            for (int d : depths) {
                if (fromRoster.reporter(u, d)) {
                    errors.add(0, "'" + u.code() + "' (" + u.name() + ") reports before the boundary and has no row: map it to its new unit(s), "
                            + "mark it ceased, or give it an active_to date before " + boundary + " in the units file");
                    break;
                }
            }
        }
        errors.throwIfAny();
        Mapping m = new Mapping(from, to, links);
        // a link outside the successor of the old unit's nearest mapped-whole ancestor is most likely a mistake in the list
        for (Unit u : from.units()) {
            if (links.get(u.index()).isEmpty() || u.parent() == null) continue;
            int above = m.home(from.parentIndex()[u.index()]);
            if (above < 0) continue;
            for (Mapping.Link l : links.get(u.index())) {
                if (!within(to, l.newUnit(), above)) {
                    Row r = byOld.get(u.index()).get(0);
                    warnings.add(name + ":" + r.line() + ": '" + u.code() + "' goes to '" + to.unit(l.newUnit()).code() + "', outside "
                            + to.unit(above).code() + " (" + to.unit(above).name() + "), the successor of the unit it was in; check the link");
                }
            }
        }
        return m;
    }

    private static boolean within(Hierarchy h, int unit, int ancestor) {
        int[] parent = h.parentIndex();
        for (int a = unit; a >= 0; a = parent[a]) if (a == ancestor) return true;
        return false;
    }

    private static List<Row> read(String text, ConfigErrors errors) {
        List<Row> rows = new ArrayList<>();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CsvTokenizer t = new CsvTokenizer(new java.io.ByteArrayInputStream(bytes), Delimiters.sniff(bytes, 0, bytes.length));
        try {
            if (!t.next()) {
                errors.add(1, "empty; a mapping starts with the header old_code,new_code[,weight]");
                return rows;
            }
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < t.fields(); i++) {
                String col = t.text(i).strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(col)) {
                    errors.add(1, "unknown column '" + col + "'; a mapping has " + String.join(", ", COLUMNS));
                }
                header.put(col, i);
            }
            for (String col : List.of("old_code", "new_code")) {
                if (!header.containsKey(col)) errors.add(1, "the header lacks the column '" + col + "'; a mapping starts with old_code,new_code[,weight]");
            }
            if (errors.any()) return rows;
            while (t.next()) {
                if (t.problem() != CsvTokenizer.Problem.NONE) {
                    errors.add(t.problemLine(), "not valid CSV");
                    continue;
                }
                rows.add(new Row((int) t.line(), get(t, header, "old_code"), get(t, header, "new_code"), get(t, header, "weight"),
                        get(t, header, "kind"), get(t, header, "parts"), get(t, header, "level"), get(t, header, "old_name"),
                        get(t, header, "new_name")));
                if (rows.get(rows.size() - 1).oldCode().isEmpty()) errors.add(t.line(), "old_code is empty");
            }
        } catch (IOException e) {
            errors.add(0, "not valid CSV: " + e.getMessage());
        }
        return rows;
    }

    private static String get(CsvTokenizer t, Map<String, Integer> header, String col) {
        Integer i = header.get(col);
        return i == null || i >= t.fields() ? "" : Field.nfc(t.text(i).strip());
    }
}
