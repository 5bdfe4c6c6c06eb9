package dev.tally.cli;

import java.util.List;

/** Lets tests in other packages read the init command's list of bundled sample files. */
public final class InitCommandAccess {
    private InitCommandAccess() {}

    public static List<String> sampleFiles() { return InitCommand.SAMPLE_FILES; }
}
