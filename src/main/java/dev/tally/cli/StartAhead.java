package dev.tally.cli;

import java.nio.file.Path;

/**
 * What a run begins on the second core while picocli builds the command line on the first. Only
 * things whose result the run then uses as it is, or that warm a cache the run fills anyway; nothing
 * here can change what a run does or says.
 *
 * <ul>
 *   <li>the project, for a command that has the project options ({@link CommandModels#hasProjectOptions}):
 *       {@link dev.tally.config.Project#loadAhead} with the values of --config, --units and --catalog as
 *       written, which the run's own load takes when picocli parses the same values, and ignores
 *       otherwise; then the validator's index of the units ({@link dev.tally.validate.Validator#prepare})
 *       and the messages;</li>
 *   <li>else the messages and, unless the run names CSV units and catalog, the configuration's
 *       parsers ({@link dev.tally.config.Project#preload}).</li>
 * </ul>
 * The thread is a daemon: it never holds up the end of a run.
 */
final class StartAhead {
    private StartAhead() {}

    /** Begins the work ahead for the subcommand {@code name} that the arguments name. */
    static void begin(String[] args, Path workingDir, String name) {
        // a class, not a lambda: the main thread's first lambda links the JDK's method handles (3-8 ms),
        // which this thread then does instead, beside picocli
        Thread t = new Thread(new Work(args.clone(), workingDir, CommandModels.hasProjectOptions(name)), "tally-ahead");
        t.setDaemon(true);
        t.start();
    }

    private record Work(String[] args, Path workingDir, boolean project) implements Runnable {
        @Override
        public void run() { StartAhead.run(args, workingDir, project); }
    }

    private static void run(String[] args, Path workingDir, boolean project) {
        try {
            if (project) {
                try {
                    dev.tally.config.Project p = dev.tally.config.Project.loadAhead(path(value(args, "--config")),
                            path(value(args, "--units")), path(value(args, "--catalog")), workingDir);
                    dev.tally.validate.Validator.prepare(p.hierarchy());
                } finally {
                    // then the messages, which the run's first finding reads (14 ms of the cron run's main thread)
                    dev.tally.model.Text.preload();
                }
            } else {
                dev.tally.config.Project.preload(!csvProject(args));
            }
        } catch (RuntimeException | LinkageError ignored) {
            // only a head start: the run does all of it again itself, and reports its own problems
        }
    }

    /**
     * Whether the run names its units and catalog as CSV files (--units, --catalog): a run that need
     * read no YAML, and whose catalog may have no formula, so that starting their parsers ahead would
     * only load classes it never uses (the cron run of the benchmark: 234 of its 2,286 classes).
     */
    static boolean csvProject(String[] args) {
        String units = value(args, "--units"), catalog = value(args, "--catalog");
        return units != null && catalog != null && csv(units) && csv(catalog);
    }

    private static boolean csv(String file) { return file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"); }

    /** The value the arguments give option {@code name} ({@code --name X} or {@code --name=X}, the last one), or null. */
    static String value(String[] args, String name) {
        String v = null;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--")) break;
            if (a.equals(name) && k + 1 < args.length) v = args[++k];
            else if (a.startsWith(name + "=")) v = a.substring(name.length() + 1);
        }
        return v;
    }

    /** The value as picocli makes a Path of it (a name this system cannot have throws: nothing is loaded ahead). */
    private static Path path(String value) { return value == null ? null : Path.of(value); }
}
