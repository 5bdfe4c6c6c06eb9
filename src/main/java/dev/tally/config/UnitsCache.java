package dev.tally.config;

import dev.tally.model.Hierarchy;
import dev.tally.model.Unit;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * A units file's hierarchy as the loader built it, kept in a binary file of the cache directory and
 * read back in a fraction of the parse: a cron run per district loads the national units file (11,151
 * units) every time, 160-210 ms cold against a few for the cache. The cache directory is the
 * {@code tally.cache} system property (the launcher sets it to {@code $TALLY_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/tally}, else {@code ~/.cache/tally}); without it nothing is cached.
 *
 * <p>Contract: an entry is used only for a file of the same content (its length, CRC-32C and
 * Adler-32, so an edited file is a miss), the same kind (extension) and the same configured levels,
 * written by this format version, and only when its own checksum holds: a stale or damaged entry is
 * never used, only replaced. Only a load without errors or warnings is kept, so a hit gives exactly
 * what parsing gives. Any failure to read or write the cache is silent: it is only a head start.
 */
final class UnitsCache {
    private static final int MAGIC = 0x54_41_55_43; // "TAUC"
    private static final int VERSION = 2;
    /** Entries kept in the directory, the newest by modification time. */
    private static final int KEEP = 8;
    private static final long NO_DATE = Long.MIN_VALUE;

    private final Path dir;
    private final long length;
    private final int crc, adler;
    private final String kind;
    private final List<String> configuredLevels;

    private UnitsCache(Path dir, long length, int crc, int adler, String kind, List<String> configuredLevels) {
        this.dir = dir;
        this.length = length;
        this.crc = crc;
        this.adler = adler;
        this.kind = kind;
        this.configuredLevels = configuredLevels;
    }

    /** The cache entry for this file's content in {@code dir}, or null when the file cannot be read (the loader then says why). */
    static UnitsCache of(Path dir, Path units, List<String> configuredLevels) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(units);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        CRC32C c = new CRC32C();
        c.update(bytes);
        Adler32 a = new Adler32();
        a.update(bytes);
        String name = units.getFileName() == null ? "" : units.getFileName().toString();
        String kind = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        return new UnitsCache(dir, bytes.length, (int) c.getValue(), (int) a.getValue(), kind,
                configuredLevels == null ? List.of() : List.copyOf(configuredLevels));
    }

    /** This content's entry in the directory (content-addressed: an edited file has another name). */
    Path file() {
        // not String.format: its first use costs a cron run 13 ms of start-up (async-profiler)
        // the format's version in the name: two installed versions of tally sharing a cache keep an entry each
        // rather than each replacing the other's at every run
        String hex = Integer.toHexString(crc);
        return dir.resolve("units-" + "0".repeat(8 - hex.length()) + hex + "-" + length + "-v" + VERSION + ".bin");
    }

    /** The hierarchy of a valid entry; null for none, another content's, another version's or a damaged one. */
    Hierarchy read() {
        byte[] all;
        try {
            all = Files.readAllBytes(file());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (all.length < 4) return null;
        CRC32C sum = new CRC32C();
        sum.update(all, 0, all.length - 4);
        if ((int) sum.getValue() != new Cursor(all, all.length - 4, all.length).i32()) return null;
        try {
            Cursor in = new Cursor(all, 0, all.length - 4);
            if (in.i32() != MAGIC || in.i32() != VERSION || in.i64() != length || in.i32() != crc || in.i32() != adler
                    || !in.text().equals(kind) || !in.texts().equals(configuredLevels)) {
                return null;
            }
            List<String> levels = in.texts();
            int n = in.i32();
            if (n < 0 || n > all.length) return null;
            List<Unit> units = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String code = in.text(), name = in.text();
                int parent = in.i32();
                int known = in.i32();
                String level = known >= 0 ? levels.get(known) : in.text();
                int depth = in.i32();
                LocalDate from = date(in.i64()), to = date(in.i64());
                if (parent >= i) return null; // parents come before their children
                units.add(new Unit(code, name, parent < 0 ? null : units.get(parent).code(), level, depth, i, from, to));
            }
            if (!in.atEnd()) return null;
            return new Hierarchy(units, levels);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads an entry's numbers and texts straight from its bytes. DataInputStream took a synchronized
     * read() per byte and decoded its modified UTF-8 a character at a time, in code that runs once a
     * run and so runs interpreted: 48 ms of the cron run's second thread for 11,151 units.
     */
    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private int at;

        Cursor(byte[] b, int from, int end) {
            this.b = b;
            this.at = from;
            this.end = end;
        }

        int i32() {
            if (end - at < 4) throw new IllegalStateException("cut short");
            int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        long i64() { return (long) i32() << 32 | (i32() & 0xffffffffL); }

        String text() {
            int n = i32();
            if (n < 0 || n > end - at) throw new IllegalStateException("cut short");
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        List<String> texts() {
            int n = i32();
            if (n < 0 || n > 1000) throw new IllegalStateException("not a cache entry");
            String[] s = new String[n];
            for (int i = 0; i < n; i++) s[i] = text();
            return Arrays.asList(s);
        }

        boolean atEnd() { return at == end; }
    }

    /** Keeps {@code h}, as parsed from this content, for the next run; the oldest entries beyond {@link #KEEP} go. */
    void write(Hierarchy h) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + h.size() * 48);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(length);
            out.writeInt(crc);
            out.writeInt(adler);
            text(out, kind);
            texts(out, configuredLevels);
            texts(out, h.levels());
            out.writeInt(h.size());
            int[] parent = h.parentIndex();
            for (Unit u : h.units()) {
                text(out, u.code());
                text(out, u.name());
                out.writeInt(parent[u.index()]);
                int known = h.levels().indexOf(u.level());
                out.writeInt(known);
                if (known < 0) text(out, u.level());
                out.writeInt(u.depth());
                out.writeLong(u.activeFrom() == null ? NO_DATE : u.activeFrom().toEpochDay());
                out.writeLong(u.activeTo() == null ? NO_DATE : u.activeTo().toEpochDay());
            }
            CRC32C sum = new CRC32C();
            sum.update(bytes.toByteArray());
            out.writeInt((int) sum.getValue());
            out.flush();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "units-", ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            evict();
        } catch (IOException | RuntimeException e) {
            // no cache this time (a read-only home, a full disk, a text UTF-8 cannot carry): parsing still works
        }
    }

    /** A text as its UTF-8 bytes after their count; one they would not give back (a lone surrogate) is no entry at all. */
    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8);
        if (!new String(utf8, StandardCharsets.UTF_8).equals(s)) throw new IOException("not UTF-8 text");
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void texts(DataOutputStream out, List<String> s) throws IOException {
        out.writeInt(s.size());
        for (String x : s) text(out, x);
    }

    /** A temporary file older than this is one a run left when it ended mid-write (killed, or a helper thread's run ending first). */
    private static final long ABANDONED_MILLIS = 10 * 60_000L;

    private void evict() throws IOException {
        List<Path> entries;
        long abandoned = System.currentTimeMillis() - ABANDONED_MILLIS;
        try (var s = Files.list(dir)) {
            entries = new ArrayList<>();
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith("units-")) continue;
                if (n.endsWith(".bin")) entries.add(p);
                else if (n.endsWith(".tmp") && Files.getLastModifiedTime(p).toMillis() < abandoned) Files.deleteIfExists(p);
            }
        }
        if (entries.size() <= KEEP) return;
        entries.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (Path old : entries.subList(KEEP, entries.size())) Files.deleteIfExists(old);
    }

    private static LocalDate date(long epochDay) { return epochDay == NO_DATE ? null : LocalDate.ofEpochDay(epochDay); }
}
