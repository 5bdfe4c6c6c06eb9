package dev.tally.validate;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.IndicatorType;
import dev.tally.model.Observation;
import dev.tally.model.Period;
import dev.tally.model.Severity;
import dev.tally.model.Source;
import dev.tally.model.Unit;
import dev.tally.read.Numbers;
import dev.tally.read.ObservationSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks observations as they stream in and keeps the accepted ones in a {@link CellTable}.
 * Per value: unknown unit or indicator, a derived indicator submitted, a value not of the indicator's
 * type or outside its bounds, the same cell given twice (same value: a warning, counted once;
 * different values: an error, and neither value is used). Per submission (unit × period), once all
 * input is read: required indicators missing and the catalog's rules ({@link SubmissionChecks}).
 *
 * <p>Work is split in {@link Part}s, one per reading thread, each with its own table; {@link #finish}
 * merges them in input order, so the result does not depend on the number of threads.
 */
public final class Validator {
    private final Hierarchy hierarchy;
    private final Catalog catalog;
    private final List<Period> within;
    private final List<String> inputs;
    private final boolean sparse;

    /**
     * @param within keep only observations whose period lies inside one of these (empty: keep all)
     * @param inputs display names of the inputs, in order; a Part is told which one it reads
     */
    public Validator(Hierarchy hierarchy, Catalog catalog, List<Period> within, List<String> inputs) {
        this(hierarchy, catalog, within, inputs, false);
    }

    /** @param sparse keep rows only for the units met (for one small file at a time); the rollup needs dense */
    public Validator(Hierarchy hierarchy, Catalog catalog, List<Period> within, List<String> inputs, boolean sparse) {
        this.sparse = sparse;
        this.hierarchy = hierarchy;
        this.catalog = catalog;
        this.within = List.copyOf(within);
        this.inputs = List.copyOf(inputs);
    }

    public Part part() { return new Part(sparse); }

    // the fast lane's shared, read-only lookups, built on first use
    private volatile dev.tally.read.ByteKeyIndex unitIndex, indicatorIndex;
    private long[] lo, hi;

    private synchronized void buildFastIndices() {
        if (unitIndex != null) return;
        List<String> codes = new ArrayList<>();
        int[] ids = new int[hierarchy.size()];
        for (Unit u : hierarchy.units()) {
            codes.add(u.code());
            ids[u.index()] = u.index();
        }
        List<String> inds = new ArrayList<>();
        int[] indIds = new int[catalog.size()];
        long[] lo = new long[catalog.size()], hi = new long[catalog.size()];
        for (Indicator ind : catalog.indicators()) {
            inds.add(ind.derived() ? null : ind.code());
            indIds[ind.index()] = ind.index();
            lo[ind.index()] = bound(ind.min(), true, ind);
            hi[ind.index()] = bound(ind.max(), false, ind);
        }
        this.lo = lo;
        this.hi = hi;
        indicatorIndex = new dev.tally.read.ByteKeyIndex(inds, indIds);
        unitIndex = new dev.tally.read.ByteKeyIndex(codes, ids);
    }

    /** The integral bounds of an indicator (type and min/max) as longs: an integer v is valid iff lo <= v <= hi. */
    private static long bound(BigDecimal b, boolean lower, Indicator ind) {
        long v = lower ? Long.MIN_VALUE : Long.MAX_VALUE;
        if (b != null) {
            BigDecimal r = b.setScale(0, lower ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR);
            if (r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) > 0 && r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) v = r.longValue();
        }
        switch (ind.type()) {
            case PERCENT -> v = lower ? Math.max(v, 0) : Math.min(v, 100);
            case BOOLEAN -> v = lower ? Math.max(v, 0) : Math.min(v, 1);
            default -> { }
        }
        return v;
    }

    /** A finding with the input it belongs to, for a stable order across threads. */
    record Located(int input, long line, Finding finding) {}

    /** The validated data: accepted cells, the findings in input and line order, the counts. */
    public record Result(CellTable table, List<Finding> findings, Summary summary) {
        public boolean hasErrors() { return summary.errors() > 0; }
    }

    /** Validates the observations of one or more inputs, read one after another. */
    /**
     * At most this many findings are kept per input while reading; the rest are only counted, so a
     * file that is wrong on every one of its million rows cannot exhaust memory. The summary says how
     * many were not listed.
     */
    public static final int LISTED_PER_INPUT = 10_000;

    public final class Part implements ObservationSink, dev.tally.read.FastSink {
        private final int[] listed = new int[inputs.size()];
        long unlistedErrors, unlistedWarnings;

        private void keep(Located l) {
            if (listed[l.input()]++ < LISTED_PER_INPUT) {
                findings.add(l);
            } else if (l.finding().severity() == Severity.ERROR) {
                unlistedErrors++;
            } else {
                unlistedWarnings++;
            }
        }

        final CellTable table;

        Part(boolean sparseTable) {
            table = sparseTable ? CellTable.sparse(hierarchy.size(), catalog.size()) : new CellTable(hierarchy.size(), catalog.size());
        }
        final List<Located> findings = new ArrayList<>();
        final Counts counts = new Counts();
        private int input;
        private Period lastPeriod;
        private int lastPeriodId;
        private boolean lastInside;

        @Override
        public dev.tally.read.FastSink fast() {
            buildFastIndices();
            return this;
        }

        @Override
        public dev.tally.read.ByteKeyIndex units() { return unitIndex; }

        @Override
        public dev.tally.read.ByteKeyIndex indicators() { return indicatorIndex; }

        @Override
        public boolean value(int unit, int indicator, Period period, long value, boolean missing, long line) {
            if (period != lastPeriod) {
                lastPeriod = period;
                lastInside = within.isEmpty() || within.stream().anyMatch(w -> w.contains(period));
                lastPeriodId = lastInside ? table.periodId(period) : -1;
            }
            if (!lastInside) {
                counts.values++;
                counts.skipped++;
                return true;
            }
            if (!missing && (value < lo[indicator] || value > hi[indicator])) return false;
            int cell = table.cell(unit, indicator);
            if (table.state(lastPeriodId, cell) != CellTable.EMPTY) return false;
            long where = CellTable.where(input, line);
            if (missing) table.putMissing(lastPeriodId, cell, where);
            else table.putLong(lastPeriodId, cell, value, where);
            counts.values++;
            counts.accepted++;
            return true;
        }

        /** Subsequent observations come from input number {@code index}. */
        public void startInput(int index) { this.input = index; }

        @Override
        public void record() { counts.records++; }

        @Override
        public void finding(Finding f, long rejectedValues) {
            counts.values += rejectedValues;
            counts.rejected += rejectedValues;
            keep(new Located(input, f.line(), f));
        }

        private void reject(Finding f) {
            counts.rejected++;
            keep(new Located(input, f.line(), f));
        }

        @Override
        public void observation(Observation o) {
            counts.values++;
            if (!within.isEmpty() && within.stream().noneMatch(w -> w.contains(o.period()))) {
                counts.skipped++;
                return;
            }
            Unit unit = hierarchy.unit(o.unit());
            if (unit == null) {
                reject(Finding.of(FindingCode.UNKNOWN_UNIT, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o),
                        "unit '" + o.unit() + "' is not in the units file; check the code or add the unit"));
                return;
            }
            Indicator ind = catalog.indicator(o.indicator());
            if (ind == null) {
                reject(Finding.of(FindingCode.UNKNOWN_INDICATOR, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o),
                        "indicator '" + o.indicator() + "' is not in the catalog; check the code or add it to the catalog"));
                return;
            }
            if (ind.derived()) {
                reject(Finding.of(FindingCode.DERIVED_SUBMITTED, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o),
                        "'" + ind.code() + "' is derived (" + ind.formula() + "); tally computes it, so the value is ignored"));
                return;
            }
            if (o.value() != null) {
                String problem = typeProblem(ind, o);
                if (problem != null) {
                    reject(Finding.of(FindingCode.WRONG_TYPE, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o), problem));
                    return;
                }
                problem = rangeProblem(ind, o.value());
                if (problem != null) {
                    reject(Finding.of(FindingCode.OUT_OF_RANGE, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o), problem));
                    return;
                }
            }
            int p = table.periodId(o.period());
            int cell = table.cell(unit.index(), ind.index());
            long where = CellTable.where(input, o.source().line());
            byte st = table.state(p, cell);
            if (st == CellTable.EMPTY) {
                table.put(p, cell, o.value(), where);
                counts.accepted++;
            } else if (st == CellTable.REJECTED) {
                reject(conflict(o, null, table.where(p, cell)));
            } else if (CellTable.sameValue(table.value(p, cell), o.value())) {
                counts.duplicates++;
                keep(new Located(input, o.source().line(), duplicate(o, table.where(p, cell))));
            } else {
                reject(conflict(o, table.value(p, cell), table.where(p, cell)));
                table.reject(p, cell);
                counts.accepted--;
                counts.rejected++;
            }
        }
    }

    private static String shown(Observation o) { return o.value() == null ? "" : o.raw().strip(); }

    private String at(long where) {
        return inputs.get(CellTable.whereInput(where)) + ":" + CellTable.whereLine(where);
    }

    private Finding duplicate(Observation o, long firstWhere) {
        return Finding.of(FindingCode.DUPLICATE, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o),
                "given again with the same value (first at " + at(firstWhere) + "); counted once. Remove the repeated row");
    }

    private static String shownValue(BigDecimal v) { return v == null ? "missing" : "'" + v.toPlainString() + "'"; }

    private Finding conflict(Observation o, BigDecimal earlier, long firstWhere) {
        String was = earlier == null ? "conflicting values" : "'" + earlier.toPlainString() + "'";
        String now = o.value() == null ? "missing" : "'" + o.raw().strip() + "'";
        return Finding.of(FindingCode.CONFLICT, o.source(), o.unit(), o.period().text(), o.indicator(), shown(o),
                "given as " + now + " here but as " + was + " at " + at(firstWhere) + "; neither value is used. Keep one");
    }

    static String typeProblem(Indicator ind, Observation o) {
        BigDecimal v = o.value();
        boolean word = Numbers.isBooleanWord(o.raw());
        IndicatorType t = ind.type();
        if (word && t != IndicatorType.BOOLEAN) {
            return "'" + o.raw().strip() + "' is a yes/no word but '" + ind.code() + "' is " + article(t) + "; give a number";
        }
        return switch (t) {
            case INTEGER -> v.stripTrailingZeros().scale() > 0
                    ? "'" + o.raw().strip() + "' is not a whole number but '" + ind.code() + "' is an integer; give a count like " + v.setScale(0, java.math.RoundingMode.DOWN).toPlainString()
                    : null;
            case PERCENT -> v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0
                    ? "'" + o.raw().strip() + "' is not a percentage; '" + ind.code() + "' takes 0 to 100"
                    : null;
            case BOOLEAN -> v.compareTo(BigDecimal.ZERO) != 0 && v.compareTo(BigDecimal.ONE) != 0
                    ? "'" + o.raw().strip() + "' is not a yes/no value; '" + ind.code() + "' takes 1 or 0 (true/false, yes/no, có/không)"
                    : null;
            case NUMBER -> null;
        };
    }

    private static String article(IndicatorType t) {
        return switch (t) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case PERCENT -> "a percentage";
            case BOOLEAN -> "a yes/no value";
        };
    }

    static String rangeProblem(Indicator ind, BigDecimal v) {
        if (ind.min() != null && v.compareTo(ind.min()) < 0) {
            return "the value " + v.toPlainString() + " is below the minimum " + ind.min().toPlainString() + " of '" + ind.code() + "'" + bounds(ind);
        }
        if (ind.max() != null && v.compareTo(ind.max()) > 0) {
            return "the value " + v.toPlainString() + " is above the maximum " + ind.max().toPlainString() + " of '" + ind.code() + "'" + bounds(ind);
        }
        return null;
    }

    private static String bounds(Indicator ind) {
        String lo = ind.min() == null ? "" : ind.min().toPlainString();
        String hi = ind.max() == null ? "" : ind.max().toPlainString();
        return "; expected " + (ind.min() != null && ind.max() != null ? "from " + lo + " to " + hi
                : ind.min() != null ? "at least " + lo : "at most " + hi);
    }

    /**
     * True when two parts hold the same cell (the same unit, period and indicator given in two
     * places read by different threads). Such data must be read again in one thread: only reading in
     * input order gives every repeated row the finding the ordinary reader gives it.
     */
    public boolean collides(List<Part> parts) {
        if (parts.size() < 2) return false;
        Map<Period, byte[]> seen = new java.util.HashMap<>();
        for (Part part : parts) {
            CellTable t = part.table;
            for (int p = 0; p < t.periods().size(); p++) {
                byte[] mark = seen.computeIfAbsent(t.periods().get(p), k -> new byte[t.units() * t.indicators()]);
                byte[] states = t.states(p);
                for (int c = 0, n = t.cells(); c < n; c++) {
                    if (states[c] == CellTable.EMPTY) continue;
                    if (mark[c] != 0) return true;
                    mark[c] = 1;
                }
            }
        }
        return false;
    }

    /** Merges the parts in order, runs the per-submission checks, and counts. */
    public Result finish(List<Part> parts) {
        Part base = parts.get(0);
        Counts counts = new Counts();
        List<Located> located = new ArrayList<>(base.findings);
        counts.add(base.counts);
        long errors = base.unlistedErrors, warnings = base.unlistedWarnings;
        for (int i = 1; i < parts.size(); i++) {
            Part part = parts.get(i);
            counts.add(part.counts);
            located.addAll(part.findings);
            errors += part.unlistedErrors;
            warnings += part.unlistedWarnings;
            merge(base.table, part.table, counts, located);
        }
        CellTable table = base.table;
        List<Located> checks = new ArrayList<>();
        SubmissionChecks.runAll(hierarchy, catalog, inputs, table, checks);
        located.sort(Comparator.comparingInt(Located::input).thenComparingLong(Located::line));
        // slices of one input read by several parts may each have listed up to the limit: keep the
        // first lines, as one reader would have, and count the rest
        List<Located> kept = new ArrayList<>(located.size() + checks.size());
        int[] perInput = new int[inputs.size()];
        for (Located l : located) {
            if (perInput[l.input()]++ < LISTED_PER_INPUT) {
                kept.add(l);
            } else if (l.finding().severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        long unlisted = errors + warnings;
        kept.addAll(checks); // one per submission at most: never too many
        kept.sort(Comparator.comparingInt(Located::input).thenComparingLong(Located::line));
        List<Finding> findings = new ArrayList<>(kept.size());
        for (Located l : kept) {
            findings.add(l.finding());
            if (l.finding().severity() == Severity.ERROR) errors++;
            else warnings++;
        }
        long missing = 0;
        for (int p = 0; p < table.periods().size(); p++) {
            byte[] states = table.states(p);
            for (int c = 0, n = table.cells(); c < n; c++) if (states[c] == CellTable.MISSING) missing++;
        }
        Summary s = new Summary(inputs.size(), counts.records, counts.values, counts.accepted, missing, counts.duplicates,
                counts.rejected, counts.skipped, errors, warnings, unlisted);
        return new Result(table, findings, s);
    }

    private void merge(CellTable into, CellTable from, Counts counts, List<Located> located) {
        for (int pf = 0; pf < from.periods().size(); pf++) {
            Period period = from.periods().get(pf);
            int pi = into.periodId(period);
            int n = from.cells();
            byte[] fromStates = from.states(pf);
            for (int cf = 0; cf < n; cf++) {
                byte sf = fromStates[cf];
                if (sf == CellTable.EMPTY) continue;
                // the same cell in the base table (the identical index when both are dense)
                int c = into.cell(from.unitOf(cf), cf % from.indicators());
                byte si = into.state(pi, c);
                long wf = from.where(pf, cf);
                if (si == CellTable.EMPTY) {
                    if (sf == CellTable.REJECTED) {
                        into.put(pi, c, null, wf);
                        into.reject(pi, c);
                    } else if (sf == CellTable.LONG) {
                        into.putLong(pi, c, from.longs(pf)[cf], wf);
                    } else {
                        into.put(pi, c, from.value(pf, cf), wf);
                    }
                    continue;
                }
                if (si == CellTable.REJECTED && sf == CellTable.REJECTED) continue;
                Unit u = hierarchy.unit(from.unitOf(cf));
                Indicator ind = catalog.indicators().get(cf % from.indicators());
                BigDecimal vf = from.value(pf, cf), vi = into.value(pi, c);
                long wi = into.where(pi, c);
                // the finding goes to whichever came later in input order, naming the earlier one
                boolean fromLater = wf > wi;
                long wLate = fromLater ? wf : wi, wEarly = fromLater ? wi : wf;
                BigDecimal vLate = fromLater ? vf : vi, vEarly = fromLater ? vi : vf;
                boolean earlyRejected = fromLater ? si == CellTable.REJECTED : sf == CellTable.REJECTED;
                Source src = new Source(inputs.get(CellTable.whereInput(wLate)), CellTable.whereLine(wLate));
                Observation o = new Observation(u.code(), period, ind.code(), vLate, vLate == null ? "" : vLate.toPlainString(), src);
                if (si != CellTable.REJECTED && sf != CellTable.REJECTED && CellTable.sameValue(vi, vf)) {
                    counts.accepted--;
                    counts.duplicates++;
                    if (!fromLater) into.put(pi, c, vf, wf);
                    located.add(new Located(CellTable.whereInput(wLate), src.line(), duplicate(o, wEarly)));
                    continue;
                }
                // a conflict: the accepted side(s) become rejected
                if (si != CellTable.REJECTED) {
                    counts.accepted--;
                    counts.rejected++;
                }
                if (sf != CellTable.REJECTED) {
                    counts.accepted--;
                    counts.rejected++;
                }
                boolean lateRejected = fromLater ? sf == CellTable.REJECTED : si == CellTable.REJECTED;
                Finding f = lateRejected
                        ? Finding.of(FindingCode.CONFLICT, src, u.code(), period.text(), ind.code(), null,
                                "given with conflicting values in this file and as " + (earlyRejected ? "conflicting values" : shownValue(vEarly))
                                        + " at " + at(wEarly) + "; none is used. Keep one")
                        : conflict(o, earlyRejected ? null : vEarly, wEarly);
                located.add(new Located(CellTable.whereInput(wLate), src.line(), f));
                if (!fromLater) into.put(pi, c, null, wf);
                into.reject(pi, c);
            }
        }
    }
}
