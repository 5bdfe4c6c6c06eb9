package dev.tally.model;

/** The process exit codes of tally; the numbers are a public contract (documented in --help and the man page). */
public enum ExitCode {
    OK(0, "success"),
    DATA_ERRORS(1, "data errors found (invalid submissions, rejected rows)"),
    USAGE(2, "usage error (unknown option, bad argument)"),
    CONFIG(3, "configuration error (units, catalog, tally.yaml)"),
    IO(4, "input/output error (missing file, unwritable output)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() { return code; }

    public String meaning() { return meaning; }
}
