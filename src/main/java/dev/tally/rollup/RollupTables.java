package dev.tally.rollup;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.IndicatorType;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import dev.tally.write.Column;
import dev.tally.write.Measure;
import dev.tally.write.TableSink;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RollupResult} into rows, streamed to a {@link TableSink}.
 *
 * <p>Long: {@code unit,unit_name,level,period,indicator,value,reported,expected}, one row per unit ×
 * period × indicator (parents before children, then period, then catalog order), leaving out the
 * cells nobody reported (no value, no reporting unit): the wide shape shows those as empty with
 * their coverage. With a comparison: {@code compare_period, compare_value, compare_reported,
 * compare_expected, compare_status, difference, change_pct, change_pp}; with a plan, {@code plan, plan_pct}
 * (a cell with a target is shown though nobody reported); with ranks ({@link Shown#withRanks}),
 * {@code rank}. A long CSV is a valid
 * submission again: the extra columns are ignored by the reader, and derived values are recomputed.
 *
 * <p>Wide: one row per unit and one {@link Measure} column per indicator (names for people, codes for
 * programs), with ranks a {@link dev.tally.write.Rank} column after each, the selected unit's children (or
 * the roots) then a total row, which has no rank. Each writer shows a
 * measure's coverage and comparison its own way, so a partial total says it is partial in every
 * format.
 */
public final class RollupTables {
    private RollupTables() {}

    public static final List<Column> LONG_COLUMNS = List.of(Column.text("unit"), Column.text("unit_name"), Column.text("level"),
            Column.text("period"), Column.text("indicator"), Column.number("value"), Column.number("reported"), Column.number("expected"));

    public static final List<Column> COMPARE_COLUMNS = List.of(Column.text("compare_period"), Column.number("compare_value"),
            Column.number("compare_reported"), Column.number("compare_expected"), Column.text("compare_status"),
            Column.number("difference"), Column.number("change_pct"), Column.number("change_pp"));

    /** The long shape's last columns with a plan: the unit's target and the value's attainment in percent ({@link Plans}). */
    public static final List<Column> PLAN_COLUMNS = List.of(Column.number("plan"), Column.number("plan_pct"));

    /**
     * Which of the result's periods are shown, in order, and which indicators, in catalog order. A
     * derived indicator shown is computed from its operands whether they are shown or not. With a
     * plan ({@code plans}, null: none) the long shape has {@link #PLAN_COLUMNS}, and a wide one a
     * target and attainment for each indicator the plan names.
     */
    public record Shown(List<Integer> periods, List<Indicator> indicators, boolean ranked, Plans plans) {
        public Shown(List<Integer> periods, List<Indicator> indicators) { this(periods, indicators, false, null); }

        public static Shown all(RollupResult r, Catalog c) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < r.periods().size(); i++) all.add(i);
            return new Shown(all, c.indicators());
        }

        public Shown withPeriods(List<Integer> shownPeriods) { return new Shown(shownPeriods, indicators, ranked, plans); }

        public Shown withIndicators(List<Indicator> shownIndicators) { return new Shown(periods, shownIndicators, ranked, plans); }

        /**
         * The same, each indicator with its units' {@link Ranks} among their siblings: a {@code rank}
         * column after each indicator's (wide), or one {@code rank} column (long). Without it no rank
         * is computed.
         */
        public Shown withRanks() { return new Shown(periods, indicators, true, plans); }

        /** The same, compared with a plan's targets (null: none). */
        public Shown withPlans(Plans p) { return new Shown(periods, indicators, ranked, p); }
    }

    public static void writeLong(RollupResult r, Hierarchy h, Selection sel, TableSink sink, Map<String, Object> meta,
                                 Shown shown) throws IOException {
        sink.start(longColumns(r, shown), meta);
        // a unit without a row has no cell to show (see longRows), nor does any unit below it
        List<Unit> units = sel.unitsWithRows(h, r);
        longRows(r, units, sink, shown, ranks(r, h, units, shown));
        sink.finish();
    }

    private static List<Column> longColumns(RollupResult r, Shown shown) {
        List<Column> cols = new ArrayList<>(LONG_COLUMNS);
        if (r.hasExempt()) cols.add(Column.number("exempt"));
        if (r.remapped()) cols.add(Column.text("quality"));
        if (anyCompared(r, shown)) cols.addAll(COMPARE_COLUMNS);
        if (shown.plans() != null) cols.addAll(PLAN_COLUMNS);
        if (shown.ranked()) cols.add(Column.number("rank"));
        return cols;
    }

    private static boolean anyCompared(RollupResult r, Shown shown) {
        for (int p : shown.periods()) if (r.compared(p)) return true;
        return false;
    }

    /** The change from c to v: in percentage points for a rate, else in percent to one decimal; null when it cannot be said. */
    static BigDecimal change(Indicator ind, BigDecimal v, BigDecimal c) {
        if (v == null || c == null) return null;
        if (points(ind)) return v.subtract(c);
        return dev.tally.model.Num.percent(v.subtract(c), c.abs());
    }

    /** A rate changes in points, not in percent of itself. */
    static boolean points(Indicator ind) { return ind.type() == IndicatorType.PERCENT; }

    /**
     * Coverage counts repeat on millions of rows: boxed once, not once a row. Filled as counts occur
     * (filling it whole cost every start 11 ms); two threads boxing the same count at once may each
     * store one, which is harmless for an immutable Long.
     */
    private static final Long[] SMALL = new Long[1 << 15];

    private static Long boxed(int n) {
        if (n < 0 || n >= SMALL.length) return Long.valueOf(n);
        Long b = SMALL[n];
        if (b == null) SMALL[n] = b = (long) n;
        return b;
    }

    /**
     * Units per chunk of a long output's rows: enough chunks to share among workers, few enough to
     * stay cheap, and no more than about {@link #ROWS_PER_CHUNK} rows each, since every chunk in flight
     * is held as text (W3's 1,733 units a chunk were 48 MB each, four of them at once).
     */
    static int chunkSize(int units, int rowsPerUnit) {
        return Math.min(Math.max(64, units / 64), Math.max(1, ROWS_PER_CHUNK / Math.max(1, rowsPerUnit)));
    }

    static final int ROWS_PER_CHUNK = 1 << 16;

    /** The ranks of the siblings of {@code units} when the table shows ranks, else null (and nothing ranked). */
    private static Ranks ranks(RollupResult r, Hierarchy h, List<Unit> units, Shown shown) {
        return shown.ranked() ? Ranks.of(r, h, units, shown.periods(), shown.indicators()) : null;
    }

    private static void longRows(RollupResult r, List<Unit> units, TableSink sink, Shown shown, Ranks ranks) throws IOException {
        int size = chunkSize(units.size(), shown.periods().size() * shown.indicators().size());
        int chunks = (units.size() + size - 1) / size;
        boolean compare = anyCompared(r, shown);
        // the rows of a large long output are made in parallel where the format allows, written in order
        dev.tally.write.OrderedRows.write(sink, chunks, Runtime.getRuntime().availableProcessors(),
                (k, into) -> longRows(r, units.subList(k * size, Math.min(units.size(), (k + 1) * size)), into, shown, compare, ranks));
    }

    private static void longRows(RollupResult r, List<Unit> units, TableSink sink, Shown shown, boolean compare, Ranks ranks)
            throws IOException {
        LongRows rows = new LongRows(r, sink, shown, compare, ranks);
        for (Unit u : units) rows.unit(u);
    }

    /**
     * The rows of a long table, one chunk of units at a time. The work is cut into small methods on
     * purpose: C1 compiles a method after about 200 calls but a loop only after 60,000 turns, so a unit
     * and period's rows ({@link #unitPeriod}, called once for every 50 rows of W1) are compiled after
     * 10,000 rows, where the one method before ran W1's first 60,000 rows of each thread in the
     * interpreter and was then compiled whole, columns no run of them had included.
     */
    private static final class LongRows {
        private final RollupResult r;
        private final TableSink sink;
        private final boolean exempt, remapped, compare, extra;
        private final Plans plans;
        private final Ranks ranks;
        // one array re-filled for every row (a sink copies what it keeps): millions of rows, no list growing
        private final Object[] cells;
        // arrays, not Lists: millions of rows, each a List iterator's interface calls under C1
        // (W2: 76 ms of the writing threads' CPU)
        private final Indicator[] indicators;
        private final int[] periods;
        private final String[] periodTexts;
        private final Period[] periodOf;
        // each period's columns fetched once, and each unit's cells read from its row's first one
        // (RollupResult.rowStart): W2's 5.5M rows made three calls each through RollupResult's accessors
        private final dev.tally.model.ExactColumn[] valuesOf;
        private final int[][] reportedOf, expectedOf;

        LongRows(RollupResult r, TableSink sink, Shown shown, boolean compare, Ranks ranks) {
            this.r = r;
            this.sink = sink;
            this.compare = compare;
            this.ranks = ranks;
            cells = new Object[longColumns(r, shown).size()];
            exempt = r.hasExempt();
            remapped = r.remapped();
            plans = shown.plans();
            extra = exempt || remapped || compare || plans != null || ranks != null;
            indicators = shown.indicators().toArray(new Indicator[0]);
            periods = shown.periods().stream().mapToInt(Integer::intValue).toArray();
            periodTexts = new String[periods.length];
            periodOf = new Period[periods.length];
            valuesOf = new dev.tally.model.ExactColumn[periods.length];
            reportedOf = new int[periods.length][];
            expectedOf = new int[periods.length][];
            for (int j = 0; j < periods.length; j++) {
                periodOf[j] = r.periods().get(periods[j]);
                periodTexts[j] = periodOf[j].text();
                valuesOf[j] = r.mainColumn(periods[j]);
                reportedOf[j] = r.mainReported(periods[j]);
                expectedOf[j] = r.expectedOf(periods[j]);
            }
        }

        void unit(Unit u) throws IOException {
            // a unit without a row has no value and nothing reported in any cell: every cell would be left out below
            int row = r.rowStart(u.index());
            if (row < 0) return;
            int full = r.fullRowStart(u.index());
            for (int j = 0; j < periods.length; j++) unitPeriod(u, row, full, j);
        }

        /** The rows of unit {@code u} for the {@code j}th period shown; {@code row}, {@code full}: its first cells. */
        private void unitPeriod(Unit u, int row, int full, int j) throws IOException {
            dev.tally.model.ExactColumn values = valuesOf[j];
            int[] reported = reportedOf[j], expected = expectedOf[j];
            for (Indicator ind : indicators) {
                int i = ind.index();
                Number v = values.number(row + i);
                int rep = reported[row + i];
                // a unit's target is shown though nothing was reported against it
                BigDecimal target = plans == null ? null : plans.target(u.index(), periodOf[j], ind);
                if (v == null && rep == 0 && target == null) continue;
                cells[0] = u.code();
                cells[1] = u.name();
                cells[2] = u.level();
                cells[3] = periodTexts[j];
                cells[4] = ind.code();
                cells[5] = v;
                cells[6] = boxed(rep);
                cells[7] = boxed(expected[full + i]);
                if (extra) extraCells(u, j, ind, target);
                sink.row(cells);
            }
        }

        /** The columns after the eighth, which only some tables have: exempt, quality, comparison, plan and rank. */
        private void extraCells(Unit u, int j, Indicator ind, BigDecimal target) {
            int p = periods[j];
            int k = 8;
            if (exempt) cells[k++] = boxed(r.exempt(u.index(), p, ind.index()));
            if (remapped) cells[k++] = r.quality(u.index(), p, ind.index());
            if (compare) {
                if (r.compared(p)) {
                    int q = r.comparedWith(p);
                    BigDecimal now = r.value(u.index(), p, ind.index());
                    BigDecimal then = r.compareValue(u.index(), p, ind.index());
                    BigDecimal ch = change(ind, now, then);
                    cells[k++] = r.periods().get(q).text();
                    cells[k++] = r.compareNumber(u.index(), p, ind.index());
                    cells[k++] = boxed(r.compareReported(u.index(), p, ind.index()));
                    cells[k++] = boxed(r.expected(u.index(), q, ind.index()));
                    cells[k++] = now == null && then == null ? null : r.compareStatus(u.index(), p, ind.index());
                    cells[k++] = now == null || then == null ? null : now.subtract(then);
                    cells[k++] = points(ind) ? null : ch;
                    cells[k++] = points(ind) ? ch : null;
                } else {
                    for (int e = 0; e < COMPARE_COLUMNS.size(); e++) cells[k++] = null;
                }
            }
            if (plans != null) {
                cells[k++] = target;
                cells[k++] = Plans.attainment(r.value(u.index(), p, ind.index()), target);
            }
            if (ranks != null) cells[k++] = ranks.number(u.index(), p, ind.index());
        }
    }

    /**
     * @param names indicator names and units in the header (for people), else codes (for programs)
     * @param indent unit codes indented by depth, for a plain-text table only (never in a workbook:
     *               a code must stay a code that lookups and filters find)
     */
    public static void writeWide(RollupResult r, Hierarchy h, Selection sel, TableSink sink, Map<String, Object> meta,
                                 boolean names, boolean indent, Shown shown) throws IOException {
        boolean manyPeriods = shown.periods().size() > 1;
        boolean compare = anyCompared(r, shown);
        List<Column> cols = new ArrayList<>();
        if (manyPeriods) cols.add(Column.text("period"));
        cols.add(Column.text("unit"));
        cols.add(Column.text(names ? "name" : "unit_name"));
        // the tree shows by indentation in a plain-text table; elsewhere the level has its own column
        if (!indent) cols.add(Column.text("level"));
        for (Indicator ind : shown.indicators()) {
            Column col = Column.measure(names ? label(ind) : ind.code(), ind.code(), compare, points(ind), r.hasExempt(), r.remapped());
            cols.add(shown.plans() != null && shown.plans().names(ind) ? col.withPlan() : col);
            if (shown.ranked()) cols.add(Column.rank(names ? "rank" : ind.code() + "_rank", ind.code() + "_rank"));
        }
        if (!manyPeriods && !shown.periods().isEmpty()) {
            int p = shown.periods().get(0);
            Period period = r.periods().get(p);
            sink.caption(period.text(), caption(r, p));
        }
        sink.start(cols, meta);
        List<Unit> rows = sel.below(h);
        Ranks ranks = ranks(r, h, rows, shown);
        for (int p : shown.periods()) {
            Period period = r.periods().get(p);
            for (Unit u : rows) {
                String code = indent ? indent(u, sel) + u.code() : u.code();
                sink.row(ranked(wideRow(r, shown.indicators(), u.index(), p, period, manyPeriods, code, u.name(), indent ? null : u.level(),
                        shown.plans()), ranks, shown.indicators(), u.index(), p));
            }
            int total = sel.root() == null ? r.totalIndex() : sel.root().index();
            String code = sel.root() == null ? "" : sel.root().code();
            String name = sel.root() == null ? totalName(names) : sel.root().name();
            String level = indent ? null : sel.root() == null ? "" : sel.root().level();
            // the total is no unit among siblings: it has no rank
            sink.total(ranked(wideRow(r, shown.indicators(), total, p, period, manyPeriods, code, name, level, shown.plans()), ranks,
                    shown.indicators(), -1, p));
        }
        // a workbook also gets the long form on a sheet of its own, where every coverage has its columns
        if (sink.sheet("coverage", longColumns(r, shown))) {
            List<Unit> units = sel.units(h);
            longRows(r, units, sink, shown, ranks(r, h, units, shown));
        }
        sink.finish();
    }

    /**
     * The line that says which period a one-period table is ("Period: 2024-H1"), and what it is
     * compared with, saying so when the other period has no data at all.
     */
    public static String caption(RollupResult r, int p) {
        String period = r.periods().get(p).text();
        if (!r.compared(p)) return t("rollup.caption", period);
        String other = r.periods().get(r.comparedWith(p)).text();
        return t("rollup.captionCompared", period, other) + (r.compareHasData(p) ? "" : t("rollup.captionNoData", other));
    }

    /**
     * The name of the row of the total over every root, here and in status: in the run's language for
     * people ("Total", "Tổng cộng"), for programs a word that does not change with it ("total").
     */
    public static String totalName(boolean forPeople) { return forPeople ? t("rollup.totalRow") : "total"; }

    private static String indent(Unit u, Selection sel) {
        int top = sel.root() == null ? 0 : sel.root().depth() + 1;
        return "  ".repeat(Math.max(0, u.depth() - top));
    }

    private static String label(Indicator ind) {
        return ind.unitOfMeasure() == null ? ind.label() : ind.label() + " (" + ind.unitOfMeasure() + ")";
    }

    /**
     * A wide row with each indicator's rank after its measure ({@code unit} -1: the total, none); the
     * row as it is without ranks.
     */
    private static List<Object> ranked(List<Object> row, Ranks ranks, List<Indicator> indicators, int unit, int p) {
        if (ranks == null) return row;
        int keys = row.size() - indicators.size();
        List<Object> out = new ArrayList<>(row.size() + indicators.size());
        out.addAll(row.subList(0, keys));
        for (int k = 0; k < indicators.size(); k++) {
            out.add(row.get(keys + k));
            out.add(unit < 0 ? null : ranks.rank(unit, p, indicators.get(k).index()));
        }
        return out;
    }

    /** @param plans the plan (null: none): each indicator it names gets the unit's target and the value's attainment */
    private static List<Object> wideRow(RollupResult r, List<Indicator> indicators, int u, int p, Period period, boolean manyPeriods,
                                        String code, String name, String level, Plans plans) {
        List<Object> row = new ArrayList<>();
        if (manyPeriods) row.add(period.text());
        row.add(code);
        row.add(name);
        if (level != null) row.add(level);
        for (Indicator ind : indicators) {
            Number v = r.number(u, p, ind.index());
            int rep = r.reported(u, p, ind.index()), exp = r.expected(u, p, ind.index());
            Measure.Comparison cmp = null;
            if (r.compared(p)) {
                BigDecimal now = r.value(u, p, ind.index()), then = r.compareValue(u, p, ind.index());
                cmp = new Measure.Comparison(r.periods().get(r.comparedWith(p)).text(), r.compareNumber(u, p, ind.index()),
                        r.compareReported(u, p, ind.index()), r.expected(u, r.comparedWith(p), ind.index()),
                        now == null && then == null ? null : r.compareStatus(u, p, ind.index()),
                        now == null || then == null ? null : now.subtract(then), change(ind, now, then), points(ind));
            }
            BigDecimal target = plans == null ? null : plans.target(u, period, ind);
            row.add(target == null ? new Measure(v, rep, exp, r.exempt(u, p, ind.index()), cmp, r.quality(u, p, ind.index()))
                    : new Measure(v, rep, exp, r.exempt(u, p, ind.index()), cmp, r.quality(u, p, ind.index()), target,
                    Plans.attainment(r.value(u, p, ind.index()), target)));
        }
        return row;
    }
}
