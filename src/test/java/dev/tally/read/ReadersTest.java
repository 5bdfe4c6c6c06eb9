package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on their own: what reaches the sink from each format, and what is a finding. */
class ReadersTest {
    /** Collects what the readers send: "unit|period|indicator|value@line" per value ("" for missing text). */
    static class Collect implements ValueSink {
        final List<String> values = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        long rejected, records;
        String unit, period;

        @Override
        public void begin(Field u, Field p, long line) {
            records++;
            unit = u.toString().strip();
            period = p.toString().strip();
        }

        @Override
        public void value(Field indicator, Field value, long line, boolean number) {
            values.add(unit + "|" + period + "|" + indicator.toString().strip() + "|" + value.toString().strip() + "@" + line);
        }

        @Override
        public void end() { }

        @Override
        public void problem(Finding f, long values, long recs) {
            findings.add(f);
            rejected += values;
            records += recs;
        }

        List<FindingCode> codes() { return findings.stream().map(Finding::code).toList(); }
    }

    static Collect read(byte[] bytes, ReadOptions opt) {
        Collect c = new Collect();
        Submissions.read(new InputFile("-", null), new ByteArrayInputStream(bytes), opt, c, null);
        return c;
    }

    static Collect read(String text) { return read(text.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults()); }

    @Test
    void aVietnameseTablesRowNumberNameAndRemarkColumnsAreNotIndicators() {
        Collect c = read("STT,unit,Tên đơn vị,period,x,Ghi chú\n1,A,Xã A,2024,5,đã nộp\n2,B,Xã B,2024,7,\n");
        assertThat(c.values).containsExactly("A|2024|x|5@2", "B|2024|x|7@3");
        assertThat(c.findings).isEmpty();
        // a column of another name is still an indicator, and unknown ones are findings downstream
        Collect other = read("unit,period,x,Ghi chu them\nA,2024,5,1\n");
        assertThat(other.values).containsExactly("A|2024|x|5@2", "A|2024|Ghi chu them|1@2");
    }

    @Test
    void jsonThatIsNotJsonIsToldInTallysWordsNotTheParsers() {
        // Jackson's own advice ("enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS") is for a programmer
        Collect nan = read("[{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":NaN}}]");
        assertThat(nan.findings).extracting(Finding::message).singleElement().asString()
                .startsWith("not valid JSON: 'NaN' is not a JSON number; write null for a missing value, or the number itself;");
        Collect comment = read("[{\"unit\":\"A\", /* from the ward */ \"period\":\"2024\",\"values\":{\"x\":1}}]");
        assertThat(comment.findings).extracting(Finding::message).singleElement().asString()
                .startsWith("not valid JSON: a comment (/* … */ or // …) is not JSON; remove it;");
        for (Collect c : new Collect[] {nan, comment}) {
            assertThat(c.findings).extracting(Finding::message).noneMatch(m -> m.contains("enable") || m.contains("Feature"));
        }
        assertThat(JsonSubmissions.inOurWords("Unexpected character ('}' (code 125)): expected a value"))
                .isEqualTo("Unexpected character ('}' (code 125)): expected a value");
    }

    @Test
    void aHeaderUnderATitleIsNamedWithTheLinesToDelete() {
        // a report's spreadsheet puts its title above the header; the delimiter sniffed from the title is wrong too
        Collect c = read("BÁO CÁO SƠ KẾT CÔNG TÁC DÂN VẬN\n\nĐơn vị: huyện Lục Nam\nunit;period;indicator;value\nA;2024;x;1\n");
        assertThat(c.values).isEmpty();
        assertThat(c.rejected).isZero();
        assertThat(c.findings).extracting(Finding::message).contains(
                "3 rows not read because of the header above; line 4 names the unit and period columns: if it is the header, delete the 3 lines above it");
        Collect one = read("Báo cáo\nunit,period,indicator,value\nA,2024,x,1\n");
        assertThat(one.findings).extracting(Finding::message).contains(
                "2 rows not read because of the header above; line 2 names the unit and period columns: if it is the header, delete the line above it");
        // rows that are not a header get no such advice
        Collect none = read("Báo cáo\nA,2024,x,1\n");
        assertThat(none.findings).extracting(Finding::message).contains("1 row not read because of the header above");
    }

    @Test
    void longCsvIgnoresOtherColumnsAndKeepsEmptyCells() {
        Collect c = read("unit_name,unit,period,indicator,value,comment\nXã A,A,2024-H1,x,5,ok\nXã A,A,2024S1,y,,chưa có\n");
        assertThat(c.values).containsExactly("A|2024-H1|x|5@2", "A|2024S1|y|@3");
        assertThat(c.findings).isEmpty();
        assertThat(c.records).isEqualTo(2);
    }

    @Test
    void wideCsvGivesOneValuePerIndicatorColumn() {
        Collect c = read("unit;period;unit_name;x;y\nA;2024;Xã A;1;N/A\nB;2024;Xã B;-;2\n");
        assertThat(c.values).containsExactly("A|2024|x|1@2", "A|2024|y|N/A@2", "B|2024|x|-@3", "B|2024|y|2@3");
    }

    @Test
    void aRowWithTooManyOrTooFewFieldsIsAFindingNeverTruncatedOrPadded() {
        Collect c = read("unit,period,indicator,value\nC11,2024-H1,models,1,234\nC11,2024-H1,models\nC12,2024-H1,models,2\n");
        assertThat(c.values).containsExactly("C12|2024-H1|models|2@4");
        assertThat(c.codes()).containsExactly(FindingCode.MALFORMED, FindingCode.MALFORMED);
        assertThat(c.findings.get(0).message()).contains("5 fields but the header 4");
        assertThat(c.findings.get(1).message()).contains("3 fields but the header 4");
        assertThat(c.rejected).isEqualTo(2);
        assertThat(c.records).isEqualTo(3);
    }

    @Test
    void aWideRowWithTheWrongWidthNamesItsIndicatorColumns() {
        Collect c = read("unit,period,dvk_models,dialogues\nBG-TP-TRANPHU,2024-H1,1\n");
        assertThat(c.findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("dvk_models dialogues");
            assertThat(f.message()).contains("its 2 values (dvk_models dialogues) are rejected");
            assertThat(f.unit()).isEqualTo("BG-TP-TRANPHU");
        });
        assertThat(c.rejected).isEqualTo(2);
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnErrorForTheFileAndItsRowsAreCounted() {
        Collect c = read("unit,period,indicator,value,value\nA,2024,x,1,2\nA,2024,y,3,4\n");
        assertThat(c.values).isEmpty();
        assertThat(c.findings.get(0).message()).contains("'value' (columns 4 and 5) twice");
        assertThat(c.records).as("both rows counted as read and rejected").isEqualTo(2);
    }

    @Test
    void aValueUnderAnUnnamedColumnIsNotSilentlyDropped() {
        Collect c = read("unit,period,x,\nA,2024,1,\nB,2024,2,7\n");
        assertThat(c.values).containsExactly("A|2024|x|1@2");
        assertThat(c.findings).singleElement().satisfies(f -> assertThat(f.message()).contains("column 4, which has no name"));
    }

    @Test
    void aHeaderWithoutRowsIsNoData() {
        assertThat(read("unit,period,indicator,value\n").codes()).containsExactly(FindingCode.NO_DATA);
        assertThat(read("").codes()).containsExactly(FindingCode.NO_DATA);
        assertThat(read("\n\n  \n").codes()).containsExactly(FindingCode.NO_DATA);
    }

    /**
     * Blank lines past the first 64 KB that tally looks at to recognise a file do not hide the data
     * after them, however many they are: every value is read, on the line it is on, in CSV (with its
     * delimiter) and JSON, in UTF-8 and UTF-16; a file of nothing but blanks is one finding.
     */
    @Test
    void dataAfterMoreBlankLinesThanTheHeadIsRead() {
        int blankLines = 100_000; // "\n" and " \r\n" by turns: 250 KB, four heads and more
        StringBuilder blanks = new StringBuilder();
        for (int k = 0; k < blankLines; k++) blanks.append(k % 2 == 0 ? "\n" : " \r\n");
        assertThat(blanks.length()).isGreaterThan(3 * Submissions.HEAD);
        Collect csv = read(blanks + "unit;period;indicator;value\nA;2024;x;5\nB;2024;x;6\n");
        assertThat(csv.findings).isEmpty();
        assertThat(csv.values).containsExactly("A|2024|x|5@" + (blankLines + 2), "B|2024|x|6@" + (blankLines + 3));
        Collect json = read(blanks + "{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}}\n");
        assertThat(json.findings).isEmpty();
        assertThat(json.values).containsExactly("A|2024|x|1@" + (blankLines + 1));
        // in UTF-16 too (re-encoded before it is looked at)
        Collect utf16 = read(("\uFEFF" + blanks + "unit,period,indicator,value\nA,2024,x,7\n").getBytes(StandardCharsets.UTF_16LE),
                ReadOptions.defaults());
        assertThat(utf16.values).containsExactly("A|2024|x|7@" + (blankLines + 2));
        Collect onlyBlanks = read(blanks.toString());
        assertThat(onlyBlanks.codes()).containsExactly(FindingCode.NO_DATA);
        assertThat(onlyBlanks.findings.get(0).message()).isEqualTo("the input holds only blank lines; nothing was read");

        // 17 MB of them, with a CR LF cut by the 64 KB pieces they are read in, lone CRs, and spaces
        // before the header on its line: the lines are counted as the CSV reader counts them
        StringBuilder many = new StringBuilder("\n".repeat(Submissions.HEAD - 1)).append("\r\n");
        while (many.length() < 17 << 20) many.append(" \r\n\t\r\r\n  \n");
        String prefix = many.append("   ").toString();
        long lines = prefix.replace("\r\n", "\n").replace('\r', '\n').chars().filter(ch -> ch == '\n').count();
        Collect far = read(prefix + "unit,period,indicator,value\nA,2024,x,8\n");
        assertThat(far.findings).isEmpty();
        assertThat(far.values).containsExactly("A|2024|x|8@" + (lines + 2));
    }

    /** The delimiter is told from the first line that is not blank: a blank line above a ';' header gave ','. */
    @Test
    void theDelimiterComesFromTheFirstLineThatIsNotBlank() {
        Collect c = read("\n  \r\nunit;period;indicator;value\nA;2024;x;5\n");
        assertThat(c.findings).isEmpty();
        assertThat(c.values).containsExactly("A|2024|x|5@4");
        Collect tabs = read("\n\tunit\tperiod\tindicator\tvalue\n\tA\t2024\tx\t5\n");
        assertThat(tabs.values).containsExactly("A|2024|x|5@3");
    }

    @Test
    void jsonObjectArrayAndNdjson() {
        assertThat(read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1,\"y\":null}}").values)
                .containsExactly("A|2024|x|1@1", "A|2024|y|@1");
        assertThat(read("[\n{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":\"2.5\"}},\n{\"unit\":\"B\",\"period\":\"2024-Q1\",\"values\":{\"x\":3}}\n]").values)
                .containsExactly("A|2024|x|2.5@2", "B|2024-Q1|x|3@3");
        assertThat(read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}}\n{\"unit\":\"B\",\"period\":\"2024\",\"values\":{\"x\":2}}\n").values)
                .containsExactly("A|2024|x|1@1", "B|2024|x|2@2");
        // pretty-printed: one document spread over lines
        assertThat(read("{\n  \"unit\": \"A\",\n  \"period\": \"2024\",\n  \"values\": {\n    \"x\": 7\n  }\n}\n").values)
                .containsExactly("A|2024|x|7@5");
    }

    @Test
    void valuesBeforeUnitAndPeriodInAnObjectAreKept() {
        assertThat(read("{\"values\":{\"x\":1},\"period\":\"2024\",\"unit\":\"A\"}").values).containsExactly("A|2024|x|1@1");
    }

    @Test
    void jsonOfTheWrongShapeIsAFindingWithThePath() {
        Collect arr = read("[{\"unit\":\"A\",\"period\":\"2024\",\"values\":[1,2]},{\"unit\":\"B\",\"period\":\"2024\",\"values\":\"5\"}, 7]");
        assertThat(arr.codes()).containsExactly(FindingCode.MALFORMED, FindingCode.MALFORMED, FindingCode.MALFORMED);
        assertThat(arr.findings.get(0).message()).startsWith("$[0].values: expected an object").contains("found an array");
        assertThat(arr.findings.get(1).message()).startsWith("$[1].values").contains("found a string");
        assertThat(arr.findings.get(2).message()).startsWith("$[2]: expected a submission object").contains("found a number");
        assertThat(arr.records).isEqualTo(3);
        Collect nested = read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":[1],\"y\":{\"z\":1},\"w\":3}}");
        assertThat(nested.values).containsExactly("A|2024|w|3@1");
        assertThat(nested.codes()).containsExactly(FindingCode.NOT_A_NUMBER, FindingCode.NOT_A_NUMBER);
        assertThat(nested.findings.get(0).message()).contains("$.values.x").contains("a list");
        assertThat(nested.rejected).isEqualTo(2);
    }

    @Test
    void aKeyGivenTwiceIsAFinding() {
        Collect c = read("{\"unit\":\"A\",\"unit\":\"B\",\"period\":\"2024\",\"values\":{\"x\":1,\"y\":2}}");
        assertThat(c.values).isEmpty();
        assertThat(c.findings).singleElement().satisfies(f -> assertThat(f.message()).contains("\"unit\" is given twice").contains("2 values"));
        assertThat(c.rejected).isEqualTo(2);
    }

    @Test
    void aBadNdjsonLineIsAFindingAndReadingResumesOnTheNextLine() {
        Collect c = read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}}\n{\"unit\":\"B\",\"period\n"
                + "{\"unit\":\"C\",\"period\":\"2024\",\"values\":{\"x\":3}}\n");
        assertThat(c.values).containsExactly("A|2024|x|1@1", "C|2024|x|3@3");
        assertThat(c.findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("the next line is read");
        });
    }

    @Test
    void brokenJsonDocumentNamesTheLineAndStops() {
        Collect c = read("[\n{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}},\n{\"unit\":\"B\",\n");
        assertThat(c.values).containsExactly("A|2024|x|1@2");
        assertThat(c.codes()).containsExactly(FindingCode.MALFORMED);
        assertThat(c.findings.get(0).message()).contains("reading stopped here");
    }

    @Test
    void deepJsonIsAFindingNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Collect c = read(deep);
        assertThat(c.codes()).containsExactly(FindingCode.MALFORMED);
        assertThat(c.findings.get(0).message()).contains("nesting depth");
    }

    @Test
    void byteOrderMarksDecideTheEncoding() {
        String text = "unit,period,indicator,value\nXÃ-ĐỨC,2024,x,1\n";
        byte[] utf8bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
        assertThat(read(utf8bom, ReadOptions.defaults()).values).containsExactly("XÃ-ĐỨC|2024|x|1@2");
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        assertThat(read(utf16le, ReadOptions.defaults()).values).containsExactly("XÃ-ĐỨC|2024|x|1@2");
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        assertThat(read(utf16be, ReadOptions.defaults()).values).containsExactly("XÃ-ĐỨC|2024|x|1@2");
    }

    @Test
    void windows1258NeedsItsNameAndOtherwiseIsAnEncodingFindingPerLine() {
        Charset cp1258 = Charset.forName("windows-1258");
        byte[] bytes = "unit,period,indicator,value,comment\nA,2024,x,1,Đã nhận\nB,2024,x,2,ok\n".getBytes(cp1258);
        Collect wrong = read(bytes, ReadOptions.defaults());
        assertThat(wrong.findings).extracting(Finding::code, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.ENCODING, 2L));
        assertThat(wrong.values).containsExactly("B|2024|x|2@3");
        assertThat(wrong.rejected).isEqualTo(1);
        Collect right = read(bytes, new ReadOptions(cp1258, null, false));
        assertThat(right.findings).isEmpty();
        assertThat(right.values).containsExactly("A|2024|x|1@2", "B|2024|x|2@3");
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        Collect c = read("unit,period,indicator,value,comment\n\"A\",2024,x,\"1\",\"he said \"\"hi\"\", twice\nand more\"\nB,2024,x,2,\n");
        assertThat(c.values).containsExactly("A|2024|x|1@2", "B|2024|x|2@4");
    }

    @Test
    void anUnclosedQuoteCostsItsRowAndReadingGoesOnAtTheNextLine() {
        Collect c = read("unit,period,indicator,value\nA,2024,x,\"5\nB,2024,x,2\nC,2024,x,3\n");
        assertThat(c.values).containsExactly("B|2024|x|2@3", "C|2024|x|3@4");
        assertThat(c.findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("never closed");
        });
        assertThat(c.rejected).isEqualTo(1);
    }

    @Test
    void textAfterAClosingQuoteIsAFindingForThatRow() {
        Collect c = read("unit,period,indicator,value\n\"A\"x,2024,x,1\nB,2024,x,2\n");
        assertThat(c.values).containsExactly("B|2024|x|2@3");
        assertThat(c.findings.get(0).message()).contains("follows a closing quote");
    }

    @Test
    void lineEndingsOfEveryKindKeepLineNumbers() {
        Collect c = read("unit,period,indicator,value\r\nA,2024,x,1\rB,2024,x,2\n\nC,2024,x,3");
        assertThat(c.values).containsExactly("A|2024|x|1@2", "B|2024|x|2@3", "C|2024|x|3@5");
    }

    @Test
    void aHugeFieldAndAHugeRowAreFindingsInBoundedMemory() {
        String big = "9".repeat(CsvTokenizer.MAX_FIELD + 10);
        Collect c = read("unit,period,indicator,value\nA,2024,x," + big + "\nB,2024,x,2\n");
        assertThat(c.values).containsExactly("B|2024|x|2@3");
        assertThat(c.findings.get(0).message()).contains("longer than 1 MB");
        StringBuilder fields = new StringBuilder("unit,period,indicator,value\nA,2024,x,1");
        fields.append(",".repeat(3_000_000)).append("\nB,2024,x,2\n");
        Collect wide = read(fields.toString());
        assertThat(wide.values).containsExactly("B|2024|x|2@3");
        assertThat(wide.findings.get(0).message()).contains("3000004 fields");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }

    /**
     * Field.nfc skips the Unicode check for text below U+0300: every such character, and every pair,
     * is its own NFC form; Vietnamese in either form still comes out precomposed.
     */
    @Test
    void nfcAgreesWithTheJdkBelowCombiningMarksAndComposesAboveThem() {
        for (char a = 0; a < 0x300; a++) {
            String one = String.valueOf(a);
            assertThat(Field.nfc(one)).isSameAs(one);
            assertThat(java.text.Normalizer.normalize(one, java.text.Normalizer.Form.NFC)).isEqualTo(one);
        }
        for (char a = 0x20; a < 0x300; a += 7) {
            for (char b = 0x20; b < 0x300; b++) {
                String two = "" + a + b;
                assertThat(java.text.Normalizer.normalize(two, java.text.Normalizer.Form.NFC)).isEqualTo(two);
            }
        }
        String decomposed = "Xa\u0303 \u0110o\u0302\u0300ng"; // "Xã Đồng" with combining marks
        assertThat(Field.nfc(decomposed)).isEqualTo("X\u00e3 \u0110\u1ed3ng");
        assertThat(Field.nfc("X\u00e3 \u0110\u1ed3ng")).isEqualTo("X\u00e3 \u0110\u1ed3ng");
    }

    /** Everything a stored map sends: each value with its number flag and input, each finding with its message, or that it is damaged. */
    private static List<String> readStored(String map, boolean scan, long[] parsed) {
        List<String> got = new ArrayList<>();
        ValueSink sink = new ValueSink() {
            @Override
            public void input(int input) { got.add("input " + input); }

            @Override
            public void begin(Field u, Field p, long line) { got.add("begin " + u + " " + p + " @" + line); }

            @Override
            public void value(Field indicator, Field value, long line, boolean number) {
                got.add(indicator + "=" + value + (number ? " (number)" : "") + " @" + line);
            }

            @Override
            public void end() { got.add("end"); }

            @Override
            public void problem(Finding f, long values, long recs) { got.add(f.code() + " " + f.message() + " " + values + "/" + recs); }
        };
        JsonSubmissions.StoredReader r = JsonSubmissions.storedReader("tally.db", sink, scan);
        byte[] bytes = map.getBytes(StandardCharsets.UTF_8);
        long[] lines = {7, 8, 9, 10, 11, 12};
        try {
            r.read(Field.of("X01"), Field.of("2025-H1"), bytes, new int[] {0, 1, 1, 0, 0, 0}, lines);
        } catch (java.io.UncheckedIOException e) {
            // a map that is not a value map is a damaged store: the reader throws, the store names the submission
            got.add("damaged: " + e.getCause().getMessage().lines().findFirst().orElse(""));
        }
        parsed[0] = r.parsed();
        return got;
    }

    /**
     * The store's value maps are scanned without a JSON parser when they are exactly in the form the
     * store writes; anything else goes through the parser. Either way the sink gets the same calls:
     * each map below is read both ways and compared, and the scan is seen to be taken for exactly
     * the maps in the store's own form.
     */
    @Test
    void storedMapsScannedOrParsedGiveTheSameValuesAndFindings() {
        List<String> own = List.of("{}", "{\"a\":1}", "{\"dvk_models\":7,\"rate\":-12.5,\"cadres\":null,\"z\":0,\"f\":0.001}",
                "{\"big\":123456789012345678901234567890.25,\"neg\":-0.5}", "{\"a\":1,\"a\":2}");
        List<String> other = List.of("{ }", "{\"a\": 1}", "{\"a\":\"12\"}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
                "{\"a\":true}", "{\"a\":[1]}", "{\"a\":{\"b\":1}}", "{\"a\":1}x", "{\"a\":1,}", "{\"a\\u0062\":1}", "{\"x\u00e3\":1}",
                "{\"xa\u0303\":1}", "[1,2]", "", "{", "{\"a\"", "{\"a\":", "{\"a\":nul}", "{\"a\":null", "null", "{\"a\":1}}");
        long[] parsed = new long[1];
        for (String map : own) {
            List<String> scanned = readStored(map, true, parsed);
            assertThat(parsed[0]).as(map).isZero();
            assertThat(scanned).as(map).isEqualTo(readStored(map, false, parsed));
        }
        for (String map : other) {
            List<String> read = readStored(map, true, parsed);
            assertThat(parsed[0]).as(map).isEqualTo(1);
            assertThat(read).as(map).isEqualTo(readStored(map, false, parsed));
        }
        // what the scan gives, spelled out once
        assertThat(readStored("{\"dvk_models\":7,\"rate\":-12.5,\"cadres\":null}", true, parsed)).containsExactly(
                "input 0", "begin X01 2025-H1 @7", "input 0", "dvk_models=7 (number) @7", "input 1", "rate=-12.5 (number) @8", "input 1",
                "cadres= @9", "end");
        // and a code written in decomposed form reaches the sink composed, as from any reader
        assertThat(readStored("{\"xa\u0303\":1}", true, parsed)).contains("x\u00e3=1 (number) @7");
        // what is not a value map is damage, never a finding that rollup would count and go on past
        assertThat(readStored("{\"a\":1,", true, parsed)).last().asString().startsWith("damaged: Unexpected end-of-input");
        assertThat(readStored("[1,2]", true, parsed)).containsExactly("damaged: the value map is not a JSON object");
        assertThat(readStored("{\"a\":[1]}", true, parsed)).last().isEqualTo("damaged: the value of a is not a number");
    }

    /**
     * A file is read with its thread's buffers re-used from one input to the next (Submissions.Scratch):
     * its head goes through the thread's head buffer, the rest after it. Files longer and shorter than
     * the head, one after the other through the same scratch, in each text format and a UTF-16 one,
     * give what the same bytes give as a stream read alone.
     */
    @Test
    void filesReadThroughReusedBuffersGiveWhatTheirBytesGiveAlone(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("unit,period,indicator,value\n");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 12000; i++) {
            csv.append("X").append(i).append(",2024-H1,a,").append(i).append('\n');
            json.append(i == 0 ? "" : ",").append("{\"unit\":\"J").append(i).append("\",\"period\":\"2024\",\"values\":{\"b\":").append(i).append("}}");
        }
        json.append("]");
        byte[][] inputs = {
            csv.toString().getBytes(StandardCharsets.UTF_8),
            "unit,period,indicator,value\nS,2024,a,1\n".getBytes(StandardCharsets.UTF_8),
            json.toString().getBytes(StandardCharsets.UTF_8),
            ("\ufeff" + csv.substring(0, 70_000)).getBytes(StandardCharsets.UTF_16LE),
            "\ufeffunit;period;x\nW;2024;5,5\n".getBytes(StandardCharsets.UTF_8),
        };
        assertThat(inputs[0].length).isGreaterThan(2 * Submissions.HEAD);
        assertThat(inputs[2].length).isGreaterThan(2 * Submissions.HEAD);
        // every row's value, the rows past the head too
        int[] values = {12000, 1, 12000, (int) csv.substring(0, 70_000).chars().filter(ch -> ch == '\n').count() - 1, 1};
        Submissions.Scratch scratch = new Submissions.Scratch();
        for (int k = 0; k < inputs.length; k++) {
            Path f = dir.resolve("in-" + k + ".csv");
            Files.write(f, inputs[k]);
            Collect file = new Collect();
            Submissions.read(new InputFile(f.toString(), f), null, ReadOptions.defaults(), file, scratch);
            Collect alone = read(inputs[k], ReadOptions.defaults());
            assertThat(file.values).as("input %d", k).hasSize(values[k]).isEqualTo(alone.values);
            assertThat(file.codes()).as("input %d", k).isEqualTo(alone.codes());
        }
    }
}
