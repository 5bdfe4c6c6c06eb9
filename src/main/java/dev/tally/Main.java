package dev.tally;

import dev.tally.cli.Cli;

/** Entry point: runs the command line and exits with its code. The only System.exit in tally. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = Cli.run(args, System.in, System.out, System.err, java.nio.file.Path.of(""));
        } catch (OutOfMemoryError e) {
            // the command's own handler could not even make its message while the data it read were
            // still reachable; here they are not, and the one line can be printed
            System.err.println("tally: " + dev.tally.model.Text.t("cli.outOfMemory"));
            code = dev.tally.model.ExitCode.IO.code();
        }
        System.exit(code);
    }
}
