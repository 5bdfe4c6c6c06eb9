package dev.tally.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaTest {
    @Test
    void theReservedNamesAreEvalExsConstants() {
        assertThat(Formula.CONSTANTS).isEqualTo(Formula.engineConstants());
        assertThat(Formula.reserved("pi")).isTrue();
        assertThat(Formula.reserved("received")).isFalse();
    }

    @Test
    void evaluatesExactlyAndDivisionByZeroIsMissing() {
        Formula f = Formula.compile("100 * resolved / received");
        assertThat(f.variables()).containsExactly("received", "resolved");
        Map<String, BigDecimal> v = new HashMap<>(Map.of("resolved", new BigDecimal("1"), "received", new BigDecimal("3")));
        assertThat(f.evaluateNumber(v)).hasValueSatisfying(x -> assertThat(x.toPlainString()).startsWith("33.33333333"));
        v.put("received", BigDecimal.ZERO);
        assertThat(f.evaluateNumber(v)).isEmpty();
        assertThat(Formula.compile("0.1 + 0.2").evaluateNumber(Map.of())).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("0.3"));
    }

    @Test
    void checksAreBooleansAndBrokenExpressionsAreRefused() {
        assertThat(Formula.compile("a <= b").evaluateBoolean(Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN))).hasValue(true);
        assertThatThrownBy(() -> Formula.compile("a +* b")).isInstanceOf(IllegalArgumentException.class);
    }
}
