package dev.tally;

import dev.tally.cli.Cli;
import dev.tally.cli.Console;

/** Entry point: runs the command line and exits with its code. The only System.exit in tally. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the streams in the character set the locale asks for (UTF-8 unless it names another), and
        // failing loudly where PrintStream would not: see Console
        Console console = Console.system();
        System.setIn(console.in);
        System.setOut(console.out);
        System.setErr(console.err);
        int code;
        try {
            code = Cli.run(args, console.in, console.out, console.err, java.nio.file.Path.of(""));
        } catch (dev.tally.model.TallyException e) {
            // standard output failing outside a command (--version): its one line
            console.err.println("tally: " + e.getMessage());
            code = e.exitCode().code();
        } catch (OutOfMemoryError e) {
            // the command's own handler could not even make its message while the data it read were
            // still reachable; here they are not, and the one line can be printed
            console.err.println("tally: " + dev.tally.model.Text.t("cli.outOfMemory"));
            code = dev.tally.model.ExitCode.IO.code();
        }
        code = console.finish(code);
        markStaleArchive();
        System.exit(code);
    }

    /**
     * The launcher names its class-data archive ({@code -Dtally.archive}); where this JVM could not
     * map it (made by another build of the JVM, before a JDK update, or for a jar elsewhere), a mark
     * beside it has the launcher make it again on the next run. One property read when all is well.
     */
    static void markStaleArchive() {
        String archive = System.getProperty("tally.archive");
        if (archive == null || System.getProperty("java.vm.info", "").contains("sharing")) return;
        try {
            java.nio.file.Files.newOutputStream(java.nio.file.Path.of(archive + ".stale")).close();
        } catch (java.io.IOException | RuntimeException e) {
            // an install that cannot be written keeps running without its archive, as before
        }
    }
}
