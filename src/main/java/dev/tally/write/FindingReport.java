package dev.tally.write;

import dev.tally.model.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes findings as a table (one finding per row) and renders the closing summary line. */
public final class FindingReport {
    private FindingReport() {}

    /** The location's columns, which a narrow terminal writes before the message as "file:line:". */
    static final String FILE = "file", LINE = "line";
    /** The finding code's column, which a terminal's table never cuts. */
    static final String CODE = "code";
    /** The severity's column, coloured on a terminal as the findings on standard error are. */
    static final String SEVERITY = "severity";

    public static final List<Column> COLUMNS = List.of(Column.text(SEVERITY), Column.text(CODE), Column.text(FILE),
            Column.number(LINE), Column.text("unit"), Column.text("period"), Column.text("indicator"),
            Column.text("value"), Column.text("message"));

    /** The findings as rows, streamed: {@code findings} may be more than memory holds ({@code validate.EveryFinding}). */
    public static void write(TableSink sink, Iterable<Finding> findings, Map<String, Object> meta) throws IOException {
        sink.start(COLUMNS, meta);
        for (Finding f : findings) sink.row(row(f));
        sink.finish();
    }

    public static List<Object> row(Finding f) {
        List<Object> r = new ArrayList<>(9);
        r.add(f.severity().key());
        r.add(f.code().key());
        r.add(f.file());
        r.add(f.line() > 0 ? f.line() : null);
        r.add(f.unit());
        r.add(f.period());
        r.add(f.indicator());
        r.add(f.value());
        r.add(f.message());
        return r;
    }

    /** One line per finding for standard error: "file:line: severity [code] message". */
    public static void printLines(PrintStream err, List<Finding> findings) { printLines(err, findings, false, 0); }

    private static final String RED = "\u001b[31m", YELLOW = "\u001b[33m", BOLD = "\u001b[1m", RESET = "\u001b[0m";

    /**
     * As above, for a terminal: with {@code colour}, the severity in red (error) or yellow (warning);
     * with a {@code width}, each finding wrapped at spaces to it ({@link Cells#hanging}).
     */
    public static void printLines(PrintStream err, List<Finding> findings, boolean colour, int width) {
        // one write for all: standard error flushes on every println, which adds up over 50,000 findings
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            // one finding a line: a newline or an escape sequence inside a quoted code is shown, not acted on
            String plain = Cells.hanging(Visible.of(line(f)), width).replace("\n", System.lineSeparator());
            sb.append(colour ? coloured(f, plain) : plain).append(System.lineSeparator());
            if (sb.length() > 1 << 16) {
                err.print(sb);
                sb.setLength(0);
            }
        }
        err.print(sb);
        err.flush();
    }

    /** {@code plain}, a finding's line, with its severity and code coloured (unless a wrap split them). */
    private static String coloured(Finding f, String plain) {
        String sev = f.severity().key() + " [" + f.code().key() + "]";
        return plain.replaceFirst(java.util.regex.Pattern.quote(sev), java.util.regex.Matcher.quoteReplacement(painted(f.severity(), sev)));
    }

    /** The colour of a severity, wherever findings are shown on a terminal: an error bold red, a warning yellow. */
    static String painted(dev.tally.model.Severity severity, String text) {
        return (severity == dev.tally.model.Severity.ERROR ? BOLD + RED : YELLOW) + text + RESET;
    }

    public static String line(Finding f) {
        StringBuilder sb = new StringBuilder();
        if (f.file() != null) sb.append(f.file()).append(f.line() > 0 ? ":" + f.line() : "").append(": ");
        sb.append(f.severity().key()).append(" [").append(f.code().key()).append("] ");
        if (f.unit() != null && !f.message().contains(f.unit())) sb.append(f.unit()).append(' ');
        sb.append(f.message());
        return sb.toString();
    }

    public static Map<String, Object> meta(Map<String, Object> summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", summary);
        return m;
    }
}
