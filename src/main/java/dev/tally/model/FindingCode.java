package dev.tally.model;

/**
 * The stable finding codes, one entry each: the code (a public contract: scripts filter on it), its
 * default severity, where it is raised and what it means. The README's table of finding codes and
 * the man page's FINDING CODES section are generated from these entries ({@code tally gen-man}), and
 * tests fail when the committed ones differ; the Vietnamese descriptions are in the help bundle
 * ({@code word.finding.<code>}), and a test fails when one is missing. The entries are in the order
 * the table lists them. Text between backquotes is literal (an option), set as code in the README.
 *
 * <p>Adding a code: an entry here, the messages that raise it, its Vietnamese description; then
 * {@code tally gen-man man --readme README.md}.
 */
public enum FindingCode {
    MALFORMED("malformed", Severity.ERROR, "the file is not well-formed CSV or JSON, or lacks a required column; a workbook's table has no "
            + "unit column, or a row has figures but no unit"),
    ENCODING("encoding", Severity.ERROR, "the bytes are not valid in the file's encoding (try `--encoding windows-1258`)"),
    UNREADABLE("unreadable", Severity.ERROR, "a workbook tally cannot read: an old binary `.xls`, one encrypted with a password, a damaged "
            + "one, one past a size bound, or a file named as a workbook that is not one; the message says what to do"),
    UNKNOWN_UNIT("unknown-unit", Severity.ERROR, "the unit code is not in the units file"),
    UNKNOWN_INDICATOR("unknown-indicator", Severity.ERROR, "the indicator code is not in the catalog"),
    BY_NAME("by-name", Severity.WARNING, "a workbook's column was taken for an indicator by its name, not its code; the message says which "
            + "code to write"),
    BAD_PERIOD("bad-period", Severity.ERROR, "the period does not parse; the message lists the accepted forms"),
    NOT_A_NUMBER("not-a-number", Severity.ERROR, "the value is neither a number nor a missing marker (empty, N/A, -)"),
    TOO_MANY_DIGITS("too-many-digits", Severity.ERROR, "the value has more than 38 digits in all, more than tally keeps exactly"),
    WRONG_TYPE("wrong-type", Severity.ERROR, "the value is not of the indicator's type (2.5 for an integer, 140 for a percent)"),
    OUT_OF_RANGE("out-of-range", Severity.ERROR, "the value is below the indicator's min or above its max"),
    DERIVED_SUBMITTED("derived-submitted", Severity.WARNING, "a value was given for a derived (formula) indicator; it is ignored, since tally computes it"),
    CONFLICT("conflict", Severity.ERROR, "the same unit, period and indicator was given twice with different values; neither is used"),
    DUPLICATE("duplicate", Severity.WARNING, "the same unit, period and indicator was given twice with the same value; it counts once"),
    MISSING_REQUIRED("missing-required", Severity.ERROR,
            "a unit's submission for a period lacks required indicators (listed), for units at the indicator's reporting level"),
    PERIOD_TYPE("period-type", Severity.WARNING,
            "a form's values were given for a period of another type than the form's (a month for a half-yearly form)"),
    NOT_EXPECTED("not-expected", Severity.WARNING,
            "a unit reported a form for a period it is not expected to (inactive then, or exempt); its values are kept but not counted as reported"),
    RULE("rule", Severity.ERROR, Raised.BY_RULE, "a catalog rule failed"),
    OVERLAP("overlap", Severity.ERROR, Raised.BY_ROLLUP, "data at two granularities covers the same time for the same unit and indicator"),
    EVALUATION("evaluation", Severity.WARNING, "a formula or rule could not be evaluated for a unit (a result too large, an exponent too large); "
            + "the value is left missing or the rule unchecked"),
    NOT_COMPARABLE("not-comparable", Severity.WARNING, Raised.BY_ROLLUP, "an old unit was divided among new units without weights, so sums in "
            + "the new units that received part of it cannot be compared across the boundary; the mapping's weight column would make them estimates"),
    IMBALANCE("imbalance", Severity.WARNING, Raised.BY_ROLLUP, "a unit's reported total differs from the aggregate of its subtree"),
    TOTAL_ROW("total-row", Severity.WARNING, "a workbook's total row whose unit is not known (the title names none and its rows belong to "
            + "no one unit); its values are ignored, since tally computes the total"),
    HIDDEN("hidden", Severity.WARNING, "a workbook's hidden rows or columns held values; they were read, and the message names them"),
    NO_DATA("no-data", Severity.WARNING, "an input holds no values at all"),
    LOCKED("locked", Severity.ERROR, "`import` refused a submission into a slice signed off with `tally lock` (the finding names the lock, "
            + "who made it and when); nothing of it was stored");

    /**
     * Where a finding is raised: while inputs are read and checked (every command that reads them);
     * by a catalog rule, whose own severity it has ({@link #severity} is a rule's default); or by a
     * rollup, which the table says.
     */
    public enum Raised { READING, BY_RULE, BY_ROLLUP }

    private final String key;
    private final Severity severity;
    private final Raised raised;
    private final String description;

    FindingCode(String key, Severity severity, String description) { this(key, severity, Raised.READING, description); }

    FindingCode(String key, Severity severity, Raised raised, String description) {
        this.key = key;
        this.severity = severity;
        this.raised = raised;
        this.description = description;
    }

    public String key() { return key; }

    /** The severity a finding of this code has, unless a rule gives its own. */
    public Severity severity() { return severity; }

    /** Where the finding is raised (see {@link Raised}). */
    public Raised raised() { return raised; }

    /** What the code means, in English; `backquoted` text is literal. */
    public String description() { return description; }
}
