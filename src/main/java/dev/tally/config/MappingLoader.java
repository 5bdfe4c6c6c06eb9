package dev.tally.config;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Mapping;
import dev.tally.model.Names;
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
 * exists at the boundary and has no row. Warnings: names that differ from the units file's even as
 * people write them ({@link Names#same}: tone-mark placement and an administrative prefix may
 * differ), counted in one warning with the first few; an
 * old unit whose new units lie outside the successor of its old province (or nearest mapped
 * ancestor) — the national lists have such a link, a mistake in the source.
 */
public final class MappingLoader {
    private MappingLoader() {}

    /** The name differences listed in the one warning that counts them. */
    static final int NAMES_SHOWN = 3;

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
        ConfigFiles.Loaded file = ConfigFiles.load(path, t("mapping.mappingFile"));
        String name = path.toString();
        ConfigErrors errors = new ConfigErrors(name);
        List<Row> rows = read(file.text(), errors);
        errors.throwIfAny();
        List<List<Mapping.Link>> links = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) links.add(new ArrayList<>());
        Map<Integer, List<Row>> byOld = new LinkedHashMap<>();
        Map<Integer, Boolean> ceased = new HashMap<>();
        // names that differ from the units files' even as people write them (Hoá is Hóa, Tỉnh may be left out)
        List<String> differ = new ArrayList<>();
        for (Row r : rows) {
            Unit old = from.unit(r.oldCode());
            if (old == null) {
                errors.add(r.line(), t("mapping.oldCodeUnit", r.oldCode()));
                continue;
            }
            byOld.computeIfAbsent(old.index(), k -> new ArrayList<>()).add(r);
            if (!r.level().isEmpty() && !r.level().equalsIgnoreCase(old.level())) {
                errors.add(r.line(), t("mapping.levelColumn", r.oldCode(), old.level(), r.level()));
            }
            if (!r.oldName().isEmpty() && !Names.same(r.oldName(), old.name())) {
                differ.add(t("mapping.nameDiffers", r.line(), "old_name", r.oldName(), old.name()));
            }
            if (r.kind().equalsIgnoreCase("ceased")) {
                if (!r.newCode().isEmpty()) errors.add(r.line(), t("mapping.ceasedUnitHas"));
                ceased.put(old.index(), true);
                continue;
            }
            Unit nu = to.unit(r.newCode());
            if (nu == null) {
                errors.add(r.line(), r.newCode().isEmpty() ? t("mapping.newCodeEmpty")
                        : t("mapping.newCodeUnit", r.newCode()));
                continue;
            }
            if (!r.newName().isEmpty() && !Names.same(r.newName(), nu.name())) {
                differ.add(t("mapping.nameDiffers", r.line(), "new_name", r.newName(), nu.name()));
            }
            BigDecimal w = null;
            if (!r.weight().isEmpty()) {
                try {
                    w = new BigDecimal(r.weight());
                } catch (NumberFormatException e) {
                    errors.add(r.line(), t("mapping.weightNumberGive", r.weight()));
                    continue;
                }
                if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                    errors.add(r.line(), t("mapping.weightOutsideIt", r.weight()));
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
                errors.add(first, t("mapping.markedCeasedBut", old.code()));
            }
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (Mapping.Link l : ls) {
                if (!seen.add(l.newUnit())) errors.add(first, t("mapping.linkedTwice", old.code(), to.unit(l.newUnit()).code()));
            }
            for (Row r : rs) {
                if (r.kind().equalsIgnoreCase("whole") && rs.size() > 1) {
                    errors.add(r.line(), t("mapping.markedWholeBut", old.code(), rs.size()));
                } else if (r.kind().equalsIgnoreCase("part") && rs.size() < 2) {
                    errors.add(r.line(), t("mapping.markedPartBut", old.code()));
                } else if (!r.kind().isEmpty() && !List.of("whole", "part", "ceased").contains(r.kind().toLowerCase(Locale.ROOT))) {
                    errors.add(r.line(), t("mapping.kindWholePart", r.kind()));
                }
                if (!r.parts().isEmpty() && !r.parts().equals(String.valueOf(rs.size()))) {
                    errors.add(r.line(), t("mapping.partsSaysBut", r.parts(), old.code(), rs.size()));
                }
            }
            long weighted = ls.stream().filter(l -> l.weight() != null).count();
            if (weighted > 0 && weighted < ls.size()) {
                errors.add(first, t("mapping.hasWeightsOn", old.code()));
            } else if (weighted > 1) {
                BigDecimal sum = ls.stream().map(Mapping.Link::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-9")) > 0) {
                    errors.add(first, t("mapping.weightsAddUp", old.code(), sum.stripTrailingZeros().toPlainString()));
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
                    errors.add(0, t("mapping.reportsBeforeBoundary", u.code(), u.name(), boundary));
                    break;
                }
            }
        }
        errors.throwIfAny();
        if (!differ.isEmpty()) {
            warnings.add(t("mapping.namesDiffer", name, dev.tally.model.Text.count(differ.size(), "mapping.rows"), String.join("; ", differ.subList(0, Math.min(NAMES_SHOWN, differ.size())))
                    + (differ.size() > NAMES_SHOWN ? t("mapping.namesDifferMore", differ.size() - NAMES_SHOWN) : "")));
        }
        Mapping m = new Mapping(from, to, links);
        // a link outside the successor of the old unit's nearest mapped-whole ancestor is most likely a mistake in the list
        for (Unit u : from.units()) {
            if (links.get(u.index()).isEmpty() || u.parent() == null) continue;
            int above = m.home(from.parentIndex()[u.index()]);
            if (above < 0) continue;
            for (Mapping.Link l : links.get(u.index())) {
                if (!within(to, l.newUnit(), above)) {
                    Row r = byOld.get(u.index()).get(0);
                    warnings.add(t("mapping.goesOutsideSuccessor", name, r.line(), u.code(), to.unit(l.newUnit()).code(), to.unit(above).code(), to.unit(above).name()));
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
                errors.add(1, t("mapping.emptyMappingStarts"));
                return rows;
            }
            Map<String, Integer> header = new HashMap<>();
            int width = t.fields();
            for (int i = 0; i < t.fields(); i++) {
                String col = t.text(i).strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(col)) {
                    errors.add(1, t("mapping.unknownColumnMapping", col, String.join(", ", COLUMNS)));
                }
                header.put(col, i);
            }
            for (String col : List.of("old_code", "new_code")) {
                if (!header.containsKey(col)) errors.add(1, t("mapping.headerLacksColumn", col));
            }
            if (errors.any()) return rows;
            while (t.next()) {
                if (t.problem() != CsvTokenizer.Problem.NONE) {
                    errors.add(t.problemLine(), t("mapping.validCsv"));
                    continue;
                }
                if (!errors.width(t.line(), t.fields(), width, t.delimiter())) continue;
                rows.add(new Row((int) t.line(), get(t, header, "old_code"), get(t, header, "new_code"), get(t, header, "weight"),
                        get(t, header, "kind"), get(t, header, "parts"), get(t, header, "level"), get(t, header, "old_name"),
                        get(t, header, "new_name")));
                if (rows.get(rows.size() - 1).oldCode().isEmpty()) errors.add(t.line(), t("mapping.oldCodeEmpty"));
            }
        } catch (IOException e) {
            errors.add(0, t("mapping.validCsv2", e.getMessage()));
        }
        return rows;
    }

    private static String get(CsvTokenizer t, Map<String, Integer> header, String col) {
        Integer i = header.get(col);
        return i == null || i >= t.fields() ? "" : Field.nfc(t.text(i).strip());
    }
}
