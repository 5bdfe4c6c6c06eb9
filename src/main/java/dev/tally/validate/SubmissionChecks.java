package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.expr.Formula;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.Form;
import dev.tally.model.Roster;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.MissingStrategy;
import dev.tally.model.Period;
import dev.tally.model.Rule;
import dev.tally.model.Source;
import dev.tally.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks that need a whole submission (one unit's values for one period): required indicators
 * missing, for units at each indicator's reporting level only (one finding listing all the missing
 * codes), and the catalog's rules with their missing-value strategy. A submission exists when the
 * unit gave at least one value or missing marker for the period. Findings point at the first line
 * of the submission.
 */
final class SubmissionChecks {
    private final Hierarchy hierarchy;
    private final Roster roster;
    private final Catalog catalog;
    private final List<String> inputs;
    private final List<Formula> compiled = new ArrayList<>();
    /** Per form, its indicators' indexes, resolved once: the loop below visits every unit of every period. */
    private final int[][] formIndicators;

    SubmissionChecks(Roster roster, Catalog catalog, List<String> inputs) {
        this.roster = roster;
        this.hierarchy = roster.hierarchy();
        this.catalog = catalog;
        this.inputs = inputs;
        for (Rule r : catalog.rules()) compiled.add(Formula.compile(r.check()));
        formIndicators = new int[catalog.forms().size()][];
        for (int f = 0; f < formIndicators.length; f++) {
            formIndicators[f] = catalog.forms().get(f).indicators().stream().mapToInt(code -> catalog.indicator(code).index()).toArray();
        }
    }

    /** Checks every period, in parallel (each on its own checker: compiled rules are not thread-safe). */
    static void runAll(Roster roster, Catalog c, List<String> inputs, CellTable t, List<Validator.Located> out) {
        java.util.stream.IntStream periods = java.util.stream.IntStream.range(0, t.periods().size());
        if (dev.tally.model.Parallelism.worthSharing((long) t.cells() * t.periods().size())) periods = periods.parallel();
        List<List<Validator.Located>> perPeriod = periods
                .mapToObj(p -> {
                    List<Validator.Located> found = new ArrayList<>();
                    new SubmissionChecks(roster, c, inputs).run(t, p, found);
                    return found;
                }).toList();
        perPeriod.forEach(out::addAll);
    }

    /** Checks the submissions of period {@code p}. */
    void run(CellTable t, int p, List<Validator.Located> out) {
        int[] depthOf = new int[catalog.size()];
        for (Indicator ind : catalog.indicators()) depthOf[ind.index()] = hierarchy.reportingDepth(ind);
        int ni = catalog.size();
        Period period = t.periods().get(p);
        byte[] states = t.states(p);
        // a row at a time in a method of its own: C1 compiles it after about 200 calls, where the loop
        // alone was compiled after 60,000 turns (a quarter of W1's checking ran in the interpreter)
        for (int row = 0, rows = t.cells() / ni; row < rows; row++) submission(t, p, period, states, depthOf, row * ni, out);
    }

    /** Checks the submission whose cells start at {@code base}, if the unit gave anything for the period. */
    private void submission(CellTable t, int p, Period period, byte[] states, int[] depthOf, int base, List<Validator.Located> out) {
        int ni = depthOf.length;
        boolean any = false;
        for (int i = 0; i < ni && !any; i++) any = states[base + i] != CellTable.EMPTY;
        if (!any) return;
        Unit u = hierarchy.unit(t.unitOf(base));
        long first = Long.MAX_VALUE;
        for (int i = 0; i < ni; i++) {
            if (states[base + i] != CellTable.EMPTY) first = Math.min(first, t.where(p, base + i));
        }
        Source src = new Source(inputs.get(CellTable.whereInput(first)), CellTable.whereLine(first));
        // one submission per form the unit gave anything of
        for (int fi = 0; fi < formIndicators.length; fi++) {
            Form form = catalog.forms().get(fi);
            long formFirst = Long.MAX_VALUE;
            for (int i : formIndicators[fi]) {
                if (states[base + i] != CellTable.EMPTY) formFirst = Math.min(formFirst, t.where(p, base + i));
            }
            if (formFirst == Long.MAX_VALUE) continue;
            Source at = new Source(inputs.get(CellTable.whereInput(formFirst)), CellTable.whereLine(formFirst));
            String of = catalog.declaresForms() ? t("finding.onForm", form.code()) : "";
            List<String> missing = new ArrayList<>();
            for (int i : formIndicators[fi]) {
                Indicator ind = catalog.indicators().get(i);
                if (!roster.owes(u, ind, depthOf[i])) continue;
                byte st = states[base + i];
                if (st == CellTable.EMPTY || st == CellTable.MISSING) missing.add(ind.code());
            }
            if (!missing.isEmpty()) {
                Finding f = Finding.of(FindingCode.MISSING_REQUIRED, at, u.code(), period.text(), String.join(" ", missing), null,
                        t(missing.size() == 1 ? "finding.missingRequired.one" : "finding.missingRequired.many", u.code(), u.name(),
                                String.join(", ", missing), of, period.text()));
                out.add(new Validator.Located(CellTable.whereInput(formFirst), at.line(), f));
            }
            if (form.period() != null && period.type() != form.period()) {
                Finding f = Finding.of(FindingCode.PERIOD_TYPE, at, u.code(), period.text(), null, null,
                        t("finding.periodType", form.code(), t("period.type." + form.period().name().toLowerCase(java.util.Locale.ROOT)),
                                period.text()));
                out.add(new Validator.Located(CellTable.whereInput(formFirst), at.line(), f));
            }
            String excused = roster.excused(u, form.code(), period);
            if (excused != null) {
                Finding f = Finding.of(FindingCode.NOT_EXPECTED, at, u.code(), period.text(), null, null,
                        t("finding.notExpected", u.code(), u.name(), of, period.text(), excused));
                out.add(new Validator.Located(CellTable.whereInput(formFirst), at.line(), f));
            }
        }
        checkRules(t, p, u, period, src, first, out);
    }

    private void checkRules(CellTable t, int p, Unit u, Period period, Source src, long first, List<Validator.Located> out) {
        for (int r = 0; r < catalog.rules().size(); r++) {
            Rule rule = catalog.rules().get(r);
            Map<String, BigDecimal> values = new HashMap<>();
            int absent = 0;
            for (String code : rule.operands()) {
                BigDecimal v = t.value(p, t.cell(u.index(), catalog.indicator(code).index()));
                if (v == null) absent++;
                values.put(code, v);
            }
            if (absent > 0 && rule.missing() == MissingStrategy.SKIP_IF_ANY_MISSING) continue;
            if (absent == rule.operands().size() && rule.missing() == MissingStrategy.SKIP_IF_ALL_MISSING) continue;
            values.replaceAll((k, v) -> v == null ? BigDecimal.ZERO : v);
            Formula.Outcome result = compiled.get(r).evaluate(values);
            if (result.failure() != null) {
                Finding f = Finding.of(FindingCode.EVALUATION, src, u.code(), period.text(), String.join(" ", rule.operands()), null,
                        t("finding.ruleUnchecked", rule.name(), result.failure()));
                out.add(new Validator.Located(CellTable.whereInput(first), src.line(), f));
                continue;
            }
            Boolean ok = result.truth();
            if (ok == null || ok) continue;
            String shown = rule.operands().stream().map(k -> k + "=" + values.get(k).toPlainString()).collect(Collectors.joining(", "));
            // the value column lists the operands' values as the unit gave them, in the order of the
            // indicator column's codes ("12 15" beside "petitions_received petitions_resolved"); a missing
            // one as "-", the input's own mark for missing (the rule counted it as 0 under missing: never_skip)
            String given = rule.operands().stream().map(k -> {
                BigDecimal v = t.value(p, t.cell(u.index(), catalog.indicator(k).index()));
                return v == null ? "-" : v.toPlainString();
            }).collect(Collectors.joining(" "));
            String msg = t("finding.ruleFalse", rule.message() == null ? t("finding.ruleFailed", rule.name()) : rule.message(), rule.check(), shown);
            Finding f = new Finding(rule.severity(), FindingCode.RULE, src.file(), src.line(), u.code(), period.text(),
                    String.join(" ", rule.operands()), given, msg);
            out.add(new Validator.Located(CellTable.whereInput(first), src.line(), f));
        }
    }
}
