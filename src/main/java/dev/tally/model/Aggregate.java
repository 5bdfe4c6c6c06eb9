package dev.tally.model;

/**
 * How an indicator combines over units (up the hierarchy): the catalog's {@code aggregate}. Each kind
 * is its catalog key and a description for people; what it does (its aggregator, whether its result
 * is a quotient, how two parts combine) is its row in {@code rollup.Aggregators}, which {@code model}
 * cannot see. Adding a kind: a constant here and its row there (a test holds that every constant has
 * exactly one row).
 */
public enum Aggregate {
    SUM("the total of the values"),
    MEAN("the sum of every value below over their count, never a mean of means"),
    MIN("the smallest value"),
    MAX("the largest value"),
    MEDIAN("the middle one of every value below (the mean of the two middle ones for an even count)"),
    COUNT("how many values were given");

    private final String description;

    Aggregate(String description) { this.description = description; }

    /** The name the catalog writes ({@code aggregate: median}). */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** What the kind gives, in a few words, for generated documentation. */
    public String description() { return description; }
}
