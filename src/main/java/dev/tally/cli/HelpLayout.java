package dev.tally.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The description, parameter and option sections of --help, laid out as picocli lays them out but
 * wrapped at spaces only: picocli wraps with Java's line break rules, which break after a dot
 * before a letter and so split "tally.yaml" and ".ndjson" across lines.
 */
final class HelpLayout {
    private HelpLayout() {}

    private static final int LABEL = 23, INDENT = 25, CONTINUATION = 27;

    static void install(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> map = cl.getHelpSectionMap();
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        cl.setHelpSectionMap(map);
        for (CommandLine sub : cl.getSubcommands().values()) install(sub);
    }

    private static int width(CommandLine.Help help) { return help.commandSpec().usageMessage().width(); }

    private static String description(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (String p : help.commandSpec().usageMessage().description()) {
            wrap(sb, "", String.format(p.replace("%n", "\n")), 0, 0, width(help));
        }
        return sb.toString();
    }

    private static String parameters(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (p.hidden()) continue;
            String label = "      " + p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            wrap(sb, label, String.join(" ", p.description()), INDENT, CONTINUATION, width(help));
        }
        return sb.toString();
    }

    private static String options(CommandLine.Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) if (!o.hidden()) options.add(o);
        options.sort(Comparator.comparing((OptionSpec o) -> o.longestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT)));
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : options) {
            String shortName = null, longName = o.longestName();
            for (String n : o.names()) if (!n.startsWith("--")) shortName = n;
            StringBuilder label = new StringBuilder("  ").append(shortName == null ? "    " : shortName + ", ").append(longName);
            if (o.arity().max() > 0) label.append('=').append(o.paramLabel());
            String text = String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
            wrap(sb, label.toString(), text, INDENT, CONTINUATION, width(help));
        }
        return sb.toString();
    }

    /** The label, then the text from column {@code indent} (on the next line when the label is longer), wrapped at spaces. */
    private static void wrap(StringBuilder sb, String label, String text, int indent, int continuation, int width) {
        StringBuilder line = new StringBuilder(label);
        if (indent > 0) {
            if (label.length() > LABEL) {
                sb.append(label).append('\n');
                line.setLength(0);
            }
            while (line.length() < indent) line.append(' ');
        }
        int start = line.length();
        for (String paragraph : text.split("\n", -1)) {
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) continue;
                if (line.length() > start && line.length() + 1 + word.length() > width) {
                    sb.append(line.toString().stripTrailing()).append('\n');
                    line.setLength(0);
                    line.append(" ".repeat(indent > 0 ? continuation : 0));
                    start = line.length();
                }
                if (line.length() > start) line.append(' ');
                line.append(word);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(" ".repeat(indent > 0 ? continuation : 0));
            start = line.length();
        }
    }
}
