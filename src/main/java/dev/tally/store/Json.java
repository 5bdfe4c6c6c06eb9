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
 * of its source lines ({@code {"dvk_models": 12, …}}). Numbers are written in plain notation and read
 * back exactly, never through double.
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

    /** The lines as a JSON array in the order of the values' codes: [12,13,14]. */
    static String lines(Collection<String> codes, Map<String, Long> lines) {
        StringBuilder sb = new StringBuilder(codes.size() * 6).append('[');
        for (String code : codes) {
            if (sb.length() > 1) sb.append(',');
            sb.append(lines.getOrDefault(code, 0L));
        }
        return sb.append(']').toString();
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

    /** The lines array, in the order of the values. */
    public static long[] readLines(byte[] json) {
        long[] out = new long[16];
        int n = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return new long[0];
            while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = p.getLongValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
