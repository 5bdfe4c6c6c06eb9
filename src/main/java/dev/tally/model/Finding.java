package dev.tally.model;

/**
 * One problem found while reading or validating. Any of file, unit, period, indicator and value may
 * be null where it does not apply; line is 0 when there is none.
 */
public record Finding(Severity severity, FindingCode code, String file, long line, String unit, String period,
                      String indicator, String value, String message) {

    public static Finding of(FindingCode code, Source where, String unit, String period, String indicator,
                             String value, String message) {
        return new Finding(code.severity(), code, where == null ? null : where.file(), where == null ? 0 : where.line(),
                unit, period, indicator, value, message);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(s, code, file, line, unit, period, indicator, value, message);
    }
}
