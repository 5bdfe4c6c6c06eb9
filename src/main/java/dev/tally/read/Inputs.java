package dev.tally.read;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands the INPUT arguments: a file is taken as it is (whatever its extension: the content decides
 * the format), a directory gives every supported file below it in sorted order, {@code -} is standard
 * input. A path that does not exist is an input/output error (exit 4) naming it.
 */
public final class Inputs {
    private Inputs() {}

    static final List<String> EXTENSIONS = InputFormat.allExtensions();

    public static List<InputFile> expand(List<String> args) {
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
                    throw TallyException.io(t("file.cannotList", a, e.getMessage()));
                }
                // find, not walk then isRegularFile: the walk has each file's attributes already (one stat a file, not two)
                try (Stream<Path> s = Files.find(start, Integer.MAX_VALUE, (f, attrs) ->
                        // a link to a file counts, as Files.isRegularFile follows it (the walk itself follows none);
                        // the kind first: the walk's start, which may be a root without a name, is a directory
                        (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f)) && supported(f.getFileName().toString()))) {
                    s.map(f -> start == p ? f : p.resolve(start.relativize(f)))
                            .sorted()
                            .forEach(f -> out.add(new InputFile(f.toString(), f)));
                } catch (IOException e) {
                    throw TallyException.io(t("file.cannotList", a, e.getMessage()));
                }
                if (out.size() == before) {
                    // silence here would let a cron job publish an empty table as if all were well
                    throw TallyException.io(t("file.noSubmissions", a, String.join(" ", EXTENSIONS)));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new InputFile(a, p));
            } else if (Files.exists(p)) {
                throw TallyException.io(t("file.notRegular", a));
            } else {
                throw TallyException.io(t("file.noSuchPath", a));
            }
        }
        return out;
    }

    static boolean supported(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // hidden files, and the lock file Excel leaves beside a workbook it has open (~$report.xlsx)
        if (n.startsWith(".") || n.startsWith("~$")) return false;
        for (String e : EXTENSIONS) if (n.endsWith(e)) return true;
        return false;
    }
}
