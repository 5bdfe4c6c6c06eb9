package dev.tally.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The tests' one way into the real command line, in-process: what a run wrote to standard output and
 * error and its exit code, with the settings of the process fixed (no standard input, a pipe rather
 * than a terminal, the clock at {@link #CLOCK}) unless a test sets them.
 *
 * <p>The language of an in-process run is English unless its arguments say {@code --lang vi}, and it
 * is the whole JVM's ({@link dev.tally.model.Text#use}, set as each run starts). So that runs side by
 * side never mix languages, a run in another language than English has the JVM to itself among the
 * runs made here ({@link #LANGUAGE}), and puts English back before it lets go. A test that reads
 * messages outside such a run (a finding's text
 * from the validator, say) is not covered by that lock: among the in-process tests, a class that runs
 * in Vietnamese is {@code @Isolated} as well (junit-platform.properties).
 */
public final class Tally {
    private Tally() {}

    /** The moment every in-process run sees, so that outputs carrying the time are the same on every run. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** Held for reading by runs in English, for writing by runs in another language. */
    private static final ReentrantReadWriteLock LANGUAGE = new ReentrantReadWriteLock();

    /** The long CSV header every test's submissions start with. */
    public static final String HEAD = "unit,period,indicator,value\n";

    /** The usual small tree: P > D1 > C11, C12; P > D2 > C21, at the levels province, district, commune. */
    public static final String TREE = "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện 1,P,district\nC11,Xã 11,D1,commune\n"
            + "C12,Xã 12,D1,commune\nD2,Huyện 2,P,district\nC21,Xã 21,D2,commune\n";

    /**
     * A boundary's two sets of units: before it, province 01 with districts 001 (communes 00001, 00004,
     * 00006) and 002 (00007, 00008); from it, province 01 with communes 00004, 00008 and 00025, codes
     * reused for other units as in the real 2025 lists.
     */
    public static final String BOUNDARY_UNITS = "code,name,parent,level\n01,Tỉnh A,,province\n001,Huyện 1,01,district\n00001,Xã Một,001,commune\n"
            + "00004,Xã Bốn,001,commune\n00006,Xã Sáu,001,commune\n002,Huyện 2,01,district\n00007,Xã Bảy,002,commune\n00008,Xã Tám,002,commune\n";
    public static final String BOUNDARY_UNITS_LATER = "code,name,parent,level\n01,Tỉnh A mới,,province\n00004,Phường Bốn mới,01,commune\n"
            + "00008,Phường Tám mới,01,commune\n00025,Phường Hai lăm,01,commune\n";

    public record Run(int exit, String out, String err) {}

    /**
     * How a run is started: its standard input, clock and working directory, standard output's width
     * (0: a pipe, nothing fitted) and whether standard output and standard error are terminals.
     */
    public record Setup(InputStream in, Clock clock, Path workingDir, int width, boolean outTerminal, boolean errTerminal) {
        public Setup in(InputStream stdin) { return new Setup(stdin, clock, workingDir, width, outTerminal, errTerminal); }

        public Setup in(byte[] stdin) { return in(new ByteArrayInputStream(stdin)); }

        public Setup at(Clock c) { return new Setup(in, c, workingDir, width, outTerminal, errTerminal); }

        public Setup workingDir(Path dir) { return new Setup(in, clock, dir, width, outTerminal, errTerminal); }

        /** Standard output a terminal of {@code columns} or not, standard error a terminal (as wide) or not. */
        public Setup terminal(int columns, boolean out, boolean err) { return new Setup(in, clock, workingDir, columns, out, err); }

        public Run run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Io io = new Io(in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), workingDir,
                    width, clock, outTerminal, errTerminal);
            boolean english = english(args);
            Lock language = english ? LANGUAGE.readLock() : LANGUAGE.writeLock();
            language.lock();
            try {
                int code = Cli.run(args, io);
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                // the JVM's language back to English before the lock is let go: what is read outside a
                // run (a finding's text, a table's heading) is English whichever class ran before
                if (!english) dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN);
                language.unlock();
            }
        }

        public Run run(List<String> args) { return run(args.toArray(String[]::new)); }
    }

    /** Whether the run speaks English: no {@code --lang}, or {@code --lang en}; any other value, a refused one too, counts as not. */
    static boolean english(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String lang = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (lang != null && !lang.equalsIgnoreCase("en")) return false;
        }
        return true;
    }

    /** No standard input, a pipe for output, the clock at {@link #CLOCK}, the working directory this one. */
    public static Setup setup() { return new Setup(InputStream.nullInputStream(), CLOCK, Path.of(""), 0, false, false); }

    public static Run run(String... args) { return setup().run(args); }

    public static Run run(List<String> args) { return setup().run(args); }

    /** Runs {@code tally COMMAND --config CONFIG ARGS...}, as a user would, at the time {@code clock} says. */
    public static Run run(Path config, Clock clock, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add(1, "--config");
        a.add(2, config.toString());
        return setup().at(clock).run(a);
    }

    /** {@code args} followed by {@code more}. */
    public static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Each row of the query's result on the store {@code db} as its columns joined by |. */
    public static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) cells.add(String.valueOf(r.getObject(i)));
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** The bundled sample project copied into {@code to} (without a store), for a test that edits it or imports into it. */
    public static Path copySamples(Path to) throws IOException {
        Path from = Path.of("samples").toAbsolutePath();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().startsWith("tally.db")) Files.copy(p, t);
            }
        }
        return to;
    }
}
