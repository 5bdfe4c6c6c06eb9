package dev.tally.model;

/** How serious a finding is: an error rejects the value, a warning only reports. */
public enum Severity {
    ERROR, WARNING;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
