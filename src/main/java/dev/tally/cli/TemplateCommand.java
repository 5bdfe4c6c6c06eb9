package dev.tally.cli;

import static dev.tally.model.ExitCode.CONFIG;
import static dev.tally.model.ExitCode.IO;
import static dev.tally.model.ExitCode.OK;
import static dev.tally.model.ExitCode.USAGE;
import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.model.Era;
import dev.tally.model.ExitCode;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.write.Output;
import dev.tally.write.TemplateWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** tally template: the workbook a unit fills in for a period, which tally reads back as it wrote it. */
@Command(name = "template", header = "Write the workbook (biểu mẫu) a unit fills in for a period.",
        description = "Writes an .xlsx workbook with one sheet per form (or the one --form names): a header block with the "
                + "form, the unit, the period and the deadline; one row per unit that reports the form to --unit, its code, name "
                + "and the period filled in; one column per indicator with its name and unit, required ones marked *, each cell "
                + "checked by Excel's data validation from the catalog's type and bounds. Only the figures' cells can be edited "
                + "(the sheet is protected without a password). The indicator codes sit under their names, so the filled "
                + "workbook is read back with no guessing by validate, rollup and import.")
final class TemplateCommand extends BaseCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--unit", paramLabel = "CODE", required = true, description = "The unit the workbook is for: its rows are the units that report to it.")
    String unit;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period reported (e.g. 2024-H1).")
    String period;

    @Option(names = "--form", paramLabel = "CODE", description = "Only this form (default: every form reported at or under the unit's level).")
    String form;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The workbook to write (.xlsx), atomically.")
    Path output;

    @Override
    public ExitList exits() {
        return ExitList.of().as(OK, "written").brief(USAGE, "an unknown unit or form, nothing to fill").brief(CONFIG)
                .brief(IO, "cannot write FILE");
    }

    @Override
    ExitCode run(Io io) throws IOException {
        Period p = Period.parseOrThrow(period);
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (output.toString().equals("-") || !name.endsWith(".xlsx")) throw TallyException.usage(t("template.output", output));
        Project proj = project.load(io);
        OutputOptions.refuse(output, "-o", proj.files());
        // the units and catalog of the era the period lies in
        Era era = proj.eraOf(p);
        if (era == null) throw TallyException.usage(t("template.straddles", p.text()));
        Unit u = era.hierarchy().unit(unit);
        if (u == null) throw TallyException.usage(t("usage.notUnit", unit));
        List<TemplateWorkbook.Sheet> sheets = TemplateWorkbook.plan(era.roster(), era.catalog(), u, form, p, proj::deadline);
        try (Output target = Output.open(output, io.out())) {
            TemplateWorkbook.write(target.stream(), u, p, sheets);
            target.commit();
        }
        int rows = sheets.stream().mapToInt(s -> s.rows().size()).sum();
        io.note(t("template.written", output, sheets.size(), rows, String.join(", ", sheets.stream().map(TemplateWorkbook.Sheet::name).toList())));
        return OK;
    }
}
