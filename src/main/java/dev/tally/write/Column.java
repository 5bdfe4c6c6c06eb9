package dev.tally.write;

/**
 * A column of a table: its name, whether it holds numbers (right-aligned, JSON numbers), and for a
 * {@link #measure} column (an aggregate with its coverage, cells of type {@link Measure}) the code
 * its sub-columns are named after in formats that spread a measure over several columns
 * ({@code CODE_reported}, {@code CODE_expected}, …) and whether it carries a comparison.
 */
public record Column(String name, boolean numeric, String key, boolean measure, boolean compared, boolean points, boolean exempt,
                     boolean quality, boolean whole, boolean planned) {
    public Column(String name, boolean numeric, String key, boolean measure, boolean compared, boolean points, boolean exempt,
                  boolean quality, boolean whole) {
        this(name, numeric, key, measure, compared, points, exempt, quality, whole, false);
    }

    public Column(String name, boolean numeric, String key, boolean measure, boolean compared, boolean points, boolean exempt,
                  boolean quality) {
        this(name, numeric, key, measure, compared, points, exempt, quality, false);
    }

    public Column(String name, boolean numeric, String key, boolean measure, boolean compared, boolean points, boolean exempt) {
        this(name, numeric, key, measure, compared, points, exempt, false);
    }

    /**
     * The same column, never cut: part of a list a person acts on (what a unit still owes). On a pipe
     * or in a file the table format writes it whole however long; on a terminal a table with such a
     * column wraps its text at spaces instead of cutting it, or, when even that cannot fit, shows each
     * row as a record of lines.
     */
    public Column keptWhole() { return new Column(name, numeric, key, measure, compared, points, exempt, quality, true, planned); }

    /**
     * The same measure column with a plan: its cells' measures carry a target and its attainment, which
     * formats that spread a measure over columns give as {@code CODE_plan} and {@code CODE_plan_pct}.
     */
    public Column withPlan() { return new Column(name, numeric, key, measure, compared, points, exempt, quality, whole, true); }

    /**
     * The name people read, in table and markdown: {@code column.NAME} in the run's language where
     * the bundles have it; a measure keeps its indicator's name as the catalog writes it. Programs
     * (csv, json, xlsx) always get {@link #name}, the same in every language.
     */
    public String heading() {
        if (measure) return name;
        String key = "column." + name;
        return dev.tally.model.Text.has(key) ? dev.tally.model.Text.t(key) : name;
    }

    public static Column text(String name) { return new Column(name, false, name, false, false, false, false); }

    public static Column number(String name) { return new Column(name, true, name, false, false, false, false); }

    /**
     * An aggregate shown as {@code name} to people, {@code key} to programs; {@code points}: a rate,
     * whose change is in percentage points.
     */
    public static Column measure(String name, String key, boolean compared, boolean points) {
        return new Column(name, true, key, true, compared, points, false);
    }

    /** A measure whose coverage also says how many units were exempt (inactive, or excused in tally.yaml). */
    public static Column measure(String name, String key, boolean compared, boolean points, boolean exempt) {
        return new Column(name, true, key, true, compared, points, exempt);
    }

    /**
     * The rank of the measure column before it ({@code rollup --rank}), cells of type {@link Rank}:
     * named {@code name} ({@code rank}, which table and markdown head in the run's language), and
     * {@code key} ({@code CODE_rank}) where a name must tell it from the other indicators' ranks.
     */
    public static Column rank(String name, String key) { return new Column(name, true, key, false, false, false, false); }

    /** A measure that may be an earlier era's value in later units, estimated or not comparable: wide outputs add CODE_quality. */
    public static Column measure(String name, String key, boolean compared, boolean points, boolean exempt, boolean quality) {
        return new Column(name, true, key, true, compared, points, exempt, quality);
    }
}
