package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * CommandModels, the command line's model written out from the annotations, against the model picocli
 * builds from the same annotations by reflection: the source is what the annotations give today, the
 * two models agree in every attribute and in every command's help (English and Vietnamese), and a run
 * takes the written one.
 */
@Isolated // renders the Vietnamese help, and the language is the whole JVM's
class CommandModelsTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/tally/cli/CommandModels.java");

    @org.junit.jupiter.api.AfterEach
    void english() { dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN); }

    private static Io io() { return new Io(System.in, System.out, System.err, Path.of(""), 0, java.time.Clock.systemUTC()); }

    /** The whole command line as picocli builds it by reflection from the annotations. */
    private static CommandLine reflective(Io io) {
        CommandLine cl = new CommandLine(new TallyCommand(io));
        for (Map.Entry<String, Class<?>> e : Cli.SUBCOMMANDS.entrySet()) cl.addSubcommand(e.getKey(), e.getValue());
        return cl;
    }

    /** The whole command line from CommandModels, as Cli builds it before configuring it. */
    private static CommandLine written(Io io) {
        CommandLine cl = new CommandLine(CommandModels.root(new TallyCommand(io)));
        for (Map.Entry<String, Class<?>> e : Cli.SUBCOMMANDS.entrySet()) {
            CommandSpec model = CommandModels.command(e.getKey());
            cl.addSubcommand(e.getKey(), model != null ? model : e.getValue());
        }
        return cl;
    }

    @Test
    void sourceIsWhatTheAnnotationsGive() throws IOException {
        String source = CommandModelSource.render(reflective(io()));
        if (Boolean.getBoolean("tally.regenerate")) Files.writeString(SOURCE, source, StandardCharsets.UTF_8);
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
                .as(SOURCE + " is not what the annotations give; run: mvn -q test -Dtest=CommandModelsTest -Dtally.regenerate=true")
                .isEqualTo(source);
    }

    @Test
    void writtenModelsEqualTheReflectiveOnesInEveryAttribute() {
        CommandLine written = written(io());
        // line by line, so that a failure names the first attribute that differs rather than two whole dumps
        assertThat(dump(written, false).lines().toList()).containsExactlyElementsOf(dump(reflective(io()), true).lines().toList());
        // every command of tally's own is written out; only picocli's own and the hidden gen-man are not
        List<String> reflected = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : written.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().options().stream().anyMatch(o -> o.userObject() instanceof Field)) reflected.add(e.getKey());
        }
        assertThat(reflected).containsExactlyInAnyOrderElementsOf(CommandModelSource.REFLECTIVE);
    }

    @Test
    void everyCommandsHelpIsTheSameInBothLanguages() {
        for (dev.tally.model.Text.Lang lang : dev.tally.model.Text.Lang.values()) {
            dev.tally.model.Text.use(lang);
            Io io = io();
            Map<String, String> written = help(Cli.configure(written(io), io));
            Map<String, String> reflective = help(Cli.configure(reflective(io), io));
            assertThat(written).hasSizeGreaterThan(15);
            for (Map.Entry<String, String> e : reflective.entrySet()) assertThat(written.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(written.keySet()).containsExactlyElementsOf(reflective.keySet());
        }
    }

    /**
     * Both models parse the same command lines alike: every option of every command, given the ways a
     * person writes it (a flag alone and as --flag=false, an enum in capitals, a number out of range, a
     * list twice), and lines that mix them; each line parsed twice on one command line, as the second
     * parse starts from the options' first values. What is compared: every argument's value after
     * the parse (read through each model's bindings), whether each group was made, the range check, or
     * the usage error picocli gives.
     */
    @Test
    void bothModelsParseEveryLineAlike() {
        Io io = io();
        CommandLine written = Cli.configure(written(io), io), reflective = Cli.configure(reflective(io), io);
        List<String[]> lines = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : written.getSubcommands().entrySet()) {
            if (CommandModelSource.REFLECTIVE.contains(e.getKey())) continue;
            lines(List.of(e.getKey()), e.getValue(), lines);
        }
        for (String line : List.of("--lang vi rollup in.csv", "rollup in.csv --lang=en --depth 2 --unit 24", "rollup --depth 2 --level district in.csv",
                "rollup --level district --period 2024 --period 2024-H1 --indicator a --indicator b in.csv more.csv",
                "rollup --shape WIDE --coverage None --prefer reported --compare year-ago --rank --like-for-like -q in.csv",
                "rollup --strict=false --bom=true in.csv", "rollup --depth", "rollup --bogus in.csv", "-V", "--version=false", "-h",
                "validate", "import", "store", "store copy", "store grants --help", "--lang=vi --lang=en validate in.csv")) {
            lines.add(line.split(" "));
        }
        assertThat(lines).hasSizeGreaterThan(150);
        for (String[] line : lines) {
            assertThat(parsed(written, line)).as(String.join(" ", line)).isEqualTo(parsed(reflective, line));
        }
    }

    /** Each option of {@code cl} given alone, in the ways a person writes it, after the words that name the command. */
    private static void lines(List<String> words, CommandLine cl, List<String[]> lines) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            Class<?> t = o.typeInfo().isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
            List<List<String>> given = new ArrayList<>();
            if (o.arity().max == 0) {
                given.add(List.of(o.longestName()));
                given.add(List.of(o.longestName() + "=false"));
                given.add(List.of(o.longestName() + "=true"));
            } else if (t.isEnum()) {
                given.add(List.of(o.longestName(), t.getEnumConstants()[t.getEnumConstants().length - 1].toString().toUpperCase(java.util.Locale.ROOT)));
                given.add(List.of(o.longestName() + "=nonsense"));
            } else if (Number.class.isAssignableFrom(t) || t == int.class || t == long.class || t == double.class) {
                given.add(List.of(o.longestName(), "3"));
                given.add(List.of(o.longestName() + "=-1"));
                given.add(List.of(o.longestName(), "1e400"));
                given.add(List.of(o.longestName(), "x"));
            } else {
                given.add(List.of(o.shortestName(), "a", o.longestName() + "=b"));
            }
            for (List<String> g : given) {
                List<String> line = new ArrayList<>(words);
                line.addAll(g);
                if (!cl.getCommandSpec().positionalParameters().isEmpty()) line.add("in.csv");
                lines.add(line.toArray(new String[0]));
            }
        }
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            List<String> deeper = new ArrayList<>(words);
            deeper.add(sub.getKey());
            lines(deeper, sub.getValue(), lines);
        }
    }

    /** What parsing {@code line} twice on {@code cl} gives the second time, and the first. */
    private static String parsed(CommandLine cl, String[] line) {
        return once(cl, line) + "\n-- again --\n" + once(cl, line);
    }

    private static String once(CommandLine cl, String[] line) {
        StringBuilder b = new StringBuilder();
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(line);
        } catch (CommandLine.ParameterException e) {
            return "usage error: " + e.getClass().getSimpleName() + ": " + e.getMessage() + " | " + Cli.usageMessage(e);
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            b.append(p.commandSpec().qualifiedName()).append(": help ").append(p.isUsageHelpRequested()).append(p.isVersionHelpRequested()).append('\n');
            for (ArgSpec a : p.commandSpec().args()) {
                String name = a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
                Object v = a.getValue();
                b.append("  ").append(name).append(" = ").append(v instanceof Object[] arr ? Arrays.toString(arr) : String.valueOf(v))
                        .append(p.hasMatchedOption(name) ? " (given)" : "").append('\n');
            }
            for (ArgGroupSpec g : p.commandSpec().argGroups()) {
                Object made;
                try {
                    made = g.getter().get();
                } catch (Exception e) {
                    made = e;
                }
                b.append("  group ").append(g.synopsis()).append(made == null ? " not made" : " made").append('\n');
            }
        }
        try {
            Range.Check.check(parsed);
        } catch (dev.tally.model.TallyException e) {
            b.append("range: ").append(e.getMessage());
        }
        return b.toString();
    }

    @CommandLine.Command(name = "a")
    static final class AnnotatedMethod {
        @CommandLine.Option(names = "--x")
        void x(String x) {}
    }

    @CommandLine.Command(name = "b")
    static final class UnwrittenAttribute {
        @CommandLine.Option(names = "--color", negatable = true)
        boolean color;
    }

    @CommandLine.Command(name = "c", version = "1.0")
    static final class UnwrittenCommandAttribute {}

    @CommandLine.Command(name = "d")
    static final class GroupWithAFirstValue {
        static final class G {
            @CommandLine.Option(names = "--p")
            String p = "district";

            @CommandLine.Option(names = "--q")
            String q;
        }

        @CommandLine.ArgGroup
        G g;
    }

    /** What the writer cannot write stops it, naming the member, rather than giving a model that differs. */
    @Test
    void theWriterRefusesWhatItCannotWrite() {
        for (Object command : List.of(new AnnotatedMethod(), new UnwrittenAttribute(), new UnwrittenCommandAttribute(), new GroupWithAFirstValue())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandModelSource.render(new CommandLine(command)))
                    .as(command.getClass().getSimpleName()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not written");
        }
    }

    @Test
    void aRunTakesTheWrittenModel() {
        int before = CommandModels.built;
        CommandLine cl = Cli.commandLine(io(), new String[] {"rollup", "--units", "u.csv"});
        assertThat(CommandModels.built - before).as("the root's and rollup's").isEqualTo(2);
        assertThat(cl.getSubcommands()).containsOnlyKeys("rollup");
        CommandSpec rollup = cl.getSubcommands().get("rollup").getCommandSpec();
        assertThat(rollup.options()).noneMatch(o -> o.userObject() instanceof Field);
        assertThat(rollup.findOption("--depth").userObject()).isEqualTo(new Range.Bounds(0, 1000));
    }

    /** The commands StartAhead loads the project for are those that have --config, --units and --catalog, as picocli reflects them. */
    @Test
    void theProjectOptionsAreFoundWhereverACommandHasThem() {
        List<String> with = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : reflective(io()).getSubcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            boolean has = s.findOption("--config") != null && s.findOption("--units") != null && s.findOption("--catalog") != null;
            assertThat(CommandModels.hasProjectOptions(e.getKey())).as(e.getKey()).isEqualTo(has);
            if (has) with.add(e.getKey());
        }
        assertThat(with).contains("rollup", "describe").doesNotContain("init", "gen-man");
    }

    private static Map<String, String> help(CommandLine cl) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        help(cl, out);
        return out;
    }

    private static void help(CommandLine cl, Map<String, String> out) {
        out.put(cl.getCommandSpec().qualifiedName(), cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : cl.getSubcommands().values()) help(sub, out);
    }

    /** Every attribute of every command, mixin, group and argument that picocli's model has, one per line. */
    static String dump(CommandLine cl, boolean reflective) {
        StringBuilder b = new StringBuilder();
        dump(cl.getCommandSpec(), "", reflective, b);
        return b.toString();
    }

    private static void dump(CommandSpec s, String in, boolean reflective, StringBuilder b) {
        line(b, in, "command", s.qualifiedName(), s.userObject() == null ? null : s.userObject().getClass().getName());
        line(b, in, "aliases", Arrays.toString(s.aliases()), s.mixinStandardHelpOptions(), s.helpCommand(), s.scopeType(), s.subcommandsRepeatable(),
                s.modelTransformer(), s.preprocessor() == null ? null : s.preprocessor().getClass().getName(), s.parser().separator(),
                s.isAddMethodSubcommands(), s.negatableOptionTransformer().getClass().getName());
        line(b, in, "version", Arrays.toString(s.version()), s.versionProvider() == null ? null : s.versionProvider().getClass().getName(),
                s.defaultValueProvider(), s.exitCodeOnSuccess(), s.exitCodeOnUsageHelp(), s.exitCodeOnVersionHelp(),
                s.exitCodeOnInvalidInput(), s.exitCodeOnExecutionException(), s.interpolateVariables(), s.resourceBundleBaseName());
        var u = s.usageMessage();
        line(b, in, "usage", Arrays.toString(u.header()), u.headerHeading(), u.synopsisHeading(), u.abbreviateSynopsis(),
                Arrays.toString(u.customSynopsis()), Arrays.toString(u.description()), u.descriptionHeading(), u.parameterListHeading(),
                u.optionListHeading(), u.commandListHeading(), u.footerHeading(), Arrays.toString(u.footer()), u.exitCodeListHeading(),
                u.exitCodeList(), u.sortOptions(), u.sortSynopsis(), u.showDefaultValues(), u.hidden(), u.width(), u.autoWidth(),
                u.requiredOptionMarker(), u.showAtFileInUsageHelp(), u.showEndOfOptionsDelimiterInUsageHelp(), u.sectionKeys(),
                u.longOptionsMaxWidth(), u.adjustLineBreaksForWideCJKCharacters(), u.synopsisSubcommandLabel());
        for (Map.Entry<String, CommandSpec> m : s.mixins().entrySet()) {
            line(b, in, "mixin", m.getKey(), m.getValue().options().stream().map(OptionSpec::longestName).toList(),
                    m.getValue().mixins().keySet(), m.getValue().argGroups().size());
        }
        for (ArgGroupSpec g : s.argGroups()) {
            line(b, in, "group", g.synopsis(), g.exclusive(), g.multiplicity(), g.validate(), g.order(), g.heading(), g.headingKey(),
                    g.typeInfo().getClassName(), g.typeInfo().isMultiValue(), Arrays.toString(g.typeInfo().getAuxiliaryTypes()),
                    g.getter() != null, g.setter() != null, g.scope() != null, g.subgroups().size(),
                    g.args().stream().map(a -> a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel()).toList());
        }
        for (OptionSpec o : s.options()) {
            arg(o, in + "  option ", reflective, b);
            line(b, in + "    ", "names", Arrays.toString(o.names()), o.usageHelp(), o.versionHelp(), o.help(), o.negatable(),
                    o.fallbackValue(), o.order(), o.shortestName(), o.longestName());
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            arg(p, in + "  positional ", reflective, b);
            line(b, in + "    ", "index", p.index(), p.index().originalValue(), p.index().isUnspecified());
        }
        line(b, in, "unmatched", s.unmatchedArgsBindings().size(), s.parser().unmatchedArgumentsAllowed());
        for (Map.Entry<String, CommandLine> sub : s.subcommands().entrySet()) {
            line(b, in, "subcommand", sub.getKey(), Arrays.toString(sub.getValue().getCommandSpec().aliases()));
            dump(sub.getValue().getCommandSpec(), in + "    ", reflective, b);
        }
    }

    private static void arg(ArgSpec a, String in, boolean reflective, StringBuilder b) {
        var t = a.typeInfo();
        line(b, in, a.paramLabel(), a.hideParamSyntax(), a.arity(), a.arity().isUnspecified(), a.type().getName(), Arrays.toString(a.auxiliaryTypes()),
                t.getClassName(), t.isMultiValue(), t.isCollection(), t.isArray(), t.isMap(), t.isEnum(), t.isBoolean(), t.isOptional(),
                // not getActualGenericTypeArguments: picocli reads it for @Unmatched alone, which the writer refuses
                t.getEnumConstantNames(), t.getAuxiliaryTypeInfos().stream().map(x -> x.getClassName()).toList());
        line(b, in, "  description", Arrays.toString(a.description()), a.descriptionKey(), a.hidden(), a.required(), a.originallyRequired(), a.defaultValue(),
                a.defaultValueString(), a.hasInitialValue(), String.valueOf(a.initialValue()), a.showDefaultValue());
        List<String> candidates = new ArrayList<>();
        if (a.completionCandidates() != null) a.completionCandidates().forEach(candidates::add);
        line(b, in, "  more", a.completionCandidates() == null ? null : candidates, a.splitRegex(), a.splitRegexSynopsisLabel(),
                a.converters() == null ? null : Arrays.stream(a.converters()).map(c -> c.getClass().getName()).toList(), a.scopeType(),
                a.inherited(), a.interactive(), a.echo(), a.prompt(), a.parameterConsumer(),
                a.preprocessor() == null ? null : a.preprocessor().getClass().getName(), a.group() == null ? null : a.group().synopsis(),
                a.getter() != null, a.setter() != null, a.scope() != null, a.isValueGettable(), String.valueOf((Object) a.getValue()), a.toString(),
                a.mapFallbackValue());
        line(b, in, "  range", bounds(a, reflective));
    }

    /** The range of an option: from its model when written, from its field's annotation when reflected. */
    private static Range.Bounds bounds(ArgSpec a, boolean reflective) {
        if (!reflective) return a.userObject() instanceof Range.Bounds r ? r : null;
        Range r = a.userObject() instanceof Field f ? f.getAnnotation(Range.class) : null;
        return r == null ? null : new Range.Bounds(r.min(), r.max());
    }

    private static void line(StringBuilder b, String in, Object... values) {
        b.append(in);
        for (Object v : values) b.append(v).append(" | ");
        b.append('\n');
    }
}
