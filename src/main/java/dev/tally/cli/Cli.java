package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;
import java.io.InputStream;
import java.util.List;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Builds the command line and maps every failure to an exit code in one place: a
 * {@link TallyException} prints its one-line message (no stack trace) and exits with its code; a
 * picocli parameter error is a usage error (2); anything unforeseen prints one line asking for a
 * report, and its stack trace only when TALLY_DEBUG is set.
 */
public final class Cli {
    private Cli() {}

    /** The types whose picocli converters tally goes without: no option has one. */
    static final String EXCLUDED_CONVERTERS = "java\\.(sql|time)\\..*"; // one pattern: picocli compiles each for every type it checks

    static {
        // two of picocli's documented switches, about 30 ms of every run's start-up (async-profiler): no
        // probe for Groovy closures (a class lookup that fails, the first to open the jar), and no
        // converters for java.sql and java.time types (each class loaded and initialised), which no
        // option of tally has (StartupTest fails when one does)
        System.setProperty("picocli.disable.closures", "true");
        System.setProperty("picocli.converters.excludes", EXCLUDED_CONVERTERS);
    }

    /** The subcommands, in the order help lists them. */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("import", ImportCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("rollup", RollupCommand.class);
        m.put("report", ReportCommand.class);
        m.put("describe", DescribeCommand.class);
        m.put("outliers", OutliersCommand.class);
        m.put("consistency", ConsistencyCommand.class);
        m.put("remap", RemapCommand.class);
        m.put("status", StatusCommand.class);
        m.put("history", HistoryCommand.class);
        m.put("lock", LockCommand.class);
        m.put("unlock", UnlockCommand.class);
        m.put("store", StoreCommand.class);
        m.put("template", TemplateCommand.class);
        m.put("generate-completion", picocli.AutoComplete.GenerateCompletion.class);
        m.put("gen-man", GenManCommand.class);
        m.put("help", picocli.CommandLine.HelpCommand.class);
        return m;
    }

    /** The whole command line, every subcommand (help, completion, man pages). */
    public static CommandLine commandLine(Io io) { return commandLine(io, null); }

    /**
     * The command line for these arguments. Building a subcommand's model costs picocli a pass of
     * reflection over its options, so a run that names one (tally rollup …) gets only that one, and
     * --version none; everything that lists or completes commands (bare tally, --help, help,
     * generate-completion, gen-man, a mistyped name) gets them all.
     */
    static CommandLine commandLine(Io io, String[] args) {
        // the models written out from the annotations (CommandModels): no annotation is read on a run
        CommandLine cl = new CommandLine(CommandModels.root(new TallyCommand(io)));
        String named = args == null ? null : named(args);
        boolean versionOnly = args != null && named == null && args.length > 0
                && java.util.Arrays.stream(args).allMatch(a -> a.equals("--version") || a.equals("-V"));
        for (java.util.Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (versionOnly) break;
            if (named != null && !named.equals(e.getKey())) continue;
            CommandLine.Model.CommandSpec model = CommandModels.command(e.getKey());
            cl.addSubcommand(e.getKey(), model != null ? model : e.getValue());
        }
        return configure(cl, io);
    }

    /**
     * Everything tally sets on the command line beyond its model: its streams, the exit code lists,
     * the help's layout and the handlers that map failures to exit codes. CommandModelsTest gives the
     * reflective model the same, to compare the help of both.
     */
    static CommandLine configure(CommandLine cl, Io io) {
        // help and picocli's own messages in the streams' character set; a failure to write them is said
        // once at the end of the run (see Console), not as picocli's stack trace
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(Console.deferring(io.out()), Console.charsetOf(io.out())), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(Console.deferring(io.err()), Console.charsetOf(io.err())), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // each command's exit codes, from the enum (ExitList): the help and man pages list them
        exitLists(cl);
        HelpLayout.install(cl);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Throwable t = ex;
            if (t instanceof CommandLine.ExecutionException && t.getCause() != null) t = t.getCause();
            // one line, on a terminal wrapped at spaces like every other note (a path and what to do are long)
            line.getErr().flush();
            if (t instanceof TallyException te) {
                io.note("tally: " + te.getMessage());
                return te.exitCode().code();
            }
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
                // every output goes through write.Output, which names the file; this is a last resort
                io.note("tally: " + t("cli.ioError", t.getMessage()));
                return ExitCode.IO.code();
            }
            if (t instanceof java.nio.file.InvalidPathException e) {
                // a file name this JVM's character set cannot write (Phường.csv under cron's ASCII, run
                // with java -jar: the launcher runs the JVM in a UTF-8 locale)
                io.note("tally: " + t("cli.badPath", e.getInput(), System.getProperty("sun.jnu.encoding")));
                return ExitCode.IO.code();
            }
            if (t instanceof StackOverflowError) {
                io.note("tally: " + t("cli.tooDeep"));
                return ExitCode.IO.code();
            }
            if (t instanceof OutOfMemoryError) {
                io.note("tally: " + t("cli.outOfMemory"));
                return ExitCode.IO.code();
            }
            io.note("tally: " + t("cli.internal", t));
            if (System.getenv("TALLY_DEBUG") != null) t.printStackTrace(io.err());
            return ExitCode.INTERNAL.code();
        });
        // every numeric option's range, once parsed and before the command does any work
        cl.setExecutionStrategy(parsed -> {
            try {
                Range.Check.check(parsed);
            } catch (TallyException e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().flush();
            io.note("tally: " + usageMessage(ex));
            io.note(t("cli.tryHelp", c.getCommandSpec().qualifiedName()));
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    private static void exitLists(CommandLine cl) {
        if (cl.getCommand() instanceof ExitList.Listed listed) {
            cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(listed.exits().map());
        }
        for (CommandLine sub : cl.getSubcommands().values()) exitLists(sub);
    }

    /**
     * picocli's message for a usage error as one line of tally's: without the "Error: " some of them
     * start with (tally: Error: --depth=N, --level=NAME are mutually exclusive), whatever follows "tally: ".
     */
    static String usageMessage(CommandLine.ParameterException ex) {
        String choice = badChoice(ex);
        if (choice != null) return choice;
        String typed = badType(ex);
        if (typed != null) return typed;
        if (ex.getCause() instanceof CommandLine.TypeConversionException c && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            // a converter's own words (--format's, in the run's language) after the option's name, in the run's language too
            return t("usage.badValue", o.longestName(), c.getMessage());
        }
        if (dev.tally.model.Text.lang() == dev.tally.model.Text.Lang.VI) {
            String own = inVietnamese(ex);
            if (own != null) return own;
        }
        String m = String.valueOf(ex.getMessage()).strip();
        return m.startsWith("Error: ") ? m.substring("Error: ".length()) : m;
    }

    /**
     * picocli's commonest usage errors in Vietnamese (picocli writes its own in English only, which the
     * English run keeps as they are): an unknown option, a missing required one, an option without its
     * value, an option given twice, two options of which only one may be given (--depth and --level).
     * Null for any other, which keeps picocli's text.
     */
    private static String inVietnamese(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            return first.startsWith("-") ? t("usage.unknownOption", first) : t("usage.unmatchedArgument", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException w && w.getOverwritten() instanceof CommandLine.Model.OptionSpec o) {
            return t("usage.onlyOnce", o.longestName());
        }
        if (ex instanceof CommandLine.MissingParameterException m && m.getMissing().size() == 1
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o && String.valueOf(ex.getMessage()).startsWith("Missing required parameter for")) {
            // an option given without its value (--units at the end of the line), not an option left out
            return t("usage.missingValue", o.longestName(), o.paramLabel());
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            List<String> names = new java.util.ArrayList<>();
            for (CommandLine.Model.ArgSpec a : m.getMissing()) {
                names.add(a instanceof CommandLine.Model.OptionSpec o ? o.longestName() + (o.arity().max > 0 ? "=" + o.paramLabel() : "") : a.paramLabel());
            }
            // a positional parameter left out is an argument, not an option ("thiếu đối số", not "thiếu tùy chọn")
            boolean positional = m.getMissing().stream().noneMatch(a -> a instanceof CommandLine.Model.OptionSpec);
            return t(positional ? "usage.missingArgument" : "usage.missingOption", String.join(", ", names));
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            // picocli's own words name the options ("--depth=N, --level=NAME are mutually exclusive ..."), and
            // only those; anything else worded keeps its English
            String m = String.valueOf(ex.getMessage()).strip();
            int end = m.indexOf(" are mutually exclusive");
            if (end > 0) return t("usage.exclusive", m.substring(m.startsWith("Error: ") ? "Error: ".length() : 0, end));
        }
        return null;
    }

    /**
     * A value that is not of an option's type, in words a person uses in either language: picocli says
     * "'1.5' is not an int", "'abc' is not a double", "'maybe' is not a boolean". Null for any other error.
     */
    private static String badType(CommandLine.ParameterException ex) {
        if (!(ex.getCause() instanceof CommandLine.TypeConversionException) || !(ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o)) {
            return null;
        }
        Class<?> type = o.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return t("usage.notAWholeNumber", o.longestName(), ex.getValue());
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return t("usage.notANumber", o.longestName(), ex.getValue());
        }
        if (type == boolean.class || type == Boolean.class) return t("usage.notABoolean", o.longestName(), ex.getValue());
        return null;
    }

    /**
     * A word outside the set of an option whose values are an enum (picocli converts those, in any
     * letter case, to the constant whose toString is the word): the one message for every such option,
     * {@code usage.choice.NAME} naming the words it takes ("'tall' is not a shape; use long or wide"); null
     * for any other error, or an option without such a message (picocli's own then).
     */
    static String badChoice(CommandLine.ParameterException ex) {
        if (!(ex.getCause() instanceof CommandLine.TypeConversionException) || !(ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o)
                || !o.type().isEnum()) {
            return null;
        }
        String key = "usage.choice." + HelpText.optionKey(o);
        if (!dev.tally.model.Text.has(key)) return null;
        java.util.List<String> words = java.util.Arrays.stream(o.type().getEnumConstants()).map(Object::toString).toList();
        String list = words.size() == 1 ? words.get(0)
                : t("usage.choice.or", String.join(", ", words.subList(0, words.size() - 1)), words.get(words.size() - 1));
        return t("usage.badValue", o.longestName(), t(key, ex.getValue(), list));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDir) {
        dev.tally.model.Text.use(language(args, System.getenv()));
        dev.tally.workspace.Workspace.environment(System.getenv("TALLY_STORE"), null);
        if (badLanguage(args, err)) return ExitCode.USAGE.code();
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what scripts and package managers call most: answered before picocli builds its model (about 80 ms)
            out.println("tally " + VersionProvider.version());
            out.flush();
            return ExitCode.OK.code();
        }
        String named = named(args);
        // while picocli builds its model on this thread, the other core reads what it will read and
        // loads the project (StartAhead)
        if (named != null) StartAhead.begin(args, workingDir, named);
        Terminal.State t = Terminal.detect();
        return commandLine(new Io(in, out, err, workingDir, t.width(), java.time.Clock.systemUTC(), t.out(), t.err(), t.errWidth()), args).execute(args);
    }

    /** An in-process run with every setting of the process given (tests: a terminal of a set width, standard error a terminal). */
    static int run(String[] args, Io io) {
        // in-process runs (tests) speak English unless the arguments ask for Vietnamese, use the project's store
        // and are user 'tally' on 'localhost' without --by: the environment does not leak in
        dev.tally.model.Text.use(language(args, java.util.Map.of()));
        dev.tally.workspace.Workspace.environment(null, new dev.tally.store.Store.Who("tally", "localhost"));
        if (badLanguage(args, io.err())) return ExitCode.USAGE.code();
        return commandLine(io, args).execute(args);
    }

    /** The subcommand the arguments run, when it is one that needs no other (not help or completion); null otherwise. */
    private static String named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) {
                i++;
                continue;
            }
            if (a.startsWith("-")) continue;
            return SUBCOMMANDS.containsKey(a) && !a.equals("help") && !a.equals("generate-completion") && !a.equals("gen-man") ? a : null;
        }
        return null;
    }

    /** The value of --lang when argument {@code i} gives one (--lang X or --lang=X), else null. */
    private static String langAt(String[] args, int i) {
        String a = args[i];
        return a.startsWith("--lang=") ? a.substring(7) : a.equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
    }

    private static boolean badLanguage(String[] args, PrintStream err) {
        for (int i = 0; i < args.length; i++) {
            String v = langAt(args, i);
            if (v != null && dev.tally.model.Text.Lang.of(v) == null) {
                err.println("tally: " + dev.tally.write.Visible.of(t("cli.badLang", v)));
                return true;
            }
        }
        return false;
    }

    /**
     * The language of a run: --lang, else TALLY_LANG, else the locale of LC_ALL, LC_MESSAGES or LANG
     * (vi_VN.UTF-8 gives Vietnamese); English otherwise. An unknown --lang is refused later by the option.
     */
    static dev.tally.model.Text.Lang language(String[] args, java.util.Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String v = langAt(args, i);
            if (v != null) {
                dev.tally.model.Text.Lang l = dev.tally.model.Text.Lang.of(v);
                if (l != null) return l;
            }
        }
        for (String var : new String[] {"TALLY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(var);
            if (v == null || v.isBlank()) continue;
            dev.tally.model.Text.Lang l = dev.tally.model.Text.Lang.of(v);
            return l == null ? dev.tally.model.Text.Lang.EN : l;
        }
        return dev.tally.model.Text.Lang.EN;
    }
}
