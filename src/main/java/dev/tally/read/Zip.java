package dev.tally.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A workbook's zip archive, read with the JDK and bounded: what an entry inflates to is counted as it
 * is read, whatever the entry declares, and reading stops with a {@link Xml.Problem} past
 * {@link #maxEntry} bytes for one entry, {@link #maxTotal} for the workbook, or once an entry has
 * inflated {@link #RATIO}-fold past its first {@link #RATIO_AFTER} bytes (a zip bomb: a few kilobytes that
 * inflate to gigabytes stop within milliseconds, after {@code RATIO_AFTER} bytes). Real sheets compress
 * 5 to 30-fold; 1,000-fold is deflate's limit, where bombs live.
 */
final class Zip implements AutoCloseable {
    static final long RATIO_AFTER = 16L << 20;
    static final int RATIO = 300;
    /** The bounds on what one entry and the whole workbook inflate to; lowered only by tests. */
    static long maxEntry = 1L << 30, maxTotal = 2L << 30;

    private final ZipFile zip;
    /** Entries by lower-case name: part names are case-insensitive in a package. */
    private final Map<String, ZipEntry> entries = new HashMap<>();
    private long inflated;

    Zip(Path file) throws IOException {
        this.zip = new ZipFile(file.toFile());
        var e = zip.entries();
        int n = 0;
        while (e.hasMoreElements()) {
            ZipEntry z = e.nextElement();
            if (++n > 100_000) throw new Xml.Problem("zip.tooManyEntries", 100_000);
            entries.putIfAbsent(z.getName().toLowerCase(Locale.ROOT), z);
        }
    }

    boolean has(String name) { return entry(name) != null; }

    /** The size an entry declares (a hint only: what it inflates to is counted as it is read), or -1. */
    long size(String name) {
        ZipEntry e = entry(name);
        return e == null ? -1 : e.getSize();
    }

    private ZipEntry entry(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        return entries.get(n.toLowerCase(Locale.ROOT));
    }

    /** The entry's content, bounded; null when there is no such entry. */
    InputStream open(String name) throws IOException {
        ZipEntry e = entry(name);
        if (e == null) return null;
        long compressed = Math.max(1, e.getCompressedSize());
        return new FilterInputStream(zip.getInputStream(e)) {
            long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read += n;
                    inflated += n;
                    if (read > maxEntry) throw new Xml.Problem("zip.entryTooLarge", e.getName(), maxEntry >> 20);
                    if (inflated > maxTotal) throw new Xml.Problem("zip.tooLarge", maxTotal >> 20);
                    if (read > RATIO_AFTER && read / compressed > RATIO) throw new Xml.Problem("zip.bomb", e.getName(), read / compressed);
                }
                return n;
            }
        };
    }

    /** An entry's whole content as text, for the small parts (at most {@code max} bytes). */
    byte[] bytes(String name, int max) throws IOException {
        try (InputStream in = open(name)) {
            if (in == null) return null;
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) throw new Xml.Problem("zip.partTooLarge", name, max >> 20);
            return b;
        }
    }

    @Override
    public void close() throws IOException { zip.close(); }
}
