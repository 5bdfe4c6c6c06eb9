package dev.tally.read;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Workbooks as submissions: the readers {@link InputFormat} lists for .xlsx and .ods, and the one
 * finding for a workbook tally cannot read. Each sheet that holds a table is read by {@link SheetTable}
 * into the same sink as CSV; {@code --sheet} or a template's {@code sheet} picks one. A workbook that
 * cannot be opened (an encrypted one, an old binary .xls, a damaged zip, one past a size bound, XML
 * with a DTD) is one {@code unreadable} finding naming the file and what to do, and the other inputs
 * are read; a problem met in the middle of a sheet keeps the rows read before it and names the row.
 * Never from standard input: a zip is read by its directory at its end.
 */
final class Workbooks {
    private Workbooks() {}

    static void xlsx(InputFile file, byte[] head, InputStream rest, ReadOptions options, ValueSink sink, Submissions.Scratch scratch)
            throws IOException {
        open(file, rest, XlsxBook::new, options, sink);
    }

    static void ods(InputFile file, byte[] head, InputStream rest, ReadOptions options, ValueSink sink, Submissions.Scratch scratch)
            throws IOException {
        open(file, rest, OdsBook::new, options, sink);
    }

    /** How a kind of workbook is opened from its file (it reads the zip itself, not the stream). */
    private interface Opener {
        Sheets.Book open(java.nio.file.Path path) throws IOException;
    }

    /** Opens a workbook of either kind and reads it; one that cannot be opened is one finding naming the file. */
    private static void open(InputFile file, InputStream rest, Opener opener, ReadOptions options, ValueSink sink) throws IOException {
        if (refuseStdin(file, sink)) return;
        rest.close();
        Sheets.Book book;
        try {
            book = opener.open(file.path());
        } catch (Xml.Problem p) {
            unreadable(file.display(), 0, t("workbook.cannotOpen", t(p.key, p.args)), sink);
            return;
        } catch (ZipException e) {
            unreadable(file.display(), 0, t("workbook.damaged", e.getMessage()), sink);
            return;
        }
        read(file, book, options, sink);
    }

    /**
     * An OLE2 container: Excel 97-2003's binary .xls, or an .xlsx encrypted with a password (its
     * package is then a stream named EncryptedPackage inside such a container).
     */
    static void ole2(InputFile file, byte[] head, InputStream rest, ReadOptions options, ValueSink sink, Submissions.Scratch scratch)
            throws IOException {
        byte[] marker = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
        boolean encrypted = contains(head, marker);
        // the directory may lie further in: look through at most 64 MB, a window at a time
        byte[] window = new byte[1 << 16];
        byte[] carry = head.length >= marker.length ? java.util.Arrays.copyOfRange(head, head.length - marker.length, head.length) : head;
        long seen = head.length;
        while (!encrypted && seen < (64L << 20)) {
            int n = rest.readNBytes(window, 0, window.length);
            if (n <= 0) break;
            byte[] both = new byte[carry.length + n];
            System.arraycopy(carry, 0, both, 0, carry.length);
            System.arraycopy(window, 0, both, carry.length, n);
            encrypted = contains(both, marker);
            carry = java.util.Arrays.copyOfRange(both, Math.max(0, both.length - marker.length), both.length);
            seen += n;
        }
        unreadable(file.display(), 0, encrypted ? t("workbook.encrypted") : t("workbook.xls", file.display()), sink);
    }

    /** A file named as a workbook that is not one (a web page or text saved as .xls). */
    static void misnamed(InputFile file, byte[] head, InputFormat named, ValueSink sink) {
        String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff")) start = start.substring(1).stripLeading();
        String what = head.length == 0 ? t("workbook.isEmpty")
                : start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<table") ? t("workbook.isHtml")
                : start.startsWith("<?xml") ? t("workbook.isXml")
                : printable(head) ? t("workbook.isText") : t("workbook.isBinary");
        String ext = named.extensions().get(0);
        unreadable(file.display(), 0, t("workbook.notWorkbook", ext, what, file.display()), sink);
    }

    private static boolean printable(byte[] head) {
        int n = Math.min(head.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) return false;
        }
        return Utf8.valid(head, 0, n) || n == 4096;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return true;
        }
        return false;
    }

    private static boolean refuseStdin(InputFile file, ValueSink sink) {
        if (!file.stdin()) return false;
        unreadable(file.display(), 0, t("workbook.stdin"), sink);
        return true;
    }

    private static void unreadable(String label, long line, String message, ValueSink sink) {
        sink.problem(Finding.of(FindingCode.UNREADABLE, new Source(label, line), null, null, null, null, message), 0, 0);
    }

    /** Reads the sheets asked for, or every sheet that holds a table. */
    private static void read(InputFile file, Sheets.Book book, ReadOptions options, ValueSink sink) throws IOException {
        try (book) {
            SheetTemplate tpl = null;
            for (SheetTemplate x : options.templates()) {
                if (x.matches(file.path())) {
                    tpl = x;
                    break;
                }
            }
            List<Sheets.Info> sheets = book.sheets();
            String wanted = options.sheet() != null ? options.sheet() : tpl != null ? tpl.sheet() : null;
            List<Integer> chosen = new ArrayList<>();
            if (wanted != null) {
                int k = sheet(sheets, wanted);
                if (k < 0) {
                    List<String> names = sheets.stream().map(Sheets.Info::name).toList();
                    sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file.display(), 0), null, null, null, null,
                            t("workbook.noSuchSheet", wanted, String.join(", ", names))), 0, 0);
                    return;
                }
                chosen.add(k);
            } else {
                for (int k = 0; k < sheets.size(); k++) chosen.add(k);
            }
            boolean any = false;
            for (int k : chosen) {
                String label = sheets.size() == 1 ? file.display() : file.part(sheets.get(k).name());
                try (Sheets.Rows rows = book.open(k)) {
                    any |= SheetTable.read(file.display(), label, rows, tpl, sink);
                } catch (Xml.Problem p) {
                    any = true;
                    unreadable(label, 0, t("workbook.sheetStopped", t(p.key, p.args)), sink);
                } catch (ZipException e) {
                    any = true;
                    unreadable(label, 0, t("workbook.damaged", e.getMessage()), sink);
                }
            }
            sink.table(null, null);
            if (!any) {
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file.display(), 0), null, null, null, null,
                        t(chosen.size() == 1 ? "workbook.noTable.one" : "workbook.noTable.many", HeaderRule.TITLE_LINES)), 0, 0);
            }
        }
    }

    /** A sheet by name (as written, then ignoring case) or by 1-based number; -1 when there is none. */
    private static int sheet(List<Sheets.Info> sheets, String wanted) {
        for (int k = 0; k < sheets.size(); k++) if (sheets.get(k).name().equals(wanted)) return k;
        for (int k = 0; k < sheets.size(); k++) if (sheets.get(k).name().equalsIgnoreCase(wanted.strip())) return k;
        try {
            int n = Integer.parseInt(wanted.strip());
            return n >= 1 && n <= sheets.size() ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a path names a file that exists (for messages). */
    static boolean exists(java.nio.file.Path p) { return p != null && Files.exists(p); }
}
