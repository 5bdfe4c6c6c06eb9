package dev.tally.cli;

import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** tally init: create a project (tally.yaml, starter units and catalog), or a copy of the bundled sample. */
@Command(name = "init",         header = "Create a project: tally.yaml with units, catalog, store and deadline.",
        description = "Writes tally.yaml into DIR (created if needed) with units: units.csv, catalog: catalog.yaml, store: tally.db, "
                + "levels and deadline_days, plus starter units and catalog files where none exist. With --sample it copies in "
                + "the bundled Vietnamese sample (Bắc Giang, Bắc Kạn, Quận Bình Thạnh) so every command can be tried at once. "
                + "An existing tally.yaml is never overwritten.")
final class InitCommand extends BaseCommand {
    /** The bundled sample's files, relative to samples/ (a test checks this list against the directory). */
    static final List<String> SAMPLE_FILES = List.of("units.csv", "catalog.yaml",
            "submissions/2018-H1/binh-thanh.csv", "submissions/2020/bac-kan.json", "submissions/2023-H1/bac-giang-tp.csv", "submissions/2020/bac-kan-tp-district.json",
            "submissions/2024-H1/bac-giang-districts.csv", "submissions/2024-H1/bac-giang-tp-wide.csv",
            "submissions/2024-H1/luc-nam.ndjson", "faulty/luc-nam-2024-H1-errors.csv", "workbooks/luc-nam-2024-H1.xlsx",
            "history/bac-giang-2021-H1.csv", "history/bac-giang-2021-H2.csv", "history/bac-giang-2022-H1.csv",
            "history/bac-giang-2022-H2.csv", "history/bac-giang-2023-H1.csv", "history/bac-giang-2023-H2.csv",
            "reorganisation/tally.yaml", "reorganisation/units-2025.csv", "reorganisation/catalog-2025.yaml",
            "reorganisation/mapping-2025.csv", "reorganisation/submissions/old-units-2024-H2.csv",
            "reorganisation/submissions/new-units-2025-H2.csv", "plans/2024-H1.csv");

    static final String PROJECT = """
            # tally project: paths are relative to this file
            units: units.csv
            catalog: catalog.yaml
            # the workspace that tally import writes; any SQLite tool can open it
            store: tally.db
            # level names, top-down
            levels: [province, district, commune]
            # reports are on time when received within this many days after the period ends
            deadline_days: 15
            """;

    static final String STARTER_UNITS = """
            code,name,parent,level
            P1,Tỉnh (đổi tên),,province
            P1-D1,Huyện (đổi tên),P1,district
            P1-D1-C1,Xã (đổi tên),P1-D1,commune
            """;

    static final String STARTER_CATALOG = """
            # the indicators every report gives; see README.md for every field
            indicators:
              - code: dvk_models
                name: Mô hình "Dân vận khéo" đăng ký
                type: integer
                unit: mô hình
                required: true
                min: 0
            rules: []
            """;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to create the project (default: the current directory).")
    Path dir;

    @Option(names = "--sample", description = "Copy in the bundled sample data set.")
    boolean sample;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "created").brief(USAGE, "tally.yaml exists already").brief(IO, "cannot write DIR");
    }

    @Override
    ExitCode run(Io io) {
        Path target = dir == null ? Path.of(".") : dir;
        Path yaml = target.resolve("tally.yaml");
        if (Files.exists(yaml)) {
            throw TallyException.usage(t("usage.initExists", yaml));
        }
        try {
            Files.createDirectories(target);
            if (sample) {
                for (String f : SAMPLE_FILES) {
                    Path to = target.resolve(f);
                    Files.createDirectories(to.toAbsolutePath().getParent());
                    try (InputStream in = InitCommand.class.getResourceAsStream("/dev/tally/sample/" + f)) {
                        if (in == null) throw new IOException(t("cli.sampleMissing", f));
                        Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    io.out().println(t("cli.created", to));
                }
            } else {
                writeIfAbsent(io, target.resolve("units.csv"), STARTER_UNITS);
                writeIfAbsent(io, target.resolve("catalog.yaml"), STARTER_CATALOG);
            }
            Files.writeString(yaml, PROJECT, StandardCharsets.UTF_8);
            io.out().println(t("cli.created", yaml));
        } catch (IOException e) {
            throw TallyException.io(t("cli.cannotCreateProject", target, e.getMessage()));
        }
        io.out().println(sample
                ? t("cli.nextSample", target)
                : t("cli.nextStarter"));
        return ExitCode.OK;
    }

    private static void writeIfAbsent(Io io, Path p, String text) throws IOException {
        if (Files.exists(p)) {
            io.out().println(t("cli.kept", p));
            return;
        }
        Files.writeString(p, text, StandardCharsets.UTF_8);
        io.out().println(t("cli.created", p));
    }
}
