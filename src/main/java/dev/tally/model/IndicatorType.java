package dev.tally.model;

/** The value type of an indicator: what a submitted value must look like. */
public enum IndicatorType {
    /** whole numbers: 2.5 is a finding */
    INTEGER,
    /** any decimal number */
    NUMBER,
    /** a number from 0 to 100 */
    PERCENT,
    /** 1 or 0 (true/false, yes/no, có/không on input); aggregates count the 1s */
    BOOLEAN;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
