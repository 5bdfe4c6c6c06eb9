package dev.tally.rollup;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import dev.tally.write.Column;
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
 * cells nobody reported (no value, no reporting unit): the wide shape shows those as {@code – [0/N]}.
 * A long CSV is a valid submission again: the extra columns are ignored by the reader, and derived
 * values are recomputed.
 *
 * <p>Wide: one row per unit and one column per indicator (names for people, codes for programs),
 * the selected unit's children (or the roots) then a total row. With {@code coverageMarks}, a partial
 * aggregate shows its coverage, e.g. {@code 1234 [17/20]}.
 */
public final class RollupTables {
    private RollupTables() {}

    public static final List<Column> LONG_COLUMNS = List.of(Column.text("unit"), Column.text("unit_name"), Column.text("level"),
            Column.text("period"), Column.text("indicator"), Column.number("value"), Column.number("reported"), Column.number("expected"));

    /**
     * Which of the result's periods are shown, and for each the index of its comparison period
     * (-1: none). {@link #none} shows every period with no comparison.
     */
    public record Comparison(List<Integer> shown, int[] against) {
        public static Comparison none(RollupResult r) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < r.periods().size(); i++) all.add(i);
            return new Comparison(all, null);
        }

        boolean active() { return against != null; }
    }

    public static final List<Column> COMPARE_COLUMNS = List.of(Column.text("compare_period"), Column.number("compare_value"),
            Column.number("difference"), Column.number("change_pct"));

    public static void writeLong(RollupResult r, Hierarchy h, Catalog c, Selection sel, TableSink sink, Map<String, Object> meta) throws IOException {
        writeLong(r, h, c, sel, sink, meta, Comparison.none(r));
    }

    public static void writeLong(RollupResult r, Hierarchy h, Catalog c, Selection sel, TableSink sink, Map<String, Object> meta,
                                 Comparison cmp) throws IOException {
        List<Column> cols = new ArrayList<>(LONG_COLUMNS);
        if (cmp.active()) cols.addAll(COMPARE_COLUMNS);
        sink.start(cols, meta);
        longRows(r, c, sel.units(h), sink, cmp);
        sink.finish();
    }

    /** The change from c to v in percent, to one decimal; missing when either is missing or c is zero. */
    public static BigDecimal changePct(BigDecimal v, BigDecimal c) {
        if (v == null || c == null || c.signum() == 0) return null;
        return v.subtract(c).multiply(BigDecimal.valueOf(100)).divide(c.abs(), 1, java.math.RoundingMode.HALF_UP);
    }

    /** Coverage counts repeat on millions of rows: boxed once, not once a row. */
    private static final Long[] SMALL = new Long[1 << 15];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = (long) i;
    }

    private static Long boxed(int n) { return n >= 0 && n < SMALL.length ? SMALL[n] : Long.valueOf(n); }

    private static void longRows(RollupResult r, Catalog c, List<Unit> units, TableSink sink, Comparison cmp) throws IOException {
        List<Object> row = new ArrayList<>(12);
        for (Unit u : units) {
            for (int p : cmp.shown()) {
                String period = r.periods().get(p).text();
                for (Indicator ind : c.indicators()) {
                    Number v = r.number(u.index(), p, ind.index());
                    int exp = r.expected(u.index(), ind.index());
                    int rep = r.reported(u.index(), p, ind.index());
                    if (v == null && rep == 0) continue;
                    row.clear();
                    row.add(u.code());
                    row.add(u.name());
                    row.add(u.level());
                    row.add(period);
                    row.add(ind.code());
                    row.add(v);
                    row.add(boxed(rep));
                    row.add(boxed(exp));
                    if (cmp.active()) {
                        int q = cmp.against()[p];
                        BigDecimal now = r.value(u.index(), p, ind.index());
                        BigDecimal then = q < 0 ? null : r.value(u.index(), q, ind.index());
                        row.add(q < 0 ? null : r.periods().get(q).text());
                        row.add(then);
                        row.add(now == null || then == null ? null : now.subtract(then));
                        row.add(changePct(now, then));
                    }
                    sink.row(row);
                }
            }
        }
    }

    public static void writeWide(RollupResult r, Hierarchy h, Catalog c, Selection sel, TableSink sink, Map<String, Object> meta,
                                 boolean names, boolean coverageMarks) throws IOException {
        writeWide(r, h, c, sel, sink, meta, names, coverageMarks, Comparison.none(r));
    }

    /**
     * With a comparison, text tables show the change next to each value, e.g. {@code 59 (+12.5%)};
     * CSV and workbooks get a change-in-percent column after each indicator, so numbers stay numbers.
     */
    public static void writeWide(RollupResult r, Hierarchy h, Catalog c, Selection sel, TableSink sink, Map<String, Object> meta,
                                 boolean names, boolean coverageMarks, Comparison cmp) throws IOException {
        boolean manyPeriods = cmp.shown().size() > 1;
        List<Column> cols = new ArrayList<>();
        if (manyPeriods) cols.add(Column.text("period"));
        cols.add(Column.text("unit"));
        cols.add(Column.text(names ? "name" : "unit_name"));
        for (Indicator ind : c.indicators()) {
            cols.add(Column.number(names ? label(ind) : ind.code()));
            if (cmp.active() && !coverageMarks) cols.add(Column.number(names ? label(ind) + " (change %)" : ind.code() + "_change_pct"));
        }
        sink.start(cols, meta);
        List<Unit> rows = sel.below(h);
        for (int p : cmp.shown()) {
            Period period = r.periods().get(p);
            for (Unit u : rows) {
                // indentation shows the tree to a reader; programs get the bare code
                String code = names ? indent(u, sel) + u.code() : u.code();
                sink.row(wideRow(r, c, u.index(), p, period, manyPeriods, code, u.name(), coverageMarks, cmp));
            }
            int total = sel.root() == null ? r.totalIndex() : sel.root().index();
            String code = sel.root() == null ? "" : sel.root().code();
            String name = sel.root() == null ? "Tổng cộng (total)" : sel.root().name();
            sink.row(wideRow(r, c, total, p, period, manyPeriods, code, name, coverageMarks, cmp));
        }
        sink.finish();
    }

    private static String indent(Unit u, Selection sel) {
        int top = sel.root() == null ? 0 : sel.root().depth() + 1;
        return "  ".repeat(Math.max(0, u.depth() - top));
    }

    private static String label(Indicator ind) {
        return ind.unitOfMeasure() == null ? ind.label() : ind.label() + " (" + ind.unitOfMeasure() + ")";
    }

    private static List<Object> wideRow(RollupResult r, Catalog c, int u, int p, Period period, boolean manyPeriods,
                                        String code, String name, boolean marks, Comparison cmp) {
        List<Object> row = new ArrayList<>();
        if (manyPeriods) row.add(period.text());
        row.add(code);
        row.add(name);
        for (Indicator ind : c.indicators()) {
            BigDecimal v = r.value(u, p, ind.index());
            int rep = r.reported(u, p, ind.index()), exp = r.expected(u, ind.index());
            BigDecimal change = null;
            if (cmp.active() && cmp.against()[p] >= 0) change = changePct(v, r.value(u, cmp.against()[p], ind.index()));
            String text = null;
            if (marks && exp > 0 && rep < exp) text = (v == null ? "–" : v.toPlainString()) + " [" + rep + "/" + exp + "]";
            if (cmp.active() && marks && change != null) {
                text = (text == null ? v.toPlainString() : text) + " (" + (change.signum() > 0 ? "+" : "") + change.toPlainString() + "%)";
            }
            row.add(text != null ? text : v);
            if (cmp.active() && !marks) row.add(change);
        }
        return row;
    }
}
