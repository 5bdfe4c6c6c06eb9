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
        String dumpWritten = dump(written, false), dumpReflective = dump(reflective(io()), true);
        if (System.getProperty("tally.dumpTo") != null) {
            try {
                Files.writeString(Path.of(System.getProperty("tally.dumpTo"), "written.txt"), dumpWritten);
                Files.writeString(Path.of(System.getProperty("tally.dumpTo"), "reflective.txt"), dumpReflective);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(dumpWritten).isEqualTo(dumpReflective);
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

    @Test
    void theProjectOptionsAreFoundWhereverACommandHasThem() {
        assertThat(CommandModels.hasProjectOptions("rollup")).isTrue();
        assertThat(CommandModels.hasProjectOptions("describe")).as("through ReviewInput").isTrue();
        assertThat(CommandModels.hasProjectOptions("init")).isFalse();
        assertThat(CommandModels.hasProjectOptions("gen-man")).isFalse();
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
        line(b, in, "aliases", Arrays.toString(s.aliases()), s.mixinStandardHelpOptions(), s.helpCommand(), s.scopeType(), s.subcommandsRepeatable());
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
            line(b, in + "    ", "index", p.index(), p.index().originalValue());
        }
        line(b, in, "unmatched", s.unmatchedArgsBindings().size(), s.parser().unmatchedArgumentsAllowed());
        for (Map.Entry<String, CommandLine> sub : s.subcommands().entrySet()) {
            line(b, in, "subcommand", sub.getKey(), Arrays.toString(sub.getValue().getCommandSpec().aliases()));
            dump(sub.getValue().getCommandSpec(), in + "    ", reflective, b);
        }
    }

    private static void arg(ArgSpec a, String in, boolean reflective, StringBuilder b) {
        var t = a.typeInfo();
        line(b, in, a.paramLabel(), a.hideParamSyntax(), a.arity(), a.type().getName(), Arrays.toString(a.auxiliaryTypes()),
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
