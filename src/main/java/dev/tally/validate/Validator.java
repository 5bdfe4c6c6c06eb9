package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.Severity;
import dev.tally.model.Source;
import dev.tally.model.Unit;
import dev.tally.read.Field;
import dev.tally.model.Num;
import dev.tally.read.Numbers;
import dev.tally.read.ValueSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks values as they stream in from any reader and keeps the accepted ones in a {@link CellTable}:
 * the one place where a value is resolved, parsed and judged. Per record: a period that does not
 * parse, a period outside the ones asked for (skipped and counted), a unit not in the units file. Per
 * value: an indicator not in the catalog or derived, a value that is not a number or has too many
 * digits, a value not of the indicator's type or outside its bounds ({@link ValueRules}), the same
 * cell given twice (same value: a warning, counted once; different values: an error, and neither
 * value is used). Per submission (unit × period), once all input is read: required indicators missing
 * and the catalog's rules ({@link SubmissionChecks}).
 *
 * <p>Codes are resolved from the readers' bytes ({@link CodeIndex}), text is made only for a finding,
 * and whole numbers and decimals of up to 18 digits are kept as longs: {@link Stats} counts the
 * values that needed more, so tests can prove the common case stays on the allocation-free way.
 *
 * <p>Work is split in {@link Part}s, one per reading thread, filling one dense table together or each
 * its own sparse one; {@link #finish} merges them in input order, so the result does not depend on
 * the number of threads.
 */
public final class Validator {
    private final Hierarchy hierarchy;
    private final Roster roster;
    private final Catalog catalog;
    /** The catalog's indicators by index, looked up for every value: an array, not a List's calls. */
    private final Indicator[] byIndex;
    private final List<Period> within;
    private final List<String> inputs;
    private final boolean sparse;
    private final boolean decimalComma;
    private final CodeIndex units, indicators;
    private final ValueRules rules;
    /** Where findings past the listing limit go ({@link #spillingTo}); null: they are counted only. */
    private java.nio.file.Path spillDir;
    /** The values are a plan's targets ({@link #forTargets}). */
    private boolean targets;
    /** Every spill a part made, those of parts that {@link #finish} does not see (read again) included, to delete them. */
    private final List<FindingSpill> spills = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * @param within keep only values whose period lies inside one of these (empty: keep all)
     * @param inputs display names of the inputs, in order; a Part is told which one it reads
     * @param sparse keep rows only for the units met (for one small file at a time); the rollup needs dense
     * @param decimalComma numbers are written 1.234,5
     */
    public Validator(Hierarchy hierarchy, Catalog catalog, List<Period> within, List<String> inputs, boolean sparse,
                     boolean decimalComma) {
        this(Roster.of(hierarchy), catalog, within, inputs, sparse, decimalComma);
    }

    /** @param roster who is expected to report what: the hierarchy, activity dates and exemptions */
    /** The last hierarchy whose unit codes were indexed, and the index (one slot: a run validates against one or a few). */
    private static java.lang.ref.WeakReference<Hierarchy> indexed = new java.lang.ref.WeakReference<>(null);
    private static CodeIndex unitIndex;

    /**
     * The index of a hierarchy's unit codes, built once for it: 10 ms of the cron run for the national
     * hierarchy, which {@link #prepare} lets a second thread build while the first is still busy.
     */
    static synchronized CodeIndex unitIndex(Hierarchy hierarchy) {
        if (indexed.get() != hierarchy) {
            List<String> codes = new ArrayList<>(hierarchy.size());
            int[] ids = new int[hierarchy.size()];
            for (Unit u : hierarchy.units()) {
                codes.add(u.code());
                ids[u.index()] = u.index();
            }
            unitIndex = new CodeIndex(codes, ids);
            indexed = new java.lang.ref.WeakReference<>(hierarchy);
        }
        return unitIndex;
    }

    /** Builds ahead what a validator of this hierarchy starts with (its unit index), so that constructing one finds it built. */
    public static void prepare(Hierarchy hierarchy) { unitIndex(hierarchy); }

    public Validator(Roster roster, Catalog catalog, List<Period> within, List<String> inputs, boolean sparse, boolean decimalComma) {
        Hierarchy hierarchy = roster.hierarchy();
        this.roster = roster;
        this.sparse = sparse;
        this.hierarchy = hierarchy;
        this.catalog = catalog;
        this.within = List.copyOf(within);
        this.inputs = List.copyOf(inputs);
        this.decimalComma = decimalComma;
        this.units = unitIndex(hierarchy);
        List<String> inds = new ArrayList<>();
        int[] indIds = new int[catalog.size()];
        for (Indicator ind : catalog.indicators()) {
            inds.add(ind.code());
            indIds[ind.index()] = ind.index();
        }
        this.indicators = new CodeIndex(inds, indIds);
        this.byIndex = catalog.indicators().toArray(new Indicator[0]);
        this.rules = new ValueRules(catalog, decimalComma);
    }

    /**
     * Keeps the findings past {@link #LISTED_PER_INPUT} for an input in temporary files in {@code dir}
     * (null: counts them only), so that {@link Result#every} has every finding, in the memory of the
     * listed ones. For {@code --findings FILE}, with the file's directory. Returns this validator.
     */
    public Validator spillingTo(java.nio.file.Path dir) {
        this.spillDir = dir;
        return this;
    }

    /**
     * Reads a plan's targets rather than submissions: every rule of a value holds (the unit, the period,
     * the indicator, a number of the indicator's type within its bounds, the same cell once), and a
     * target may be given for a derived indicator (a rate's target is a rate); but a plan is no
     * submission, so nothing is required of it and the catalog's rules, which relate a submission's
     * values to each other, are not checked. Its value column may be named {@code target}
     * ({@link ValueSink#targets}). Returns this validator.
     */
    public Validator forTargets() {
        this.targets = true;
        return this;
    }

    public Part part() { return new Part(sparse ? CellTable.sparse(hierarchy.size(), catalog.size())
            : new CellTable(hierarchy.size(), catalog.size()), false); }

    /**
     * Parts for {@code n} reading threads. For a dense table they fill one table together, each
     * keeping a bit per cell it filled, so that memory is one national table and not one per thread
     * (W3: 0.9 GB each) and {@link #finish} has nothing to merge; {@link #collides} then says whether
     * two of them filled the same cell. Sparse tables are small: one each, merged.
     */
    public List<Part> parts(int n) {
        List<Part> parts = new ArrayList<>(n);
        if (n == 1 || sparse) {
            for (int i = 0; i < n; i++) parts.add(part());
            return parts;
        }
        CellTable shared = new CellTable(hierarchy.size(), catalog.size());
        for (int i = 0; i < n; i++) parts.add(new Part(shared, true));
        return parts;
    }

    public List<String> inputs() { return inputs; }

    /** A finding with the input it belongs to, for a stable order across threads. */
    record Located(int input, long line, Finding finding) {}

    /**
     * How the values were taken, for tests that prove the common case stays fast: values kept as a
     * BigDecimal (more than 18 digits), codes that were resolved through text rather than bytes
     * (Unicode normalisation, hints for unknown codes), and whether the inputs had to be read again
     * in one thread because threads met the same cell; how many indexes for "did you mean" were made
     * (one serves every finding of a run, none is made on a clean one).
     */
    public record Stats(long bigValues, long textLookups, boolean reread, int hintIndexes) {}

    /**
     * The validated data: accepted cells, the findings in input and line order, the counts, and per
     * input the values read, duplicates, rejected and ignored ({@link #VALUES} …) for import's account
     * of each file.
     */
    public record Result(CellTable table, List<Finding> findings, Summary summary, Stats stats, long[][] perInput, EveryFinding every) {
        public boolean hasErrors() { return summary.errors() > 0; }
    }

    /** Rows of {@link Result#perInput()}. */
    public static final int VALUES = 0, DUPLICATES = 1, REJECTED = 2, IGNORED = 3;

    /**
     * At most this many findings are kept per input while reading; the rest are only counted, so a
     * file that is wrong on every one of its million rows cannot exhaust memory. The summary says how
     * many were not listed.
     */
    public static final int LISTED_PER_INPUT = 10_000;

    /** The indicator codes a finding on a rejected record names at most (the rest: "…"). */
    static final int NAMED_PER_RECORD = 100;

    /** One reading thread's share: its table (its own, or shared with the other parts), counts and findings. Not thread-safe. */
    public final class Part implements ValueSink {
        final CellTable table;
        /** For a shared table: per period id, a bit for each cell this part filled; null for a table of its own. */
        private long[][] owned;
        final List<Located> findings = new ArrayList<>();
        final Counts counts = new Counts();
        private final int[] listed = new int[Math.max(1, inputs.size())];
        long unlistedErrors, unlistedWarnings, bigValues, textLookups;
        /** Findings past the listing limit, by code ({@link FindingCode#ordinal}): the count by code says all of them. */
        final long[] unlistedByCode = new long[FindingCode.values().length];
        /** The findings past the listing limit, when the validator keeps them ({@link #spillingTo}); made at the first. */
        private FindingSpill spill;
        final long[][] perInput = new long[4][Math.max(1, inputs.size())];
        private int input;
        private final Num num = new Num();

        // the record being read
        private int unit;
        private int periodId;
        private Period period;
        private boolean outside;
        /** Why the current record's values are rejected (a bad period or unit), made at end(); null when they are not. */
        private FindingCode recordProblem;
        private String recordUnit, recordPeriod, firstIndicator, firstValue;
        private long recordLine, recordValues;
        /**
         * The indicator codes of a rejected record's values, space-separated as a malformed row's are, so
         * that a finding on a wide row or a JSON object names the columns it cost; at most
         * {@link #NAMED_PER_RECORD}, then "…" (a hostile row has 10,000 fields).
         */
        private final StringBuilder recordIndicators = new StringBuilder();

        // caches: rows come grouped by unit and period
        private byte[] lastUnit = new byte[64];
        private int lastUnitLen = -1, lastUnitIndex;
        private byte[] lastPeriod = new byte[32];
        private int lastPeriodLen = -1;
        private Period lastPeriodValue;
        private final Map<String, Period> periods = new HashMap<>();
        private Period lastIdPeriod, lastWithinPeriod;
        private int lastPeriodId;
        private boolean lastOutside;

        Part(CellTable table, boolean shared) {
            this.table = table;
            this.owned = shared ? new long[0][] : null;
        }

        private boolean owns(int period, int cell) {
            return period < owned.length && owned[period] != null && (owned[period][cell >>> 6] & (1L << cell)) != 0;
        }

        private void own(int period, int cell) {
            if (period >= owned.length) owned = java.util.Arrays.copyOf(owned, period + 1);
            long[] bits = owned[period];
            if (bits == null) owned[period] = bits = new long[(table.cells() + 63) >>> 6];
            bits[cell >>> 6] |= 1L << cell;
        }

        /** Subsequent values come from input number {@code index}. */
        public void startInput(int index) { input(index); }

        @Override
        public boolean targets() { return targets; }

        @Override
        public void input(int index) {
            this.input = index;
            table(null, null);
        }

        // ------------------------------------------------------------ a table made for people (a workbook's sheet)

        /** What findings name as the file: the input, or the part of it being read ("report.xlsx[Biểu 1]"). */
        private String label;
        /** In a table, units may be given by name, looked up under its unit ({@code tableScope}, -1: none). */
        private boolean inTable;
        private int tableScope = -1;
        /** The lowest common ancestor of the units of the table's rows so far, and whether it is one of them. */
        private int tableUnits = -1;
        private boolean tableUnitsIsRow, inTotal;
        /** Why the current record's unit was not found by its name, or null. */
        private String recordHint;

        private String file() { return label != null ? label : inputs.get(input); }

        @Override
        public void table(String label, String title) {
            this.label = label;
            inTable = label != null;
            tableScope = -1;
            tableUnits = -1;
            tableUnitsIsRow = false;
            lastUnitLen = -1; // a name means another unit under another table's unit
            if (inTable && title != null) {
                Unit scope = byName().scope(title);
                tableScope = scope == null ? -1 : scope.index();
            }
        }

        @Override
        public String[] indicators(List<ValueSink.Column> columns, long line) {
            List<ByName.Match> m = byName().indicators(columns);
            String[] out = new String[m.size()];
            for (int k = 0; k < out.length; k++) {
                ByName.Match x = m.get(k);
                out[k] = x.code();
                if (x.message() != null) keep(Finding.of(FindingCode.BY_NAME, new Source(file(), line), null, null, x.code(), null, x.message()));
            }
            return out;
        }

        @Override
        public void beginTotal(Field periodField, long line) {
            int[] parent = hierarchy.parentIndex();
            int u = tableScope >= 0 ? tableScope : tableUnits >= 0 ? (tableUnitsIsRow ? parent[tableUnits] : tableUnits) : -1;
            inTotal = true;
            try {
                begin(Field.of(u < 0 ? "" : hierarchy.unit(u).code()), periodField, line);
            } finally {
                inTotal = false;
            }
            if (u < 0 && recordProblem == null && !outside) {
                recordProblem = FindingCode.TOTAL_ROW;
                recordUnit = null;
                recordPeriod = period.text();
            }
        }

        @Override
        public void hidden(long values) { counts.hidden += values; }

        /** The units of a table's rows, for its total row: their lowest common ancestor so far. */
        private void tableUnit(int u) {
            if (tableUnits < 0) {
                tableUnits = u;
                tableUnitsIsRow = true;
                return;
            }
            int[] parent = hierarchy.parentIndex();
            int a = tableUnits, b = u;
            int da = hierarchy.unit(a).depth(), db = hierarchy.unit(b).depth();
            while (da > db) { a = parent[a]; da--; }
            while (db > da) { b = parent[b]; db--; }
            while (a != b && a >= 0 && b >= 0) { a = parent[a]; b = parent[b]; }
            int lca = a == b ? a : -1;
            tableUnitsIsRow = lca == u || lca == tableUnits && tableUnitsIsRow;
            tableUnits = lca;
        }

        private void keep(Located l) {
            if (listed[l.input()]++ < LISTED_PER_INPUT) {
                findings.add(l);
                return;
            }
            unlistedByCode[l.finding().code().ordinal()]++;
            if (spillDir != null) {
                if (spill == null) spills.add(spill = FindingSpill.in(spillDir));
                spill.add(l);
            }
            if (l.finding().severity() == Severity.ERROR) {
                unlistedErrors++;
            } else {
                unlistedWarnings++;
            }
        }

        private void keep(Finding f) { keep(new Located(input, f.line(), f)); }

        @Override
        public void problem(Finding f, long values, long records) {
            counts.records += records;
            counts.values += values;
            counts.rejected += values;
            perInput[VALUES][input] += values;
            perInput[REJECTED][input] += values;
            keep(f);
        }

        @Override
        public void begin(Field unitField, Field periodField, long line) {
            counts.records++;
            recordLine = line;
            recordValues = 0;
            recordProblem = null;
            firstIndicator = firstValue = null;
            // emptied only when a rejected record filled it: setLength is two calls C1 does not inline, on
            // every record (W1: 14 ms of its reading)
            if (recordIndicators.length() > 0) recordIndicators.setLength(0);
            period = period(periodField);
            if (period == null) {
                recordProblem = FindingCode.BAD_PERIOD;
                recordUnit = unitField.shown();
                recordPeriod = periodField.shown();
                return;
            }
            if (period != lastWithinPeriod) {
                // once per change of period, not per record (rows come grouped by period)
                lastWithinPeriod = period;
                lastOutside = !within.isEmpty() && within.stream().noneMatch(w -> w.contains(period));
            }
            outside = lastOutside;
            if (outside) return;
            unit = unit(unitField);
            recordHint = null;
            if (unit < 0 && inTable && !inTotal && !unitField.isEmpty()) {
                // a table made for people may name its units: under the unit that sent it
                ByName.UnitMatch m = byName().unit(unitField.toString(), tableScope < 0 ? null : hierarchy.unit(tableScope));
                if (m.unit() != null) unit = m.unit().index();
                else recordHint = m.why();
            }
            if (unit < 0) {
                if (inTotal) return; // the caller says why
                recordProblem = FindingCode.UNKNOWN_UNIT;
                recordUnit = unitField.shown();
                recordPeriod = period.text();
                return;
            }
            if (inTable && !inTotal) tableUnit(unit);
            if (period != lastIdPeriod) {
                try {
                    lastPeriodId = table.periodId(period);
                } catch (CellTable.TooManyPeriods e) {
                    throw dev.tally.model.TallyException.io(t(e.periods == 1 ? "cells.onePeriodTooLarge" : "cells.tooManyPeriods",
                            inputs.get(input), line, period.text(), e.periods, hierarchy.size(), catalog.size(), gigabytes(e.bytes),
                            gigabytes(e.budget)));
                }
                lastIdPeriod = period;
            }
            periodId = lastPeriodId;
        }

        @Override
        public void value(Field indicatorField, Field valueField, long line, boolean number) {
            counts.values++;
            perInput[VALUES][input]++;
            if (recordProblem != null) {
                if (recordValues++ == 0) {
                    firstIndicator = indicatorField.shown();
                    firstValue = valueField.shown();
                }
                if (recordValues <= NAMED_PER_RECORD) recordIndicators.append(recordValues > 1 ? " " : "").append(indicatorField.shown());
                else if (recordValues == NAMED_PER_RECORD + 1) recordIndicators.append(" …");
                if (recordProblem == FindingCode.TOTAL_ROW) {
                    counts.ignored++;
                    perInput[IGNORED][input]++;
                    return;
                }
                counts.rejected++;
                perInput[REJECTED][input]++;
                return;
            }
            if (outside) {
                counts.skipped++;
                return;
            }
            int ind = indicator(indicatorField);
            if (ind < 0) {
                reject(FindingCode.UNKNOWN_INDICATOR, line, indicatorField.shown(), valueField,
                        t("finding.unknownIndicator", indicatorField.shown(), indicatorHint(indicatorField)));
                return;
            }
            Indicator indicator = byIndex[ind];
            if (indicator.derived() && !targets) {
                keep(Finding.of(FindingCode.DERIVED_SUBMITTED, new Source(file(), line), unitCode(), period.text(),
                        indicator.code(), valueField.shown(),
                        t("finding.derived", indicator.code(), indicator.formula())));
                counts.ignored++;
                perInput[IGNORED][input]++;
                return;
            }
            Numbers.parse(valueField, decimalComma, number, num);
            switch (num.kind) {
                case Num.NOT_A_NUMBER -> {
                    String raw = valueField.shown();
                    reject(FindingCode.NOT_A_NUMBER, line, indicator.code(), valueField, rules.notANumber(raw, num.hint));
                    return;
                }
                case Num.TOO_MANY_DIGITS -> {
                    reject(FindingCode.TOO_MANY_DIGITS, line, indicator.code(), valueField, t("finding.tooManyDigits", num.digits, Num.MAX_DIGITS));
                    return;
                }
                case Num.MISSING -> {
                    store(ind, line, indicator, valueField);
                    return;
                }
                default -> { }
            }
            int problem = rules.check(ind, num);
            if (problem != ValueRules.OK) {
                reject(ValueRules.code(problem), line, indicator.code(), valueField, rules.message(problem, ind, num, valueField.shown(), number));
                return;
            }
            if (num.kind == Num.BIG) bigValues++;
            store(ind, line, indicator, valueField);
        }

        @Override
        public void end() {
            if (recordProblem == null) return;
            Source src = new Source(file(), recordLine);
            if (recordProblem == FindingCode.TOTAL_ROW) {
                keep(Finding.of(FindingCode.TOTAL_ROW, src, null, recordPeriod, null, null, t("finding.totalRow", recordValues)));
                recordProblem = null;
                return;
            }
            String lost = recordValues == 0 ? t("record.noValues") : recordValues == 1 ? t("record.oneValue") : t("record.values", recordValues);
            String named = recordValues == 0 ? null : recordIndicators.toString();
            Finding f = recordProblem == FindingCode.BAD_PERIOD
                    ? Finding.of(FindingCode.BAD_PERIOD, src, recordUnit, recordPeriod, named,
                            recordValues == 1 ? firstValue : null,
                            t("finding.badPeriod", recordPeriod, Period.acceptedForms(), recordValues == 1 ? "" : "; " + lost, Period.why(recordPeriod)))
                    : Finding.of(FindingCode.UNKNOWN_UNIT, src, recordUnit, recordPeriod, named,
                            recordValues == 1 ? firstValue : null,
                            t("finding.unknownUnit", recordUnit, recordHint != null && !recordHint.isEmpty() ? recordHint : unitHint(recordUnit),
                                    recordValues == 1 ? "" : "; " + lost));
            keep(f);
            recordProblem = null;
        }

        private String unitCode() { return hierarchy.unit(unit).code(); }

        private void reject(FindingCode code, long line, String indicator, Field value, String message) {
            counts.rejected++;
            perInput[REJECTED][input]++;
            keep(Finding.of(code, new Source(file(), line), unitCode(), period.text(), indicator,
                    value.isEmpty() ? null : value.shown(), message));
        }

        /** Puts the parsed value (or missing) in its cell, or reports it as a duplicate or a conflict. */
        private void store(int ind, long line, Indicator indicator, Field raw) {
            int cell = table.cell(unit, ind);
            long where = CellTable.where(input, line);
            byte st = table.state(periodId, cell);
            // in a shared table, a cell this part has not filled is empty to it: if another part filled
            // it, both have its bit, and the inputs are read again in one thread (see collides)
            if (owned != null && !owns(periodId, cell)) st = CellTable.EMPTY;
            if (st == CellTable.EMPTY) {
                put(cell, where);
                if (owned != null) own(periodId, cell);
                counts.accepted++;
                return;
            }
            Source src = new Source(file(), line);
            String shown = num.kind == Num.MISSING ? null : raw.shown();
            if (st == CellTable.REJECTED) {
                counts.rejected++;
                perInput[REJECTED][input]++;
                keep(Finding.of(FindingCode.CONFLICT, src, unitCode(), period.text(), indicator.code(), shown,
                        t("finding.conflictEarlier", given(raw), at(table.where(periodId, cell)))));
                return;
            }
            if (same(st, cell)) {
                counts.duplicates++;
                perInput[DUPLICATES][input]++;
                keep(Finding.of(FindingCode.DUPLICATE, src, unitCode(), period.text(), indicator.code(), shown,
                        t("finding.duplicate", at(table.where(periodId, cell)))));
                return;
            }
            keep(Finding.of(FindingCode.CONFLICT, src, unitCode(), period.text(), indicator.code(), shown,
                    t("finding.conflict", given(raw), shownValue(table, periodId, cell), at(table.where(periodId, cell)))));
            perInput[REJECTED][input]++;
            perInput[REJECTED][CellTable.whereInput(table.where(periodId, cell))]++;
            table.reject(periodId, cell);
            counts.accepted--;
            counts.rejected += 2;
        }

        private String given(Field raw) { return num.kind == Num.MISSING ? t("finding.missingValue") : "'" + raw.shown() + "'"; }

        private boolean same(byte st, int cell) {
            return switch (num.kind) {
                case Num.MISSING -> st == CellTable.MISSING;
                case Num.EXACT -> st == CellTable.NUM && table.longValue(periodId, cell) == num.unscaled && table.scale(periodId, cell) == num.scale;
                case Num.BIG -> st == CellTable.BIG && table.value(periodId, cell).compareTo(num.big) == 0;
                default -> false;
            };
        }

        private void put(int cell, long where) {
            switch (num.kind) {
                case Num.MISSING -> table.putMissing(periodId, cell, where);
                case Num.EXACT -> table.putNum(periodId, cell, num.unscaled, num.scale, where);
                default -> table.putBig(periodId, cell, num.big, where);
            }
        }

        // ------------------------------------------------------------ resolving codes and periods

        private Period period(Field f) {
            f.trim();
            int len = f.length();
            if (len == lastPeriodLen && f.sameBytes(lastPeriod, len)) return lastPeriodValue;
            String text = f.toString();
            if (len > 64) return Period.parse(text).orElse(null); // no period is this long: not worth keeping
            Period p = periods.computeIfAbsent(text, t -> Period.parse(t).orElse(null));
            if (periods.size() > 10_000) periods.clear(); // a hostile file with a million distinct periods
            if (len > lastPeriod.length) lastPeriod = new byte[Math.min(len * 2, 1 << 12)];
            if (len <= lastPeriod.length) {
                System.arraycopy(f.buf(), f.from(), lastPeriod, 0, len);
                lastPeriodLen = len;
                lastPeriodValue = p;
            }
            return p;
        }

        private int unit(Field f) {
            f.trim();
            int len = f.length();
            if (len == lastUnitLen && f.sameBytes(lastUnit, len)) return lastUnitIndex;
            int u = units.get(f.buf(), f.from(), f.to());
            if (u < 0 && !f.ascii()) {
                // the same text in another Unicode form (NFD from some systems): compare in NFC
                textLookups++;
                byte[] b = Field.nfc(f.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                u = units.get(b, 0, b.length);
            }
            if (u >= 0 && len <= 4096) {
                if (len > lastUnit.length) lastUnit = new byte[len * 2];
                System.arraycopy(f.buf(), f.from(), lastUnit, 0, len);
                lastUnitLen = len;
                lastUnitIndex = u;
            }
            return u;
        }

        private int indicator(Field f) {
            f.trim();
            return indicators.get(f.buf(), f.from(), f.to());
        }

        private String unitHint(String code) {
            textLookups++;
            return hints().unit(code);
        }

        private String indicatorHint(Field f) {
            textLookups++;
            return hints().indicator(f.toString().strip());
        }
    }

    /** The index of codes and names for "did you mean", made once for all parts on the first unknown code. */
    private volatile Hints hints;
    /** How many were made (under the lock): 0 or 1, for {@link Stats}. */
    private int hintIndexes;

    private Hints hints() {
        Hints made = hints;
        if (made == null) {
            synchronized (this) {
                if (hints == null) {
                    hints = new Hints(hierarchy, catalog);
                    hintIndexes++;
                }
                made = hints;
            }
        }
        return made;
    }

    /** Names where codes belong (a workbook's columns, units and title), indexed once for all parts on the first table. */
    private volatile ByName byName;

    private ByName byName() {
        ByName made = byName;
        if (made == null) {
            synchronized (this) {
                if (byName == null) byName = new ByName(hierarchy, catalog);
                made = byName;
            }
        }
        return made;
    }

    private synchronized int hintIndexes() { return hintIndexes; }

    private static String gigabytes(long bytes) { return String.format(java.util.Locale.ROOT, "%.2f", bytes / 1e9); }

    private String at(long where) {
        return inputs.get(CellTable.whereInput(where)) + ":" + CellTable.whereLine(where);
    }

    private static String shownValue(CellTable t, int p, int cell) {
        return t.state(p, cell) == CellTable.MISSING ? t("finding.missingValue") : "'" + t.value(p, cell).toPlainString() + "'";
    }

    /**
     * True when two parts hold the same cell (the same unit, period and indicator given in two
     * places read by different threads). Such data must be read again in one thread: only reading in
     * input order gives every repeated value the finding one reader gives it.
     */
    public boolean collides(List<Part> parts) {
        if (parts.size() < 2) return false;
        if (parts.get(0).owned != null) return collidesShared(parts);
        Map<Period, byte[]> seen = new HashMap<>();
        for (Part part : parts) {
            CellTable t = part.table;
            for (int p = 0; p < t.periods().size(); p++) {
                byte[] mark = seen.computeIfAbsent(t.periods().get(p), k -> new byte[t.units() * t.indicators()]);
                byte[] states = t.states(p);
                for (int c = 0, n = t.cells(); c < n; c++) {
                    if (states[c] == CellTable.EMPTY) continue;
                    int global = t.unitOf(c) * t.indicators() + c % t.indicators();
                    if (mark[global] != 0) return true;
                    mark[global] = 1;
                }
            }
        }
        return false;
    }

    /**
     * For parts that filled one table: whether two of them filled the same cell (both have its bit,
     * whatever the timing of their writes), so that the table is not what one reader in input order
     * would have made.
     */
    private static boolean collidesShared(List<Part> parts) {
        int periods = 0;
        for (Part part : parts) periods = Math.max(periods, part.owned.length);
        for (int p = 0; p < periods; p++) {
            long[] seen = null;
            for (Part part : parts) {
                long[] bits = p < part.owned.length ? part.owned[p] : null;
                if (bits == null) continue;
                if (seen == null) {
                    seen = bits.clone();
                    continue;
                }
                for (int w = 0; w < bits.length; w++) {
                    if ((seen[w] & bits[w]) != 0) return true;
                    seen[w] |= bits[w];
                }
            }
        }
        return false;
    }

    /**
     * Findings by input, then line. Written out rather than Comparator.comparingInt(..).thenComparingLong(..),
     * whose lambdas (the JDK's, in an interface) the class-data archive cannot keep: three classes made
     * at every start of a run with findings.
     */
    private static final Comparator<Located> IN_INPUT_ORDER =
            (a, b) -> a.input() != b.input() ? Integer.compare(a.input(), b.input()) : Long.compare(a.line(), b.line());

    /** Merges the parts in order, runs the per-submission checks, and counts. */
    public Result finish(List<Part> parts, boolean reread) {
        Part base = parts.get(0);
        Counts counts = new Counts();
        List<Located> located = new ArrayList<>(base.findings);
        counts.add(base.counts);
        long errors = base.unlistedErrors, warnings = base.unlistedWarnings;
        long big = base.bigValues, text = base.textLookups;
        long[] unlistedByCode = base.unlistedByCode.clone();
        long[][] perInput = new long[4][Math.max(1, inputs.size())];
        for (Part part : parts) {
            for (int k = 0; k < 4; k++) for (int j = 0; j < perInput[k].length; j++) perInput[k][j] += part.perInput[k][j];
        }
        for (int i = 1; i < parts.size(); i++) {
            Part part = parts.get(i);
            counts.add(part.counts);
            located.addAll(part.findings);
            errors += part.unlistedErrors;
            warnings += part.unlistedWarnings;
            for (int c = 0; c < unlistedByCode.length; c++) unlistedByCode[c] += part.unlistedByCode[c];
            big += part.bigValues;
            text += part.textLookups;
            if (part.table != base.table) merge(base.table, part.table);
        }
        CellTable table = base.table;
        List<Located> checks = new ArrayList<>();
        if (!targets) SubmissionChecks.runAll(roster, catalog, inputs, table, checks);
        located.sort(IN_INPUT_ORDER);
        // slices of one input read by several parts may each have listed up to the limit: keep the
        // first lines, as one reader would have, and count the rest
        List<Located> kept = new ArrayList<>(located.size() + checks.size());
        // those past the limit now: in memory already, and no more than the parts listed
        List<Located> trimmed = new ArrayList<>();
        int[] listedPerInput = new int[Math.max(1, inputs.size())];
        for (Located l : located) {
            if (listedPerInput[l.input()]++ < LISTED_PER_INPUT) {
                kept.add(l);
                continue;
            }
            if (spillDir != null) trimmed.add(l);
            unlistedByCode[l.finding().code().ordinal()]++;
            if (l.finding().severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        long unlisted = errors + warnings;
        kept.addAll(checks); // one per submission at most: never too many
        kept.sort(IN_INPUT_ORDER);
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
                counts.rejected, counts.ignored, counts.skipped, errors, warnings, unlisted, byCode(unlistedByCode), counts.hidden);
        // the spills of the parts read, in their order; those of parts read again are of no use
        List<FindingSpill> used = new ArrayList<>();
        for (Part part : parts) if (part.spill != null) used.add(part.spill);
        synchronized (spills) {
            for (FindingSpill f : spills) if (!used.contains(f)) f.close();
        }
        EveryFinding every = new EveryFinding(trimmed.isEmpty() ? List.of(kept) : List.of(kept, trimmed), used);
        return new Result(table, findings, s, new Stats(big, text, reread, hintIndexes()), perInput, every);
    }

    private static Map<FindingCode, Long> byCode(long[] counts) {
        Map<FindingCode, Long> m = new java.util.EnumMap<>(FindingCode.class);
        for (FindingCode c : FindingCode.values()) if (counts[c.ordinal()] > 0) m.put(c, counts[c.ordinal()]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Folds a later part's cells into the base table. Only called when no cell is in both
     * ({@link #collides} said so, else the inputs were read again in one thread), so a cell is copied.
     */
    private static void merge(CellTable into, CellTable from) {
        for (int pf = 0; pf < from.periods().size(); pf++) {
            int pi = into.periodId(from.periods().get(pf));
            byte[] states = from.states(pf);
            for (int cf = 0, n = from.cells(); cf < n; cf++) {
                if (states[cf] == CellTable.EMPTY) continue;
                int c = into.cell(from.unitOf(cf), cf % from.indicators());
                into.copy(from, pf, cf, pi, c);
            }
        }
    }
}
