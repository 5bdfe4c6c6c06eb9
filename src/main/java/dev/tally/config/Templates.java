package dev.tally.config;

import static dev.tally.model.Text.t;

import dev.tally.model.Period;
import dev.tally.read.SheetTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * tally.yaml's {@code templates:}: how to read workbooks that no rule reads, each entry for the files
 * its {@code match} glob names (the first entry that matches applies). Every problem is a
 * configuration error naming its line (exit 3): an entry that is not a map, an unknown key, a missing
 * {@code match}, {@code header_rows} that are not a row or a range of rows (5, or 5-6), a period that is
 * not one.
 *
 * <pre>
 *   templates:
 *     - match: "bieu-01-*.xlsx"
 *       sheet: Biểu 01          # a name, or a number from 1
 *       header_rows: 5-6
 *       unit_column: B          # letters, or the column's header text
 *       period: 2024-H1         # for a table with no period column and none in its title
 * </pre>
 */
final class Templates {
    private Templates() {}

    static final List<String> KEYS = List.of("match", "sheet", "header_rows", "unit_column", "period");
    /** The most rows a header may be said to take. */
    static final int MAX_HEADER_ROWS = 10;

    static List<SheetTemplate> parse(Node v, ConfigErrors errors) {
        List<SheetTemplate> out = new ArrayList<>();
        if (!v.isList()) {
            errors.add(v.line(), t("templates.mustBeList"));
            return out;
        }
        for (Node x : v.list()) {
            if (!x.isMap()) {
                errors.add(x.line(), t("templates.entryMap"));
                continue;
            }
            boolean ok = true;
            for (var e : x.map().entrySet()) {
                if (!KEYS.contains(e.getKey())) {
                    errors.add(e.getValue().line(), t("templates.unknownKey", e.getKey(), String.join(", ", KEYS)));
                    ok = false;
                } else if (e.getValue().scalar() == null || e.getValue().scalar().isBlank()) {
                    errors.add(e.getValue().line(), t("templates.notScalar", e.getKey()));
                    ok = false;
                }
            }
            String match = scalar(x, "match");
            if (match == null && !x.map().containsKey("match")) {
                errors.add(x.line(), t("templates.noMatch"));
                ok = false;
            }
            int from = 0, to = 0;
            String rows = scalar(x, "header_rows");
            if (rows != null) {
                int[] r = rows(rows);
                if (r == null) {
                    errors.add(x.map().get("header_rows").line(), t("templates.headerRows", rows, MAX_HEADER_ROWS));
                    ok = false;
                } else {
                    from = r[0];
                    to = r[1];
                }
            }
            String period = scalar(x, "period");
            if (period != null && Period.parse(period).isEmpty()) {
                errors.add(x.map().get("period").line(), t("templates.period", period, Period.acceptedForms()));
                ok = false;
            }
            if (match != null) {
                try {
                    java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + match);
                } catch (RuntimeException e) {
                    errors.add(x.map().get("match").line(), t("templates.badGlob", match, e.getMessage()));
                    ok = false;
                }
            }
            if (ok) out.add(new SheetTemplate(match, scalar(x, "sheet"), from, to, scalar(x, "unit_column"), period));
        }
        return List.copyOf(out);
    }

    /** {@code 5} or {@code 5-6} as {from, to}, 1-based, at most {@link #MAX_HEADER_ROWS} rows; null otherwise. */
    static int[] rows(String s) {
        String[] p = s.strip().split("\\s*(-|\\.\\.|–)\\s*");
        try {
            int from = Integer.parseInt(p[0]), to = p.length == 2 ? Integer.parseInt(p[1]) : from;
            if (p.length > 2 || from < 1 || to < from || to - from + 1 > MAX_HEADER_ROWS) return null;
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String scalar(Node map, String key) {
        Node v = map.map().get(key);
        return v == null || v.scalar() == null || v.scalar().isBlank() ? null : dev.tally.read.Field.nfc(v.scalar().strip());
    }
}
