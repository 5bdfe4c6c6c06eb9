package dev.tally.workspace;

import static dev.tally.model.Text.t;

import dev.tally.config.Project;
import dev.tally.ingest.Ingest;
import dev.tally.io.Tasks;
import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Era;
import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import dev.tally.model.Form;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Severity;
import dev.tally.model.Submission;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.store.Encoder;
import dev.tally.store.Location;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * tally import: every input of the run is validated together, as {@code validate} reads them, so the
 * values of one submission (one unit's values for one form and one period) found in several files
 * are merged as validate merges them: the same value twice counts once, two different values are a
 * conflict and neither is used. Each submission is then stored as a whole, replacing the unit's
 * earlier one for that form and period (which stays in the history), or counted unchanged when it is
 * identical; all of it in one transaction.
 *
 * <p>By default the store holds exactly what validate accepts, so that rollup from the store equals
 * rollup of the same files: every valid value of every submission is stored; an invalid value is
 * rejected alone with its finding; a submission lacking required values is stored and is incomplete
 * (status counts it received and incomplete, and lists what it owes); a submission is rejected only
 * when not one of its values is valid. The {@link Atomic} modes make an error cost more: with
 * {@code submission} its whole submission, with {@code file} every submission with a value from a
 * file that has an error, with {@code run} everything unless the whole run is clean. In every mode
 * an incomplete report is not an error that rejects: it is all the unit sent, stored as sent. The
 * counts reconcile: values read = stored + unchanged + duplicates + ignored + rejected.
 */
public final class Importer {
    private Importer() {}

    /** What an error finding costs: the value alone (the default), its submission, every submission of its file, the whole run. */
    public enum Atomic { VALUE, SUBMISSION, FILE, RUN }

    /**
     * Whether an error finding rejects more than the value it is about, in the modes that do: any
     * error but an incomplete report's ({@code missing-required}), which is what the unit sent and is
     * stored, marked incomplete, in every mode.
     */
    static boolean rejects(Finding f) {
        return f.severity() == Severity.ERROR && f.code() != FindingCode.MISSING_REQUIRED;
    }

    /**
     * A submission of the run, stored or not, with the error findings about it (why it was rejected,
     * when it was); {@code incomplete} when it lacks required values.
     */
    public record SubmissionReport(String unit, String unitName, String form, Period period, int values, Store.Outcome outcome,
                                   List<String> errors, boolean incomplete) {
        public boolean rejected() { return outcome == null; }
    }

    /**
     * What became of one file: its submissions (those with a value from it), and its values. {@code older}:
     * submissions stored as earlier versions only, since the current one was received later; their
     * values count as stored.
     */
    public record FileReport(String file, String sha256, String status, int newSubmissions, int replaced, int unchanged,
                             int rejectedSubmissions, int older, long values, long storedValues, long unchangedValues, long duplicates, long ignored,
                             long rejectedValues) {
        public boolean addsUp() { return values == storedValues + unchangedValues + duplicates + ignored + rejectedValues; }
    }

    /**
     * The whole import. Values: read = stored + unchanged + duplicates + ignored + rejected, where
     * rejected counts both the values validation rejected and those of rejected submissions.
     */
    public record Report(List<FileReport> files, List<SubmissionReport> submissions, List<Finding> findings, long values, long stored,
                         long unchanged, long duplicates, long ignored, long rejected, boolean dryRun, int regrouped) {
        public long count(Store.Outcome o) { return submissions.stream().filter(s -> s.outcome() == o).count(); }

        public long rejectedSubmissions() { return submissions.stream().filter(SubmissionReport::rejected).count(); }

        /** Submissions stored (or unchanged) that lack required values. */
        public long incomplete() { return submissions.stream().filter(s -> !s.rejected() && s.incomplete()).count(); }

        public boolean anyRejected() { return rejected > 0 || rejectedSubmissions() > 0; }

        /** Exit 1, as validate of the same files: something was rejected, or a finding is an error (an incomplete report, a failed rule). */
        public boolean dataErrors() { return anyRejected() || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR); }

        public boolean addsUp() { return values == stored + unchanged + duplicates + ignored + rejected; }
    }

    public static Report run(Project project, Store store, List<InputFile> files, ReadOptions options, InputStream stdin,
                             String received, String importedAt, boolean dryRun, Atomic atomic, int threads, Store.Who who) {
        Read read = read(project, files, options, stdin, atomic, threads, Ingest.Watcher.NONE);
        return write(project, store, files, read, received, importedAt, dryRun, atomic, who);
    }

    /**
     * The import into the store at {@code where}, by {@code who}. A store that exists is opened and
     * checked whole before anything is read (a file that is not a tally store, one from a newer tally
     * or a damaged one is refused, untouched, with exit 4; a server that cannot be reached, the same);
     * one that does not is created only when the import writes: a dry run, and an {@code --atomic run}
     * that stores nothing, leave no file behind (and no schema on a server: it is made in the
     * import's transaction).
     *
     * @param watcher told how the reading goes, for a progress line
     */
    public static Report run(Project project, Location where, List<InputFile> files, ReadOptions options, InputStream stdin,
                             String received, String importedAt, boolean dryRun, Atomic atomic, int threads, Ingest.Watcher watcher,
                             Store.Who who) {
        if (!(where instanceof Location.File file)) {
            try (Store store = Store.open(where, true, true)) {
                Read read = read(project, files, options, stdin, atomic, threads, watcher);
                return write(project, store, files, read, received, importedAt, dryRun, atomic, who);
            }
        }
        Path storePath = file.path();
        try (Store existing = Files.exists(storePath) ? Store.open(file, !dryRun, true) : null) {
            Read read = read(project, files, options, stdin, atomic, threads, watcher);
            if (existing != null) return write(project, existing, files, read, received, importedAt, dryRun, atomic, who);
            boolean writes = !dryRun && !read.plan().refused();
            try (Store store = writes ? Store.open(storePath, true) : Store.inMemory(storePath)) {
                return write(project, store, files, read, received, importedAt, dryRun, atomic, who);
            }
        }
    }

    /** The run's inputs validated together, their checksums, and what is to become of each submission. */
    private record Read(Ingest.EraRead r, List<String> sha, Plan plan) {}

    private static Read read(Project project, List<InputFile> files, ReadOptions options, InputStream stdin, Atomic atomic, int threads,
                             Ingest.Watcher watcher) {
        byte[] stdinBytes = null;
        if (files.stream().anyMatch(InputFile::stdin)) {
            try {
                stdinBytes = stdin.readAllBytes();
            } catch (IOException e) {
                throw TallyException.io(t("import.stdin", e.getMessage()));
            }
        }
        final byte[] in = stdinBytes;
        // checksums while the files are validated
        CompletableFuture<List<String>> shas = CompletableFuture.supplyAsync(() -> files.stream().map(f -> sha256(f, in)).toList());
        Ingest.EraRead r = Ingest.runEras(project.eras(), List.of(), files, options,
                new java.io.ByteArrayInputStream(in == null ? new byte[0] : in), threads, null, true, watcher);
        List<String> sha = Tasks.join(shas);
        return new Read(r, sha, plan(project, files, r, atomic, List.of()));
    }

    /**
     * Writes the run into the store in one batch. The batch claims the run's submissions only, so that
     * on a server other imports of other forms and periods go on beside it; when the store holds
     * submissions to regroup (under forms the catalog no longer has), which may be any, it starts again
     * as the one write. The locks in force, as the batch sees them, refuse what they cover.
     */
    private static Report write(Project project, Store store, List<InputFile> files, Read read, String received, String importedAt,
                                boolean dryRun, Atomic atomic, Store.Who who) {
        List<Store.Key> keys = new ArrayList<>();
        for (Sub s : read.plan().subs()) keys.add(new Store.Key(s.era().hierarchy().unit(s.unit()).code(), s.form().code(), s.periodValue().text()));
        boolean exclusive = false;
        while (true) {
            try (Store.Batch batch = store.begin(who, keys, exclusive)) {
                List<List<Store.Current>> outside = new ArrayList<>();
                for (Era e : project.eras()) outside.add(outside(e, batch));
                if (!batch.exclusive() && outside.stream().anyMatch(o -> !o.isEmpty())) {
                    exclusive = true;
                    continue;
                }
                int regrouped = 0;
                for (int k = 0; k < project.eras().size(); k++) regrouped += regroup(project.eras().get(k), outside.get(k), batch);
                List<Store.Lock> locks = batch.locks();
                Plan plan = locks.isEmpty() ? read.plan() : plan(project, files, read.r(), atomic, locks);
                Report report = store(project, files, read.sha(), read.r(), plan, batch, received, importedAt, dryRun, regrouped);
                // --atomic run with an error leaves the store exactly as it was, the import log included
                if (!dryRun && !plan.refused()) batch.commit();
                return report;
            } catch (SQLException e) {
                throw TallyException.io(t("import.failed", store.name(), e.getMessage()));
            }
        }
    }

    /**
     * A submission of the run: its era (whose units and catalog its codes mean), its cells in that
     * era's table, and the files its values came from, ascending (the first is its own import).
     */
    private record Sub(Era era, int unit, Form form, int period, int[] cells, int[] inputs, Period periodValue) {}

    private static String key(Era era, String unit, String form, Period p) {
        return era.index() + "\u0000" + unit + "\u0000" + form + "\u0000" + p.text();
    }

    private static int inputOf(List<InputFile> files, String display) {
        for (int i = 0; i < files.size(); i++) if (files.get(i).display().equals(display)) return i;
        String file = InputFile.fileOf(display); // a workbook's sheet
        for (int i = 0; i < files.size(); i++) if (files.get(i).display().equals(file)) return i;
        return -1;
    }

    /**
     * The run's submissions; the errors about each that could reject it (finding codes, or the
     * --atomic reason); those the mode rejects whole (by default none: a submission is then rejected
     * only when none of its values is valid); those lacking required values; and whether the run
     * stores nothing ({@code --atomic run} with an error).
     */
    private record Plan(List<Sub> subs, Map<Sub, List<String>> errors, Set<Sub> rejected, Set<Sub> incomplete, boolean refused,
                        List<Finding> lockFindings) {}

    /** @param locks the locks in force: a submission one covers is rejected whole, with a finding that names the lock */
    private static Plan plan(Project project, List<InputFile> files, Ingest.EraRead read, Atomic atomic, List<Store.Lock> locks) {
        List<Sub> subs = new ArrayList<>();
        Map<String, Sub> byKey = new HashMap<>();
        for (Era era : project.eras()) {
            Catalog c = era.catalog();
            CellTable t = read.of(era).table();
            int ni = c.size();
            // each form's indicator positions, once
            int[][] formCells = new int[c.forms().size()][];
            for (Form f : c.forms()) formCells[f.index()] = f.indicators().stream().mapToInt(code -> c.indicator(code).index()).toArray();
            int[] cells = new int[ni];
            for (int p = 0; p < t.periods().size(); p++) {
                byte[] states = t.states(p);
                for (int row = 0, rows = t.cells() / ni; row < rows; row++) {
                    int base = row * ni;
                    for (Form f : c.forms()) {
                        int n = 0;
                        int[] inputs = new int[0];
                        for (int i : formCells[f.index()]) {
                            int cell = base + i;
                            if (states[cell] == CellTable.EMPTY) continue;
                            cells[n++] = cell;
                            int input = CellTable.whereInput(t.where(p, cell));
                            if (java.util.Arrays.binarySearch(inputs, input) < 0) {
                                inputs = java.util.Arrays.copyOf(inputs, inputs.length + 1);
                                inputs[inputs.length - 1] = input;
                                java.util.Arrays.sort(inputs);
                            }
                        }
                        if (n == 0) continue;
                        Sub s = new Sub(era, t.unitOf(base), f, p, java.util.Arrays.copyOf(cells, n), inputs, t.periods().get(p));
                        subs.add(s);
                        byKey.put(key(era, era.hierarchy().unit(s.unit()).code(), f.code(), t.periods().get(p)), s);
                    }
                }
            }
        }
        // which submission each error is about: its unit and period, and the forms of its indicators
        Map<Sub, List<String>> errors = new LinkedHashMap<>();
        Set<Sub> rejected = new LinkedHashSet<>(), incomplete = new HashSet<>();
        Set<String> filesWithErrors = new LinkedHashSet<>();
        boolean anyError = false;
        for (Finding f : read.findings()) {
            if (f.severity() != Severity.ERROR) continue;
            boolean rejecting = rejects(f);
            anyError |= rejecting;
            if (rejecting && f.file() != null) {
                filesWithErrors.add(f.file());
                filesWithErrors.add(InputFile.fileOf(f.file())); // a workbook's sheet: its file
            }
            if (f.unit() == null || f.period() == null) continue;
            Period p = Period.parse(f.period()).orElse(null);
            if (p == null) continue;
            Era era = project.eraOf(p);
            Catalog c = era.catalog();
            CellTable t = read.of(era).table();
            Set<String> forms = new LinkedHashSet<>();
            if (f.indicator() != null) {
                for (String code : f.indicator().split(" ")) {
                    Indicator ind = c.indicator(code);
                    if (ind != null && c.formOf(ind) != null) forms.add(c.formOf(ind).code());
                }
            }
            // an error about no indicator of a known form (an unknown code, a bad period) is about every
            // submission the unit sent for the period; it makes a rejected submission of its own only
            // where there is one form it can belong to
            boolean formKnown = !forms.isEmpty() || c.forms().size() == 1;
            if (forms.isEmpty()) for (Form form : c.forms()) forms.add(form.code());
            int periodIndex = t.periods().indexOf(p);
            Unit unit = era.hierarchy().unit(f.unit());
            for (String form : forms) {
                String key = key(era, f.unit(), form, p);
                Sub s = byKey.get(key);
                if (s == null && formKnown && unit != null && f.file() != null && f.indicator() != null) {
                    // every value this unit sent for the form and period was rejected: the submission is still
                    // one that arrived, and is listed as rejected rather than silently absent
                    int input = inputOf(files, f.file());
                    if (input < 0) continue;
                    s = new Sub(era, unit.index(), c.form(form), periodIndex, new int[0], new int[] {input}, p);
                    subs.add(s);
                    byKey.put(key, s);
                }
                if (s == null) continue;
                if (!rejecting) {
                    incomplete.add(s);
                    continue;
                }
                errors.computeIfAbsent(s, k -> new ArrayList<>()).add(f.code().key());
                if (atomic != Atomic.VALUE) rejected.add(s);
            }
        }
        List<Finding> lockFindings = new ArrayList<>();
        for (Sub s : locks.isEmpty() ? List.<Sub>of() : subs) {
            String unit = s.era().hierarchy().unit(s.unit()).code();
            Store.Lock l = Locks.covering(locks, s.era().hierarchy(), unit, s.form().code(), s.periodValue());
            if (l == null) continue;
            String file = files.get(s.inputs()[0]).display();
            lockFindings.add(new Finding(Severity.ERROR, FindingCode.LOCKED, file, 0, unit, s.periodValue().text(), null, null,
                    t("import.locked", unit, s.periodValue().text(), s.form().code().equals(Form.ALL) ? "" : t("import.lockedForm", s.form().code()),
                            l.id(), Locks.slice(l), Locks.by(l.by(), l.host(), l.at()),
                            l.reason() == null ? "" : t("lock.because", l.reason()))));
            errors.computeIfAbsent(s, k -> new ArrayList<>()).add(FindingCode.LOCKED.key());
            rejected.add(s);
            anyError = true;
            for (int input : s.inputs()) filesWithErrors.add(files.get(input).display());
        }
        if (atomic == Atomic.FILE) {
            for (Sub s : subs) {
                for (int input : s.inputs()) {
                    if (filesWithErrors.contains(files.get(input).display())) {
                        errors.computeIfAbsent(s, k -> new ArrayList<>()).add(t("import.fileHasErrors", files.get(input).display()));
                        rejected.add(s);
                        break;
                    }
                }
            }
        } else if (atomic == Atomic.RUN && anyError) {
            for (Sub s : subs) {
                errors.computeIfAbsent(s, k -> new ArrayList<>()).add(t("import.runHasErrors"));
                rejected.add(s);
            }
        }
        return new Plan(subs, errors, rejected, incomplete, atomic == Atomic.RUN && anyError, lockFindings);
    }

    private static Report store(Project project, List<InputFile> files, List<String> sha, Ingest.EraRead r, Plan plan, Store.Batch batch,
                                String received, String importedAt, boolean dryRun, int regrouped) throws SQLException {
        long[][] perInput = perInput(r, files.size());
        long[] importIds = new long[files.size()];
        long[] valuesRead = perInput[Validator.VALUES];
        for (int i = 0; i < files.size(); i++) {
            importIds[i] = batch.recordImport(files.get(i).display(), sha.get(i), received, importedAt, valuesRead[i]);
        }
        int[][] subsPerFile = new int[files.size()][5]; // new, replaced, unchanged, rejected, older
        long[][] valuesPerFile = new long[files.size()][3]; // stored, unchanged, rejected (of rejected submissions)
        List<SubmissionReport> reports = new ArrayList<>();
        long stored = 0, unchanged = 0, rejectedCells = 0;
        // submissions are made and encoded in parallel, a chunk ahead of the one being written in order
        List<Sub> subs = plan.subs();
        CompletableFuture<List<Prepared>> next = prepare(r, plan, importIds, 0);
        for (int from = 0; from < subs.size(); from += CHUNK) {
            List<Prepared> ready = Tasks.join(next);
            if (from + CHUNK < subs.size()) next = prepare(r, plan, importIds, from + CHUNK);
            for (Prepared prepared : ready) {
                Sub s = prepared.sub();
                Unit unit = s.era().hierarchy().unit(s.unit());
                CellTable t = r.of(s.era()).table();
                List<String> errors = plan.errors().get(s);
                Store.Outcome outcome = prepared.encoded() == null ? null : batch.put(prepared.encoded(), received);
                if (outcome == null) {
                    // not stored, but it arrived: completeness says "rejected, lacks …" rather than "nothing arrived"
                    batch.reject(unit.code(), s.form().code(), s.periodValue(), importIds[s.inputs()[0]], received,
                            prepared.given(), errors == null ? List.of() : new LinkedHashSet<>(errors));
                }
                reports.add(new SubmissionReport(unit.code(), unit.name(), s.form().code(), s.periodValue(), prepared.usable().length, outcome,
                        errors == null ? List.of() : errors, plan.incomplete().contains(s)));
                int k = outcome == null ? 3 : switch (outcome) {
                    case NEW -> 0;
                    case REPLACED -> 1;
                    case UNCHANGED -> 2;
                    case OLDER -> 4;
                };
                for (int input : s.inputs()) subsPerFile[input][k]++;
                for (int cell : prepared.usable()) {
                    int input = CellTable.whereInput(t.where(s.period(), cell));
                    if (outcome == null) {
                        valuesPerFile[input][2]++;
                        rejectedCells++;
                    } else if (outcome == Store.Outcome.UNCHANGED) {
                        valuesPerFile[input][1]++;
                        unchanged++;
                    } else {
                        valuesPerFile[input][0]++;
                        stored++;
                    }
                }
            }
        }
        long[] rejectedRead = perInput[Validator.REJECTED];
        List<FileReport> fileReports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int[] n = subsPerFile[i];
            long rejectedValues = valuesPerFile[i][2] + rejectedRead[i];
            String status = n[3] == 0 && rejectedRead[i] == 0 ? "stored" : n[0] + n[1] + n[2] + n[4] == 0 ? "rejected" : "partial";
            batch.counts(importIds[i], status, valuesPerFile[i][0], valuesPerFile[i][1], rejectedValues);
            fileReports.add(new FileReport(files.get(i).display(), sha.get(i), status, n[0], n[1], n[2], n[3], n[4], valuesRead[i],
                    valuesPerFile[i][0], valuesPerFile[i][1], perInput[Validator.DUPLICATES][i], perInput[Validator.IGNORED][i],
                    rejectedValues));
        }
        var sum = r.summary();
        List<Finding> findings = r.findings();
        if (!plan.lockFindings().isEmpty()) {
            findings = new ArrayList<>(findings);
            findings.addAll(plan.lockFindings());
        }
        return new Report(fileReports, reports, findings, sum.values(), stored, unchanged, sum.duplicates(), sum.ignored(),
                sum.rejected() + rejectedCells, dryRun, regrouped);
    }

    private static final int CHUNK = 2048;

    /** Each input's counts over every era (a file's records may lie in several). */
    private static long[][] perInput(Ingest.EraRead r, int files) {
        long[][] sum = new long[4][Math.max(1, files)];
        for (Validator.Result x : r.results()) {
            for (int k = 0; k < 4; k++) for (int j = 0; j < sum[k].length && j < x.perInput()[k].length; j++) sum[k][j] += x.perInput()[k][j];
        }
        return sum;
    }

    /**
     * A submission of the run made ready to store: its usable cells (a conflict's are not), the codes
     * it gave values for, and its stored form (null when it is rejected).
     */
    private record Prepared(Sub sub, int[] usable, List<String> given, Store.Encoded encoded) {}

    private static CompletableFuture<List<Prepared>> prepare(Ingest.EraRead r, Plan plan, long[] importIds, int from) {
        List<Sub> subs = plan.subs().subList(from, Math.min(plan.subs().size(), from + CHUNK));
        return CompletableFuture.supplyAsync(() -> subs.parallelStream().map(s -> prepare(r.of(s.era()).table(), plan, importIds, s)).toList());
    }

    /** One encoder per thread that prepares submissions: it re-uses its buffers from one to the next. */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

    private static Prepared prepare(CellTable t, Plan plan, long[] importIds, Sub s) {
        Catalog c = s.era().catalog();
        int ni = c.size();
        int[] usable = new int[s.cells().length];
        int n = 0;
        List<String> given = new ArrayList<>();
        // a rejected submission is not stored: only its given codes are kept
        Encoder encoder = plan.rejected().contains(s) ? null : ENCODERS.get();
        for (int cell : s.cells()) {
            byte state = t.state(s.period(), cell);
            if (state == CellTable.REJECTED) continue; // a conflict: neither value is used
            String code = c.indicators().get(cell % ni).code();
            if (state != CellTable.MISSING) given.add(code);
            usable[n++] = cell;
            if (encoder == null) continue;
            long where = t.where(s.period(), cell);
            long importId = importIds[CellTable.whereInput(where)], line = CellTable.whereLine(where);
            if (state == CellTable.NUM) encoder.add(code, t.longValue(s.period(), cell), t.scale(s.period(), cell), importId, line);
            else encoder.add(code, t.value(s.period(), cell), importId, line);
        }
        Store.Encoded encoded = encoder == null || n == 0 ? null
                : encoder.finish(s.era().hierarchy().unit(s.unit()).code(), s.form().code(), s.periodValue().text(), importIds[s.inputs()[0]]);
        return new Prepared(s, java.util.Arrays.copyOf(usable, n), given, encoded);
    }

    /**
     * Keeps the store's current submissions under the catalog's forms: those stored under forms the
     * catalog no longer has (the one form of a catalog without forms, when forms are declared; or
     * the reverse) are regrouped, unit and period at a time, into the catalog's forms, each a new
     * version (the old ones stay in the history). A form that already has a current submission for
     * the unit and period keeps it; values of indicators in no form of the catalog stay in the
     * history only. {@code outside}: {@link #outside}. Returns how many submissions were regrouped.
     */
    private static int regroup(Era era, List<Store.Current> outside, Store.Batch batch) throws SQLException {
        Catalog c = era.catalog();
        int i = 0;
        while (i < outside.size()) {
            int j = i;
            while (j < outside.size() && outside.get(j).unit().equals(outside.get(i).unit())
                    && outside.get(j).period().equals(outside.get(i).period())) j++;
            List<Store.Current> group = outside.subList(i, j);
            Store.Current first = group.get(0);
            Period p = Period.parse(first.period()).orElse(null);
            i = j;
            if (p == null) continue;
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            Map<String, Long> imports = new LinkedHashMap<>(), lines = new LinkedHashMap<>();
            for (Store.Current old : group) {
                batch.retire(old.unit(), old.form(), p);
                old.values().forEach((code, v) -> {
                    values.put(code, v);
                    imports.put(code, old.imports().getOrDefault(code, old.importId()));
                    lines.put(code, old.lines().getOrDefault(code, 0L));
                });
            }
            for (Form f : c.forms()) {
                if (batch.hasCurrent(first.unit(), f.code(), p)) continue;
                Map<String, BigDecimal> mine = new LinkedHashMap<>();
                Map<String, Long> myImports = new LinkedHashMap<>(), myLines = new LinkedHashMap<>();
                for (String code : f.indicators()) {
                    if (!values.containsKey(code)) continue;
                    mine.put(code, values.get(code));
                    myImports.put(code, imports.get(code));
                    myLines.put(code, lines.get(code));
                }
                if (mine.isEmpty()) continue;
                long main = myImports.values().iterator().next();
                batch.put(new Submission(first.unit(), f.code(), p, mine, myImports, myLines), main, first.received());
            }
        }
        return outside.size();
    }

    /** The current submissions of the era's periods stored under forms its catalog no longer has. */
    private static List<Store.Current> outside(Era era, Store.Batch batch) throws SQLException {
        List<Store.Current> outside = new ArrayList<>();
        for (Store.Current x : batch.currentOutside(era.catalog().forms().stream().map(Form::code).toList())) {
            Period p = Period.parse(x.period()).orElse(null);
            if (p != null && era.holds(p)) outside.add(x);
        }
        return outside;
    }

    private static String sha256(InputFile f, byte[] stdinBytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (f.stdin()) {
                md.update(stdinBytes);
            } else {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.path()), md)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw TallyException.io(t("file.cannotRead", f.display(), dev.tally.model.Text.reason(e)));
        }
    }
}
