package dev.tally.read;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** Columns of a wide CSV that describe the row rather than hold indicator values. */
    static final Set<String> DESCRIPTIVE = Set.of("unit_name", "name", "comment", "comments", "note", "notes", "level",
            "ghi_chu", "reported", "expected");

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
        Header h = header(file, t, sink);
        long rows = rows(file, t, h, sink);
        if (rows == 0 && h != null) {
            sink.problem(Finding.of(FindingCode.NO_DATA, new Source(file, t.line()), null, null, null, null,
                    "the file has a header but no rows; nothing was read"), 0, 0);
        }
    }

    /**
     * Reads the header record the tokenizer is on. Null, having reported why, when it cannot be used:
     * the rows are then counted as rejected by {@link #rows}.
     */
    public static Header header(String file, CsvTokenizer t, ValueSink sink) {
        Source src = new Source(file, t.line());
        if (t.problem() != CsvTokenizer.Problem.NONE) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    "the header cannot be read (" + describe(t) + "); nothing of this file is read. Fix the header"), 0, 0);
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
            if (before != null) twice.add("'" + names[i] + "' (columns " + (before + 1) + " and " + (i + 1) + ")");
        }
        if (!twice.isEmpty()) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    "the header names " + String.join(", ", twice) + " twice, so it is not clear which to read; nothing of this "
                            + "file is read. Remove or rename one of them"), 0, 0);
            return null;
        }
        int unit = index(keys, "unit"), period = index(keys, "period"), indicator = index(keys, "indicator"), value = index(keys, "value");
        if (unit < 0 || period < 0) {
            sink.problem(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    "the header has no 'unit' and 'period' columns (delimiter " + Delimiters.shown(t.delimiter())
                            + "); a submission is unit,period,indicator,value (long) or unit,period,<indicator codes>... (wide); "
                            + "nothing of this file is read"), 0, 0);
            return null;
        }
        boolean[] unnamed = new boolean[width];
        if (indicator >= 0 && value >= 0) {
            for (int i = 0; i < width; i++) unnamed[i] = false;
            return new Header(t.delimiter(), width, unit, period, indicator, value, new int[0], new Field[0], names, unnamed);
        }
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (i == unit || i == period || DESCRIPTIVE.contains(keys[i])) continue;
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

    private static int index(String[] keys, String k) {
        for (int i = 0; i < keys.length; i++) if (keys[i].equals(k)) return i;
        return -1;
    }

    /**
     * Reads the rows the tokenizer has left (a whole file after its header, or a slice of it) into
     * the sink; with no usable header ({@code h} null) every row is counted as rejected. Returns the
     * number of rows.
     */
    public static long rows(String file, CsvTokenizer t, Header h, ValueSink sink) throws IOException {
        long rows = 0, skippedRows = 0;
        Field unit = new Field(), period = new Field(), value = new Field(), indicator = new Field();
        while (t.next()) {
            rows++;
            if (h == null) {
                skippedRows++;
                continue;
            }
            long line = t.line();
            if (t.problem() != CsvTokenizer.Problem.NONE) {
                rowProblem(file, t, h, sink);
                continue;
            }
            if (t.fields() != h.width()) {
                wrongWidth(file, t, h, sink);
                continue;
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
                            "a value in " + stray + ", which has no name in the header, so it is not clear what it is; the row's "
                                    + h.values() + " values are rejected. Name the column or empty it"), h.values(), 1);
                    continue;
                }
                sink.begin(unit, period, line);
                for (int k = 0; k < h.indicators().length; k++) sink.value(h.codes()[k], t.field(h.indicators()[k], value), line, false);
                sink.end();
            }
        }
        if (skippedRows > 0) {
            sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, 0), null, null, null, null,
                    skippedRows + " row" + (skippedRows == 1 ? "" : "s") + " not read because of the header above"),
                    0, skippedRows);
        }
        return rows;
    }

    /** The column name of an unnamed column that holds a value in this row, or null. */
    private static String strayValue(CsvTokenizer t, Header h) {
        boolean[] unnamed = h.unnamed();
        for (int i = 0; i < unnamed.length; i++) {
            if (unnamed[i] && !t.field(i).trim().isEmpty()) return "column " + (i + 1);
        }
        return null;
    }

    private static void rowProblem(String file, CsvTokenizer t, Header h, ValueSink sink) {
        FindingCode code = t.problem() == CsvTokenizer.Problem.ENCODING ? FindingCode.ENCODING : FindingCode.MALFORMED;
        String what = describe(t);
        String tail = t.problem() == CsvTokenizer.Problem.ENCODING
                ? "; its values are rejected. Save the file as UTF-8, or give its encoding, e.g. --encoding windows-1258"
                : "; " + (h.values() == 1 ? "its value is" : "its " + h.values() + " values are") + " rejected";
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
            case UNCLOSED_QUOTE -> "a quoted field opened on this line is never closed; reading went on with the next line. Fix the quoting";
            case AFTER_QUOTE -> "a character follows a closing quote (\"a\"b); fix the quoting";
            case FIELD_TOO_LONG -> "a field is longer than " + CsvTokenizer.MAX_FIELD / (1 << 20) + " MB, the most tally reads";
            case RECORD_TOO_LONG -> "the row is " + t.recordBytes() + " bytes long with " + t.fieldCount() + " fields; tally reads rows of at most "
                    + CsvTokenizer.MAX_RECORD / (1 << 20) + " MB";
            case TOO_MANY_FIELDS -> "the row has " + t.fieldCount() + " fields; tally reads at most " + CsvTokenizer.MAX_FIELDS;
            case ENCODING -> "bytes on this line are not valid UTF-8 (or in the given --encoding)";
            case NONE -> "";
        };
    }

    private static void wrongWidth(String file, CsvTokenizer t, Header h, ValueSink sink) {
        int n = t.fields();
        String unitText = h.unit() < n ? t.field(h.unit()).shown() : null;
        String values = h.isLong() ? "its value is rejected"
                : "its " + h.values() + " value" + (h.values() == 1 ? "" : "s") + (h.values() > 0 ? " (" + names(h) + ")" : "")
                        + (h.values() == 1 ? " is" : " are") + " rejected";
        sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, t.line()), unitText, null, names(h), null,
                "the row has " + n + " field" + (n == 1 ? "" : "s") + " but the header " + h.width() + "; " + values
                        + ". Check for a missing or extra delimiter (" + Delimiters.shown(t.delimiter()) + ")"), h.values(), 1);
    }
}
