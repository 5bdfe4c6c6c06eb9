package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The stored form of a submission: what the encoder writes is what the store's readers read back, and its digest is the one stores hold. */
@Isolated // reads Json.PARSED_SOURCE_MAPS, which every read of a store counts
class EncoderTest {
    /** The digest as every tally has defined it: SHA-256 of "code=value\n" sorted by code, values without trailing zeros. */
    private static String referenceDigest(Map<String, BigDecimal> values) throws Exception {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> sb.append(k).append('=').append(v == null ? "" : v.stripTrailingZeros().toPlainString()).append('\n'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Store.Encoded encode(Encoder e, Map<String, BigDecimal> values, boolean asLongs) {
        long line = 10;
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            BigDecimal x = v.getValue();
            if (asLongs && x != null && x.stripTrailingZeros().precision() <= 18 && x.stripTrailingZeros().scale() >= 0) {
                BigDecimal n = x.stripTrailingZeros();
                e.add(v.getKey(), n.unscaledValue().longValueExact(), n.scale(), 3, line++);
            } else {
                e.add(v.getKey(), x, 3, line++);
            }
        }
        return e.finish("X01", "all", "2025-H1", 3);
    }

    private static Map<String, BigDecimal> map(Object... kv) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1] == null ? null : new BigDecimal((String) kv[i + 1]));
        return m;
    }

    @Test
    void digestIsTheOneStoresHoldWhateverTheOrderOrTheWritingOfNumbers() throws Exception {
        List<Map<String, BigDecimal>> subs = List.of(
                map("dvk_models", "7", "rate", "12.5", "cadres", null),
                map("rate", "12.50", "cadres", null, "dvk_models", "7"),
                map("B", "1", "a", "2", "Z", "-0.001", "\u0111\u1ea3ng_vi\u00ean", "1000"),
                map("big", "123456789012345678901234567890.5", "zero", "0.00", "neg", "-5"),
                map());
        Encoder reused = new Encoder();
        for (Map<String, BigDecimal> s : subs) {
            String expected = referenceDigest(s);
            assertThat(encode(new Encoder(), s, false).digest()).as(s.toString()).isEqualTo(expected);
            assertThat(encode(reused, s, true).digest()).as(s.toString()).isEqualTo(expected);
        }
        // the same values in another order or with trailing zeros are the same submission
        assertThat(encode(reused, subs.get(0), true).digest()).isEqualTo(encode(reused, subs.get(1), false).digest());
        assertThat(encode(reused, map("a", "1"), true).digest()).isNotEqualTo(encode(reused, map("a", "2"), true).digest());
        assertThat(encode(reused, map("a", "1"), true).digest()).isNotEqualTo(encode(reused, map("a", null), true).digest());
    }

    @Test
    void valueAndSourceMapsReadBackExactly() {
        Map<String, BigDecimal> values = map("dvk_models", "7", "rate", "-12.05", "cadres", null, "big", "98765432109876543210.123", "m", "0.5");
        for (boolean asLongs : new boolean[] {true, false}) {
            Store.Encoded e = encode(new Encoder(), values, asLongs);
            assertThat(e.values()).isEqualTo("{\"dvk_models\":7,\"rate\":-12.05,\"cadres\":null,\"big\":98765432109876543210.123,\"m\":0.5}");
            assertThat(e.sources()).isEqualTo("[10,11,12,13,14]");
            assertThat(e.count()).isEqualTo(5);
            Map<String, BigDecimal> back = new LinkedHashMap<>();
            Json.readValues(e.values(), back::put);
            assertThat(back).isEqualTo(values);
        }
        // values from several imports: each value names its import and line
        Encoder e = new Encoder();
        e.add("a", 1, 0, 3, 7).add("b\"q", null, 5, 2);
        Store.Encoded two = e.finish("X01", "all", "2025-H1", 3);
        assertThat(two.sources()).isEqualTo("{\"a\":[3,7],\"b\\\"q\":[5,2]}");
        List<String> got = new ArrayList<>();
        Json.readSources(two.sources(), 3, (position, importId, line) -> got.add(position + ":" + importId + ":" + line));
        assertThat(got).containsExactly("0:3:7", "1:5:2");
        got.clear();
        Json.readSources("[10,11,0]", 3, (position, importId, line) -> got.add(position + ":" + importId + ":" + line));
        assertThat(got).containsExactly("0:3:10", "1:3:11", "2:3:0");
    }

    @Test
    void plainNotationAsBigDecimalWritesIt() {
        long[] unscaled = {0, 1, -1, 7, 10, -10, 123, -123, 1005, 999_999_999_999_999_999L, -999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long u : unscaled) {
            for (int scale = 0; scale <= 20; scale++) {
                StringBuilder sb = new StringBuilder("x");
                Encoder.appendPlain(sb, u, scale);
                assertThat(sb.substring(1)).as(u + "e-" + scale).isEqualTo(BigDecimal.valueOf(u, scale).toPlainString());
            }
        }
    }

    /** The usual source map is read without a parser; anything else goes to the parser, with the same result where both read it. */
    @Test
    void lineListsScannedOrParsedAlike() {
        for (String list : List.of("[]", "[0]", "[1,22,333]", "[123456789012345678]", "[ 1, 2 ]", "[01]", "[1,]", "[,1]", "[1 ]")) {
            List<String> got = new ArrayList<>();
            Throwable failure = null;
            long parsedBefore = Json.PARSED_SOURCE_MAPS.sum();
            try {
                Json.readSources(list, 3, (position, importId, line) -> got.add(position + ":" + line));
            } catch (RuntimeException e) {
                failure = e;
            }
            switch (list) {
                case "[]" -> assertThat(got).isEmpty();
                case "[0]" -> assertThat(got).containsExactly("0:0");
                case "[1,22,333]" -> assertThat(got).containsExactly("0:1", "1:22", "2:333");
                case "[123456789012345678]" -> assertThat(got).containsExactly("0:123456789012345678");
                case "[ 1, 2 ]", "[1 ]" -> assertThat(got).hasSize(list.equals("[1 ]") ? 1 : 2);
                default -> assertThat(failure).as(list).isNotNull(); // not JSON: the parser refuses it
            }
            // the scan takes exactly the form Encoder writes (no spaces, no leading zeros); the parser the rest
            boolean written = list.equals("[]") || list.equals("[0]") || list.equals("[1,22,333]") || list.equals("[123456789012345678]");
            assertThat(Json.PARSED_SOURCE_MAPS.sum() - parsedBefore).as("parsed " + list).isEqualTo(written ? 0 : 1);
        }
    }
}
