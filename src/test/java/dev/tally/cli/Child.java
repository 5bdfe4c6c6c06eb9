package dev.tally.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The command lines that run tally in a JVM of its own, on the tests' classes (target/classes, so
 * before {@code mvn package} makes the jar): for the tests whose point needs a real process (killed
 * mid-import, a heap limit, a pseudo-terminal, a file size limit). The real launcher and
 * {@code java -jar} are EnvironmentTest's, which runs them as users do.
 */
public final class Child {
    private Child() {}

    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * tally in a quick child: for a child that only needs to be a process, not one whose point is a heap
     * limit ({@link #plain}). C1 only, as the launcher runs every command but import: a child lives a
     * second or two, and on two cores C2's compiler threads cost it more than they give back (an import
     * of ImportReliabilityTest's 18,000 values: 1.4 s of CPU against 2.3 s). Its classes come from a
     * class-data archive, as the launcher's do ({@link #quick}): the same import 0.9 s against 1.3 s.
     */
    public static List<String> tally(String... args) { return quick(List.of(), List.of(args)); }

    /** {@link #tally} with more JVM options. */
    public static List<String> quick(List<String> jvmOptions, List<String> args) {
        Quick q = quick();
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1"));
        cmd.addAll(q.options());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", q.classPath(), "dev.tally.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** {@code java OPTIONS -cp CLASSPATH dev.tally.Main ARGS}: the JVM as it starts by default, on the tests' class path. */
    public static List<String> plain(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tally.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** The quick children's class path and the options that give them their archive (none when it could not be made). */
    private record Quick(String classPath, List<String> options) {}

    private static Quick quick;

    /**
     * Made once per test JVM, on first use: target/classes as a jar (an archive takes classes from jars
     * only), and a dynamic class-data archive of what one import of the sample loads, in a temporary
     * directory of this JVM's, so a child never runs classes older than the ones compiled. About 2.5 s
     * of CPU, repaid by the sixth child: the import, pseudo-terminal and write-failure tests took 41-44 s
     * of CPU with it against 46-49 s without (alternating runs). Where it fails the children run without it.
     */
    private static synchronized Quick quick() {
        if (quick != null) return quick;
        try {
            Path dir = Files.createTempDirectory("tally-child");
            dir.toFile().deleteOnExit();
            Path jar = classesJar(dir.resolve("tally-classes.jar"), new Manifest());
            StringBuilder cp = new StringBuilder(jar.toString());
            for (String j : dependencies()) cp.append(File.pathSeparator).append(j);
            Path project = Tally.copySamples(dir.resolve("sample"));
            Path archive = dir.resolve("child.jsa");
            List<String> train = List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive, "-cp", cp.toString(), "dev.tally.Main",
                    "import", "--config", project.resolve("tally.yaml").toString(), project.resolve("submissions").toString());
            Process p = new ProcessBuilder(train).redirectErrorStream(true).redirectOutput(dir.resolve("train.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(archive)) {
                throw new IOException("the training run failed: " + Files.readString(dir.resolve("train.log")));
            }
            try (Stream<Path> s = Files.walk(project)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
            }
            for (Path f : List.of(jar, archive, dir.resolve("train.log"))) f.toFile().deleteOnExit();
            // an archive that does not map (another JVM) is left quietly: the child runs without it
            quick = new Quick(cp.toString(), List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        } catch (IOException | InterruptedException e) {
            System.err.println("tests: the quick children run without a class-data archive: " + e.getMessage());
            quick = new Quick(System.getProperty("java.class.path"), List.of());
        }
        return quick;
    }

    /** The jars of the tests' class path (the dependencies), in order: its directories are target/classes and target/test-classes. */
    public static List<String> dependencies() {
        List<String> jars = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty() && Files.isRegularFile(Path.of(e))) jars.add(Path.of(e).toAbsolutePath().toString());
        }
        return jars;
    }

    /** target/classes written as the jar {@code jar} with {@code manifest}, stored at the fastest compression. */
    public static Path classesJar(Path jar, Manifest manifest) throws IOException {
        Path classes = classes();
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(jar), 1 << 16), manifest);
             Stream<Path> files = Files.walk(classes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path f : files.sorted().toList()) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) continue;
                if (Files.isDirectory(f)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = Files.newInputStream(f)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** target/classes: the directory of the tests' class path that holds dev/tally/Main.class. */
    private static Path classes() throws IOException {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty() && Files.isRegularFile(Path.of(e, "dev", "tally", "Main.class"))) return Path.of(e).toAbsolutePath();
        }
        throw new IOException("no directory of the class path holds dev/tally/Main.class");
    }
}
