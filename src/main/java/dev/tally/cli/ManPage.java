package dev.tally.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders a picocli command as a troff man page (section 1), so the pages in man/ are generated from
 * the same annotations as --help and cannot drift: a test compares the committed pages with this
 * output. (picocli-codegen's generator writes AsciiDoc, which would need Asciidoctor to become troff.)
 * Regenerate with {@code java -jar target/tally.jar gen-man man}.
 */
final class ManPage {
    private ManPage() {}

    /** File name and troff text for the command and, recursively, its subcommands (help excluded). */
    static Map<String, String> renderAll(CommandLine root) {
        Map<String, String> out = new java.util.TreeMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(CommandLine cl, Map<String, String> out) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.usageMessage().hidden() || spec.name().equals("help")) return;
        out.put(spec.qualifiedName("-") + ".1", render(cl));
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, out);
    }

    /** The environment every command reads. */
    static final List<String[]> ENVIRONMENT = List.of(
            new String[] {"COLUMNS", "The width of the terminal that tables, findings and summaries are fitted to, overriding the width "
                    + "the terminal reports. On a pipe or in a file nothing is fitted or wrapped: one finding a line."},
            new String[] {"NO_COLOR", "When set (to anything), no colour, as with --color never."},
            new String[] {"TALLY_LANG", "The language of messages, help and headers: en or vi (--lang overrides it)."},
            new String[] {"LANG", "When neither --lang nor TALLY_LANG is given, a Vietnamese locale (vi_VN.UTF-8) gives Vietnamese. "
                    + "Standard output and standard error are UTF-8, with no locale (cron) or one the machine lacks too, unless "
                    + "LC_ALL, LC_CTYPE or LANG names another character set explicitly (de_DE.ISO-8859-1)."},
            new String[] {"TALLY_STORE", "The store, instead of store: in tally.yaml: a file, or a PostgreSQL server's "
                    + "postgresql://[USER@]HOST[:PORT]/DB[?schema=NAME&sslmode=…]. The server's user is PGUSER when the address names "
                    + "none, and its password is never in the address: PGPASSWORD, ~/.pgpass (PGPASSFILE) or a service file."},
            new String[] {"TALLY_DEBUG", "When set, an internal error prints its stack trace."},
            new String[] {"TALLY_JAVA_OPTS", "JVM options the launcher target/tally adds after its own (for example -Xmx2g); "
                    + "java -jar tally.jar does not read it."},
            new String[] {"TALLY_CACHE_DIR", "Where the launcher target/tally keeps units files as parsed, keyed by their content, so that "
                    + "a run against a large units file does not parse it again (default $XDG_CACHE_HOME/tally, else ~/.cache/tally; "
                    + "none without a home directory; /dev/null keeps none). An edited file is parsed again; a damaged entry is never used."});

    /** Each command's examples: what it does, and the command line. */
    static final Map<String, List<String[]>> EXAMPLES = Map.of(
            "tally", List.<String[]>of(
                    new String[] {"Roll up the bundled sample:", "tally rollup --config samples/tally.yaml samples/submissions"},
                    new String[] {"Check a district's files before sending them on:", "tally validate submissions/2024-H1/"}),
            "tally validate", List.<String[]>of(
                    new String[] {"Check every file of a folder; list the findings as CSV:", "tally validate --format csv -o findings.csv submissions/"},
                    new String[] {"Only one period, and fail on warnings too (for a job):", "tally validate --period 2024-H1 --strict submissions/"}),
            "tally rollup", List.<String[]>of(
                    new String[] {"The province's table of a half-year, districts as rows:", "tally rollup --period 2024-H1 --unit BG --depth 1 submissions/"},
                    new String[] {"The same half-year a year before, beside each value:",
                            "tally rollup --period 2024-H1 --compare year-ago --format xlsx -o review.xlsx"},
                    new String[] {"A year over its halves, as long CSV for a spreadsheet:", "tally rollup --period 2024 --format csv -o 2024.csv submissions/"}),
            "tally import", List.<String[]>of(
                    new String[] {"Store a folder of reports, saying when they arrived:", "tally import --received 2024-07-12 submissions/2024-H1/"},
                    new String[] {"A nightly job that must not half-apply:", "tally import --atomic run --quiet inbox/"}),
            "tally status", List.<String[]>of(
                    new String[] {"Who has reported the half-year, at every level:", "tally status --period 2024-H1"},
                    new String[] {"What each commune still owes, as a workbook to send back:", "tally status --missing --period 2024-H1 -o thieu-so-lieu.xlsx"},
                    new String[] {"The same, one workbook per district, the letter each one gets:",
                            "tally status --missing --period 2024-H1 --split-by district -o thieu-so-lieu/ --format xlsx"}),
            "tally outliers", List.<String[]>of(
                    new String[] {"Values far from each unit's own history:", "tally outliers --period 2024-H1"},
                    new String[] {"Against the other communes of the district, with Tukey's fences:", "tally outliers --against peers --method iqr"}),
            "tally describe", List.<String[]>of(
                    new String[] {"The distribution of a district's communes:", "tally describe --period 2024-H1 --unit BG-TP --depth 0"}),
            "tally consistency", List.<String[]>of(
                    new String[] {"Each district's trend against its province's:", "tally consistency --period 2024"}),
            "tally remap", List.<String[]>of(
                    new String[] {"The old submissions in the units after the boundary:", "tally remap -o history-2025/"}),
            "tally history", List.<String[]>of(
                    new String[] {"Every version of a commune's report:", "tally history --unit BG-LN-DOINGO --period 2024-H1"}));

    static String render(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName("-");
        StringBuilder sb = new StringBuilder();
        sb.append(".\\\" Generated from the picocli annotations by dev.tally.cli.ManPage; do not edit.\n");
        sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"tally ")
                .append(VersionProvider.version()).append("\" \"" + HelpText.word("man.manual", "tally manual") + "\"\n");
        sb.append(".SH ").append(HelpText.word("man.name", "NAME")).append("\n").append(esc(name)).append(" \\- ").append(esc(summary(spec))).append('\n');
        sb.append(".SH ").append(HelpText.word("man.synopsis", "SYNOPSIS")).append("\n.nf\n");
        String synopsis = cl.getHelp().synopsis(0).strip();
        for (String line : synopsis.split("\n")) sb.append(esc(line.stripTrailing())).append('\n');
        sb.append(".fi\n");
        sb.append(".SH ").append(HelpText.word("man.description", "DESCRIPTION")).append("\n");
        sb.append(esc(interpolate(HelpText.description(spec), spec))).append('\n');
        List<PositionalParamSpec> params = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) if (!p.hidden()) params.add(p);
        if (!params.isEmpty()) {
            sb.append(".SH ").append(HelpText.word("man.arguments", "ARGUMENTS")).append("\n");
            for (PositionalParamSpec p : params) {
                sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n");
                sb.append(esc(HelpText.parameter(spec, p))).append('\n');
            }
        }
        sb.append(".SH ").append(HelpText.word("man.options", "OPTIONS")).append("\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            sb.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) names.add("\\fB" + esc(n) + "\\fR");
            sb.append(String.join(", ", names));
            if (o.arity().max() > 0) sb.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
            sb.append('\n');
            String desc = HelpText.option(spec, o);
            sb.append(esc(interpolate(desc, o))).append('\n');
        }
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine s : cl.getSubcommands().values()) if (!s.getCommandSpec().usageMessage().hidden() && !subs.contains(s)) subs.add(s);
        if (!subs.isEmpty()) {
            sb.append(".SH ").append(HelpText.word("man.commands", "COMMANDS")).append("\n");
            for (CommandLine s : subs) {
                sb.append(".TP\n\\fB").append(esc(s.getCommandName())).append("\\fR\n");
                sb.append(esc(summary(s.getCommandSpec()))).append('\n');
            }
        }
        String[] codes = spec.usageMessage().exitCodeListHeading().isEmpty() ? new String[0]
                : spec.usageMessage().exitCodeList().entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toArray(String[]::new);
        if (codes.length > 0) {
            sb.append(".SH ").append(HelpText.word("man.exitStatus", "EXIT STATUS")).append("\n");
            for (String c : codes) {
                String[] kv = c.split("\t", 2);
                sb.append(".TP\n\\fB").append(esc(kv[0].strip())).append("\\fR\n").append(esc(HelpText.exit(spec, kv[0], kv[1]))).append('\n');
            }
        }
        if (spec.parent() == null) FindingCodeTable.troff(sb);
        List<String[]> examples = EXAMPLES.getOrDefault(spec.qualifiedName(" "), List.of());
        if (!examples.isEmpty()) {
            sb.append(".SH ").append(HelpText.word("man.examples", "EXAMPLES")).append("\n");
            for (int k = 0; k < examples.size(); k++) {
                String[] e = examples.get(k);
                sb.append(".PP\n").append(esc(HelpText.word("example." + HelpText.key(spec) + "." + k, e[0]))).append("\n.PP\n.RS 4\n.nf\n").append(esc(e[1])).append("\n.fi\n.RE\n");
            }
        }
        sb.append(".SH ").append(HelpText.word("man.environment", "ENVIRONMENT")).append("\n");
        for (String[] e : ENVIRONMENT) {
            sb.append(".TP\n\\fB").append(esc(e[0])).append("\\fR\n").append(esc(HelpText.word("env." + e[0], e[1]))).append('\n');
        }
        sb.append(".SH ").append(HelpText.word("man.seeAlso", "SEE ALSO")).append("\n");
        if (spec.parent() == null) {
            List<String> refs = new ArrayList<>();
            for (CommandLine s : subs) {
                if (!s.getCommandName().equals("help")) refs.add("\\fB" + esc(s.getCommandSpec().qualifiedName("-")) + "\\fR(1)");
            }
            sb.append(String.join(", ", refs)).append('\n');
        } else {
            sb.append("\\fBtally\\fR(1)\n");
        }
        return sb.toString();
    }

    /** A command's one-line summary: its header, else the first line of its description. */
    private static String summary(CommandSpec spec) {
        String h = HelpText.header(spec).strip();
        if (!h.isEmpty()) return h;
        String d = HelpText.description(spec);
        int cut = d.indexOf(". ");
        return (cut > 0 ? d.substring(0, cut + 1) : d).replace("%n", " ").strip();
    }

    private static String interpolate(String text, Object specOrOption) {
        if (specOrOption instanceof OptionSpec o && o.completionCandidates() != null) {
            List<String> c = new ArrayList<>();
            o.completionCandidates().forEach(c::add);
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", c));
        }
        return text.replace("%n", " ");
    }

    /** Escapes text for troff: backslashes, hyphens, and a leading dot or quote. */
    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        if (t.startsWith(".") || t.startsWith("'")) t = "\\&" + t;
        return t;
    }
}
