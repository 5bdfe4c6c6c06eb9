package dev.tally.model;

/** How an indicator combines over units (up the hierarchy). */
public enum Aggregate {
    SUM, MEAN, MIN, MAX, MEDIAN, COUNT;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
