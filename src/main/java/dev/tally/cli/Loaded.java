package dev.tally.cli;

import dev.tally.config.Project;
import dev.tally.model.Period;
import dev.tally.read.InputFile;
import dev.tally.read.Inputs;
import dev.tally.validate.Ingest;
import dev.tally.validate.Validator;
import java.util.List;

/** The project and the validated data a command works on: the shared first half of validate and rollup. */
record Loaded(Project project, List<InputFile> files, Validator.Result result) {
    static Loaded of(Io io, ProjectOptions project, InputOptions input, Character delimiter, List<Period> within, List<String> inputs) {
        var readOptions = input.toReadOptions(delimiter);
        List<InputFile> files = Inputs.expand(inputs);
        long t0 = System.nanoTime();
        Project p = project.load(io);
        if (System.getenv("TALLY_TIMING") != null) io.err().printf("timing: %-18s %6d ms%n", "load project", (System.nanoTime() - t0) / 1_000_000);
        Validator.Result r = Ingest.run(p.hierarchy(), p.catalog(), within, files, readOptions, io.in(), input.threads);
        return new Loaded(p, files, r);
    }

    List<String> inputNames() { return files.stream().map(InputFile::display).toList(); }
}
