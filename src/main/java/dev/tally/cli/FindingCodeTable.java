package dev.tally.cli;

import dev.tally.model.FindingCode;

/**
 * The finding codes as people read them, generated from {@link FindingCode} and nowhere written by
 * hand: the README's table (between {@link #BEGIN} and {@link #END}) and the FINDING CODES section
 * of tally(1), in English and, from the help bundle, Vietnamese. {@code tally gen-man DIR --readme
 * README.md} writes both; ReadmeTest and ManPageTest fail when the committed ones differ.
 */
final class FindingCodeTable {
    private FindingCodeTable() {}

    static final String BEGIN = "<!-- finding codes: generated from dev.tally.model.FindingCode by `tally gen-man man --readme README.md` -->";
    static final String END = "<!-- end of the generated finding codes -->";

    /** The README's table: code, default severity, meaning. */
    static String markdown() {
        StringBuilder sb = new StringBuilder("| code | default severity | meaning |\n| --- | --- | --- |\n");
        for (FindingCode c : FindingCode.values()) {
            sb.append("| `").append(c.key()).append("` | ")
                    .append(c.raised() == FindingCode.Raised.BY_RULE ? "the rule's" : c.severity().key()).append(" | ")
                    .append(c.raised() == FindingCode.Raised.BY_ROLLUP ? "(rollup) " : "").append(c.description()).append(" |\n");
        }
        return sb.toString();
    }

    /** What goes between the markers: the table and a blank line, so that the end marker is no row of it. */
    static String block() { return markdown() + "\n"; }

    /** What the README holds between the markers, or null when it lacks them. */
    static String region(String readme) {
        int from = readme.indexOf(BEGIN + "\n"), to = readme.indexOf(END);
        return from < 0 || to < from ? null : readme.substring(from + BEGIN.length() + 1, to);
    }

    /** The README with the table between the markers made anew; null when it lacks them. */
    static String intoReadme(String readme) {
        String old = region(readme);
        if (old == null) return null;
        int from = readme.indexOf(BEGIN + "\n") + BEGIN.length() + 1;
        return readme.substring(0, from) + block() + readme.substring(from + old.length());
    }

    /** tally(1)'s FINDING CODES section, in the run's language. */
    static void troff(StringBuilder sb) {
        sb.append(".SH ").append(HelpText.word("man.findingCodes", "FINDING CODES")).append('\n');
        sb.append(ManPage.esc(HelpText.word("man.findingCodes.intro", "Each finding names its severity and code (error [unknown-unit]): "
                + "an error rejects the value, a warning only reports. Scripts may filter on the codes, which do not change."))).append('\n');
        for (FindingCode c : FindingCode.values()) {
            String severity = c.raised() == FindingCode.Raised.BY_RULE ? HelpText.word("finding.bySeverityOfRule", "the rule's") : c.severity().key();
            sb.append(".TP\n\\fB").append(ManPage.esc(c.key())).append("\\fR (").append(ManPage.esc(severity)).append(")\n");
            String meaning = HelpText.word("finding." + c.key(), c.description());
            sb.append(c.raised() == FindingCode.Raised.BY_ROLLUP ? "(rollup) " : "").append(literal(meaning)).append('\n');
        }
    }

    /** Text for troff, its `backquoted` parts in bold. */
    private static String literal(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String p = ManPage.esc(parts[i]).replace("\\&", "");
            sb.append(i % 2 == 1 ? "\\fB" + p + "\\fR" : p);
        }
        String s = sb.toString();
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
