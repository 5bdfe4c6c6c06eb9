package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.validate.Summary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A corpus of hostile inputs, each run through the real command line: every one must end with an
 * exit code from 0 to 4, a one-line message or findings that say what is wrong (never a stack trace
 * or "internal error"), counts that add up ({@link Summary#addsUp}), exactly the findings the case names,
 * each on its line, and the valid values beside the bad ones kept. The timeout is a hang
 * guard, far above what any case takes.
 */
@Execution(ExecutionMode.CONCURRENT) // the cases side by side: each has a directory of its own, and runs in English
class HostileInputTest {
    @TempDir
    static Path dir;

    static final String HEAD = Tally.HEAD;
    static final String UNITS = "code,name,parent,level\nP,Tỉnh,,province\nD1,Huyện,P,district\nC11,Xã Một,D1,commune\n"
            + "C12,Xã Hai,D1,commune\nD2,Huyện Hai,P,district\nC21,Xã Ba,D2,commune\n";
    static final String CATALOG = "indicators:\n  - {code: received, type: integer, min: 0}\n  - {code: resolved, type: integer, min: 0}\n"
            + "  - {code: score, type: number, max: 10}\n  - {code: share, type: percent}\n  - {code: active, type: boolean}\n"
            + "  - {code: rate, type: percent, decimals: 1, formula: 100 * resolved / received}\n";

    /**
     * One case: files to write, the command (with {d} for the case's directory), the exit code, the
     * findings of validate's JSON output, every one, as {@code code@line} ({@code malformed@2}; {@code
     * malformed@-} for a finding about the whole file, which names no line; {@code bad-period@2..30001}
     * for one on each of those lines), or text that must appear on stderr, and how many values must be
     * accepted (-1: not checked).
     */
    record Case(String name, Map<String, byte[]> files, String command, int exit, List<String> codes, String errText, long accepted,
                Consumer<String> extra) {}

    static final List<Case> CASES = new ArrayList<>();

    static byte[] u8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static void validate(String name, String file, String content, int exit, long accepted, String... codes) {
        validate(name, file, u8(content), exit, accepted, codes);
    }

    static void validate(String name, String file, byte[] content, int exit, long accepted, String... codes) {
        CASES.add(new Case(name, Map.of(file, content), "validate --format json {d}/" + file, exit, List.of(codes), null, accepted, null));
    }

    static void config(String name, String units, String catalog, String errText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("units.csv", u8(units));
        files.put("catalog.yaml", u8(catalog));
        files.put("in.csv", u8(HEAD + "C11,2024,received,1\n"));
        CASES.add(new Case(name, files, "validate --units {d}/units.csv --catalog {d}/catalog.yaml {d}/in.csv", 3, List.of(), errText, -1, null));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static {
        // ---- CSV structure
        validate("extra-field", "a.csv", HEAD + "C11,2024-H1,received,1,234\nC12,2024-H1,received,2\n", 1, 1, "malformed@2");
        validate("too-few-fields", "a.csv", HEAD + "C11,2024-H1,received\nC12,2024-H1,received,2\n", 1, 1, "malformed@2");
        validate("header-only", "a.csv", HEAD, 0, 0, "no-data@1");
        validate("empty-file", "a.csv", "", 0, 0, "no-data@-");
        validate("blank-lines-only", "a.csv", "\n\r\n  \n", 0, 0, "no-data@-");
        validate("bom-only", "a.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, 0, "no-data@-");
        validate("header-value-twice", "a.csv", "unit,period,indicator,value,value\nC11,2024,received,1,2\n", 1, 0, "malformed@1", "malformed@-");
        validate("header-unit-twice-other-case", "a.csv", "Unit,unit,period,indicator,value\nC11,C12,2024,received,1\n", 1, 0, "malformed@1", "malformed@-");
        validate("header-without-unit", "a.csv", "code,when,value\nC11,2024,1\n", 1, 0, "malformed@1", "malformed@-");
        validate("unclosed-quote-middle", "a.csv", HEAD + "C11,2024,received,\"5\nC12,2024,received,2\nC21,2024,received,3\n", 1, 2, "malformed@2");
        validate("unclosed-quote-last-line", "a.csv", HEAD + "C12,2024,received,2\nC11,2024,received,\"5", 1, 1, "malformed@3");
        validate("text-after-closing-quote", "a.csv", HEAD + "\"C11\"x,2024,received,1\nC12,2024,received,2\n", 1, 1, "malformed@2");
        validate("two-megabyte-field", "a.csv", HEAD + "C11,2024,received," + "1".repeat(2 << 20) + "\nC12,2024,received,2\n", 1, 1, "malformed@2");
        validate("ten-thousand-and-one-fields", "a.csv", HEAD + "C11,2024,received,1" + ",".repeat(10_000) + "\nC12,2024,received,2\n", 1, 1, "malformed@2");
        validate("nul-bytes", "a.csv", HEAD + "C11\0,2024,received,1\nC12,2024,received,\0\nC21,2024,received,3\n", 1, 1, "unknown-unit@2", "not-a-number@3");
        validate("cr-only-line-ends", "a.csv", "unit,period,indicator,value\rC11,2024,received,1\rC12,2024,received,2\r", 0, 2);
        validate("mixed-line-ends", "a.csv", "unit,period,indicator,value\r\nC11,2024,received,1\nC12,2024,received,2\r\n", 0, 2);
        validate("tab-delimited", "a.tsv", "unit\tperiod\tindicator\tvalue\nC11\t2024\treceived\t1\n", 0, 1);
        validate("pipe-delimited", "a.csv", "unit|period|indicator|value\nC11|2024|received|1\n", 1, 0, "malformed@1", "malformed@-");
        CASES.add(new Case("forced-wrong-delimiter", Map.of("a.csv", u8(HEAD + "C11,2024,received,1\n")),
                "validate --format json --input-delimiter ; {d}/a.csv", 1, List.of("malformed@1", "malformed@-"), null, 0, null));
        validate("invalid-utf8", "a.csv", concat(u8(HEAD + "C11,2024,received,1\nC12,2024,received,"), new byte[] {(byte) 0xC3, (byte) 0x28},
                u8("\nC21,2024,received,3\n")), 1, 2, "encoding@3");
        validate("overlong-utf8", "a.csv", concat(u8(HEAD + "C1"), new byte[] {(byte) 0xC0, (byte) 0xB1}, u8(",2024,received,1\nC12,2024,received,2\n")),
                1, 1, "encoding@2");
        validate("encoded-surrogate", "a.csv", concat(u8(HEAD + "C11,2024,received,1,"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                u8("\nC12,2024,received,2\n")), 1, 1, "encoding@2");
        validate("utf16-with-bom", "a.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (HEAD + "C11,2024,received,1\n").getBytes(StandardCharsets.UTF_16LE)), 0, 1);
        validate("utf16-without-bom", "a.csv", (HEAD + "C11,2024,received,1\n").getBytes(StandardCharsets.UTF_16LE), 1, 0, "malformed@1", "malformed@-");
        validate("literal-replacement-char", "a.csv", HEAD + "C11,2024,received,1\uFFFD\nC12,2024,received,2\n", 1, 1, "encoding@2");
        validate("windows-1258-unlabelled", "a.csv", "unit,period,indicator,value,c\nC11,2024,received,1,Đã nhận\nC12,2024,received,2,ok\n"
                .getBytes(Charset.forName("windows-1258")), 1, 1, "encoding@2");
        validate("wide-wrong-width", "w.csv", "unit,period,received,resolved\nC11,2024,1\nC12,2024,1,1\n", 1, 2, "malformed@2");
        validate("wide-value-under-unnamed-column", "w.csv", "unit,period,received,\nC11,2024,1,9\nC12,2024,1,\n", 1, 1, "malformed@2");

        // ---- numbers
        validate("thirty-digit-value", "a.csv", HEAD + "C11,2024,received," + "9".repeat(30) + "\n", 0, 1);
        validate("thirty-nine-digits", "a.csv", HEAD + "C11,2024,received," + "9".repeat(39) + "\nC12,2024,received,2\n", 1, 1, "too-many-digits@2");
        validate("nine-hundred-kilobyte-number", "a.csv", HEAD + "C11,2024,received," + "7".repeat(900_000) + "\nC12,2024,received,2\n", 1, 1, "too-many-digits@2");
        validate("exponent-in-csv", "a.csv", HEAD + "C11,2024,received,1e999999999\n", 1, 0, "not-a-number@2");
        validate("json-huge-exponent", "a.json", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1e999999999,\"resolved\":1e-999999999,\"score\":2}}", 1, 1, "too-many-digits@1");
        validate("negative-zero-and-plus", "a.csv", HEAD + "C11,2024,received,-0\nC12,2024,received,+5\n", 0, 2);
        validate("comma-without-option", "a.csv", HEAD + "C11,2024,score,\"5,5\"\n", 1, 0, "not-a-number@2");
        validate("full-width-digits", "a.csv", HEAD + "C11,2024,received,１２\n", 1, 0, "not-a-number@2");
        validate("arabic-indic-digits", "a.csv", HEAD + "C11,2024,received,٣\n", 1, 0, "not-a-number@2");
        validate("nan-and-infinity", "a.csv", HEAD + "C11,2024,score,NaN\nC12,2024,score,Infinity\nC21,2024,score,-Infinity\n", 1, 0, "not-a-number@2", "not-a-number@3", "not-a-number@4");
        validate("hex-number", "a.csv", HEAD + "C11,2024,received,0x1F\n", 1, 0, "not-a-number@2");
        validate("spaces-around-value", "a.csv", HEAD + "C11,2024,received,  7  \nC12,2024,received,   \n", 0, 2);
        validate("percent-over-100", "a.csv", HEAD + "C11,2024,share,100.0001\n", 1, 0, "wrong-type@2");
        validate("boolean-two", "a.csv", HEAD + "C11,2024,active,2\n", 1, 0, "wrong-type@2");
        CASES.add(new Case("nbsp-thousands-with-decimal-comma", Map.of("a.csv", u8("unit;period;indicator;value\nC11;2024;received;1\u00a0234\n")),
                "validate --format json --decimal-comma {d}/a.csv", 0, List.of(), null, 1, null));

        // ---- codes and Unicode twins
        validate("unit-code-in-nfd", "a.csv", HEAD + java.text.Normalizer.normalize("C11", java.text.Normalizer.Form.NFD) + ",2024,received,1\n", 0, 1);
        validate("cyrillic-c-in-unit-code", "a.csv", HEAD + "С11,2024,received,1\n", 1, 0, "unknown-unit@2");
        validate("lower-case-unit-code", "a.csv", HEAD + "c11,2024,received,1\n", 1, 0, "unknown-unit@2");
        validate("zero-width-space-in-indicator", "a.csv", HEAD + "C11,2024,recei\u200bved,1\n", 1, 0, "unknown-indicator@2");
        validate("full-width-unit-code", "a.csv", HEAD + "Ｃ１１,2024,received,1\n", 1, 0, "unknown-unit@2");
        validate("megabyte-unit-code", "a.csv", HEAD + "U".repeat(1 << 19) + ",2024,received,1\nC12,2024,received,2\n", 1, 1, "unknown-unit@2");
        validate("megabyte-period", "a.csv", HEAD + "C11," + "2".repeat(1 << 19) + ",received,1\nC12,2024,received,2\n", 1, 1, "bad-period@2");
        config("units-equal-after-nfc", UNITS + "XÃ,Xã,D2,commune\n" + java.text.Normalizer.normalize("XÃ", java.text.Normalizer.Form.NFD)
                + ",Xã bis,D2,commune\n", CATALOG, "another Unicode form");
        config("indicators-differing-in-case", UNITS, CATALOG + "  - {code: Received, type: integer}\n", "only in letter case");
        CASES.add(new Case("units-differing-in-case", Map.of("units.csv", u8(UNITS + "c11,Xã khác,D1,commune\n"), "catalog.yaml", u8(CATALOG),
                "in.csv", u8(HEAD + "C11,2024,received,1\n")), "validate --units {d}/units.csv --catalog {d}/catalog.yaml {d}/in.csv",
                0, List.of(), "only in letter case", -1, null));

        // ---- JSON shapes
        validate("json-values-array", "a.json", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":[1,2]}", 1, 0, "malformed@1");
        validate("json-values-string", "a.json", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":\"1\"}", 1, 0, "malformed@1");
        validate("json-top-level-number", "a.json", "42", 1, 0, "malformed@1");
        validate("json-top-level-null", "a.json", "[null, {\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1}}]", 1, 1, "malformed@1");
        validate("json-unit-twice", "a.json", "{\"unit\":\"C11\",\"unit\":\"C12\",\"period\":\"2024\",\"values\":{\"received\":1}}", 1, 0, "malformed@1");
        validate("json-unit-object", "a.json", "{\"unit\":{\"code\":\"C11\"},\"period\":\"2024\",\"values\":{\"received\":1}}", 1, 0, "malformed@1");
        validate("json-truncated", "a.json", "[{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1}},{\"unit\":", 1, 1, "malformed@1");
        validate("json-empty-array", "a.json", "[]", 0, 0, "no-data@1");
        validate("json-with-bom", "a.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                u8("{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1}}")), 0, 1);
        validate("ndjson-bad-line-in-middle", "a.ndjson", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1}}\n{oops\n"
                + "{\"unit\":\"C12\",\"period\":\"2024\",\"values\":{\"received\":2}}\n", 1, 2, "malformed@2");
        validate("ndjson-line-of-5mb", "a.ndjson", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":1}}\n{\"x\":\"" + "a".repeat(5 << 20)
                + "\"}\n{\"unit\":\"C12\",\"period\":\"2024\",\"values\":{\"received\":2}}\n", 1, 2, "malformed@2");
        validate("json-two-megabyte-string", "a.json", "[{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":\"" + "1".repeat(2 << 20) + "\"}}]",
                1, 0, "malformed@1");
        validate("json-value-nested-deep", "a.json", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{\"received\":" + "[".repeat(30)
                + "]".repeat(30) + ",\"resolved\":1}}", 1, 1, "not-a-number@1");
        validate("json-200k-entries", "a.json", "{\"unit\":\"C11\",\"period\":\"2024\",\"values\":{" + String.join(",",
                java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> "\"k" + i + "\":1").toList()) + "}}", 1, 0, "malformed@1", "unknown-indicator@1");
        CASES.add(new Case("deep-json-and-a-good-file", Map.of("a.json", u8("[".repeat(10_000) + "]".repeat(10_000)),
                "b.csv", u8(HEAD + "C11,2024,received,1\n")), "validate --format json {d}/a.json {d}/b.csv", 1, List.of("malformed@1"), null, 1, null));

        // ---- expressions (refused when the catalog is loaded) and arithmetic failures (findings)
        config("formula-huge-power", UNITS, CATALOG + "  - {code: p, formula: received ^ 99999999}\n", "exponent");
        config("formula-power-of-ten", UNITS, CATALOG + "  - {code: p, formula: received * 10^999999999}\n", "exponent");
        StringBuilder orphans = new StringBuilder(UNITS);
        for (int i = 0; i < 100_000; i++) orphans.append("U").append(i).append(",Xã,NOPE").append(i).append(",commune\n");
        config("units-100k-unknown-parents", orphans.toString(), CATALOG, "… and 99950 more problems (100000 in all");
        config("formula-100k-terms", UNITS, CATALOG + "  - {code: p, formula: " + "received + ".repeat(100_000) + "1}\n", "at most 1000");
        config("rule-100k-terms", UNITS, CATALOG + "rules:\n  - {check: " + "received + ".repeat(100_000) + "1 > 0}\n", "at most 1000");
        config("formula-factorial", UNITS, CATALOG + "  - {code: p, formula: FACT(received)}\n", "FACT");
        config("catalog-bound-huge", UNITS, CATALOG.replace("min: 0}\n  - {code: resolved", "min: 1e999999999}\n  - {code: resolved"), "38 digits");
        CASES.add(new Case("rule-exponent-from-data", Map.of("units.csv", u8(UNITS), "catalog.yaml",
                u8(CATALOG + "rules:\n  - {check: 'received ^ resolved >= 0', missing: skip_if_any_missing}\n"),
                "in.csv", u8(HEAD + "C11,2024,received,10\nC11,2024,resolved,99999999\n")),
                "validate --format json --units {d}/units.csv --catalog {d}/catalog.yaml {d}/in.csv", 0, List.of("evaluation@2"), null, 2, null));
        CASES.add(new Case("formula-result-too-large", Map.of("units.csv", u8(UNITS), "catalog.yaml",
                u8(CATALOG + "  - {code: sq, formula: score * received * received}\n"),
                "in.csv", u8(HEAD + "C11,2024,received," + "9".repeat(20) + "\nC11,2024,score,9\n")),
                "rollup --format csv --units {d}/units.csv --catalog {d}/catalog.yaml {d}/in.csv", 0, List.of(), "[evaluation]", -1, null));

        // ---- hierarchies
        StringBuilder chain = new StringBuilder("code,name,parent\nU0,Unit 0,\n");
        for (int i = 1; i < 100_000; i++) chain.append('U').append(i).append(",Unit ").append(i).append(",U").append(i - 1).append('\n');
        CASES.add(new Case("hierarchy-100k-levels", Map.of("units.csv", u8(chain.toString()), "catalog.yaml",
                u8("indicators:\n  - {code: x, type: integer}\n"), "in.csv", u8(HEAD + "U99999,2024,x,5\nU50000,2024,x,1\n")),
                "rollup --format csv --depth 0 --units {d}/units.csv --catalog {d}/catalog.yaml {d}/in.csv", 0, List.of(), null, -1,
                out -> assertThat(out).contains("U0,Unit 0,level1,2024,x,5,1,1")));
        config("units-cycle", "code,name,parent\nA,a,B\nB,b,A\n", CATALOG, "cycle");
        config("units-deep-json", "[".repeat(5_000) + "]".repeat(5_000), CATALOG, "units.csv");
        config("catalog-deep-yaml", UNITS, "indicators:\n" + "  - [".repeat(2_000) + "]".repeat(2_000) + "\n", "catalog.yaml");

        // ---- periods and volume of findings
        validate("bad-period", "a.csv", HEAD + "C11,2024-H3,received,1\nC12,2024,received,2\n", 1, 1, "bad-period@2");
        StringBuilder many = new StringBuilder(HEAD);
        for (int i = 0; i < 30_000; i++) many.append("C11,20").append(i).append("-13,received,1\n");
        validate("thirty-thousand-bad-periods", "a.csv", many.toString(), 1, 0, "bad-period@2..30001");
        CASES.add(new Case("same-cell-in-two-files", Map.of("a.csv", u8(HEAD + "C11,2024,received,1\n"), "b.csv", u8(HEAD + "C11,2024,received,1\n")),
                "validate --format json {d}/a.csv {d}/b.csv", 0, List.of("duplicate@2"), null, 1, null));

        // ---- outputs
        CASES.add(new Case("table-cuts-a-huge-cell", Map.of("a.csv", u8(HEAD + "C11,2024,received," + "x".repeat(900_000) + "\nC12,2024,received,2\n")),
                "validate {d}/a.csv", 1, List.of(), null, -1, out -> assertThat(out.length()).as("no row padded to a huge cell").isLessThan(5_000)));
        CASES.add(new Case("output-to-a-full-device", Map.of("a.csv", u8(HEAD + "C11,2024,received,1\n")),
                "rollup --format csv -o /dev/full {d}/a.csv", 4, List.of(), "No space left on device", -1, null));
    }

    @TestFactory
    Stream<DynamicTest> hostileInputs() {
        assertThat(CASES).as("the corpus").hasSizeGreaterThanOrEqualTo(60);
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertTimeoutPreemptively(Duration.ofSeconds(120), () -> check(c))));
    }

    private static void check(Case c) throws IOException {
        Path d = Files.createDirectories(dir.resolve(c.name()));
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) Files.write(d.resolve(f.getKey()), f.getValue());
        List<String> args = new ArrayList<>(Arrays.asList(c.command().replace("{d}", d.toString()).split(" ")));
        if (!c.files().containsKey("units.csv")) {
            // the corpus's own small project: no required indicators, so only the hostile part is found
            Files.writeString(d.resolve("units.csv"), UNITS);
            Files.writeString(d.resolve("catalog.yaml"), CATALOG);
            args.addAll(1, List.of("--units", d.resolve("units.csv").toString(), "--catalog", d.resolve("catalog.yaml").toString()));
        }
        Tally.Run run = Tally.run(args);
        int code = run.exit();
        String o = run.out(), e = run.err();
        String shown = "stdout: " + cut(o) + "\nstderr: " + cut(e);
        assertThat(e).as(shown).doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(code).as(shown).isEqualTo(c.exit());
        if (c.errText() != null) assertThat(e).as(shown).contains(c.errText());
        if (c.command().startsWith("validate --format json")) {
            JsonNode json = new ObjectMapper().readTree(o);
            JsonNode s = json.get("summary");
            assertThat(summary(s).addsUp()).as("the counts add up: " + s).isTrue();
            java.util.Set<String> found = new java.util.TreeSet<>();
            for (JsonNode r : json.get("rows")) {
                found.add(r.get("code").asText() + "@" + (r.get("line").isNull() ? "-" : r.get("line").asText()));
                assertThat(r.get("message").asText().length()).as("messages stay short").isLessThan(2_000);
            }
            assertThat(found).as(shown).isEqualTo(expected(c.codes()));
            if (c.accepted() >= 0) assertThat(s.get("accepted").asLong()).as(shown).isEqualTo(c.accepted());
        }
        if (c.extra() != null) c.extra().accept(o);
    }

    @Test
    void aHundredThousandConfigurationWarningsAreFiftyLinesAndACount() throws IOException {
        // codes that differ only in letter case are warnings, one a pair: 100,000 of them were 100,000 lines
        Path d = Files.createDirectories(dir.resolve("case-twins"));
        StringBuilder units = new StringBuilder(UNITS);
        for (int i = 0; i < 100_000; i++) units.append("t").append(i).append(",Xã,D1,commune\nT").append(i).append(",Xã,D1,commune\n");
        Files.writeString(d.resolve("units.csv"), units);
        Files.writeString(d.resolve("catalog.yaml"), CATALOG);
        Files.writeString(d.resolve("in.csv"), HEAD + "C11,2024,received,1\n");
        Tally.Run r = Tally.run("validate", "--units", d.resolve("units.csv").toString(), "--catalog", d.resolve("catalog.yaml").toString(),
                d.resolve("in.csv").toString());
        List<String> lines = r.err().lines().toList();
        assertThat(r.exit()).isZero();
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).contains("unit code 'T0' differs from 't0'");
        assertThat(lines.get(50)).isEqualTo("tally: … and 99950 more warnings (100000 in all; the first 50 are above)");
    }

    /** validate's JSON summary as the run's {@link Summary}, whose {@code addsUp} is the one rule for how the counts add up. */
    private static Summary summary(JsonNode s) {
        return new Summary(s.get("files").asInt(), s.get("records").asLong(), s.get("values").asLong(), s.get("accepted").asLong(),
                s.get("missing").asLong(), s.get("duplicates").asLong(), s.get("rejected").asLong(), s.get("ignored").asLong(),
                s.get("skipped").asLong(), s.get("errors").asLong(), s.get("warnings").asLong(), s.get("unlisted").asLong(), Map.of());
    }

    /** A case's findings with each {@code code@first..last} spelt out line by line. */
    private static java.util.Set<String> expected(List<String> codes) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (String c : codes) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*)@(\\d+)\\.\\.(\\d+)").matcher(c);
            if (!m.matches()) {
                all.add(c);
                continue;
            }
            for (int line = Integer.parseInt(m.group(2)); line <= Integer.parseInt(m.group(3)); line++) all.add(m.group(1) + "@" + line);
        }
        return all;
    }

    private static String cut(String s) { return s.length() > 3000 ? s.substring(0, 3000) + "…" : s; }
}
