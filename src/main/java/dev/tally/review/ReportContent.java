package dev.tally.review;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Num;
import dev.tally.model.Organisation;
import dev.tally.model.Text;
import dev.tally.rollup.RollupResult;
import dev.tally.rollup.RollupTables;
import dev.tally.rollup.Selection;
import dev.tally.write.Column;
import dev.tally.write.Doc;
import dev.tally.write.Measure;
import dev.tally.write.NumberStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and figures of a review document (tally report) for one period, in the run's language.
 *
 * <p>Every number comes from the rollup's own wide table for the same selection: the table is made
 * by {@link RollupTables#writeWide} into a {@link Doc.Collector}, exactly as {@code tally rollup}
 * makes it for a file, and the sentences of section I read the {@link Measure} of its total row (the
 * value, its coverage, the comparison and its status as the rollup computed them). Nothing is summed,
 * averaged or compared here a second time; the one count of its own is the completeness section's,
 * a sum of the table's own coverage counts.
 *
 * <p>A sentence says what it can and no more: a partial total gives its coverage ("số liệu của 9/10
 * đơn vị"); a change is said only when both sides have a value, and as "không so sánh được" when the
 * two sides are not from the same units (or across a boundary, not exactly re-mapped); nothing is
 * said of a comparison side that has no value. A rate changes in percentage points. Where a plan
 * gives the unit a target, the attainment the rollup computed follows ("đạt 92,2 % kế hoạch (59/64)"),
 * saying that it is of partial data when the value is partial; with no value, the target alone.
 */
public final class ReportContent {
    private ReportContent() {}

    /** What the document is about: the issuing body, the title (null: "Kết quả thực hiện kỳ …"), the date it bears. */
    public record Heading(Organisation organisation, String title, LocalDate date) {}

    /** A unit's reports for the period as tally status counts them, every form added: expected, received, of them on time and late. */
    public record Reports(int expected, int received, int onTime, int late) {
        public Reports plus(Reports o) {
            return new Reports(expected + o.expected, received + o.received, onTime + o.onTime, late + o.late);
        }
    }

    /**
     * The reports that arrived in the store, per unit code (the table's rows) and for the table's total
     * unit; a report from files has none (a file carries no arrival time) and says where they come from.
     */
    public record Reporting(Map<String, Reports> byUnit, Reports total) {}

    /**
     * The values to check: the outliers command's default run for the period (each unit's value against
     * its own previous {@code history} periods by {@code method}), at most {@link #OUTLIERS_LISTED} of them.
     */
    public record Checks(Outliers.Result result, int history, String method, double threshold, int minN) {}

    /** How many outliers the document lists, the furthest off first; the sentence gives the count of all. */
    public static final int OUTLIERS_LISTED = 10;

    /**
     * @param period the index in {@code r} of the period reported on (compared or not, as the rollup was asked)
     */
    public static Doc build(RollupResult r, Hierarchy h, Catalog catalog, Selection sel, RollupTables.Shown shown, int period,
                            Heading heading, Reporting reporting, Checks checks) {
        Doc.Collector collector = Doc.collector();
        try {
            RollupTables.writeWide(r, h, sel, collector, Map.of(), true, false, shown.withPeriods(List.of(period)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a collector writes nowhere
        }
        Doc.Table table = dropLevel(collector.table());
        boolean vi = Text.lang() == Text.Lang.VI;
        NumberStyle numbers = NumberStyle.of(vi ? Text.Lang.VI.locale() : Locale.UK);
        String periodText = r.periods().get(period).text();
        String other = r.compared(period) ? r.periods().get(r.comparedWith(period)).text() : null;
        List<Object> total = table.rows().get(table.rows().size() - 1);
        String subjectUnit = (String) total.get(1);

        List<Doc.Block> body = new ArrayList<>();
        body.add(new Doc.Heading(1, t("report.section1")));
        body.add(new Doc.Para(other == null ? t("report.scope", subjectUnit, periodText) : t("report.scopeCompared", subjectUnit, periodText, other),
                false));
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            if (!col.measure()) continue;
            Indicator ind = catalog.indicator(col.key());
            body.add(new Doc.Para(sentence(ind, (Measure) total.get(c), numbers), true));
        }
        // the subsections of I are numbered as they come: a report without a comparison has no "compared with"
        int sub = 0;
        body.add(new Doc.Heading(2, t("report.completeness", ++sub)));
        completeness(body, table, catalog, reporting, numbers);
        if (other != null) {
            body.add(new Doc.Heading(2, t("report.change", ++sub, other)));
            change(body, table, catalog, other, periodText, numbers);
        }
        if (checks != null) {
            body.add(new Doc.Heading(2, t("report.checks", ++sub)));
            checks(body, checks, numbers);
        }
        for (String s : List.of("report.section2", "report.section3", "report.section4")) {
            body.add(new Doc.Heading(1, t(s)));
            body.add(Doc.Para.empty());
        }
        Doc.Header header = header(heading, periodText, vi);
        Doc.Labels labels = new Doc.Labels(t("report.appendix"), t(shown.ranked() ? "report.partialKeyRanked" : "report.partialKey"),
                t("report.missing"), null);
        return new Doc(header, body, List.of(table), labels, numbers, vi ? "vi" : "en");
    }

    /** The level column says nothing a reader of one table needs (its rows are one level's units and their total). */
    private static Doc.Table dropLevel(Doc.Table t) {
        int at = -1;
        for (int c = 0; c < t.columns().size(); c++) if (t.columns().get(c).name().equals("level")) at = c;
        if (at < 0) return t;
        List<Column> cols = new ArrayList<>(t.columns());
        cols.remove(at);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Object> x = new ArrayList<>(row);
            x.remove(at);
            rows.add(x);
        }
        return new Doc.Table(t.caption(), cols, rows, t.totals());
    }

    /** Section I's sentence for one indicator, from the total row's measure. */
    static String sentence(Indicator ind, Measure m, NumberStyle numbers) {
        if (m.value() == null) return t("report.noValue", ind.label(), m.reported(), m.expected()) + planOnly(m, numbers);
        String value = numbers.format(m.value()) + (ind.unitOfMeasure() == null ? "" : unitSpace(ind.unitOfMeasure()) + ind.unitOfMeasure());
        StringBuilder s = new StringBuilder(t("report.value", ind.label(), value));
        if (m.estimated()) s.append(t("report.estimated"));
        if (m.partial()) s.append(t("report.coverage", m.reported(), m.expected()));
        Measure.Comparison cmp = m.comparison();
        if (cmp != null && cmp.value() != null) {
            if (cmp.comparable() || "estimated".equals(cmp.status())) {
                BigDecimal ch = cmp.change();
                if (ch == null) {
                    // a change from zero has no percentage; the rollup says none, and so does the sentence
                } else if (ch.signum() == 0) {
                    s.append(t("report.same", cmp.period()));
                } else {
                    String amount = numbers.format(ch.abs());
                    amount = cmp.points() ? t("report.points", amount) : t("report.percent", amount);
                    s.append(t(ch.signum() > 0 ? "report.up" : "report.down", amount, cmp.period()));
                    if ("estimated".equals(cmp.status())) s.append(t("report.estimated"));
                }
            } else {
                String why = "not-comparable".equals(cmp.status()) ? t("report.otherNotComparable")
                        : t("report.otherCoverage", cmp.period(), cmp.reported(), cmp.expected());
                s.append(t("report.notComparable", cmp.period(), why));
            }
        }
        if (m.planPct() != null && !m.notComparable()) {
            String pct = t("report.percent", numbers.format(m.planPct()));
            s.append(t(m.partial() ? "report.planPartial" : "report.plan", pct, numbers.format(m.value()), numbers.format(m.plan())));
        } else {
            s.append(planOnly(m, numbers));
        }
        return s.append('.').toString();
    }

    /** The target alone, where the unit has one but no attainment can be said (no value, or a target of 0). */
    private static String planOnly(Measure m, NumberStyle numbers) {
        return m.plan() == null ? "" : t("report.planOnly", numbers.format(m.plan()));
    }

    /** "92,0 %" but "12 mô hình": a percent sign follows Vietnamese typography (a space) but not English. */
    private static String unitSpace(String uom) { return uom.equals("%") && Text.lang() != Text.Lang.VI ? "" : " "; }

    /**
     * Per unit of the table, the values its reporting units gave of those expected, over the indicators
     * reported (a derived one's coverage is its operands', counted there), summed from the table's own
     * coverage counts; the chart sorted from the fullest down, each bar labelled with its counts.
     */
    private static void completeness(List<Doc.Block> body, Doc.Table table, Catalog catalog, Reporting reporting, NumberStyle numbers) {
        List<Counted> rows = new ArrayList<>();
        int allReported = 0, allExpected = 0, partialUnits = 0;
        for (int k = 0; k < table.rows().size(); k++) {
            List<Object> row = table.rows().get(k);
            int rep = 0, exp = 0;
            for (int c = 0; c < table.columns().size(); c++) {
                Column col = table.columns().get(c);
                if (!col.measure() || catalog.indicator(col.key()).derived()) continue;
                Measure m = (Measure) row.get(c);
                rep += m.reported();
                exp += m.expected();
            }
            if (table.totals().get(k)) {
                allReported = rep;
                allExpected = exp;
            } else if (exp > 0) {
                rows.add(new Counted((String) row.get(1), rep, exp));
                if (rep < exp) partialUnits++;
            }
        }
        if (reporting != null) reports(body, table, reporting, numbers);
        body.add(new Doc.Para(t("report.completenessText", allReported, allExpected, rate(allReported, allExpected, numbers), partialUnits), false));
        if (reporting == null) body.add(new Doc.Para(t("report.reportsFromStore"), false));
        if (rows.isEmpty() || reporting != null) return;
        body.add(rateChart(t("report.completenessChart"), rows, numbers));
    }

    /** A unit's count of what came (values, reports) of what was expected. */
    private record Counted(String name, int received, int expected) {
        double rate() { return 100.0 * received / expected; }
    }

    /** The rates of {@code rows} (each expecting something) as a bar chart from the fullest down, each bar labelled "r/e (rate)". */
    private static Doc.Chart rateChart(String title, List<Counted> rows, NumberStyle numbers) {
        List<Counted> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Counted::rate).reversed().thenComparing(Counted::name));
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Counted x : sorted) {
            names.add(x.name());
            values.add(x.rate());
            labels.add(x.received() + "/" + x.expected() + " (" + rate(x.received(), x.expected(), numbers) + ")");
        }
        return new Doc.Chart(title, names, List.of(new Doc.Series(title, values, labels)), 100.0, "%");
    }

    /** Received over expected in percent to one decimal, as status rounds its rate ({@link Num#percent}). */
    static String rate(int reported, int expected, NumberStyle numbers) {
        BigDecimal r = Num.percent(reported, expected);
        return r == null ? t("report.missing") : t("report.percent", numbers.format(r));
    }

    /**
     * The reports as tally status counts them: a sentence with the totals, a table of the units (expected,
     * received, on time, late, rate) and the chart of the rates, sorted from the fullest down, each bar
     * labelled with its counts. A unit that owes no report for the period is not a row.
     */
    private static void reports(List<Doc.Block> body, Doc.Table table, Reporting reporting, NumberStyle numbers) {
        record Row(String name, Reports r) {}
        Reports all = reporting.total();
        body.add(new Doc.Para(t("report.reportsText", all.received(), all.expected(), rate(all.received(), all.expected(), numbers), all.onTime(),
                all.late(), all.expected() - all.received()), false));
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < table.rows().size(); k++) {
            if (table.totals().get(k)) continue;
            List<Object> row = table.rows().get(k);
            Reports x = reporting.byUnit().get((String) row.get(0));
            if (x != null && x.expected() > 0) rows.add(new Row((String) row.get(1), x));
        }
        if (rows.isEmpty()) return;
        List<Column> cols = List.of(Column.text("name"), Column.number("expected"), Column.number("received"), Column.number("on_time"),
                Column.number("late"), Column.number("rate_pct"));
        List<List<Object>> cells = new ArrayList<>();
        List<Boolean> totals = new ArrayList<>();
        List<Object> totalRow = table.rows().get(table.rows().size() - 1);
        for (Row x : rows) {
            cells.add(reportCells(x.name(), x.r()));
            totals.add(false);
        }
        cells.add(reportCells((String) totalRow.get(1), all));
        totals.add(true);
        body.add(new Doc.Table(t("report.reportsTable"), cols, cells, totals));
        // the late count is the table's: a longer label would not fit beside a full bar
        body.add(rateChart(t("report.reportsChart"), rows.stream().map(x -> new Counted(x.name(), x.r().received(), x.r().expected())).toList(),
                numbers));
    }

    private static List<Object> reportCells(String name, Reports r) {
        return java.util.Arrays.asList(name, (long) r.expected(), (long) r.received(), (long) r.onTime(), (long) r.late(),
                Num.percent(r.received(), r.expected()));
    }

    /** A statistic to two decimals in a document (tally outliers gives four): enough to read, and the value itself stays exact. */
    private static BigDecimal statistic(double v) {
        BigDecimal d = Figures.of(v);
        if (d == null) return null;
        d = d.setScale(Math.min(d.scale(), 2), RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /**
     * The values to check, as tally outliers lists them for the period: how many stand out against their
     * unit's own history, and the furthest off in a table (unit, indicator, value, the history's centre
     * and the plausible range, the score). An outlier is a question for the unit that sent it, not an error.
     */
    private static void checks(List<Doc.Block> body, Checks checks, NumberStyle numbers) {
        Outliers.Result r = checks.result();
        String threshold = numbers.format(BigDecimal.valueOf(checks.threshold()).stripTrailingZeros());
        body.add(new Doc.Para(t("report.checksText", r.found(), r.scored(), checks.history(), checks.method(), threshold)
                + (r.tooFew() > 0 ? t("report.checksTooFew", r.tooFew(), checks.minN()) : ""), false));
        if (r.outliers().isEmpty()) return;
        List<Column> cols = List.of(Column.text("name"), Column.text("indicator"), Column.number("value"), Column.number("center"),
                Column.text("range"), Column.number("score"));
        List<List<Object>> cells = new ArrayList<>();
        List<Boolean> totals = new ArrayList<>();
        for (Outliers.Outlier o : r.outliers()) {
            // no spread in the history: every other value is off by an infinite score, its range the one value
            boolean infinite = Double.isInfinite(o.score());
            String range = numbers.format(statistic(o.lower())) + " – " + numbers.format(statistic(o.upper()));
            cells.add(java.util.Arrays.asList(o.unit().name(), o.indicator().label(), o.value(), statistic(o.center()), range,
                    infinite ? "∞" : statistic(o.score())));
            totals.add(false);
        }
        body.add(new Doc.Table(r.found() > r.outliers().size() ? t("report.checksTableTop", r.outliers().size()) : t("report.checksTable"),
                cols, cells, totals));
    }

    /** One chart per indicator shown: both periods' values for every unit of the table, as the rollup compared them. */
    private static void change(List<Doc.Block> body, Doc.Table table, Catalog catalog, String other, String period, NumberStyle numbers) {
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            if (!col.measure()) continue;
            Indicator ind = catalog.indicator(col.key());
            List<String> names = new ArrayList<>();
            List<Double> now = new ArrayList<>(), then = new ArrayList<>();
            List<String> nowLabels = new ArrayList<>(), thenLabels = new ArrayList<>();
            boolean any = false;
            for (int k = 0; k < table.rows().size(); k++) {
                if (table.totals().get(k)) continue;
                Measure m = (Measure) table.rows().get(k).get(c);
                Measure.Comparison cmp = m.comparison();
                names.add((String) table.rows().get(k).get(1));
                now.add(m.value() == null ? null : m.value().doubleValue());
                nowLabels.add(label(m.value(), m.reported(), m.expected(), numbers));
                Number tv = cmp == null ? null : cmp.value();
                then.add(tv == null ? null : tv.doubleValue());
                thenLabels.add(cmp == null ? "" : label(tv, cmp.reported(), cmp.expected(), numbers));
                any |= m.value() != null || tv != null;
            }
            if (!any) continue;
            String title = t("report.changeChart", ind.label(), ind.unitOfMeasure() == null ? ind.code() : ind.unitOfMeasure());
            body.add(new Doc.Chart(title, names, List.of(new Doc.Series(period, now, nowLabels), new Doc.Series(other, then, thenLabels)),
                    null, ind.unitOfMeasure()));
        }
    }

    /** A bar's label: the value, with its coverage when partial; the missing mark with it when there is none. */
    private static String label(Number v, int reported, int expected, NumberStyle numbers) {
        String text = v == null ? t("report.missing") : numbers.format(v);
        return expected > 0 && (v == null || reported < expected) ? text + " (" + reported + "/" + expected + ")" : text;
    }

    private static Doc.Header header(Heading heading, String period, boolean vi) {
        Organisation o = heading.organisation();
        LocalDate d = heading.date();
        String place = o.place() == null ? "……" : o.place();
        String date = t("report.date", place, d.format(DateTimeFormatter.ofPattern(t("report.dateFormat"), Locale.UK)));
        String number = t("report.number", o.abbreviation() == null ? "……" : o.abbreviation());
        return new Doc.Header(upper(o.parent()), upper(o.name()), number, blank(t("report.nation")), blank(t("report.motto")), date,
                t("report.kind"), heading.title() != null ? heading.title() : t("report.subject", period));
    }

    private static String upper(String s) { return s == null ? null : s.toUpperCase(Locale.forLanguageTag("vi")); }

    private static String blank(String s) { return s.isEmpty() ? null : s; }
}
