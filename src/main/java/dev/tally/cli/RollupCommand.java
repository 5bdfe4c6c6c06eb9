package dev.tally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** tally rollup (placeholder until the rollup issue lands). */
@Command(name = "rollup", mixinStandardHelpOptions = true, hidden = true, header = "Aggregate up the hierarchy and over time.")
final class RollupCommand implements Callable<Integer> {
    @Override
    public Integer call() { return 0; }
}
