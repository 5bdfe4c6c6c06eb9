package dev.tally.read;

import static dev.tally.model.Text.reason;
import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Expands the INPUT arguments: a file is taken as it is (whatever its extension: the content decides
 * the format), a directory gives every supported file below it in sorted order, {@code -} is standard
 * input. A path that does not exist is an input/output error (exit 4) naming it.
 */
public final class Inputs {
    private Inputs() {}

    static final List<String> EXTENSIONS = InputFormat.allExtensions();

    public static List<InputFile> expand(List<String> args) { return expand(args, link -> { }); }

    /**
     * As {@link #expand(List)}, and tells {@code nowhere} of each link below a directory that has a
     * submission's name but leads to no file that can be read (its target gone, as on a share not
     * mounted, unreadable, or a loop of links): it is not read, as find(1) would not list it, but a
     * report behind it must not go missing without a word.
     */
    public static List<InputFile> expand(List<String> args, Consumer<Path> nowhere) {
        List<InputFile> out = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                out.add(new InputFile("-", null));
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                int before = out.size();
                // a link named here is followed (as find -H does; the walk itself follows no link, and listed nothing
                // for it), and its files are named below it
                Path start;
                try {
                    start = Files.isSymbolicLink(p) ? p.toRealPath() : p;
                } catch (IOException e) {
                    throw TallyException.io(t("file.cannotList", a, reason(e)));
                }
                List<Path> found = new ArrayList<>(), leadNowhere = new ArrayList<>();
                try {
                    walk(start, found, leadNowhere::add);
                } catch (IOException e) {
                    throw TallyException.io(t("file.cannotList", a, reason(e)));
                }
                Collections.sort(found);
                // told in the order the files are read, not in the order the folders happen to list them
                Collections.sort(leadNowhere);
                for (Path f : leadNowhere) nowhere.accept(start == p ? f : p.resolve(start.relativize(f)));
                for (Path f : found) {
                    Path named = start == p ? f : p.resolve(start.relativize(f));
                    out.add(new InputFile(named.toString(), named));
                }
                if (out.size() == before) {
                    // silence here would let a cron job publish an empty table as if all were well
                    throw TallyException.io(t("file.noSubmissions", a, String.join(" ", EXTENSIONS)));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new InputFile(a, p));
            } else if (Files.exists(p)) {
                throw TallyException.io(t("file.notRegular", a));
            } else if (Files.isSymbolicLink(p)) {
                // its target gone, unreadable or a loop: "no such file or directory" would send one looking for the link
                throw TallyException.io(t("file.linkNowhere", a));
            } else {
                throw TallyException.io(t("file.noSuchPath", a));
            }
        }
        return out;
    }

    /**
     * Adds the supported files below {@code top} to {@code out}, in no order, but for hidden files and
     * folders (a name that starts with a dot) and Excel's lock files. The walk follows no link
     * (a link to a directory is left, which also keeps a loop of links from being walked for ever); a
     * link to a file counts, as Files.isRegularFile follows it. One stat an entry, and a directory
     * read once: Files.find did the same through a stream of attribute objects and an iterator per
     * directory, 63 ms of the main thread's time before any reading could start for the real-shaped
     * set's 1,449 entries (693 files); from the walk's start to the plan's 76-98 ms then, 46-77 ms so (three runs each).
     */
    private static void walk(Path top, List<Path> out, Consumer<Path> nowhere) throws IOException {
        ArrayDeque<Path> dirs = new ArrayDeque<>();
        dirs.push(top);
        while (!dirs.isEmpty()) {
            Path dir = dirs.pop();
            String[] names = names(dir);
            if (names != null) {
                for (String name : names) entry(dir, name, null, dirs, out, nowhere);
                continue;
            }
            STREAMED.incrementAndGet();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path f : entries) entry(dir, f.getFileName().toString(), f, dirs, out, nowhere);
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
        }
    }

    /** One entry of a folder: {@code f} its path as listed, or null to make it from {@code name}. */
    private static void entry(Path dir, String name, Path f, ArrayDeque<Path> dirs, List<Path> out, Consumer<Path> nowhere) throws IOException {
        // a hidden file or folder is passed over without a stat: a desktop's .Trash-1000, a notebook's
        // .ipynb_checkpoints, .git hold copies, not the submissions
        if (hidden(name)) return;
        if (f == null) f = dir.resolve(name);
        BasicFileAttributes kind;
        try {
            kind = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            // removed since the folder was listed (a lock file LibreOffice just let go of): not there to read
            return;
        }
        if (kind.isDirectory()) {
            dirs.push(f);
        } else if (supported(name)) {
            if (kind.isRegularFile() || kind.isSymbolicLink() && Files.isRegularFile(f)) out.add(f);
            // a link to a folder or a device is passed over as such; one that leads nowhere is told
            else if (kind.isSymbolicLink() && !Files.exists(f)) nowhere.accept(f);
        }
    }

    /**
     * The names in a directory, read by one call (java.io.File#list: the real-shaped set's 757
     * folders in 757 calls into the JDK's native code, where a DirectoryStream makes several a folder
     * and one an entry: the walk's CPU 77 -> 49 ms); null when the directory stream must list it.
     * java.io.File decodes each name to text, which a path made from it again holds byte for byte
     * only when the names are decoded as UTF-8 without a fault: a name in another encoding (café.csv
     * from an old Windows share, in Latin-1), or any name under a JVM whose file names are not UTF-8
     * (java -jar in cron's C locale), would lead to no file and be passed over. Such a folder is
     * listed by the directory stream, which keeps each name's bytes, as is one that java.io.File
     * cannot list, to say why (permission denied).
     */
    private static String[] names(Path dir) {
        // a folder whose own path has such a name too: java.io.File would list the folder its text names
        // (a sibling called caf\uFFFD, left so by a tool that replaced the bytes), or none
        String[] names = UTF8_NAMES && dir.toString().indexOf('\uFFFD') < 0 ? dir.toFile().list() : null;
        return names != null && decodedWhole(names) ? names : null;
    }

    /** Folders listed by the directory stream rather than by name (tests prove which way a walk takes). */
    static final java.util.concurrent.atomic.AtomicLong STREAMED = new java.util.concurrent.atomic.AtomicLong();

    /** Whether this JVM decodes file names as UTF-8 (the launcher runs it in a UTF-8 locale; java -jar in C does not). */
    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    /** No name with a byte that UTF-8 could not decode (each such byte becomes U+FFFD). */
    private static boolean decodedWhole(String[] names) {
        for (String n : names) if (n.indexOf('\uFFFD') >= 0) return false;
        return true;
    }

    /** A hidden file or folder, passed over below an input folder: its name starts with a dot. */
    private static boolean hidden(String name) { return name.startsWith("."); }

    static boolean supported(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // hidden files, and the lock file Excel leaves beside a workbook it has open (~$report.xlsx)
        if (hidden(n) || n.startsWith("~$")) return false;
        for (String e : EXTENSIONS) if (n.endsWith(e)) return true;
        return false;
    }
}
