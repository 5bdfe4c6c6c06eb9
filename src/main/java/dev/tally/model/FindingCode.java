package dev.tally.model;

/**
 * The stable finding codes. The code strings are a public contract: scripts filter on them, and the
 * README lists them with the same descriptions as here.
 */
public enum FindingCode {
    MALFORMED("malformed", Severity.ERROR, "the file is not well-formed CSV or JSON, or lacks a required column"),
    ENCODING("encoding", Severity.ERROR, "the bytes are not valid in the file's encoding (try --encoding windows-1258)"),
    UNKNOWN_UNIT("unknown-unit", Severity.ERROR, "the unit code is not in the units file"),
    UNKNOWN_INDICATOR("unknown-indicator", Severity.ERROR, "the indicator code is not in the catalog"),
    BAD_PERIOD("bad-period", Severity.ERROR, "the period does not parse; the message lists the accepted forms"),
    NOT_A_NUMBER("not-a-number", Severity.ERROR, "the value is neither a number nor a missing marker (empty, N/A, -)"),
    TOO_MANY_DIGITS("too-many-digits", Severity.ERROR, "the value has more than 38 digits in all, more than tally keeps exactly"),
    WRONG_TYPE("wrong-type", Severity.ERROR, "the value is not of the indicator's type (2.5 for an integer, 140 for a percent)"),
    OUT_OF_RANGE("out-of-range", Severity.ERROR, "the value is below the indicator's min or above its max"),
    DERIVED_SUBMITTED("derived-submitted", Severity.WARNING, "a value was given for a derived (formula) indicator; it is ignored, since tally computes it (a rollup output read back in has them)"),
    CONFLICT("conflict", Severity.ERROR, "the same unit, period and indicator was given twice with different values; neither is used"),
    DUPLICATE("duplicate", Severity.WARNING, "the same unit, period and indicator was given twice with the same value; it counts once"),
    MISSING_REQUIRED("missing-required", Severity.ERROR, "a unit's submission for a period lacks required indicators (listed)"),
    PERIOD_TYPE("period-type", Severity.WARNING, "a form's values were given for a period of another type than the form's (a month for a half-yearly form)"),
    NOT_EXPECTED("not-expected", Severity.WARNING, "a unit reported a form for a period it is not expected to (inactive then, or exempt); its values are kept but not counted as reported"),
    RULE("rule", Severity.ERROR, "a catalog rule failed; the severity is the rule's"),
    EVALUATION("evaluation", Severity.WARNING, "a formula or rule could not be evaluated for a unit (a result too large, an exponent too large); the value is left missing or the rule unchecked"),
    OVERLAP("overlap", Severity.ERROR, "data at two granularities covers the same time for the same unit and indicator"),
    NOT_COMPARABLE("not-comparable", Severity.WARNING, "an old unit was divided among new units without weights, so sums in the new units that received part of it cannot be compared across the boundary; the mapping's weight column would make them estimates"),
    IMBALANCE("imbalance", Severity.WARNING, "a unit's reported total differs from the aggregate of its subtree"),
    NO_DATA("no-data", Severity.WARNING, "an input holds no values at all");

    private final String key;
    private final Severity severity;
    private final String description;

    FindingCode(String key, Severity severity, String description) {
        this.key = key;
        this.severity = severity;
        this.description = description;
    }

    public String key() { return key; }

    public Severity severity() { return severity; }

    public String description() { return description; }
}
