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
        assertThat(Formula.compile("a <= b").evaluate(Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN)).truth()).isTrue();
        assertThatThrownBy(() -> Formula.compile("a +* b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expressionsAreBoundedWhenTheCatalogIsLoaded() {
        assertThatThrownBy(() -> Formula.compile("a" + " + a".repeat(100_000))).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> Formula.compile("ABS(".repeat(70) + "a" + ")".repeat(70))).hasMessageContaining("levels deep");
        assertThatThrownBy(() -> Formula.compile("models ^ 99999999")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> Formula.compile("models * 10^999999999")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> Formula.compile("models * 1e999999999")).hasMessageContaining("38 digits");
        assertThatThrownBy(() -> Formula.compile("FACT(a)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.compile("STR_LENGTH(a)")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Formula.compile("a ^ 2").variables()).containsExactly("a");
    }

    @Test
    void arithmeticFailuresAreOutcomesWithAReasonNeverExceptions() {
        // an exponent from data beyond the bound
        Formula.Outcome big = Formula.compile("a ^ b").evaluate(Map.of("a", BigDecimal.TEN, "b", BigDecimal.valueOf(99999999)));
        assertThat(big.number()).isNull();
        assertThat(big.failure()).contains("exponent");
        // 10^38 is beyond 38 digits before the point
        Formula.Outcome wide = Formula.compile("a * a").evaluate(Map.of("a", BigDecimal.TEN.pow(19)));
        assertThat(wide.failure()).contains("38 digits");
        // division by zero is simply undefined, with no reason to report
        Formula.Outcome zero = Formula.compile("a / b").evaluate(Map.of("a", BigDecimal.ONE, "b", BigDecimal.ZERO));
        assertThat(zero.number()).isNull();
        assertThat(zero.failure()).isNull();
        // 10^37 × 9 = 9×10^37 still fits
        assertThat(Formula.compile("a * 9").evaluate(Map.of("a", BigDecimal.TEN.pow(37))).number()).isEqualByComparingTo("9E+37");
    }
}
