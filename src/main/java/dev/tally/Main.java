package dev.tally;

import dev.tally.cli.Cli;

/** Entry point: runs the command line and exits with its code. The only System.exit in tally. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.in, System.out, System.err, java.nio.file.Path.of("")));
    }
}
