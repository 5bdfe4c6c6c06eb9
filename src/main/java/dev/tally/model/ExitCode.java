package dev.tally.model;

/**
 * The process exit codes of tally, a public contract: the numbers never change. Every command's
 * list of exit codes in --help and its man page, and the README's table, are made from these
 * entries (a command may say more about what a code means for it, never another number). A
 * foreseeable problem ends in 1 to 4 with one line saying what to do; 70 (sysexits' EX_SOFTWARE) is
 * what a bug in tally ends in: one line asking for a report.
 */
public enum ExitCode {
    OK(0, "success", null),
    DATA_ERRORS(1, "data errors found", "invalid submissions, rejected rows"),
    USAGE(2, "usage error", "unknown option, bad argument"),
    CONFIG(3, "configuration error", "units, catalog, tally.yaml"),
    IO(4, "input/output error", "missing file, unwritable output"),
    INTERNAL(70, "internal error", "a bug: please report it; TALLY_DEBUG=1 shows where");

    private final int code;
    private final String brief;
    private final String detail;

    ExitCode(int code, String brief, String detail) {
        this.code = code;
        this.brief = brief;
        this.detail = detail;
    }

    public int code() { return code; }

    /** What the code means, in a few words: "usage error". */
    public String brief() { return brief; }

    /** What the code means for any command: "usage error (unknown option, bad argument)". */
    public String meaning() { return detail == null ? brief : brief + " (" + detail + ")"; }
}
