package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Num;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    static Num parse(String raw, boolean comma, boolean json) { return Numbers.parse(Field.of(raw), comma, json, new Num()); }

    static BigDecimal value(String raw, boolean comma) {
        Num n = parse(raw, comma, false);
        assertThat(n.isNumber()).as(raw).isTrue();
        return n.decimal();
    }

    @ParameterizedTest
    @CsvSource({"1234, 1234", "1234.5, 1234.5", "-3, -3", "+7, 7", "' 42 ', 42", "0.10, 0.1", "007, 7",
        "9007199254740993, 9007199254740993", "123456789012345678901234567890, 123456789012345678901234567890",
        "-0.5, -0.5", "100.00, 100", "true, 1", "không, 0", "yes, 1"})
    void plainNumbers(String raw, String expected) {
        assertThat(value(raw, false)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void valuesAreInNormalFormOnLongsUpTo18Digits() {
        Num n = parse("2.50", false, false);
        assertThat(n.kind).isEqualTo(Num.EXACT);
        assertThat(n.unscaled).isEqualTo(25);
        assertThat(n.scale).isEqualTo(1);
        assertThat(parse("999999999999999999", false, false).kind).isEqualTo(Num.EXACT);
        Num big = parse("1234567890123456789", false, false);
        assertThat(big.kind).isEqualTo(Num.BIG);
        assertThat(big.big.toPlainString()).isEqualTo("1234567890123456789");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234,5|1234.5", "1 234,5|1234.5", "1\u00a0234,5|1234.5", "1\u202f234,5|1234.5",
        "1234,5|1234.5", "1.234.567|1234567", "-2,25|-2.25", "12|12"})
    void decimalCommaNumbers(String raw, String expected) {
        assertThat(value(raw, true)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "N/A", "n/a", "-"})
    void missingMarkersAreMissingNeverZero(String raw) {
        assertThat(parse(raw, false, false).kind).isEqualTo(Num.MISSING);
        assertThat(parse(raw, true, false).kind).isEqualTo(Num.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mười", "1,234", "1e3", "12abc", "1.2.3", "--1", "+", "0x10", ".5", "5.", "１２", "1 000"})
    void anythingElseIsRefusedInPlainMode(String raw) {
        assertThat(parse(raw, false, false).kind).isEqualTo(Num.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.23", "1 23,5", "1,2,3", "1234.567"})
    void ambiguousFormsAreRefusedWithDecimalComma(String raw) {
        assertThat(parse(raw, true, false).kind).isEqualTo(Num.NOT_A_NUMBER);
    }

    @Test
    void hintsSayWhatToDo() {
        assertThat(parse("1,5", false, false).hint).isEqualTo("for numbers like 1.234,5 use --decimal-comma");
        // an English 1,234 is 1234, which --decimal-comma would read as 1.234: told both ways
        assertThat(parse("1,234", false, false).hint).isEqualTo("if it means 1234, write 1234: tally reads no commas between thousands;"
                + " if the comma is the decimal sign (1.234,5), use --decimal-comma");
        assertThat(parse("-12,345,678", false, false).hint).startsWith("if it means -12345678, write -12345678:");
        assertThat(parse("1,2345", false, false).hint).isEqualTo("for numbers like 1.234,5 use --decimal-comma");
        assertThat(parse("1234,567", false, false).hint).isEqualTo("for numbers like 1.234,5 use --decimal-comma");
        assertThat(parse("12.345.678", false, false).hint).isEqualTo("for numbers like 1.234,5 use --decimal-comma");
        assertThat(parse("1.5E3", false, false).hint).contains("in full");
    }

    @Test
    void aJsonNumberTokenIsDotDecimalWhateverTheDecimalCommaOfTheRun() {
        // --decimal-comma reads what people type (1.234,5 in a CSV cell or a JSON string); a JSON number
        // token has one grammar, so 13.000 stays thirteen and 1.234 stays one and a bit, never x1000
        assertThat(parse("13.000", true, true).decimal()).isEqualByComparingTo("13");
        assertThat(parse("1.234", true, true).decimal()).isEqualByComparingTo("1.234");
        assertThat(parse("1.5", true, true).decimal()).isEqualByComparingTo("1.5");
        assertThat(parse("2.5e1", true, true).decimal()).isEqualByComparingTo("25");
        // the same text as a JSON string (or a CSV cell) follows --decimal-comma
        assertThat(parse("13.000", true, false).decimal()).isEqualByComparingTo("13000");
        assertThat(parse("1.234,5", true, false).decimal()).isEqualByComparingTo("1234.5");
    }

    @Test
    void exponentsOnlyInJsonNumbers() {
        // 1.5e3 = 1500; 25e-2 = 0.25; 1E+2 = 100
        assertThat(parse("1.5e3", false, true).decimal()).isEqualByComparingTo("1500");
        assertThat(parse("25e-2", false, true).decimal()).isEqualByComparingTo("0.25");
        assertThat(parse("1E+2", false, true).decimal()).isEqualByComparingTo("100");
        assertThat(parse("1e3", false, false).kind).isEqualTo(Num.NOT_A_NUMBER);
    }

    @Test
    void atMost38DigitsAndNothingHugeIsEverBuilt() {
        assertThat(parse("9".repeat(38), false, false).kind).isEqualTo(Num.BIG);
        Num long39 = parse("9".repeat(39), false, false);
        assertThat(long39.kind).isEqualTo(Num.TOO_MANY_DIGITS);
        assertThat(long39.digits).isEqualTo(39);
        // leading zeros do not count; trailing zeros after the point neither
        assertThat(parse("0".repeat(100) + "5", false, false).decimal()).isEqualByComparingTo("5");
        assertThat(parse("5." + "0".repeat(100), false, false).decimal()).isEqualByComparingTo("5");
        // 38 digits in all before and after the point
        assertThat(parse("1." + "1".repeat(37), false, false).kind).isEqualTo(Num.BIG);
        assertThat(parse("1." + "1".repeat(38), false, false).kind).isEqualTo(Num.TOO_MANY_DIGITS);
        // exponents far out are refused from their size alone: no 10^999999999 is ever computed
        assertThat(parse("1e999999999", false, true).kind).isEqualTo(Num.TOO_MANY_DIGITS);
        assertThat(parse("1e-999999999", false, true).kind).isEqualTo(Num.TOO_MANY_DIGITS);
        assertThat(parse("1e99999999999999999999", false, true).kind).isEqualTo(Num.TOO_MANY_DIGITS);
        // a 10 MB number is counted, not built
        Num huge = parse("7".repeat(10_000_000), false, false);
        assertThat(huge.kind).isEqualTo(Num.TOO_MANY_DIGITS);
        assertThat(huge.digits).isEqualTo(10_000_000);
    }
}
