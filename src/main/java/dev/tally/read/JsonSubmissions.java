package dev.tally.read;

import static dev.tally.model.Text.t;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON submissions: one object {@code {"unit": …, "period": …, "values": {code: value, …}}}, an array
 * of them, or NDJSON (one per line), into the {@link ValueSink}; also the stored form of a
 * submission's values ({@link #readStored}). Values are numbers, numeric strings, yes/no words or
 * null (missing); they reach the sink as text and are parsed there, like a CSV cell.
 *
 * <p>Every shape that is not a submission is a finding naming the file, the line and the JSON path
 * ({@code $[3].values: expected an object …, found an array}); a key given twice in one object is a
 * finding. A line of NDJSON that is not valid JSON is a finding for that line, and reading resumes on
 * the next line; in a single document, reading stops at the first place that is not valid JSON
 * (nothing after it can be trusted) and says so. Bounded: nesting depth, string and number lengths
 * and the entries of one object are limited, so a hostile file costs a finding, not the run.
 */
public final class JsonSubmissions {
    private JsonSubmissions() {}

    /** Deeper nesting than a submission needs by far; beyond it a file is malformed. */
    static final int MAX_DEPTH = 64;
    /** The most entries one {@code values} object may have. */
    static final int MAX_ENTRIES = 100_000;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(CsvTokenizer.MAX_FIELD)
                    .maxNumberLength(CsvTokenizer.MAX_FIELD)
                    .maxNameLength(CsvTokenizer.MAX_FIELD)
                    .build())
            .build();

    /** Reads JSON from {@code in}, whose first bytes ({@code head[from, to)}) are already known. */
    static void read(String file, InputStream in, byte[] head, int from, int to, ValueSink sink) throws IOException {
        int first = from;
        while (first < to && isSpace(head[first])) first++;
        Reader r = new Reader(file, sink);
        if (head[first] == '{' && completeFirstLine(head, first, to)) {
            r.ndjson(in);
        } else {
            r.document(in);
        }
    }

    /**
     * Reads a stored submission: its value map (a JSON object from code to value), and for each
     * value the input it came from and its line, in the map's order.
     */
    public static void readStored(String file, Field unit, Field period, byte[] values, int[] inputs, long[] lines, ValueSink sink) {
        storedReader(file, sink).read(unit, period, values, inputs, lines);
    }

    /** Reads stored submissions one after another into one sink, re-using its buffers. */
    public interface StoredReader {
        /** One stored submission: see {@link #readStored}. */
        void read(Field unit, Field period, byte[] values, int[] inputs, long[] lines);

        /** How many value maps went through the JSON parser rather than the scan of the store's own form. */
        long parsed();
    }

    public static StoredReader storedReader(String file, ValueSink sink) { return storedReader(file, sink, true); }

    /** With {@code scan} false every map goes through the JSON parser: the reference the scan is tested against. */
    static StoredReader storedReader(String file, ValueSink sink, boolean scan) {
        Reader r = new Reader(file, sink);
        r.stored = true;
        r.scan = scan;
        return new StoredReader() {
            @Override
            public void read(Field unit, Field period, byte[] values, int[] inputs, long[] lines) {
                r.stored(unit, period, values, inputs, lines);
            }

            @Override
            public long parsed() { return r.parsedMaps; }
        };
    }

    private static boolean isSpace(byte c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

    /** True when the first line is one whole JSON value: the file is then NDJSON, read line by line. */
    private static boolean completeFirstLine(byte[] b, int from, int to) {
        int nl = from;
        while (nl < to && b[nl] != '\n') nl++;
        if (nl == to) return false;
        try (JsonParser p = FACTORY.createParser(b, from, nl - from)) {
            if (p.nextToken() == null) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The parser's message without its advice to the programmer ("enable JsonReadFeature.… to
     * allow", "Feature 'ALLOW_COMMENTS' not enabled for parser"), which a person cannot take: NaN
     * and Infinity, and comments, are told in tally's words.
     */
    static String inOurWords(String msg) {
        java.util.regex.Matcher nonNumeric = NON_NUMERIC.matcher(msg);
        if (nonNumeric.find()) return t("json.nonNumeric", nonNumeric.group(1));
        if (msg.contains("maybe a (non-standard) comment?")) return t("json.comment");
        return msg.replaceAll(": enable `[^`]*` to allow", "").replaceAll(" ?\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "");
    }

    private static final java.util.regex.Pattern NON_NUMERIC = java.util.regex.Pattern.compile("^Non-standard token '([^']{1,20})'");

    /** One submission object as read, with its entries kept as bytes until unit and period are known. */
    private static final class Reader {
        final String file;
        final ValueSink sink;
        long lineOffset;
        // the current object
        String unit, period;
        int unitCount, periodCount, valuesCount;
        boolean valuesBad;
        String valuesBadWhat;
        long objectLine;
        byte[] data = new byte[1024];
        int used;
        int n;
        int[] keyAt = new int[16], keyEnd = new int[16], valAt = new int[16], valEnd = new int[16];
        boolean[] number = new boolean[16];
        byte[] bad = new byte[16];
        long[] line = new long[16];
        long overflow;
        final Field a = new Field(), b = new Field(), c = new Field(), d = new Field();
        /** Reading the store: a value's line comes from its source map, not from the JSON text. */
        boolean stored;
        /**
         * Each key's NFC form as UTF-8, by the key's String: the parser hands out one canonical
         * String per distinct name, so a submission's 50 codes are normalized and encoded once per
         * reader instead of once per value.
         */
        private final java.util.IdentityHashMap<String, byte[]> keyBytes = new java.util.IdentityHashMap<>();

        Reader(String file, ValueSink sink) {
            this.file = file;
            this.sink = sink;
        }

        long line(JsonParser p) { return stored ? 0 : lineOffset + p.currentTokenLocation().getLineNr(); }

        void problem(long line, String message, long values, long records) {
            sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, line), unit, period, null, null, message), values, records);
        }

        // ------------------------------------------------------------ shapes

        void document(InputStream in) throws IOException {
            long objects = 0;
            try (JsonParser p = FACTORY.createParser(in)) {
                JsonToken t;
                int root = 0;
                while ((t = next(p)) != null) {
                    if (t == JsonToken.START_ARRAY) {
                        int k = 0;
                        while ((t = next(p)) != JsonToken.END_ARRAY) {
                            if (t == null) break;
                            object(p, t, "$[" + k++ + "]");
                            objects++;
                        }
                    } else {
                        object(p, t, root == 0 ? "$" : t("json.valueN", root + 1));
                        objects++;
                    }
                    root++;
                }
            } catch (JsonProcessingException e) {
                // a constraint may be raised without a location: the object it was in, else the start
                long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : Math.max(1, objectLine);
                stopped(at, e, t("json.stopped"));
                return;
            }
            if (objects == 0 && n == 0) {
                sink.problem(Finding.of(FindingCode.NO_DATA, new Source(file, 1), null, null, null, null,
                        t("json.empty")), 0, 0);
            }
        }

        void ndjson(InputStream in) throws IOException {
            byte[] buf = new byte[1 << 16];
            int len = 0, pos = 0;
            long lineNo = 0;
            boolean eof = false, skipping = false, any = false;
            while (true) {
                int nl = -1;
                for (int i = pos; i < len; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl < 0) {
                    if (skipping) pos = len;
                    if (eof) {
                        if (skipping || pos == len) break;
                        nl = len; // the last line has no line end
                    } else {
                        if (!skipping && len - pos >= CsvTokenizer.MAX_RECORD) {
                            // a line too long to hold: report it and skip to its end
                            lineNo++;
                            problem(lineNo, t("json.lineTooLong", CsvTokenizer.MAX_RECORD / (1 << 20)), 0, 1);
                            skipping = true;
                            pos = len;
                        }
                        System.arraycopy(buf, pos, buf, 0, len - pos);
                        len -= pos;
                        pos = 0;
                        if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                        int r = in.read(buf, len, buf.length - len);
                        if (r < 0) eof = true;
                        else len += r;
                        continue;
                    }
                }
                if (skipping) {
                    skipping = false;
                    pos = nl + 1;
                    continue;
                }
                lineNo++;
                int s = pos, e = nl;
                while (s < e && isSpace(buf[s])) s++;
                while (e > s && isSpace(buf[e - 1])) e--;
                if (s < e) {
                    any = true;
                    lineOffset = lineNo - 1;
                    try (JsonParser p = FACTORY.createParser(buf, s, e - s)) {
                        // one submission per line; more on one line are read too
                        for (JsonToken tok = next(p); tok != null; tok = next(p)) object(p, tok, t("json.lineN", lineNo));
                    } catch (JsonProcessingException ex) {
                        stopped(lineNo, ex, t("json.nextLine"));
                    }
                    any = true;
                }
                pos = nl + 1;
                if (nl == len) break;
            }
            if (!any) {
                sink.problem(Finding.of(FindingCode.NO_DATA, new Source(file, 1), null, null, null, null,
                        t("json.inputEmpty")), 0, 0);
            }
        }

        /** Reports what a parser could not read, with the record it was in. */
        private void stopped(long at, JsonProcessingException e, String after) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("");
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                msg = msg.contains("nesting depth") ? t("json.depth", MAX_DEPTH)
                        : msg.contains("String value length") || msg.contains("Number value length") || msg.contains("Name length")
                                ? t("json.tooLong", CsvTokenizer.MAX_FIELD / (1 << 20)) : msg;
            }
            msg = inOurWords(msg);
            if (msg.length() > 200) msg = msg.substring(0, 200) + "…";
            long lost = n + overflow;
            boolean inSubmission = unitCount + periodCount + valuesCount > 0;
            problem(at, t("json.invalid", msg, !inSubmission ? "" : lost == 0 ? t("json.submissionRejected")
                    : t(lost == 1 ? "json.submissionRejected.one" : "json.submissionRejected.many", lost), after), lost, inSubmission ? 1 : 0);
            resetObject();
        }

        private static JsonToken next(JsonParser p) throws IOException { return p.nextToken(); }


        private void resetObject() {
            unit = period = null;
            unitCount = periodCount = valuesCount = 0;
            valuesBad = false;
            valuesBadWhat = null;
            used = 0;
            n = 0;
            overflow = 0;
        }

        // ------------------------------------------------------------ one submission object

        void object(JsonParser p, JsonToken t, String path) throws IOException {
            resetObject();
            objectLine = line(p);
            if (t != JsonToken.START_OBJECT) {
                String what = kind(t);
                p.skipChildren();
                problem(objectLine, t("json.notObject", path, what), 0, 1);
                return;
            }
            String twice = null;
            while ((t = next(p)) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                long keyLine = line(p);
                t = next(p);
                switch (key) {
                    case "unit" -> {
                        if (++unitCount > 1 && twice == null) twice = "\"unit\"";
                        unit = scalar(p, t, path + ".unit", keyLine);
                    }
                    case "period" -> {
                        if (++periodCount > 1 && twice == null) twice = "\"period\"";
                        period = scalar(p, t, path + ".period", keyLine);
                    }
                    case "values" -> {
                        if (++valuesCount > 1 && twice == null) twice = "\"values\"";
                        values(p, t, path + ".values");
                    }
                    default -> p.skipChildren();
                }
            }
            long values = n + overflow;
            String lost = values == 0 ? "" : t(values == 1 ? "json.lost.one" : "json.lost.many", values);
            if (twice != null) {
                problem(objectLine, t("json.twice", path, twice, lost), values, 1);
                return;
            }
            if (valuesBad) {
                problem(objectLine, t("json.valuesNotObject", path, valuesBadWhat), 0, 1);
                return;
            }
            if (unit == null || period == null || valuesCount == 0) {
                String missing = unit == null ? "\"unit\"" : period == null ? "\"period\"" : "\"values\"";
                problem(objectLine, t("json.lacks", path, missing, lost), values, 1);
                return;
            }
            emit(path);
        }

        /** A unit or period: a string or number, else null (reported as missing by the caller). */
        private String scalar(JsonParser p, JsonToken t, String path, long keyLine) throws IOException {
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) return Field.nfc(p.getText().strip());
            if (t == JsonToken.VALUE_NULL) return null;
            String what = kind(t);
            p.skipChildren();
            problem(keyLine, t("json.expectedText", path, what), 0, 0);
            return null;
        }

        private void values(JsonParser p, JsonToken t, String path) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                valuesBad = true;
                valuesBadWhat = kind(t);
                p.skipChildren();
                return;
            }
            while ((t = next(p)) == JsonToken.FIELD_NAME) {
                String code = p.currentName();
                long at = line(p);
                t = next(p);
                if (n == MAX_ENTRIES) {
                    overflow++;
                    p.skipChildren();
                    continue;
                }
                byte kind = 0;
                boolean num = false;
                entry(code, at);
                switch (t) {
                    case VALUE_NULL -> { }
                    case VALUE_TRUE -> put("true");
                    case VALUE_FALSE -> put("false");
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        putText(p);
                        num = true;
                    }
                    case VALUE_STRING -> putText(p);
                    default -> {
                        kind = (byte) (t == JsonToken.START_ARRAY ? 1 : 2);
                        p.skipChildren();
                    }
                }
                valEnd[n] = used;
                number[n] = num;
                bad[n] = kind;
                n++;
            }
        }

        /** Starts entry n: its key, and where its value's text begins. */
        private void entry(String code, long at) {
            grow();
            byte[] key = keyBytes.get(code);
            if (key == null) {
                key = Field.nfc(code).getBytes(StandardCharsets.UTF_8);
                if (keyBytes.size() < 4096) keyBytes.put(code, key); // bounded: a hostile file may have millions of keys
            }
            keyAt[n] = used;
            put(key);
            keyEnd[n] = used;
            valAt[n] = used;
            line[n] = at;
        }

        private void grow() {
            if (n == keyAt.length) {
                int cap = n * 2;
                keyAt = Arrays.copyOf(keyAt, cap);
                keyEnd = Arrays.copyOf(keyEnd, cap);
                valAt = Arrays.copyOf(valAt, cap);
                valEnd = Arrays.copyOf(valEnd, cap);
                number = Arrays.copyOf(number, cap);
                bad = Arrays.copyOf(bad, cap);
                line = Arrays.copyOf(line, cap);
            }
        }

        /** The current token's text as UTF-8, without a String for the usual ASCII number or code. */
        private void putText(JsonParser p) throws IOException {
            char[] chars = p.getTextCharacters();
            int off = p.getTextOffset(), len = p.getTextLength();
            if (used + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, used + len));
            for (int i = 0; i < len; i++) {
                char ch = chars[off + i];
                if (ch >= 0x80) {
                    put(new String(chars, off, len));
                    return;
                }
                data[used + i] = (byte) ch;
            }
            used += len;
        }

        private void put(String s) { put(s.getBytes(StandardCharsets.UTF_8)); }

        private void put(byte[] x) {
            if (used + x.length > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, used + x.length));
            System.arraycopy(x, 0, data, used, x.length);
            used += x.length;
        }

        private void emit(String path) {
            if (overflow > 0) {
                sink.problem(Finding.of(FindingCode.MALFORMED, new Source(file, objectLine), unit, period, null, null,
                        t("json.tooManyEntries", path, MAX_ENTRIES, overflow)), overflow, 0);
            }
            sink.begin(a.set(unit), b.set(period), objectLine);
            for (int k = 0; k < n; k++) {
                c.set(data, keyAt[k], keyEnd[k]);
                if (bad[k] != 0) {
                    sink.problem(Finding.of(FindingCode.NOT_A_NUMBER, new Source(file, line[k]), unit, period, c.toString(), null,
                            t(bad[k] == 1 ? "json.valueList" : "json.valueObject", path, c)), 1, 0);
                    continue;
                }
                sink.value(c, d.set(data, valAt[k], valEnd[k]), line[k], number[k]);
            }
            sink.end();
        }

        private static String kind(JsonToken t) {
            if (t == null) return t("json.kind.nothing");
            return switch (t) {
                case START_ARRAY -> t("json.kind.array");
                case START_OBJECT -> t("json.kind.object");
                case VALUE_STRING -> t("json.kind.string");
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> t("json.kind.number");
                case VALUE_TRUE, VALUE_FALSE -> t("json.kind.boolean");
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? t.name() : t.asString();
            };
        }

        // ------------------------------------------------------------ the store's value maps

        /**
         * Reads a value map in exactly the form the store writes ({@code {"code":12,"rate":-0.5,"x":null}}:
         * no spaces, ASCII codes without escapes, plain JSON numbers) straight into the entries,
         * without a JSON parser: most of the cost of reading a store was the parser. Anything else
         * (a map edited by hand, a code needing NFC, a string value) returns false with nothing kept,
         * and the map goes through {@link #readMap}, which gives the same entries for what both read.
         */
        private boolean scanned(byte[] b) {
            malformed = false;
            int len = b.length;
            if (len < 2 || b[0] != '{') return false;
            int i = 1;
            if (b[i] == '}') return i + 1 == len;
            while (true) {
                if (i >= len || b[i] != '"') return unscanned();
                int ks = ++i;
                while (i < len && b[i] != '"') {
                    if (b[i] < 0x20 || b[i] == '\\') return unscanned(); // a control character, an escape, or not ASCII (negative)
                    i++;
                }
                if (i + 2 >= len || b[i + 1] != ':' || n == MAX_ENTRIES) return unscanned();
                int ke = i;
                i += 2;
                boolean num;
                int vs = i;
                if (b[i] == 'n') {
                    if (i + 4 > len || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') return unscanned();
                    i += 4;
                    num = false;
                } else {
                    i = plainNumber(b, i, len);
                    if (i < 0) return unscanned();
                    num = true;
                }
                grow();
                keyAt[n] = used;
                put(b, ks, ke);
                keyEnd[n] = used;
                valAt[n] = used;
                if (num) put(b, vs, i);
                valEnd[n] = used;
                number[n] = num;
                bad[n] = 0;
                line[n] = 0;
                n++;
                if (i >= len) return unscanned();
                if (b[i] == '}') return i + 1 == len || unscanned();
                if (b[i++] != ',') return unscanned();
            }
        }

        private boolean unscanned() {
            n = 0;
            used = 0;
            return false;
        }

        /** The end of a JSON number without exponent ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}) starting at i, or -1. */
        private static int plainNumber(byte[] b, int i, int len) {
            if (i < len && b[i] == '-') i++;
            if (i >= len || b[i] < '0' || b[i] > '9') return -1;
            if (b[i++] != '0') while (i < len && b[i] >= '0' && b[i] <= '9') i++;
            if (i < len && b[i] == '.') {
                int f = ++i;
                while (i < len && b[i] >= '0' && b[i] <= '9') i++;
                if (i == f) return -1;
            }
            return i;
        }

        private void put(byte[] x, int from, int to) {
            int len = to - from;
            if (used + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, used + len));
            System.arraycopy(x, from, data, used, len);
            used += len;
        }

        void stored(Field unitField, Field periodField, byte[] values, int[] inputs, long[] lines) {
            resetObject();
            unit = unitField.toString();
            period = periodField.toString();
            if (!(scan && scanned(values))) readMap(values);
            if (valuesBad || malformed) return;
            for (int k = 0; k < n; k++) line[k] = k < lines.length ? lines[k] : 0;
            objectLine = n > 0 ? line[0] : 0;
            if (n > 0 && inputs.length > 0) sink.input(inputs[0]);
            sink.begin(unitField, periodField, objectLine);
            for (int k = 0; k < n; k++) {
                if (k < inputs.length) sink.input(inputs[k]);
                c.set(data, keyAt[k], keyEnd[k]);
                if (bad[k] != 0) throw new java.io.UncheckedIOException(new IOException(t("store.notNumber", c)));
                sink.value(c, d.set(data, valAt[k], valEnd[k]), line[k], number[k]);
            }
            sink.end();
        }

        long parsedMaps;
        boolean malformed, scan;

        /**
         * A value map that is not in the store's own form, through the JSON parser. One that cannot be
         * read as a value map (another program wrote it, or the file is damaged) is not a finding about
         * a submission but a damaged store: it throws, and the store names the submission in one line
         * ({@code Store.currentSubmissions}).
         */
        private void readMap(byte[] values) {
            parsedMaps++;
            malformed = false;
            try (JsonParser p = FACTORY.createParser(values)) {
                JsonToken t = next(p);
                values(p, t, "$");
            } catch (IOException e) {
                malformed = true;
                throw new java.io.UncheckedIOException(e);
            }
            if (valuesBad) throw new java.io.UncheckedIOException(new IOException(t("store.notObject")));
        }
    }
}
