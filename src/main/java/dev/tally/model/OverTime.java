package dev.tally.model;

/**
 * How an indicator combines over periods: SUM for flows (sessions held), LAST for stocks
 * (models existing), FIRST, MEAN, MIN, MAX.
 */
public enum OverTime {
    SUM, MEAN, LAST, FIRST, MIN, MAX;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
