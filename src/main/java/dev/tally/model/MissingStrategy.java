package dev.tally.model;

/**
 * What a rule does when some of its operands are missing (as DHIS2 defines it). When the rule is
 * evaluated anyway, a missing operand counts as 0.
 */
public enum MissingStrategy {
    SKIP_IF_ANY_MISSING, SKIP_IF_ALL_MISSING, NEVER_SKIP;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
