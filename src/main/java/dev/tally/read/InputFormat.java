package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The submission formats, one entry each: the file name endings a directory is searched for, how the
 * format is recognised from a file's first bytes, and its reader. The content decides, whatever the
 * name says: a zip archive is a workbook (an OpenDocument one when its first entry says so), an OLE2
 * container is an old binary or an encrypted workbook, anything else is text (CSV or JSON, told apart
 * by {@link Submissions}). Adding a format is its reader and one entry here, before {@link #TEXT}.
 *
 * <p>A file that claims a workbook's name but is neither ({@code report.xlsx} that is a web page) is
 * one finding naming the file and what to do, not a screen of CSV findings.
 */
public enum InputFormat {
    /** Office Open XML workbooks (Excel 2007 and later, LibreOffice's default export to Excel). */
    XLSX(List.of(".xlsx", ".xlsm"), head -> zip(head) && !ods(head), Workbooks::xlsx),
    /** OpenDocument spreadsheets (LibreOffice's own format): a zip whose first entry says so. */
    ODS(List.of(".ods"), InputFormat::ods, Workbooks::ods),
    /** An OLE2 container: Excel 97-2003's .xls, or a workbook encrypted with a password. Refused with what to do. */
    OLE2(List.of(".xls"), head -> startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), Workbooks::ole2),
    /** CSV (long or wide), TSV, JSON, NDJSON: text, told apart by its content. */
    TEXT(List.of(".csv", ".tsv", ".txt", ".json", ".ndjson", ".jsonl"), head -> true, Submissions::readText);

    /** Reads one input of this format into the sink; {@code head} is its first bytes, {@code rest} the bytes after them. */
    interface Reader {
        void read(InputFile file, byte[] head, InputStream rest, ReadOptions options, ValueSink sink, Submissions.Scratch scratch)
                throws IOException;
    }

    interface Magic {
        boolean test(byte[] head);
    }

    private final List<String> extensions;
    private final Magic magic;
    final Reader reader;

    InputFormat(List<String> extensions, Magic magic, Reader reader) {
        this.extensions = extensions;
        this.magic = magic;
        this.reader = reader;
    }

    public List<String> extensions() { return extensions; }

    /** The format of an input from its first bytes. */
    static InputFormat of(byte[] head) {
        for (InputFormat f : values()) if (f.magic.test(head)) return f;
        return TEXT;
    }

    /** The format a file's name ending claims, or null when it claims none of them. */
    static InputFormat named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (InputFormat f : values()) for (String e : f.extensions) if (n.endsWith(e)) return f;
        return null;
    }

    /** Every name ending a directory is searched for, the text formats' first. */
    static List<String> allExtensions() {
        List<String> out = new ArrayList<>(TEXT.extensions);
        for (InputFormat f : values()) if (f != TEXT) out.addAll(f.extensions);
        return out;
    }

    /** Whether an input with these first bytes is text, which alone can be cut in slices read in parallel. */
    public static boolean text(byte[] head) { return of(head) == TEXT; }

    private static boolean zip(byte[] h) { return startsWith(h, 'P', 'K', 3, 4); }

    /**
     * An OpenDocument package stores its media type uncompressed as the first entry, "mimetype", so it
     * shows in the first bytes of the file.
     */
    private static boolean ods(byte[] h) {
        if (!zip(h) || h.length < 30) return false;
        String start = new String(h, 30, Math.min(h.length, 120) - 30, java.nio.charset.StandardCharsets.ISO_8859_1);
        return start.startsWith("mimetype") && start.contains("application/vnd.oasis.opendocument.spreadsheet");
    }

    private static boolean startsWith(byte[] h, int... bytes) {
        if (h.length < bytes.length) return false;
        for (int i = 0; i < bytes.length; i++) if ((h[i] & 0xff) != bytes[i]) return false;
        return true;
    }
}
