package dev.tally.cli;

import dev.tally.model.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command's list of exit codes, for its --help and man page: codes of {@link ExitCode} (never a
 * number of its own), each in the enum's words or the command's. The README's table is
 * {@link #readme}, made from the same entries.
 *
 * <p>Example: {@code ExitList.of().brief(OK).brief(USAGE).brief(CONFIG).brief(IO, "no store")} lists
 * "0 success, 2 usage error, 3 configuration error, 4 input/output error (no store)".
 */
final class ExitList {
    private final Map<String, String> lines = new LinkedHashMap<>();

    private ExitList() {}

    static ExitList of() { return new ExitList(); }

    /** Every code in the enum's full words: the list of the tally command itself. */
    static ExitList every() {
        ExitList l = of();
        for (ExitCode c : ExitCode.values()) l.meaning(c);
        return l;
    }

    /** The code in the enum's full words: "configuration error (units, catalog, tally.yaml)". */
    ExitList meaning(ExitCode c) { return as(c, c.meaning()); }

    /** The code in the enum's few words: "usage error". */
    ExitList brief(ExitCode c) { return as(c, c.brief()); }

    /** The enum's few words and what they are for this command: "input/output error (no store)". */
    ExitList brief(ExitCode c, String detail) { return as(c, c.brief() + " (" + detail + ")"); }

    /** The code in this command's own words. */
    ExitList as(ExitCode c, String text) {
        lines.put(String.valueOf(c.code()), text);
        return this;
    }

    /** For picocli's usage message: code to text, in order. */
    Map<String, String> map() { return new LinkedHashMap<>(lines); }

    /** The README's table of exit codes, every code in the enum's full words. */
    static String readme() {
        StringBuilder sb = new StringBuilder("| code | meaning |\n| --- | --- |\n");
        for (ExitCode c : ExitCode.values()) sb.append("| ").append(c.code()).append(" | ").append(c.meaning()).append(" |\n");
        return sb.toString();
    }

    /** Something with a list of exit codes: the tally command and each subcommand. */
    interface Listed {
        ExitList exits();
    }
}
