package dev.tally.model;

/**
 * How an indicator combines over periods: the catalog's {@code over_time}. SUM for flows (sessions
 * held), LAST for stocks (models existing), FIRST, MEAN, MIN, MAX. As {@link Aggregate}: the key and
 * a description here, the behaviour in its row of {@code rollup.Aggregators}.
 */
public enum OverTime {
    SUM("a flow: the values of the periods added up"),
    MEAN("the sum of the periods' values over their count"),
    LAST("a stock: the value of the latest period"),
    FIRST("the value of the earliest period"),
    MIN("the smallest of the periods' values"),
    MAX("the largest of the periods' values");

    private final String description;

    OverTime(String description) { this.description = description; }

    /** The name the catalog writes ({@code over_time: last}). */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** What the kind gives, in a few words, for generated documentation. */
    public String description() { return description; }
}
