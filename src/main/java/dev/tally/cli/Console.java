package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The process's standard streams as tally speaks through them, made once by {@code Main}.
 *
 * <p>Their character set: UTF-8, unless the locale names another explicitly ({@code LANG=xx_YY.ISO-8859-1})
 * and Java has it ({@link #charset}). The JVM would take the C library's answer instead, which under cron's
 * bare environment or a locale the machine lacks ({@code LANG=vi_VN.UTF-8} where only C.utf8 is
 * installed) is ASCII, and every Vietnamese letter became {@code ?}.
 *
 * <p>Closed descriptors: a descriptor the caller closed ({@code <&-}, {@code >&-}) is taken by the first
 * file the JVM opens (its own {@code lib/modules}, the launcher's class-data archive), so standard input
 * read that file and standard output wrote nowhere with exit 0. Such a descriptor is recognised
 * ({@link #closedAtStart}): reading a closed standard input, or writing to a closed standard output, is
 * an input/output error (exit 4) with one line. A write to standard output that fails later (a full disk,
 * a pipe whose reader left) is the same error at once, instead of PrintStream's silence; standard error
 * failing cannot be told, and makes a run that otherwise succeeded end with 4 ({@link #finish}).
 */
public final class Console {
    public final InputStream in;
    public final PrintStream out, err;
    private final Guard outGuard, errGuard;

    private Console(InputStream in, Guard out, Guard err, Charset charset) {
        this.in = in;
        this.outGuard = out;
        this.errGuard = err;
        this.out = new Text(new BufferedOutputStream(out, 1 << 13), charset);
        this.err = new Text(new BufferedOutputStream(err, 1 << 10), charset);
    }

    /** The streams of this process, in the character set its environment asks for. */
    public static Console system() {
        Charset cs = charset(System.getenv());
        InputStream in = closedAtStart(0) ? new ClosedInput() : new FileInputStream(FileDescriptor.in);
        Guard out = new Guard(new FileOutputStream(FileDescriptor.out), true, closedAtStart(1));
        Guard err = new Guard(new FileOutputStream(FileDescriptor.err), false, closedAtStart(2));
        return new Console(in, out, err, cs);
    }

    /**
     * The run's exit code once the streams are flushed: {@code code}, or 4 when standard output could
     * not take what was written to it (said in one line on standard error, unless the command already
     * ended with that error) or when standard error failed in a run that would otherwise succeed.
     */
    public int finish(int code) {
        try {
            out.flush();
        } catch (TallyException e) {
            // the failure is recorded in the guard and said below
        }
        String failed = outGuard.failure;
        if (failed != null && code != ExitCode.IO.code()) {
            err.println("tally: " + failed);
            code = ExitCode.IO.code();
        } else if (failed != null) {
            code = ExitCode.IO.code();
        }
        err.flush();
        if (errGuard.failure != null && code == ExitCode.OK.code()) code = ExitCode.IO.code();
        return code;
    }

    /**
     * The character set of standard output and standard error: the one the locale names explicitly
     * (the part after the dot of LC_ALL, else LC_CTYPE, else LANG: {@code de_DE.ISO-8859-1},
     * {@code ja_JP.eucJP}) when Java has it, UTF-8 otherwise — with no locale (cron), in C or POSIX, and
     * for a locale that names none ({@code vi_VN}: glibc would take that locale's own, UTF-8 where it
     * is installed, ASCII where not). Whether the machine has the locale does not matter: the terminal
     * it describes is the user's.
     */
    static Charset charset(Map<String, String> env) {
        for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(var);
            if (v == null || v.isEmpty()) continue;
            Charset named = named(v);
            return named == null ? StandardCharsets.UTF_8 : named;
        }
        return StandardCharsets.UTF_8;
    }

    /** The character set a locale name gives after its dot ({@code .UTF-8}, glibc's {@code .utf8}, {@code .iso88591}), or null. */
    static Charset named(String locale) {
        int dot = locale.indexOf('.');
        if (dot < 0) return null;
        String name = locale.substring(dot + 1);
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at);
        if (name.isEmpty()) return null;
        try {
            if (Charset.isSupported(name)) return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            // not a name Java accepts as written: compared below as glibc normalises it
        }
        // glibc also takes a set's name in lower case without punctuation (utf8, iso88591, eucjp)
        String want = normal(name);
        for (Charset c : Charset.availableCharsets().values()) {
            if (normal(c.name()).equals(want)) return c;
            for (String alias : c.aliases()) if (normal(alias).equals(want)) return c;
        }
        return null;
    }

    private static String normal(String name) { return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""); }

    /**
     * Whether descriptor {@code fd} was closed when the process started. The launcher, which sees all
     * three before the JVM opens anything, says which ({@code -Dtally.closed=0}, {@code 01}…, empty for
     * none) and hands the JVM /dev/null in their place: its word is the answer, with nothing to look up
     * (the lookups below were 7 ms of a cron run's start-up). Started otherwise ({@code java -jar}), the descriptor then holds one of the
     * JVM's own files, looked up in /proc on Linux: a file of the JDK, of the class path or the class-data
     * archive, or for an output, a file open for reading only (the JVM opens its files so; an output
     * never is). Elsewhere, no answer: false.
     */
    static boolean closedAtStart(int fd) {
        String told = System.getProperty("tally.closed");
        if (told != null) return told.indexOf((char) ('0' + fd)) >= 0;
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(link)) return Files.isDirectory(Path.of("/proc/self/fd"));
            String target = Files.readSymbolicLink(link).toString();
            if (!target.startsWith("/")) return false; // a pipe, a socket
            if (target.startsWith(System.getProperty("java.home") + "/")) return true;
            String archive = System.getProperty("tally.archive");
            if (archive != null && Path.of(target).equals(Path.of(archive).toAbsolutePath())) return true;
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty() && Path.of(target).equals(Path.of(entry).toAbsolutePath().normalize())) return true;
            }
            if (fd > 0) {
                for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
                    // O_ACCMODE of the flags (octal): 0 is read-only
                    if (line.startsWith("flags:")) return (Integer.parseInt(line.substring(6).strip(), 8) & 3) == 0;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A PrintStream that knows its character set (Java 17's PrintStream does not say it). */
    static final class Text extends PrintStream {
        final Charset charset;

        Text(OutputStream out, Charset charset) {
            super(out, true, charset);
            this.charset = charset;
        }
    }

    /** The character set text written to {@code stream} should be in: the console's, UTF-8 for any other stream (tests). */
    static Charset charsetOf(PrintStream stream) { return stream instanceof Text t ? t.charset : StandardCharsets.UTF_8; }

    /**
     * {@code stream} for a writer that must not fail mid-way (picocli's help, which prints a stack
     * trace when a write throws): a failed write is left to {@link #finish}, which says it in one line.
     */
    static OutputStream deferring(PrintStream stream) {
        return new OutputStream() {
            @Override
            public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    stream.write(b, off, len);
                } catch (TallyException e) {
                    // recorded by the stream's guard
                }
            }

            @Override
            public void flush() {
                try {
                    stream.flush();
                } catch (TallyException e) {
                    // recorded by the stream's guard
                }
            }
        };
    }

    /**
     * {@code out}, taking UTF-8 (what tally's writers make) and writing it in {@code charset}: a table
     * for people on a console whose locale names another set. A character the set lacks becomes {@code ?},
     * as in the messages. A sequence split between two writes is completed by the next.
     */
    static OutputStream reencoding(OutputStream out, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) return out;
        java.io.Writer to = new java.io.OutputStreamWriter(out, charset.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
        java.nio.charset.CharsetDecoder from = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        return new OutputStream() {
            private final java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(8);
            private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 12);

            @Override
            public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.nio.ByteBuffer in;
                if (pending.position() > 0) {
                    // the end of the last write, an incomplete sequence, goes before this one
                    pending.flip();
                    in = java.nio.ByteBuffer.allocate(pending.remaining() + len).put(pending).put(b, off, len).flip();
                    pending.clear();
                } else {
                    in = java.nio.ByteBuffer.wrap(b, off, len);
                }
                while (true) {
                    java.nio.charset.CoderResult r = from.decode(in, chars, false);
                    chars.flip();
                    to.write(chars.array(), 0, chars.limit());
                    chars.clear();
                    if (r.isUnderflow()) break;
                }
                pending.put(in);
            }

            @Override
            public void flush() throws IOException { to.flush(); }

            @Override
            public void close() throws IOException { to.flush(); }
        };
    }

    /**
     * A standard stream that does not fail in silence: the first failure is recorded, and for standard
     * output thrown as the input/output error that ends the run (PrintStream, which tally writes
     * through, would swallow an IOException but lets this through). A descriptor closed at start fails
     * on the first write.
     */
    private static final class Guard extends OutputStream {
        private final OutputStream out;
        private final boolean stdout, closed;
        volatile String failure;

        Guard(OutputStream out, boolean stdout, boolean closed) {
            this.out = out;
            this.stdout = stdout;
            this.closed = closed;
        }

        @Override
        public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null) {
                fail(null);
                return;
            }
            if (closed) {
                fail(null);
                return;
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void flush() {
            if (failure != null || closed) return;
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(IOException e) {
            if (failure == null) {
                String why = e == null || e.getMessage() == null ? null : e.getMessage();
                failure = closed || why == null ? t("cli.stdoutClosed") : t("cli.cannotWriteStdout", why);
            }
            // standard error has no one to tell; a run whose output failed ends with this, once
            if (stdout) throw TallyException.io(failure);
        }
    }

    /** Standard input, closed by the caller: reading it is an input/output error that says so. */
    private static final class ClosedInput extends InputStream {
        @Override
        public int read() throws IOException { throw new IOException(t("cli.stdinClosed")); }

        @Override
        public int read(byte[] b, int off, int len) throws IOException { throw new IOException(t("cli.stdinClosed")); }
    }
}
