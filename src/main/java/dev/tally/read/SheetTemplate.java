package dev.tally.read;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * How to read workbooks that no rule reads, from tally.yaml's {@code templates:} (parsed and checked in
 * config): the files it applies to ({@code match}, a glob on the file name, or on the path when it holds
 * a {@code /}), and any of: the sheet to read (a name or a 1-based number), the header's rows
 * ({@code headerFrom}..{@code headerTo}, 1-based), the column that names the unit (letters such as
 * {@code B}, or its header text), the period of a table that has no period column. Unset: null or 0.
 *
 * <pre>
 *   templates:
 *     - match: "bieu-01-*.xlsx"
 *       sheet: Biểu 01
 *       header_rows: 5-6
 *       unit_column: B
 *       period: 2024-H1
 * </pre>
 */
public record SheetTemplate(String match, String sheet, int headerFrom, int headerTo, String unitColumn, String period) {
    /** Whether the template applies to this file. */
    public boolean matches(Path file) {
        if (file == null) return false;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + match);
        return match.contains("/") ? m.matches(file) || m.matches(file.toAbsolutePath().normalize()) : m.matches(file.getFileName());
    }
}
