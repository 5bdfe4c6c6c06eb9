package dev.tally.store;

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
 * number, or null for missing ({@code {"dvk_models": 7, "rate": 12.5, "cadres_trained": null}}), and
 * of each value's source (see {@link #sources}). Numbers are written in plain notation and read back
 * exactly, never through double.
 */
public final class Json {
    private Json() {}

    private static final JsonFactory FACTORY = new JsonFactory();

    static String values(Map<String, BigDecimal> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16).append('{');
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            quote(sb, e.getKey()).append(':').append(e.getValue() == null ? "null" : e.getValue().toPlainString());
        }
        return sb.append('}').toString();
    }

    /**
     * Where each value came from, in the order of the values' codes. When every value came from
     * {@code mainImport} (the submission's own import: nearly always), just their lines:
     * {@code [12,13,15]}; otherwise each value's import and line: {@code {"dvk_models":[3,12],…}}.
     */
    static String sources(Collection<String> codes, Map<String, Long> imports, Map<String, Long> lines, long mainImport) {
        boolean oneImport = true;
        for (String code : codes) oneImport &= imports.getOrDefault(code, mainImport) == mainImport;
        StringBuilder sb = new StringBuilder(codes.size() * (oneImport ? 6 : 24)).append(oneImport ? '[' : '{');
        for (String code : codes) {
            if (sb.length() > 1) sb.append(',');
            if (oneImport) {
                sb.append(lines.getOrDefault(code, 0L));
            } else {
                quote(sb, code).append(":[").append(imports.getOrDefault(code, mainImport)).append(',').append(lines.getOrDefault(code, 0L)).append(']');
            }
        }
        return sb.append(oneImport ? ']' : '}').toString();
    }

    /** A reader of a source map: the value's position in the value map, its import id and line. */
    public interface SourceSink {
        void source(int position, long importId, long line);
    }

    /** Calls back each value's source, in the order stored; {@code mainImport} is the submission's import. */
    public static void readSources(String json, long mainImport, SourceSink out) {
        readSources(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), mainImport, out);
    }

    public static void readSources(byte[] json, long mainImport, SourceSink out) {
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

    private static StringBuilder quote(StringBuilder sb, String s) {
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
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
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
