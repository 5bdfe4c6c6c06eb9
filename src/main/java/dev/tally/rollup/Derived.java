package dev.tally.rollup;

import dev.tally.expr.Formula;
import dev.tally.model.Catalog;
import dev.tally.model.ExactColumn;
import dev.tally.model.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived indicators (formulas): what a derived value is, for the rollup and for a target across an
 * era boundary alike. Its value is computed at every unit from the rolled-up values of its operands
 * (a ratio of sums, never a mean of ratios), missing when an operand is or the formula cannot be
 * computed (division by zero). Its coverage and quality are its worst operand's: it has as many
 * reporters as its least-reported operand, expects (and excuses) as many as its most-expected one,
 * is as good as its worst re-mapped operand, is comparable only where every operand is, and is
 * reported at its deepest operand's level. With {@code rate = 100 * resolved / received}, a unit
 * where received has 8 of 10 reporters and resolved 10 of 10 shows the rate with 8 of 10.
 *
 * <p>Cells are {@code unit × indicators + indicator}, units 0 .. {@code units}, the last the total.
 */
final class Derived {
    private final Catalog c;
    private final int ni;
    /** The derived indicators, each after the derived ones it uses (the loader refused cycles). */
    private final List<Indicator> order;
    /** The operands' indexes of each of {@link #order}. */
    private final int[][] operands;

    Derived(Catalog c) {
        this.c = c;
        this.ni = c.size();
        List<Indicator> o = new ArrayList<>();
        for (Indicator ind : c.indicators()) if (ind.derived()) visit(ind, o);
        this.order = List.copyOf(o);
        this.operands = new int[order.size()][];
        for (int k = 0; k < order.size(); k++) operands[k] = operands(order.get(k)).stream().mapToInt(Indicator::index).toArray();
    }

    private void visit(Indicator ind, List<Indicator> order) {
        // by index, the indicator's identity in its catalog: a record's equals is bootstrapped
        // through method handles on first use, which costs a start-up ~7 ms
        for (Indicator done : order) if (done.index() == ind.index()) return;
        for (Indicator op : operands(ind)) if (op.derived()) visit(op, order);
        order.add(ind);
    }

    private List<Indicator> operands(Indicator ind) {
        List<Indicator> ops = new ArrayList<>();
        for (String v : Formula.compile(ind.formula()).variables()) ops.add(c.indicator(v));
        return ops;
    }

    /** The derived indicators, each after the derived ones it uses. */
    List<Indicator> inOrder() { return order; }

    /** Where a formula could not be computed: the unit (its index; the total is the last), the indicator, why. */
    interface Failures {
        void failed(int unit, Indicator ind, String failure);
    }

    /** The value of every derived indicator at every unit, and its reporters: its least-reported operand's. */
    void compute(ExactColumn out, int[] rep, int units, Failures failures) {
        for (int k = 0; k < order.size(); k++) {
            Indicator ind = order.get(k);
            int[] ops = operands[k];
            Formula f = Formula.compile(ind.formula());
            Map<String, BigDecimal> vars = new HashMap<>();
            for (int u = 0; u <= units; u++) {
                boolean complete = true;
                int minRep = Integer.MAX_VALUE;
                for (int op : ops) {
                    BigDecimal v = out.get(u * ni + op);
                    if (v == null) complete = false;
                    vars.put(c.indicators().get(op).code(), v);
                    minRep = Math.min(minRep, rep[u * ni + op]);
                }
                int cell = u * ni + ind.index();
                rep[cell] = ops.length == 0 ? 0 : minRep;
                if (!complete) {
                    out.clear(cell);
                    continue;
                }
                Formula.Outcome result = f.evaluate(vars);
                if (result.failure() != null) failures.failed(u, ind, result.failure());
                out.set(cell, Rounding.round(ind, result.number()));
            }
        }
    }

    /**
     * Each derived cell the largest of its operands' (0 without operands): the units it expects or
     * excuses are its most-expected operand's.
     */
    void most(int[] cells, int units) {
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k).index();
            for (int u = 0; u <= units; u++) {
                int most = 0;
                for (int op : operands[k]) most = Math.max(most, cells[u * ni + op]);
                cells[u * ni + i] = most;
            }
        }
    }

    /** Each derived cell its worst operand's quality ({@link Remap#EXACT} without operands; larger is worse). */
    void worstQuality(byte[] quality, int units) {
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k).index();
            for (int u = 0; u <= units; u++) {
                byte worst = Remap.EXACT;
                for (int op : operands[k]) worst = (byte) Math.max(worst, quality[u * ni + op]);
                quality[u * ni + i] = worst;
            }
        }
    }

    /** Each derived cell {@link RollupResult#COMPARABLE} where every operand is, else {@link RollupResult#PARTIAL}. */
    void comparable(byte[] status, int units) {
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k).index();
            for (int u = 0; u <= units; u++) {
                byte st = RollupResult.COMPARABLE;
                for (int op : operands[k]) if (status[u * ni + op] != RollupResult.COMPARABLE) st = RollupResult.PARTIAL;
                status[u * ni + i] = st;
            }
        }
    }

    /** The depth each derived indicator is reported at, in {@code depths} (by indicator): its deepest operand's, else {@code deepest}. */
    void depths(int[] depths, int deepest) {
        for (int k = 0; k < order.size(); k++) {
            int most = -1;
            for (int op : operands[k]) most = Math.max(most, depths[op]);
            depths[order.get(k).index()] = operands[k].length == 0 ? deepest : most;
        }
    }
}
