package dev.tally.cli;

import dev.tally.model.Text;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help of commands and options in the run's language. English is the annotations' text (one
 * source for --help and the man pages); Vietnamese comes from {@code dev/tally/cli/help_vi.properties}
 * under keys named after the command ({@code tally-rollup.description}, {@code tally-rollup.option.shape},
 * {@code tally-rollup.exit.1}), an option shared by several commands under {@code option.NAME}.
 */
final class HelpText {
    private HelpText() {}

    static final String BUNDLE = "dev.tally.cli.help";

    private static ResourceBundle vi;

    private static synchronized ResourceBundle vi() {
        if (vi == null) vi = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("vi"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return vi;
    }

    static String key(CommandSpec spec) { return spec.qualifiedName("-"); }

    static String optionKey(OptionSpec o) { return o.longestName().replaceFirst("^-+", ""); }

    private static String lookup(String english, String... keys) {
        if (Text.lang() != Text.Lang.VI) return english;
        ResourceBundle b = vi();
        for (String k : keys) {
            try {
                return b.getString(k);
            } catch (MissingResourceException ignored) {
                // the next key
            }
        }
        return english;
    }

    static String header(CommandSpec spec) {
        String[] h = spec.usageMessage().header();
        return lookup(h.length == 0 ? "" : h[0], key(spec) + ".header");
    }

    static String description(CommandSpec spec) {
        return lookup(String.join(" ", spec.usageMessage().description()), key(spec) + ".description");
    }

    static String option(CommandSpec spec, OptionSpec o) {
        String text = lookup(String.join(" ", o.description()), key(spec) + ".option." + optionKey(o), "option." + optionKey(o));
        // a translation names the choices as the annotation does, from the option's own list (the formats' registry)
        if (o.completionCandidates() != null && text.contains("${COMPLETION-CANDIDATES}")) {
            java.util.List<String> choices = new java.util.ArrayList<>();
            o.completionCandidates().forEach(choices::add);
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", choices));
        }
        return text + Range.Check.help(o);
    }

    static String parameter(CommandSpec spec, PositionalParamSpec p) {
        return lookup(String.join(" ", p.description()), key(spec) + ".param." + p.paramLabel(), "param." + p.paramLabel());
    }

    static String exit(CommandSpec spec, String code, String english) {
        return lookup(english, key(spec) + ".exit." + code.strip(), "exit." + code.strip());
    }

    /** A heading or a fixed word of the help: usage, exit codes, see also… */
    static String word(String key, String english) { return lookup(english, "word." + key); }
}
