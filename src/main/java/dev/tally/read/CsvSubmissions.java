package dev.tally.read;

import static dev.tally.model.Text.t;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV submissions, long ({@code unit,period,indicator,value}, other columns ignored) or wide
 * ({@code unit,period} and one column per indicator code), from the {@link CsvTokenizer}'s records to
 * the {@link ValueSink}. Every row must have as many fields as the header: a row with more or fewer
 * is a finding for that row (its values rejected), never truncated or padded. A header that names a
 * column twice, or that has no {@code unit} and {@code period}, is a finding for the file, and its
 * rows are counted as rejected.
 */
public final class CsvSubmissions {
    private CsvSubmissions() {}

    /** Where the columns are. {@code indicators} and {@code codes}: the wide shape's value columns. */
    public record Header(byte delimiter, int width, int unit, int period, int indicator, int value, int[] indicators,
                         Field[] codes, String[] names, boolean[] unnamed) {
        public boolean isLong() { return indicator >= 0; }

        /** Values a row holds. */
        int values() { return isLong() ? 1 : indicators.length; }
    }

    /** Reads a whole CSV input: the header, then every row. */
    static void read(String file, CsvTokenizer t, ReadOptions options, ValueSink sink) throws IOException {
        if (!t.next()) return;
        // lines of spaces and tabs above the header are blank lines, as they are to the head (Submissions)
        while (blank(t)) {
            if (!t.next()) {
                sink.problem(Finding.of(FindingCode.NO_DATA, new Source(file, 0), null, null, null, null, t("input.blank")), 0, 0);
                return;
            }
        }
        Header h = header(file, t, sink);
        long rows = rows(file, t, h, sink);
        if (rows == 0 && h != null) {
            sink.problem(Finding.of(FindingCode.NO_DATA, new Source(file, t.line()), null, null, null, null,
                    t("csv.noRows")), 0, 0);
        }
    }

    /** Whether the record holds nothing but spaces and tabs: one such field, or several split by tabs or spaces. */
    private static boolean blank(CsvTokenizer t) {
        if (t.problem() != CsvTokenizer.Problem.NONE) return false;
        if (t.fields() > 1 && t.delimiter() != '\t' && t.delimiter() != ' ') return false;
        for (int i = 0; i < t.fields(); i++) if (!t.field(i).trim().isEmpty()) return false;
        return true;
    }

    /**
     * Reads the header record the tokenizer is on. Null, having reported why, when it cannot be used:
     * the rows are then counted as rejected by {@link #rows}.
     */
    public static Header header(String file, CsvTokenizer t, ValueSink sink) {
        Source src = new Source(file, t.line());
        if (t.problem() != CsvTokenizer.Problem.NONE) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    t("csv.badHeader", describe(t))), 0, 0);
            return null;
        }
        int width = t.fields();
        String[] names = new String[width];
        String[] keys = new String[width];
        Map<String, Integer> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            names[i] = Field.nfc(t.text(i).strip());
            keys[i] = names[i].toLowerCase(Locale.ROOT);
            if (keys[i].isEmpty()) continue;
            Integer before = seen.putIfAbsent(keys[i], i);
            if (before != null) twice.add(t("csv.twiceColumns", names[i], before + 1, i + 1));
        }
        if (!twice.isEmpty()) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    t("csv.twice", String.join(", ", twice))), 0, 0);
            return null;
        }
        HeaderRule.Role[] roles = new HeaderRule.Role[width];
        for (int i = 0; i < width; i++) roles[i] = HeaderRule.role(names[i], sink.targets());
        int unit = index(roles, HeaderRule.Role.UNIT), period = index(roles, HeaderRule.Role.PERIOD),
                indicator = index(roles, HeaderRule.Role.INDICATOR), value = index(roles, HeaderRule.Role.VALUE);
        if (unit < 0 || period < 0) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    t("csv.noUnitPeriod", Delimiters.shown(t.delimiter()))), 0, 0);
            return null;
        }
        boolean[] unnamed = new boolean[width];
        if (indicator >= 0 && value >= 0) {
            for (int i = 0; i < width; i++) unnamed[i] = false;
            return new Header(t.delimiter(), width, unit, period, indicator, value, new int[0], new Field[0], names, unnamed);
        }
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            // the unit's name beside its code, STT, Ghi chú …: they describe the row (HeaderRule)
            if (i == unit || i == period || roles[i] == HeaderRule.Role.UNIT_NAME || roles[i] == HeaderRule.Role.DESCRIPTIVE) continue;
            if (keys[i].isEmpty()) {
                unnamed[i] = true;
                continue;
            }
            cols.add(i);
        }
        int[] idx = cols.stream().mapToInt(Integer::intValue).toArray();
        Field[] codes = new Field[idx.length];
        for (int k = 0; k < idx.length; k++) codes[k] = Field.of(names[idx[k]]);
        return new Header(t.delimiter(), width, unit, period, -1, -1, idx, codes, names, unnamed);
    }

    private static int index(HeaderRule.Role[] roles, HeaderRule.Role r) {
        for (int i = 0; i < roles.length; i++) if (roles[i] == r) return i;
        return -1;
    }

    /**
     * Reads the rows the tokenizer has left (a whole file after its header, or a slice of it) into
     * the sink; with no usable header ({@code h} null) every row is counted as rejected. Returns the
     * number of rows.
     */
    public static long rows(String file, CsvTokenizer t, Header h, ValueSink sink) throws IOException {
        long rows = 0, skippedRows = 0, headerLine = -1;
        Field unit = new Field(), period = new Field(), value = new Field(), indicator = new Field();
        while (t.next()) {
            rows++;
            if (h == null) {
                skippedRows++;
                // a report's title lines above its header (a spreadsheet's layout): the header found
                // further down is named in the finding, with what to delete
                if (headerLine < 0 && skippedRows <= HeaderRule.TITLE_LINES && looksLikeHeader(t)) headerLine = t.line();
                continue;
            }
            readRecord(file, t, h, sink, unit, period, indicator, value);
        }
        if (skippedRows > 0) {
            sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, 0), null, null, null, null,
                    t(skippedRows == 1 ? "csv.skippedRows.one" : "csv.skippedRows.many", skippedRows)
                            + (headerLine > 0 ? t(headerLine == 2 ? "csv.headerFurtherDown.one" : "csv.headerFurtherDown.many", headerLine,
                                    headerLine - 1) : "")),
                    0, skippedRows);
        }
        return rows;
    }

    /**
     * The record the tokenizer is on, under a usable header, into the sink. A method of its own, called
     * once a record, so that C1 compiles it after about 200 records: the loop in {@link #rows} is
     * compiled only after 60,000 (a W1 profile: 31 ms of its reading in the interpreter).
     */
    private static void readRecord(String file, CsvTokenizer t, Header h, ValueSink sink, Field unit, Field period, Field indicator, Field value) {
        long line = t.line();
        if (t.problem() != CsvTokenizer.Problem.NONE) {
            rowProblem(file, t, h, sink);
            return;
        }
        if (t.fields() != h.width()) {
            wrongWidth(file, t, h, sink);
            return;
        }
        t.field(h.unit(), unit);
        t.field(h.period(), period);
        if (h.isLong()) {
            sink.begin(unit, period, line);
            sink.value(t.field(h.indicator(), indicator), t.field(h.value(), value), line, false);
            sink.end();
        } else {
            String stray = strayValue(t, h);
            if (stray != null) {
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, line), t.text(h.unit()).strip(), null, null, null,
                        t("csv.stray", stray, h.values())), h.values(), 1);
                return;
            }
            sink.begin(unit, period, line);
            for (int k = 0; k < h.indicators().length; k++) sink.value(h.codes()[k], t.field(h.indicators()[k], value), line, false);
            sink.end();
        }
    }

    /**
     * Whether the record is a header by {@link HeaderRule}, whatever the delimiter it was split by (a
     * title line above can make the sniffer pick the wrong one).
     */
    private static boolean looksLikeHeader(CsvTokenizer t) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.fields() && i < 1000; i++) names.addAll(List.of(t.text(i).split("[,;\t]")));
        return HeaderRule.isHeader(names, false, false);
    }

    /** The column name of an unnamed column that holds a value in this row, or null. */
    private static String strayValue(CsvTokenizer t, Header h) {
        boolean[] unnamed = h.unnamed();
        for (int i = 0; i < unnamed.length; i++) {
            if (unnamed[i] && !t.field(i).trim().isEmpty()) return t("csv.column", i + 1);
        }
        return null;
    }

    private static void rowProblem(String file, CsvTokenizer t, Header h, ValueSink sink) {
        FindingCode code = t.problem() == CsvTokenizer.Problem.ENCODING ? FindingCode.ENCODING : FindingCode.MALFORMED;
        String what = describe(t);
        String tail = t.problem() == CsvTokenizer.Problem.ENCODING ? t("csv.encodingTail")
                : h.values() == 1 ? t("csv.valueRejected") : t("csv.valuesRejected", h.values());
        sink.problem(Finding.of(code, new Source(file, t.problemLine()), null, null, names(h), null, what + tail), h.values(), 1);
    }

    private static String names(Header h) {
        if (h.isLong()) return null;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < h.codes().length && k < 20; k++) sb.append(k > 0 ? " " : "").append(h.codes()[k]);
        if (h.codes().length > 20) sb.append(" …");
        return sb.length() == 0 ? null : sb.toString();
    }

    static String describe(CsvTokenizer t) {
        return switch (t.problem()) {
            case UNCLOSED_QUOTE -> t("csv.unclosedQuote");
            case AFTER_QUOTE -> t("csv.afterQuote");
            case FIELD_TOO_LONG -> t("csv.fieldTooLong", CsvTokenizer.MAX_FIELD / (1 << 20));
            case RECORD_TOO_LONG -> t("csv.rowTooLong", t.recordBytes(), t.fieldCount(), CsvTokenizer.MAX_RECORD / (1 << 20));
            case TOO_MANY_FIELDS -> t("csv.tooManyFields", t.fieldCount(), CsvTokenizer.MAX_FIELDS);
            case ENCODING -> t("csv.encoding");
            case NONE -> "";
        };
    }

    private static void wrongWidth(String file, CsvTokenizer t, Header h, ValueSink sink) {
        int n = t.fields();
        String unitText = h.unit() < n ? t.field(h.unit()).shown() : null;
        String values = h.isLong() || h.values() == 0 ? t("csv.width.oneValue")
                : h.values() == 1 ? t("csv.width.oneOf", names(h)) : t("csv.width.values", h.values(), names(h));
        sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, t.line()), unitText, null, names(h), null,
                t("csv.width", n, h.width(), values, Delimiters.shown(t.delimiter()))), h.values(), 1);
    }
}
