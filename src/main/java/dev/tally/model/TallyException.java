package dev.tally.model;

/**
 * The one exception type for foreseeable failures. It carries the exit code and a message written
 * for a person: it names the file (and line, where there is one) and says what to do. Main prints
 * the message alone, never a stack trace.
 */
public class TallyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public TallyException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public TallyException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() { return exitCode; }

    public static TallyException config(String message) { return new TallyException(ExitCode.CONFIG, message); }

    public static TallyException io(String message) { return new TallyException(ExitCode.IO, message); }

    public static TallyException usage(String message) { return new TallyException(ExitCode.USAGE, message); }
}
