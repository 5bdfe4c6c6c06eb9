package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"1234, 1234", "1234.5, 1234.5", "-3, -3", "+7, 7", "' 42 ', 42", "0.10, 0.10",
        "9007199254740993, 9007199254740993", "123456789012345678901234567890, 123456789012345678901234567890",
        "true, 1", "không, 0", "yes, 1"})
    void plainNumbers(String raw, String expected) {
        assertThat(Numbers.parse(raw, false)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234,5|1234.5", "1 234,5|1234.5", "1\u00a0234,5|1234.5", "1234,5|1234.5",
        "1.234.567|1234567", "-2,25|-2.25", "12|12"})
    void decimalCommaNumbers(String raw, String expected) {
        assertThat(Numbers.parse(raw, true)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "N/A", "n/a", "-"})
    void missingMarkersAreMissingNeverZero(String raw) {
        assertThat(Numbers.parse(raw, false)).isSameAs(Numbers.MISSING);
        assertThat(Numbers.parse(raw, true)).isSameAs(Numbers.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mười", "1,234", "1e3", "12abc", "1.2.3", "--1", "+", "0x10"})
    void anythingElseIsRefusedInPlainMode(String raw) {
        assertThat(Numbers.parse(raw, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.23", "1 23,5", "1,2,3"})
    void ambiguousFormsAreRefusedWithDecimalComma(String raw) {
        assertThat(Numbers.parse(raw, true)).isNull();
    }
}
