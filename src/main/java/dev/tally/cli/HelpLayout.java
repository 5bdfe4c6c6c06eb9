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
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER, h -> HelpText.header(h.commandSpec()) + "\n");
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, h -> HelpText.word("usage", "Usage: "));
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
                h -> h.commandSpec().usageMessage().exitCodeList().isEmpty() ? "" : "\n" + HelpText.word("exitCodes", "Exit codes:") + "\n");
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, HelpLayout::exitCodes);
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                h -> h.commandSpec().subcommands().isEmpty() ? "" : HelpText.word("commands", "Commands:") + "\n");
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
                h -> h.commandSpec().usageMessage().footer().length == 0 ? "" : "\n" + HelpText.word("seeAlso", "See also:") + "\n");
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                h -> h.commandSpec().usageMessage().footer().length == 0 ? "" : HelpText.word("footer", String.join(" ", h.commandSpec().usageMessage().footer())) + "\n");
        cl.setHelpSectionMap(map);
        for (CommandLine sub : cl.getSubcommands().values()) install(sub);
    }

    private static int width(CommandLine.Help help) { return help.commandSpec().usageMessage().width(); }

    private static String description(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        String text = HelpText.description(help.commandSpec());
        if (!text.isEmpty()) wrap(sb, "", text.replace("%n", "\n"), 0, 0, width(help));
        return sb.toString();
    }

    private static String parameters(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (p.hidden()) continue;
            String label = "      " + p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            wrap(sb, label, HelpText.parameter(help.commandSpec(), p), INDENT, CONTINUATION, width(help));
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
            String text = HelpText.option(spec, o).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
            wrap(sb, label.toString(), text, INDENT, CONTINUATION, width(help));
        }
        return sb.toString();
    }

    private static String exitCodes(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        help.commandSpec().usageMessage().exitCodeList().forEach((code, text) -> {
            String label = "  " + code.strip();
            wrap(sb, label + " ".repeat(Math.max(1, 6 - label.length())), HelpText.exit(help.commandSpec(), code, text), 0, 6, width(help));
        });
        return sb.toString();
    }

    private static String commands(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (var e : help.commandSpec().subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) continue;
            String summary = HelpText.header(sub);
            if (summary.isEmpty() && sub.usageMessage().description().length > 0) summary = sub.usageMessage().description()[0];
            wrap(sb, "  " + e.getKey(), summary, INDENT - 2, CONTINUATION - 2, width(help));
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
