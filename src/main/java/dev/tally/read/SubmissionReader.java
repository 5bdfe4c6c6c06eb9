package dev.tally.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tally.io.CsvTokenizer;
import dev.tally.io.TextInput;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Observation;
import dev.tally.model.Period;
import dev.tally.model.Source;
import dev.tally.model.TallyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one submission input, whatever its format, into a stream of observations and findings.
 * The format is recognised from the content: a first character {@code {} or {@code [} is JSON (one
 * object, an array of objects, or NDJSON), anything else CSV, long when the header has
 * {@code unit,period,indicator,value} (other columns ignored), wide when it has {@code unit,period}
 * and one column per indicator code. Nothing is kept per row: memory stays flat however long the file.
 *
 * <p>A value that cannot be read (not a number, a period that does not parse, a row with the wrong
 * number of fields) becomes a finding and counts as rejected; it never stops the file. A CSV quote
 * that never closes, broken JSON or bytes invalid in the encoding stop that file with a finding
 * naming the line reached. A file that cannot be opened at all is an input/output error (exit 4).
 */
public final class SubmissionReader {
    /** Columns of a wide CSV that describe the row rather than hold indicator values. */
    static final Set<String> DESCRIPTIVE = Set.of("unit_name", "name", "comment", "comments", "note", "notes", "level", "ghi_chu");

    private final ReadOptions options;
    private final Map<String, Object> periods = new HashMap<>();

    public SubmissionReader(ReadOptions options) { this.options = options; }

    /** A reusable read buffer for the fast lane: one reader per thread, so one buffer per thread. */
    byte[] scratch = new byte[1 << 20];

    /**
     * Reads a long CSV on from a byte offset at a line start with the ordinary tokenizer: where the
     * fast lane met a quote, which may hide a line break only a real CSV parser can see.
     */
    void continueLong(InputFile file, LongLayout l, long offset, long line, ObservationSink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file.path())) {
            raw.skipNBytes(offset);
            java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
            CsvTokenizer t = new CsvTokenizer(new java.io.InputStreamReader(raw, dec), l.delimiter(), line);
            List<String> row = new ArrayList<>();
            try {
                while (t.next(row)) {
                    sink.record();
                    longRow(file.display(), t.recordLine(), row, l, sink);
                }
            } catch (CsvTokenizer.MalformedCsv e) {
                sink.finding(Finding.of(FindingCode.MALFORMED, new Source(file.display(), e.line), null, null, null, null,
                        e.getMessage() + "; reading stopped here. Fix the quoting"), 0);
            }
        }
    }

    public void read(InputFile file, InputStream stdin, ObservationSink sink) {
        try (InputStream raw = file.stdin() ? stdin : Files.newInputStream(file.path())) {
            TextInput.Opened opened = TextInput.open(raw, options.encoding() == null ? StandardCharsets.UTF_8 : options.encoding(), false);
            BufferedReader r = new BufferedReader(opened.reader(), 1 << 16);
            r.mark(1 << 12);
            int first;
            do {
                first = r.read();
            } while (first == ' ' || first == '\t' || first == '\r' || first == '\n');
            r.reset();
            if (first == -1) {
                sink.finding(Finding.of(FindingCode.NO_DATA, new Source(file.display(), 0), null, null, null, null,
                        "the input is empty; nothing was read"), 0);
                return;
            }
            if (first == '{' || first == '[') readJson(file.display(), r, sink);
            else readCsv(file.display(), r, sink);
        } catch (NoSuchFileException e) {
            throw TallyException.io(file.display() + ": no such file; check the path");
        } catch (IOException e) {
            throw TallyException.io(file.display() + ": cannot read: " + e.getMessage());
        }
    }

    private Finding encodingFinding(String file, long line) {
        String enc = options.encoding() == null ? "UTF-8" : options.encoding().name();
        return Finding.of(FindingCode.ENCODING, new Source(file, line), null, null, null, null,
                "bytes on this line are not valid " + enc + "; its values are rejected. Save the file as UTF-8, or give its encoding, e.g. --encoding windows-1258");
    }

    // ---------------------------------------------------------------- CSV

    private void readCsv(String file, BufferedReader r, ObservationSink sink) throws IOException {
        char delim = options.delimiter() != null ? options.delimiter() : sniffDelimiter(r);
        CsvTokenizer t = new CsvTokenizer(r, delim);
        List<String> row = new ArrayList<>();
        try {
            if (!t.next(row)) return;
            List<String> header = new ArrayList<>();
            for (String h : row) header.add(h.strip().toLowerCase(Locale.ROOT));
            int unit = header.indexOf("unit"), period = header.indexOf("period");
            int indicator = header.indexOf("indicator"), value = header.indexOf("value");
            if (unit < 0 || period < 0) {
                sink.finding(Finding.of(FindingCode.MALFORMED, new Source(file, t.recordLine()), null, null, null, null,
                        "the header has no 'unit' and 'period' columns (delimiter '" + printable(delim)
                                + "'); a submission is unit,period,indicator,value (long) or unit,period,<indicator codes>... (wide)"), 0);
                return;
            }
            if (indicator >= 0 && value >= 0) readLong(file, t, row, header.size(), unit, period, indicator, value, sink);
            else readWide(file, t, row, new ArrayList<>(row), header, unit, period, sink);
        } catch (CsvTokenizer.MalformedCsv e) {
            sink.finding(Finding.of(FindingCode.MALFORMED, new Source(file, e.line), null, null, null, null,
                    e.getMessage() + "; reading stopped here. Fix the quoting"), 0);
        }
    }

    private static String printable(char c) { return c == '\t' ? "\\t" : String.valueOf(c); }

    private static char sniffDelimiter(BufferedReader r) throws IOException {
        r.mark(1 << 14);
        int commas = 0, semis = 0, tabs = 0;
        boolean quoted = false;
        for (int i = 0, c; i < (1 << 14) - 1 && (c = r.read()) != -1; i++) {
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '\n' || c == '\r') break;
            if (c == ',') commas++;
            else if (c == ';') semis++;
            else if (c == '\t') tabs++;
        }
        r.reset();
        if (tabs > commas && tabs > semis) return '\t';
        if (semis > commas) return ';';
        return ',';
    }

    private void readLong(String file, CsvTokenizer t, List<String> row, int width, int unitCol, int periodCol,
                          int indCol, int valueCol, ObservationSink sink) throws IOException {
        LongLayout layout = new LongLayout(',', width, unitCol, periodCol, indCol, valueCol, 0, 0);
        while (t.next(row)) {
            sink.record();
            longRow(file, t.recordLine(), row, layout, sink);
        }
    }

    /** One data row of a long CSV: the ordinary path, also taken by the fast lane for any row it does not handle. */
    void longRow(String file, long line, List<String> row, LongLayout l, ObservationSink sink) {
        if (undecodable(row)) {
            sink.finding(encodingFinding(file, line), 1);
            return;
        }
        if (row.size() < l.needed()) {
            sink.finding(Finding.of(FindingCode.MALFORMED, new Source(file, line), null, null, null, String.join(",", row),
                    "the row has " + row.size() + " fields, the header " + l.width() + "; the value is rejected"), 1);
            return;
        }
        String unit = row.get(l.unit()).strip(), periodText = row.get(l.period()), ind = row.get(l.indicator()).strip();
        Source src = new Source(file, line);
        Period p = period(periodText);
        if (p == null) {
            sink.finding(badPeriod(src, unit, periodText, ind), 1);
            return;
        }
        emit(src, unit, p, ind, row.get(l.value()), sink);
    }

    private void readWide(String file, CsvTokenizer t, List<String> row, List<String> rawHeader, List<String> header,
                          int unitCol, int periodCol, ObservationSink sink) throws IOException {
        List<Integer> cols = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i == unitCol || i == periodCol || DESCRIPTIVE.contains(header.get(i)) || header.get(i).isEmpty()) continue;
            cols.add(i);
            codes.add(rawHeader.get(i).strip());
        }
        int width = header.size();
        while (t.next(row)) {
            sink.record();
            long line = t.recordLine();
            Source src = new Source(file, line);
            if (undecodable(row)) {
                sink.finding(encodingFinding(file, line), cols.size());
                continue;
            }
            if (row.size() != width) {
                sink.finding(Finding.of(FindingCode.MALFORMED, src, row.isEmpty() ? null : row.get(0).strip(), null, null, null,
                        "the row has " + row.size() + " fields, the header " + width + "; its " + cols.size()
                                + " values are rejected. Check for a missing or extra delimiter"), cols.size());
                continue;
            }
            String unit = row.get(unitCol).strip(), periodText = row.get(periodCol);
            Period p = period(periodText);
            if (p == null) {
                sink.finding(badPeriod(src, unit, periodText, null), cols.size());
                continue;
            }
            for (int k = 0; k < cols.size(); k++) emit(src, unit, p, codes.get(k), row.get(cols.get(k)), sink);
        }
    }

    // ---------------------------------------------------------------- JSON

    private void readJson(String file, Reader r, ObservationSink sink) throws IOException {
        JsonFactory f = JsonFactory.builder().build();
        try (JsonParser p = f.createParser(r)) {
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                if (tok == JsonToken.START_ARRAY) {
                    while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (tok == null) break;
                        jsonObject(file, p, tok, sink);
                    }
                } else {
                    jsonObject(file, p, tok, sink);
                }
            }
        } catch (JsonParseException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("");
            sink.finding(Finding.of(FindingCode.MALFORMED, new Source(file, line), null, null, null, null,
                    "not valid JSON: " + msg + "; reading stopped here"), 0);
        }
    }

    private void jsonObject(String file, JsonParser p, JsonToken tok, ObservationSink sink) throws IOException {
        long line = p.currentTokenLocation().getLineNr();
        Source src = new Source(file, line);
        sink.record();
        if (tok != JsonToken.START_OBJECT) {
            p.skipChildren();
            sink.finding(Finding.of(FindingCode.MALFORMED, src, null, null, null, null,
                    "expected a submission object {\"unit\": …, \"period\": …, \"values\": {code: value, …}}"), 0);
            return;
        }
        String unit = null, periodText = null;
        List<String[]> values = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        boolean sawValues = false;
        while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            tok = p.nextToken();
            switch (key) {
                case "unit" -> unit = tok.isScalarValue() && tok != JsonToken.VALUE_NULL ? p.getText().strip() : null;
                case "period" -> periodText = tok.isScalarValue() && tok != JsonToken.VALUE_NULL ? p.getText() : null;
                case "values" -> {
                    sawValues = true;
                    if (tok != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String code = p.currentName();
                        JsonToken vt = p.nextToken();
                        long vline = p.currentTokenLocation().getLineNr();
                        String text;
                        if (vt == JsonToken.VALUE_NULL) text = "";
                        else if (vt == JsonToken.VALUE_NUMBER_INT || vt == JsonToken.VALUE_NUMBER_FLOAT || vt == JsonToken.VALUE_STRING) text = p.getText();
                        else if (vt == JsonToken.VALUE_TRUE) text = "true";
                        else if (vt == JsonToken.VALUE_FALSE) text = "false";
                        else {
                            p.skipChildren();
                            text = "\u0000";
                        }
                        values.add(new String[] {code, text});
                        lines.add(vline);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (unit == null || periodText == null || !sawValues) {
            sink.finding(Finding.of(FindingCode.MALFORMED, src, unit, periodText, null, null,
                    "the object lacks " + (unit == null ? "\"unit\"" : periodText == null ? "\"period\"" : "\"values\"")
                            + "; a submission is {\"unit\": …, \"period\": …, \"values\": {code: value, …}}; its "
                            + values.size() + " values are rejected"), values.size());
            return;
        }
        Period per = period(periodText);
        if (per == null) {
            sink.finding(badPeriod(src, unit, periodText, null), values.size());
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String[] v = values.get(i);
            Source vs = new Source(file, lines.get(i));
            if (v[1].equals("\u0000")) {
                sink.finding(Finding.of(FindingCode.NOT_A_NUMBER, vs, unit, per.text(), v[0], null,
                        "the value is a list or an object; give a number, a numeric string or null"), 1);
                continue;
            }
            emit(vs, unit, per, v[0], v[1], sink);
        }
    }

    // ---------------------------------------------------------------- shared

    Period period(String text) {
        Object cached = periods.get(text);
        if (cached == null) {
            cached = Period.parse(text).<Object>map(x -> x).orElse(Boolean.FALSE);
            periods.put(text, cached);
        }
        return cached instanceof Period p ? p : null;
    }

    private static Finding badPeriod(Source src, String unit, String periodText, String indicator) {
        return Finding.of(FindingCode.BAD_PERIOD, src, unit, periodText, indicator, null,
                "'" + periodText + "' is not a period; use one of " + Period.ACCEPTED_FORMS);
    }

    static final char REPLACEMENT = '\uFFFD';

    private static boolean undecodable(List<String> row) {
        for (String f : row) if (f.indexOf(REPLACEMENT) >= 0) return true;
        return false;
    }

    private void emit(Source src, String unit, Period p, String indicator, String raw, ObservationSink sink) {
        if (unit.indexOf(REPLACEMENT) >= 0 || indicator.indexOf(REPLACEMENT) >= 0 || raw.indexOf(REPLACEMENT) >= 0) {
            sink.finding(encodingFinding(src.file(), src.line()), 1);
            return;
        }
        BigDecimal v = Numbers.parse(raw, options.decimalComma());
        if (v == null) {
            String hint = !options.decimalComma() && raw.contains(",")
                    ? "; for numbers like 1.234,5 use --decimal-comma" : "";
            sink.finding(Finding.of(FindingCode.NOT_A_NUMBER, src, unit, p.text(), indicator, raw.strip(),
                    "'" + raw.strip() + "' is not a number; give a number like 1234 or 1234.5, or leave the cell empty (N/A and - also mean missing)" + hint), 1);
            return;
        }
        sink.observation(new Observation(unit, p, indicator, v == Numbers.MISSING ? null : v, raw, src));
    }
}
