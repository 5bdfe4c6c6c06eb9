package dev.tally.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs tally in a JVM of its own, on the tests' class path (target/classes, so
 * before {@code mvn package} makes the jar): for the tests whose point needs a real process (killed
 * mid-import, a heap limit, a pseudo-terminal, a file size limit). The real launcher and
 * {@code java -jar} are EnvironmentTest's, which runs them as users do.
 */
public final class Child {
    private Child() {}

    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * C1 only, as the launcher runs every command but import: a child lives a second or two, and on two
     * cores C2's compiler threads cost it more than they give back (an import of 18,000 values: 1.4 s of
     * CPU against 2.3 s; validate of the sample's faulty files 0.7 against 1.1 s). For a child that only
     * needs to be a process; not for one whose point is a heap limit, which runs as the JVM starts by default.
     */
    public static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1");

    /** {@code java OPTIONS -cp CLASSPATH dev.tally.Main ARGS}. */
    public static List<String> tally(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tally.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** {@code tally ARGS} in a quick child ({@link #QUICK}). */
    public static List<String> tally(String... args) { return tally(QUICK, List.of(args)); }
}
