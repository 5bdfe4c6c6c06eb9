package dev.tally.ingest;

import dev.tally.model.Era;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.read.Submissions;
import dev.tally.validate.Validator;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a plan's files (tally.yaml's {@code plans:}, or {@code --plan}): targets in the submission
 * formats, a long table {@code unit, period, indicator, target} (or {@code value}), a wide one, JSON or
 * a workbook, through the same readers and the same {@link Validator} as submissions
 * ({@link Validator#forTargets}): an unknown unit or indicator, a period that does not parse, a value
 * that is not a number (or not of the indicator's type, or out of its bounds), a target given twice
 * are findings with the file and line, and each rejected value is counted. Read in one thread, in the
 * units and catalog of {@code era} (those of the table the targets are compared with). A file that
 * cannot be opened is an input/output error (exit 4), as a submission's is.
 */
public final class PlanFiles {
    private PlanFiles() {}

    /** @param stdin standard input, for a plan given as {@code -} */
    public static Validator.Result read(Era era, List<InputFile> files, ReadOptions options, InputStream stdin) {
        List<String> names = files.stream().map(InputFile::display).toList();
        // sparse: a plan names a few units of a national hierarchy, for a few periods
        Validator v = new Validator(era.roster(), era.catalog(), List.of(), names, true, options.decimalComma()).forTargets();
        Validator.Part part = v.part();
        Submissions.Scratch scratch = new Submissions.Scratch();
        for (int i = 0; i < files.size(); i++) {
            part.startInput(i);
            Submissions.read(files.get(i), stdin, options, part, scratch);
        }
        return v.finish(List.of(part), false);
    }
}
