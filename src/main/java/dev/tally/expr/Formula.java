package dev.tally.expr;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.AverageFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.NotFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.functions.basic.SqrtFunction;
import com.ezylang.evalex.functions.basic.SumFunction;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.operators.arithmetic.InfixDivisionOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixModuloOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMultiplicationOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPlusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPowerOfOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixPlusOperator;
import com.ezylang.evalex.operators.booleans.InfixAndOperator;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixOrOperator;
import com.ezylang.evalex.operators.booleans.PrefixNotOperator;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user-written expression over indicator codes (a derived indicator's formula or a rule's check),
 * the single place EvalEx is used. Only arithmetic, comparisons and a few numeric functions (ABS,
 * AVERAGE, CEILING, FLOOR, IF, MAX, MIN, NOT, ROUND, SQRT, SUM): nothing that can run code, read files
 * or reach the network, which is why user expressions are safe to take from a catalog.
 *
 * <p>Bounded, so that no catalog can hang a run: an expression is at most {@link #MAX_LENGTH}
 * characters and {@link #MAX_DEPTH} levels deep, its number literals have at most 38 digits, and a
 * power's exponent is at most {@link #MAX_EXPONENT} in size (refused when the catalog is loaded if it
 * is written in the expression, and undefined when it comes from data). A result beyond 38 digits
 * before the point, or any other arithmetic failure, is an {@link Outcome} with a reason, never an
 * exception. Compile once, evaluate many times.
 *
 * <p>Example: {@code Formula.compile("100 * resolved / received").evaluateNumber(Map.of(...))}.
 */
public final class Formula {
    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_EXPONENT = 100;

    /** A power whose exponent is at most {@link #MAX_EXPONENT} in size; beyond, the result is undefined. */
    @InfixOperator(precedence = OperatorIfc.OPERATOR_PRECEDENCE_POWER, leftAssociative = false)
    public static final class BoundedPower extends InfixPowerOfOperator {
        @Override
        public EvaluationValue evaluate(Expression expression, Token operatorToken, EvaluationValue... operands)
                throws EvaluationException {
            if (operands[1].isNumberValue() && operands[1].getNumberValue().abs().compareTo(BigDecimal.valueOf(MAX_EXPONENT)) > 0) {
                throw new EvaluationException(operatorToken, "the exponent " + operands[1].getNumberValue().toPlainString()
                        + " is larger than " + MAX_EXPONENT);
            }
            return super.evaluate(expression, operatorToken, operands);
        }
    }

    /** In a holder, so that merely naming Formula (to check a code) does not start EvalEx. */
    private static final class Engine {
        @SuppressWarnings("unchecked")
        static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
                .mathContext(MathContext.DECIMAL128)
                // no function here reads a date; the default (the system's zone) costs every start
                // that has a formula ~7 ms of loading time-zone rules
                .zoneId(java.time.ZoneOffset.UTC)
                .arraysAllowed(false)
                .structuresAllowed(false)
                .operatorDictionary(MapBasedOperatorDictionary.ofOperators(
                        Map.entry("+", new PrefixPlusOperator()),
                        Map.entry("-", new PrefixMinusOperator()),
                        Map.entry("+", new InfixPlusOperator()),
                        Map.entry("-", new InfixMinusOperator()),
                        Map.entry("*", new InfixMultiplicationOperator()),
                        Map.entry("/", new InfixDivisionOperator()),
                        Map.entry("^", new BoundedPower()),
                        Map.entry("%", new InfixModuloOperator()),
                        Map.entry("=", new InfixEqualsOperator()),
                        Map.entry("==", new InfixEqualsOperator()),
                        Map.entry("!=", new InfixNotEqualsOperator()),
                        Map.entry("<>", new InfixNotEqualsOperator()),
                        Map.entry(">", new InfixGreaterOperator()),
                        Map.entry(">=", new InfixGreaterEqualsOperator()),
                        Map.entry("<", new InfixLessOperator()),
                        Map.entry("<=", new InfixLessEqualsOperator()),
                        Map.entry("&&", new InfixAndOperator()),
                        Map.entry("||", new InfixOrOperator()),
                        Map.entry("!", new PrefixNotOperator())))
                .functionDictionary(MapBasedFunctionDictionary.ofFunctions(
                        Map.entry("ABS", new AbsFunction()),
                        Map.entry("AVERAGE", new AverageFunction()),
                        Map.entry("CEILING", new CeilingFunction()),
                        Map.entry("FLOOR", new FloorFunction()),
                        Map.entry("IF", new IfFunction()),
                        Map.entry("MAX", new MaxFunction()),
                        Map.entry("MIN", new MinFunction()),
                        Map.entry("NOT", new NotFunction()),
                        Map.entry("ROUND", new RoundFunction()),
                        Map.entry("SQRT", new SqrtFunction()),
                        Map.entry("SUM", new SumFunction())))
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
     * Parses the expression and checks its bounds; throws {@link IllegalArgumentException} with a
     * one-line reason when it does not parse or is out of bounds.
     */
    public static Formula compile(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("it is " + text.length() + " characters long; an expression has at most " + MAX_LENGTH);
        }
        Expression e = new Expression(text, Engine.CONFIG);
        try {
            e.validate();
            bounds(e.getAbstractSyntaxTree());
            Set<String> used = new TreeSet<>(e.getUsedVariables());
            used.removeIf(v -> e.getConstants().containsKey(v) || e.getConstants().containsKey(v.toUpperCase(java.util.Locale.ROOT)));
            return new Formula(text, Collections.unmodifiableList(new ArrayList<>(used)));
        } catch (BaseException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        } catch (IllegalArgumentException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(String.valueOf(ex.getMessage()), ex);
        }
    }

    /** Depth, number literals and written exponents, walked without recursion. */
    private static void bounds(ASTNode root) {
        ArrayDeque<ASTNode> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            ASTNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("it is nested more than " + MAX_DEPTH + " levels deep; split it up");
            Token t = node.getToken();
            if (t.getType() == Token.TokenType.NUMBER_LITERAL) literal(t.getValue());
            if (t.getType() == Token.TokenType.INFIX_OPERATOR && t.getValue().equals("^") && node.getParameters().size() == 2) {
                ASTNode exp = node.getParameters().get(1);
                if (exp.getToken().getType() == Token.TokenType.NUMBER_LITERAL
                        && literal(exp.getToken().getValue()).abs().compareTo(BigDecimal.valueOf(MAX_EXPONENT)) > 0) {
                    throw new IllegalArgumentException("the exponent " + exp.getToken().getValue() + " is larger than " + MAX_EXPONENT);
                }
            }
            for (ASTNode child : node.getParameters()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    /** A number literal, if it has at most 38 digits in all (1e999999999 is refused before anything computes with it). */
    private static BigDecimal literal(String s) {
        BigDecimal v;
        try {
            v = s.length() > 60 ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null || v.precision() - v.scale() > 38 || v.scale() > 38) {
            throw new IllegalArgumentException("the number " + (s.length() > 60 ? s.substring(0, 60) + "…" : s)
                    + " has more than 38 digits");
        }
        return v;
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
     * What an evaluation gave: a value, or none with the reason (null reason: division by zero, which
     * is simply undefined, as 0 of 0 communes meeting a standard has no rate).
     */
    public record Outcome(BigDecimal number, Boolean truth, String failure) {
        static Outcome failed(String why) { return new Outcome(null, null, why); }
    }

    /** The largest result kept: 38 digits before the point, as values are. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(38);

    /** Evaluates with the given values (every variable must be present). */
    public Outcome evaluate(Map<String, BigDecimal> values) {
        if (parsed == null) parsed = new Expression(text, Engine.CONFIG);
        Expression e = parsed;
        for (String var : variables) e.with(var, values.get(var));
        EvaluationValue v;
        try {
            v = e.evaluate();
        } catch (BaseException | RuntimeException ex) {
            String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (m.contains("by zero") || m.contains("Division undefined") || m.contains("Division impossible")) return Outcome.failed(null);
            return Outcome.failed(m.length() > 120 ? m.substring(0, 120) + "…" : m);
        }
        if (v == null) return Outcome.failed("no result");
        if (v.isBooleanValue()) return new Outcome(null, v.getBooleanValue(), null);
        if (!v.isNumberValue()) return Outcome.failed("the result is not a number");
        BigDecimal n = v.getNumberValue().round(MathContext.DECIMAL128);
        if (n.abs().compareTo(LIMIT) >= 0) return Outcome.failed("the result has more than 38 digits before the point");
        if (n.scale() > 60) n = BigDecimal.ZERO; // smaller than anything a review shows
        return new Outcome(n, n.signum() != 0, null);
    }

    /** The number, empty when undefined for any reason. */
    public java.util.Optional<BigDecimal> evaluateNumber(Map<String, BigDecimal> values) {
        return java.util.Optional.ofNullable(evaluate(values).number());
    }
}
