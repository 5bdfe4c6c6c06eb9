package dev.tally.store;

import static dev.tally.model.Text.t;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The stored form of a submission's values: a JSON object from indicator code to an exact decimal
 * number, or null for missing ({@code {"dvk_models":7,"rate":12.5,"cadres_trained":null}}), and of
 * each value's source (a list of lines, or each value's import and line). {@link Encoder} writes
 * them; this reads them. Numbers are written in plain notation and read back exactly, never through
 * double.
 */
public final class Json {
    private Json() {}

    private static final JsonFactory FACTORY = new JsonFactory();

    /** A reader of a source map: the value's position in the value map, its import id and line. */
    public interface SourceSink {
        void source(int position, long importId, long line);
    }

    /** Calls back each value's source, in the order stored; {@code mainImport} is the submission's import. */
    public static void readSources(String json, long mainImport, SourceSink out) {
        readSources(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), mainImport, out);
    }

    /** Source maps that went to the JSON parser rather than the scan of {@link #lineList} (tests: the scan is taken). */
    static final java.util.concurrent.atomic.LongAdder PARSED_SOURCE_MAPS = new java.util.concurrent.atomic.LongAdder();

    public static void readSources(byte[] json, long mainImport, SourceSink out) {
        if (lineList(json, mainImport, out)) return;
        PARSED_SOURCE_MAPS.increment();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken start = p.nextToken();
            int position = 0;
            if (start == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) out.source(position++, mainImport, p.getLongValue());
                return;
            }
            if (start != JsonToken.START_OBJECT) throw new IOException("a source map is neither [line, …] nor {code: [import, line], …}");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("a source is not [import, line]");
                p.nextToken();
                long id = p.getLongValue();
                p.nextToken();
                long line = p.getLongValue();
                p.nextToken();
                out.source(position++, id, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The usual source map, a list of lines exactly as {@link #sources} writes it ({@code [12,13,15]}),
     * read without a JSON parser (a third of the cost of reading a store was parsing these). Checks
     * the whole list before calling back, so that anything else (returns false) goes to the parser
     * with nothing reported twice.
     */
    private static boolean lineList(byte[] b, long mainImport, SourceSink out) {
        int len = b.length;
        if (len < 2 || b[0] != '[' || b[len - 1] != ']') return false;
        if (len == 2) return true;
        for (int i = 1, digits = 0; i < len - 1; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18 || (digits == 2 && b[i - 1] == '0')) return false; // a long, no leading zero
            } else if (c == ',' && digits > 0) {
                digits = 0;
            } else {
                return false;
            }
            if (i == len - 2 && digits == 0) return false;
        }
        long line = 0;
        int position = 0;
        for (int i = 1; i < len; i++) {
            byte c = b[i];
            if (c == ',' || c == ']') {
                out.source(position++, mainImport, line);
                line = 0;
            } else {
                line = line * 10 + (c - '0');
            }
        }
        return true;
    }

    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"');
    }

    /** Calls back code and value (null: missing) for each entry. */
    public static void readValues(String json, BiConsumer<String, BigDecimal> out) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException(t("store.notObject"));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String code = p.currentName();
                JsonToken t = p.nextToken();
                out.accept(code, t == JsonToken.VALUE_NULL ? null
                        : t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG ? BigDecimal.valueOf(p.getLongValue())
                        : t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? BigDecimal.valueOf(p.getIntValue())
                        : p.getDecimalValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls back the code of each value that is not null (missing), in the map's order, without making numbers of the values. */
    public static void readGiven(byte[] json, java.util.function.Consumer<String> out) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException(t("store.notObject"));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String code = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_NULL) out.accept(code);
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of strings: ["dvk_models","dialogues"]. */
    static String strings(Collection<String> items) {
        StringBuilder sb = new StringBuilder().append('[');
        for (String item : items) {
            if (sb.length() > 1) sb.append(',');
            quote(sb, item);
        }
        return sb.append(']').toString();
    }

    static java.util.List<String> readStrings(String json) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("not a JSON array");
            while (p.nextToken() == JsonToken.VALUE_STRING) out.add(p.getText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
