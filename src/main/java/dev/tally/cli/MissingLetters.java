package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.write.Column;
import dev.tally.write.FileNames;
import dev.tally.write.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code status --missing --split-by LEVEL -o DIR}: the list of what is owed, one file per unit of
 * LEVEL with something owed below it (the letter each district gets: "đề nghị bổ sung số liệu"), in
 * DIR, which is created when absent. Each file is named {@link FileNames#forUnit CODE_Name.EXT} and
 * written atomically; an error on one leaves the files before it written and whole, and it is an
 * input/output error naming that file. Standard error says which files were written, and which files
 * of the same extension in DIR this run did not write (an earlier run's letters, which are not sent
 * again by mistake for want of being told).
 */
final class MissingLetters {
    private MissingLetters() {}

    /** Refuses, before anything is read, --split-by without --missing or without a directory to write into. */
    static void check(boolean missing, OutputOptions out) {
        if (!missing) throw TallyException.usage(t("status.split.needsMissing"));
        if (out.toStdout()) throw TallyException.usage(t("status.split.needsDir"));
        if (Files.exists(out.output) && !Files.isDirectory(out.output)) throw TallyException.usage(t("status.split.notDirectory", out.output));
    }

    static void write(Io io, OutputOptions out, Format format, List<Column> columns, List<StatusCommand.Owed> owed, String level,
                      Collection<Path> inputs) throws IOException {
        Path dir = out.output;
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                throw TallyException.io(t("status.split.cannotCreate", dir, e.getMessage() == null ? e.getClass().getSimpleName() : e.toString()));
            }
        }
        // one letter per unit: a unit of two eras with the same code and name is one addressee
        Map<String, List<StatusCommand.Owed>> byLetter = new LinkedHashMap<>();
        Map<String, Unit> addressee = new LinkedHashMap<>();
        for (StatusCommand.Owed o : owed) {
            String key = o.letter().code() + "\u0000" + o.letter().name();
            byLetter.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            addressee.putIfAbsent(key, o.letter());
        }
        if (byLetter.isEmpty()) {
            io.note(t("status.split.nothing", dir));
            return;
        }
        Set<String> taken = new HashSet<>();
        List<String> written = new ArrayList<>();
        for (var e : byLetter.entrySet()) {
            Unit u = addressee.get(e.getKey());
            String name = FileNames.forUnit(u.code(), u.name(), format.extension(), taken);
            Path file = dir.resolve(name);
            OutputOptions.refuse(file, "-o", inputs);
            out.write(io, file, format, false, sink -> {
                sink.start(columns, Map.of());
                for (StatusCommand.Owed o : e.getValue()) sink.row(o.cells());
                sink.finish();
            });
            written.add(name);
        }
        io.note(t("status.split.written", dev.tally.model.Text.count(written.size(), "summary.files"), dir, level, String.join(", ", written)));
        List<String> others = new ArrayList<>();
        try (Stream<Path> in = Files.list(dir)) {
            in.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(format.extension()) && !taken.contains(f.toLowerCase(java.util.Locale.ROOT)))
                    .sorted().forEach(others::add);
        }
        if (!others.isEmpty()) {
            io.note(t("status.split.others", dir, dev.tally.model.Text.count(others.size(), "summary.files"), String.join(", ", others)));
        }
    }
}
