package dev.tally.expr;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user-written expression over indicator codes (a derived indicator's formula or a rule's check),
 * the single place EvalEx is used. EvalEx only evaluates arithmetic, comparisons and its built-in
 * functions: it cannot run code, read files or reach the network, which is why user expressions are
 * safe to take from a catalog. Compile once, evaluate many times.
 *
 * <p>Example: {@code Formula.compile("100 * resolved / received").evaluate(Map.of(...))}.
 */
public final class Formula {
    /** In a holder, so that merely naming Formula (to check a code) does not start EvalEx. */
    private static final class Engine {
        static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
                .mathContext(MathContext.DECIMAL128)
                .build();
    }

    private final String text;
    private final List<String> variables;
    /** Parsed once and re-used: EvalEx keeps the syntax tree, so each evaluation only binds values. Not thread-safe. */
    private Expression parsed;

    private Formula(String text, List<String> variables) {
        this.text = text;
        this.variables = variables;
    }

    /**
     * Parses the expression; throws {@link IllegalArgumentException} with a one-line reason when it
     * does not parse.
     */
    public static Formula compile(String text) {
        Expression e = new Expression(text, Engine.CONFIG);
        try {
            e.validate();
            Set<String> used = new TreeSet<>(e.getUsedVariables());
            used.removeIf(v -> e.getConstants().containsKey(v) || e.getConstants().containsKey(v.toUpperCase(java.util.Locale.ROOT)));
            return new Formula(text, Collections.unmodifiableList(new ArrayList<>(used)));
        } catch (BaseException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(String.valueOf(ex.getMessage()), ex);
        }
    }

    /** True when a name cannot be an indicator code because formulas read it as a constant (E, PI, TRUE, NULL…). */
    public static boolean reserved(String name) {
        return CONSTANTS.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * EvalEx's constant names. Written out rather than asked of EvalEx so that a catalog without
     * formulas or rules never starts the expression engine (some 130 classes); a test keeps the list
     * equal to EvalEx's own.
     */
    static final Set<String> CONSTANTS = Set.of("TRUE", "FALSE", "PI", "E", "NULL", "DT_FORMAT_ISO_DATE_TIME",
            "DT_FORMAT_LOCAL_DATE_TIME", "DT_FORMAT_LOCAL_DATE");

    /** EvalEx's actual constant names, for that test. */
    static Set<String> engineConstants() {
        return new Expression("0", Engine.CONFIG).getConstants().keySet().stream()
                .map(k -> k.toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public String text() { return text; }

    /** The indicator codes the expression reads, sorted. */
    public List<String> variables() { return variables; }

    /**
     * Evaluates with the given values (every variable must be present). Empty when the result is
     * undefined: division by zero or another arithmetic error.
     */
    public Optional<BigDecimal> evaluateNumber(Map<String, BigDecimal> values) {
        EvaluationValue v = evaluate(values);
        if (v == null || !v.isNumberValue()) return Optional.empty();
        return Optional.of(v.getNumberValue());
    }

    /** Evaluates a check; empty when it cannot be decided (division by zero). */
    public Optional<Boolean> evaluateBoolean(Map<String, BigDecimal> values) {
        EvaluationValue v = evaluate(values);
        if (v == null) return Optional.empty();
        if (v.isBooleanValue()) return Optional.of(v.getBooleanValue());
        if (v.isNumberValue()) return Optional.of(v.getNumberValue().signum() != 0);
        return Optional.empty();
    }

    private EvaluationValue evaluate(Map<String, BigDecimal> values) {
        if (parsed == null) parsed = new Expression(text, Engine.CONFIG);
        Expression e = parsed;
        for (String var : variables) e.with(var, values.get(var));
        try {
            return e.evaluate();
        } catch (BaseException | ArithmeticException ex) {
            return null;
        }
    }
}
