package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tally as cron, a bare container or a careless caller starts it: the real launcher
 * (src/main/sh/tally) and {@code java -jar}, spawned with cron's environment ({@code env -i
 * PATH=/usr/bin:/bin}), with a locale this machine lacks ({@code LANG=vi_VN.UTF-8}), with
 * {@code LANG=C.UTF-8}, and with closed standard streams. What every command writes (tables, findings,
 * summaries) must be, byte for byte, the UTF-8 an in-process run in the same language writes.
 *
 * <p>The jar here holds tally's classes (target/classes) and a manifest whose class path is the
 * dependencies', so the test runs before {@code mvn package} makes the real one; beside it are a copy of
 * the launcher and a class-data archive (of one training run, where the build's are of fourteen), which
 * the launcher runs it with as it runs the real jar with the build's.
 *
 * <p>A test starts one to three child JVMs, and the tests run side by side (pom.xml, process-tests).
 */
@Tag("process")
@org.junit.jupiter.api.Order(2) // pom.xml, process-tests: the longest first
class EnvironmentTest {
    @TempDir
    static Path install;
    static Path launcher, jar;
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    /** No locale: cron's environment. Vietnamese where this machine lacks it (or has it: the same bytes). C.UTF-8. */
    static final List<Map<String, String>> ENVIRONMENTS = List.of(Map.of(), Map.of("LANG", "vi_VN.UTF-8"),
            Map.of("LC_ALL", "vi_VN.UTF-8"), Map.of("LANG", "C.UTF-8"));

    @BeforeAll
    static void installTally() throws Exception {
        launcher = install.resolve("tally");
        Files.copy(Path.of("src/main/sh/tally"), launcher);
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        jar = install.resolve("tally.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.tally.Main");
        StringBuilder cp = new StringBuilder();
        for (String e : Child.dependencies()) {
            if (cp.length() > 0) cp.append(' ');
            cp.append(Path.of(e).toUri());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString());
        Child.classesJar(jar, m);
        // the launcher takes an archive only when it is newer than the jar, and the archive records the
        // jar's time: made a minute older before the archive is made
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        // the class-data archive beside it, as the build makes one (here of what one run loads: the rest
        // comes from the jar), so that the launcher runs with it as it does in a real install
        Process train = new ProcessBuilder(JAVA, "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + install.resolve("tally.jsa"), "-jar",
                jar.toString(), "validate", "--config", SAMPLES.resolve("tally.yaml").toString(), SAMPLES.resolve("faulty").toString())
                .redirectErrorStream(true).redirectOutput(install.resolve("train.log").toFile()).start();
        assertThat(train.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(install.resolve("tally.jsa")).as(Files.readString(install.resolve("train.log"))).exists();
    }

    record Run(int exit, byte[] out, byte[] err) {
        String out(Charset cs) { return new String(out, cs); }

        String err(Charset cs) { return new String(err, cs); }

        String outText() { return out(StandardCharsets.UTF_8); }

        String errText() { return err(StandardCharsets.UTF_8); }
    }

    static List<String> launcher(String... args) {
        List<String> c = new ArrayList<>(List.of(launcher.toString()));
        c.addAll(List.of(args));
        return c;
    }

    static List<String> jar(String... args) {
        List<String> c = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        c.addAll(List.of(args));
        return c;
    }

    /**
     * Runs {@code command} in only the environment {@code env} (and PATH=/usr/bin:/bin, and JAVA_HOME
     * for the launcher to find this JVM), through sh with {@code redirects} ({@code <&-}, {@code >&-});
     * standard input /dev/null unless they say otherwise.
     */
    static Run spawn(Map<String, String> env, String redirects, List<String> command) throws Exception {
        Path out = Files.createTempFile(install, "out", ""), err = Files.createTempFile(install, "err", "");
        List<String> sh = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" " + redirects, "sh"));
        sh.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(sh);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    /** The same arguments in-process, in {@code lang} (the environment does not reach an in-process run). */
    static Run inProcess(String lang, List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (lang.equals("vi")) all.addAll(List.of("--lang", "vi"));
        // the real clock, as the spawned runs have: an import's time received is shown by history
        Tally.Run r = Tally.setup().at(java.time.Clock.systemUTC()).run(all);
        return new Run(r.exit(), r.out().getBytes(StandardCharsets.UTF_8), r.err().getBytes(StandardCharsets.UTF_8));
    }

    static String lang(Map<String, String> env) { return env.values().stream().anyMatch(v -> v.startsWith("vi")) ? "vi" : "en"; }

    /** Every command over the samples: its table on standard output, its findings and summary on standard error. */
    static List<List<String>> commands(Path project) {
        String config = project.resolve("tally.yaml").toString();
        String subs = project.resolve("submissions").toString(), history = project.resolve("history").toString();
        return List.of(
                List.of("validate", "--config", config, project.resolve("faulty").toString()),
                List.of("rollup", "--config", config, "--level", "province", project.resolve("faulty").toString(), subs),
                List.of("describe", "--config", config, "--period", "2024-H1", "--unit", "BG", subs, history),
                List.of("outliers", "--config", config, "--period", "2024-H1", subs, history),
                List.of("consistency", "--config", config, "--period", "2024-H1", "--unit", "BG-LN", "--level", "commune", subs, history),
                List.of("import", "--config", config, subs),
                List.of("status", "--config", config, "--period", "2024-H1"),
                List.of("history", "--config", config, "--unit", "BG-LN-BAODAI", "--period", "2024-H1"));
    }

    /** One run of the matrix: command {@code command} of {@link #commands} in {@code env}, through the launcher or java -jar. */
    record Case(Map<String, String> env, boolean viaJar, int command) {
        @Override
        public String toString() {
            return (env.isEmpty() ? "cron" : env.toString()) + (viaJar ? " java -jar " : " launcher ") + commands(SAMPLES).get(command).get(0);
        }
    }

    /**
     * Every command through the launcher under a Vietnamese locale this machine lacks, where every
     * message is Vietnamese; validate under cron's environment, LC_ALL=vi_VN.UTF-8 and LANG=C.UTF-8
     * (a table, findings and a summary); validate and rollup through java -jar under cron's and the
     * Vietnamese one. 15 runs, a test each.
     */
    static List<Case> matrix() {
        List<Case> all = new ArrayList<>();
        for (Map<String, String> env : ENVIRONMENTS) {
            boolean every = env.equals(Map.of("LANG", "vi_VN.UTF-8"));
            for (int c = 0; c < (every ? commands(SAMPLES).size() : 1); c++) all.add(new Case(env, false, c));
            if (every || env.isEmpty()) for (int c = 0; c < 2; c++) all.add(new Case(env, true, c));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyCommandWritesUtf8WhateverTheLocale(Case c, @TempDir Path dir) throws Exception {
        Path project = Tally.copySamples(dir.resolve("samples"));
        List<List<String>> commands = commands(project);
        List<String> args = commands.get(c.command());
        // import, status and history work on the store: import into it first, so that the import
        // compared finds every submission unchanged, as in-process
        if (c.command() >= 5) assertThat(inProcess("en", commands.get(5)).exit()).isZero();
        String[] a = args.toArray(String[]::new);
        same(c.env(), c.viaJar() ? jar(a) : launcher(a), args);
    }

    /** {@code command} run in {@code env} writes what {@code args} write in-process in the environment's language, byte for byte. */
    private static void same(Map<String, String> env, List<String> command, List<String> args) throws Exception {
        Run expected = inProcess(lang(env), args);
        if (lang(env).equals("vi")) {
            assertThat(expected.outText() + expected.errText()).as("the case has text beyond ASCII to lose").matches("(?s).*[^\\x00-\\x7f].*");
        }
        Run shown = spawn(env, "", command);
        String what = env + " " + String.join(" ", command);
        assertThat(shown.errText()).as(what).isEqualTo(expected.errText());
        assertThat(shown.outText()).as(what).isEqualTo(expected.outText());
        assertThat(shown.exit()).as(what).isEqualTo(expected.exit());
    }

    /** A locale that names another character set explicitly gets it, where Java has it: messages and the table, not the data. */
    @Test
    void aLocaleThatNamesAnotherCharacterSetGetsIt() throws Exception {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        List<String> validate = commands(SAMPLES).get(0);
        Run expected = inProcess("en", validate);
        for (List<String> command : List.of(launcher(validate.toArray(String[]::new)), jar(validate.toArray(String[]::new)))) {
            Run shown = spawn(Map.of("LANG", "xx_YY.ISO-8859-1"), "", command);
            assertThat(shown.err()).isEqualTo(expected.errText().getBytes(latin1));
            assertThat(shown.out()).isEqualTo(expected.outText().getBytes(latin1));
            assertThat(shown.out(latin1)).contains("Xã B?o ?ài"); // Xã Bảo Đài: what Latin-1 has of it
        }
        // csv is data: UTF-8, as -o FILE writes it
        List<String> csv = new ArrayList<>(validate);
        csv.addAll(List.of("--format", "csv"));
        assertThat(spawn(Map.of("LANG", "xx_YY.ISO-8859-1"), "", launcher(csv.toArray(String[]::new))).out())
                .isEqualTo(inProcess("en", csv).out());
    }

    @Test
    void aVietnameseFileNameOpensUnderCron(@TempDir Path dir) throws Exception {
        Path file = Files.copy(SAMPLES.resolve("faulty/luc-nam-2024-H1-errors.csv"), dir.resolve("Phường Tân Tiến.csv"));
        List<String> args = List.of("validate", "--config", SAMPLES.resolve("tally.yaml").toString(), file.toString());
        Run expected = inProcess("en", args);
        assertThat(expected.exit()).isEqualTo(1);
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LC_ALL", "vi_VN.UTF-8"))) {
            Run shown = spawn(env, "", launcher(args.toArray(String[]::new)));
            assertThat(shown.outText()).as(env.toString()).isEqualTo(inProcess(lang(env), args).outText()).contains("Phường Tân Tiến.csv");
        }
        // java -jar in an ASCII locale cannot name the file: one line that says what to do, not an internal error
        Run bare = spawn(Map.of(), "", jar(args.toArray(String[]::new)));
        assertThat(bare.exit()).isEqualTo(4);
        assertThat(bare.errText()).startsWith("tally: the name ").contains("LC_ALL=C.UTF-8").hasLineCount(1);
    }

    /** The sample rollup, reading standard input ({@code -}) or the sample's submissions. */
    static String[] rollup(boolean stdin) {
        return new String[] {"rollup", "--config", SAMPLES.resolve("tally.yaml").toString(), stdin ? "-" : SAMPLES.resolve("submissions").toString()};
    }

    /** Through the launcher or java -jar (a test each: every one starts a JVM, and they run side by side). */
    @ParameterizedTest(name = "java -jar: {0}")
    @ValueSource(booleans = {false, true})
    void aClosedStandardInputIsAnInputOutputError(boolean viaJar) throws Exception {
        List<String> command = viaJar ? jar(rollup(true)) : launcher(rollup(true));
        Run r = spawn(Map.of("LANG", "C.UTF-8"), "<&-", command);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.errText()).isEqualTo("tally: -: cannot read: standard input is closed; name the files to read, "
                + "or give - a file (tally … - < FILE)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRunThatDoesNotReadAClosedStandardInputDoesNotMind() throws Exception {
        assertThat(spawn(Map.of(), "<&-", jar(rollup(false))).exit()).isZero();
    }

    @ParameterizedTest(name = "java -jar: {0}")
    @ValueSource(booleans = {false, true})
    void aClosedStandardOutputIsAnInputOutputError(boolean viaJar) throws Exception {
        Run closed = spawn(Map.of(), ">&-", viaJar ? jar(rollup(false)) : launcher(rollup(false)));
        assertThat(closed.exit()).isEqualTo(4);
        // the one line that says why the run failed (the summary after the table is not reached)
        assertThat(closed.errText()).isEqualTo("tally: standard output is closed, so nothing could be written to it; "
                + "redirect it (> FILE) or write with -o FILE\n");
    }

    /** --version, answered before any command is built, and help, which picocli writes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "rollup --help"})
    void versionAndHelpToAClosedStandardOutputAreInputOutputErrors(String args) throws Exception {
        List<String> command = args.equals("--version") ? launcher(args) : jar(args.split(" "));
        Run r = spawn(Map.of(), ">&-", command);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.errText()).startsWith("tally: standard output is closed").hasLineCount(1);
    }

    @Test
    void aFullStandardOutputIsAnInputOutputError() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full");
        Run full = spawn(Map.of(), ">/dev/full", launcher(rollup(false)));
        assertThat(full.exit()).isEqualTo(4);
        assertThat(full.errText()).isEqualTo("tally: cannot write to standard output: No space left on device\n");
    }

    /** Standard error closed: nothing can be said, but the run does not claim success. */
    @Test
    void aRunWithStandardErrorClosedIsNoSuccess() throws Exception {
        assertThat(spawn(Map.of(), "2>&-", jar(rollup(false))).exit()).isEqualTo(4);
    }

    @Test
    void anOutputToAFileNeedsNoStandardOutput(@TempDir Path dir) throws Exception {
        List<String> toFile = launcher(rollup(false));
        toFile.addAll(List.of("-o", dir.resolve("r.csv").toString()));
        assertThat(spawn(Map.of(), ">&-", toFile).exit()).isZero();
        assertThat(dir.resolve("r.csv")).isNotEmptyFile();
    }

    @Test
    void theCharacterSetIsUtf8UnlessTheLocaleNamesAnother() {
        assertThat(Console.charset(Map.of())).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "C"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "POSIX"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "vi_VN"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "vi_VN.UTF-8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "C.utf8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LANG", "de_DE.ISO-8859-1"))).isEqualTo(StandardCharsets.ISO_8859_1);
        // glibc's normalised names, a modifier, an empty variable skipped, LC_ALL before LC_CTYPE before LANG
        assertThat(Console.charset(Map.of("LANG", "de_DE.iso88591"))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(Console.charset(Map.of("LANG", "ja_JP.eucjp"))).isEqualTo(Charset.forName("EUC-JP"));
        assertThat(Console.charset(Map.of("LANG", "sr_RS.ISO-8859-5@latin"))).isEqualTo(Charset.forName("ISO-8859-5"));
        assertThat(Console.charset(Map.of("LC_ALL", "", "LANG", "de_DE.ISO-8859-15"))).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(Console.charset(Map.of("LC_ALL", "C.UTF-8", "LC_CTYPE", "de_DE.ISO-8859-1"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Console.charset(Map.of("LC_CTYPE", "de_DE.ISO-8859-1", "LANG", "vi_VN.UTF-8"))).isEqualTo(StandardCharsets.ISO_8859_1);
        // a set Java does not have: UTF-8
        assertThat(Console.charset(Map.of("LANG", "xx_YY.NO-SUCH-SET"))).isEqualTo(StandardCharsets.UTF_8);
    }
}
