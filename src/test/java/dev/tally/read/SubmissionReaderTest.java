package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionReaderTest {
    static final class Collect implements ObservationSink {
        final List<Observation> obs = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        long rejected, records;

        @Override
        public void observation(Observation o) { obs.add(o); }

        @Override
        public void finding(Finding f, long n) {
            findings.add(f);
            rejected += n;
        }

        @Override
        public void record() { records++; }

        List<String> lines() {
            return obs.stream().map(o -> o.unit() + "|" + o.period() + "|" + o.indicator() + "|"
                    + (o.value() == null ? "missing" : o.value().toPlainString()) + "@" + o.source().line()).toList();
        }
    }

    static Collect read(byte[] bytes, ReadOptions opt) {
        Collect c = new Collect();
        new SubmissionReader(opt).read(new InputFile("-", null), new ByteArrayInputStream(bytes), c);
        return c;
    }

    static Collect read(String text) { return read(text.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults()); }

    @Test
    void longCsvIgnoresOtherColumnsAndKeepsMissing() {
        Collect c = read("unit_name,unit,period,indicator,value,comment\nXã A,A,2024-H1,x,5,ok\nXã A,A,2024S1,y,,chưa có\n");
        assertThat(c.lines()).containsExactly("A|2024-H1|x|5@2", "A|2024-H1|y|missing@3");
        assertThat(c.findings).isEmpty();
        assertThat(c.records).isEqualTo(2);
    }

    @Test
    void wideCsvGivesOneObservationPerIndicatorColumn() {
        Collect c = read("unit;period;unit_name;x;y\nA;2024;Xã A;1;N/A\nB;2024;Xã B;-;2\n");
        assertThat(c.lines()).containsExactly("A|2024|x|1@2", "A|2024|y|missing@2", "B|2024|x|missing@3", "B|2024|y|2@3");
    }

    @Test
    void jsonObjectArrayAndNdjson() {
        assertThat(read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1,\"y\":null}}").lines())
                .containsExactly("A|2024|x|1@1", "A|2024|y|missing@1");
        assertThat(read("[\n{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":\"2.5\"}},\n{\"unit\":\"B\",\"period\":\"2024-Q1\",\"values\":{\"x\":3}}\n]").lines())
                .containsExactly("A|2024|x|2.5@2", "B|2024-Q1|x|3@3");
        assertThat(read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}}\n{\"unit\":\"B\",\"period\":\"2024\",\"values\":{\"x\":2}}\n").lines())
                .containsExactly("A|2024|x|1@1", "B|2024|x|2@2");
    }

    @Test
    void bigIntegersStayExact() {
        assertThat(read("{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":9007199254740993}}").obs.get(0).value())
                .isEqualTo(new BigDecimal("9007199254740993"));
    }

    @Test
    void byteOrderMarksDecideTheEncoding() {
        String text = "unit,period,indicator,value\nXÃ-ĐỨC,2024,x,1\n";
        byte[] utf8bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
        assertThat(read(utf8bom, ReadOptions.defaults()).lines()).containsExactly("XÃ-ĐỨC|2024|x|1@2");
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        assertThat(read(utf16le, ReadOptions.defaults()).lines()).containsExactly("XÃ-ĐỨC|2024|x|1@2");
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        assertThat(read(utf16be, ReadOptions.defaults()).lines()).containsExactly("XÃ-ĐỨC|2024|x|1@2");
    }

    @Test
    void windows1258NeedsItsNameAndOtherwiseIsAnEncodingFindingPerLine() {
        Charset cp1258 = Charset.forName("windows-1258");
        byte[] bytes = "unit,period,indicator,value,comment\nA,2024,x,1,Đã nhận\nB,2024,x,2,ok\n".getBytes(cp1258);
        Collect wrong = read(bytes, ReadOptions.defaults());
        assertThat(wrong.findings).extracting(Finding::code, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.ENCODING, 2L));
        assertThat(wrong.lines()).containsExactly("B|2024|x|2@3");
        assertThat(wrong.rejected).isEqualTo(1);
        Collect right = read(bytes, new ReadOptions(cp1258, null, false));
        assertThat(right.findings).isEmpty();
        assertThat(right.lines()).containsExactly("A|2024|x|1@2", "B|2024|x|2@3");
    }

    @Test
    void unreadableValuesAreFindingsAndTheRestGoesOn() {
        Collect c = read("unit,period,indicator,value\nA,2024-H3,x,1\nA,2024,x,abc\nA,2024\nA,2024,x,\"unclosed\nB,2024,x,1\n");
        assertThat(c.findings).extracting(Finding::code).containsExactly(FindingCode.BAD_PERIOD, FindingCode.NOT_A_NUMBER,
                FindingCode.MALFORMED, FindingCode.MALFORMED);
        assertThat(c.findings).extracting(Finding::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(c.findings.get(0).message()).contains("2024-Q2");
        assertThat(c.findings.get(3).message()).contains("never closed");
        assertThat(c.rejected).isEqualTo(3);
    }

    @Test
    void decimalCommaHintAndOption() {
        Collect plain = read("unit,period,indicator,value\nA,2024,x,\"1,5\"\n");
        assertThat(plain.findings.get(0).message()).contains("--decimal-comma");
        Collect comma = read("unit;period;indicator;value\nA;2024;x;1.234,5\n".getBytes(StandardCharsets.UTF_8), new ReadOptions(null, null, true));
        assertThat(comma.lines()).containsExactly("A|2024|x|1234.5@2");
    }

    @Test
    void brokenJsonNamesTheLineAndWrongShapesAreFindings() {
        Collect c = read("[\n{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"x\":1}},\n{\"unit\":\"B\",\n");
        assertThat(c.lines()).containsExactly("A|2024|x|1@2");
        assertThat(c.findings).extracting(Finding::code).containsExactly(FindingCode.MALFORMED);
        Collect shape = read("{\"unit\":\"A\",\"values\":{\"x\":1,\"y\":[1]}}\n{\"unit\":\"A\",\"period\":\"2024\",\"values\":{\"y\":[1]}}");
        assertThat(shape.findings).extracting(Finding::code).containsExactly(FindingCode.MALFORMED, FindingCode.NOT_A_NUMBER);
        assertThat(shape.rejected).isEqualTo(3);
    }

    @Test
    void aHeaderWithoutUnitAndPeriodIsMalformed() {
        Collect c = read("code,when,value\nA,2024,1\n");
        assertThat(c.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.MALFORMED);
            assertThat(f.message()).contains("unit,period,indicator,value");
        });
    }

    @Test
    void emptyInputIsAWarningNotACrash() {
        assertThat(read("").findings).extracting(Finding::code).containsExactly(FindingCode.NO_DATA);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }
}
