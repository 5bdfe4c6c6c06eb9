package dev.tally.workspace;

import dev.tally.config.Project;
import dev.tally.model.Catalog;
import dev.tally.model.Era;
import dev.tally.model.Form;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.PeriodType;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import dev.tally.rollup.Expected;
import dev.tally.store.Store;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Completeness and timeliness, per form and period, at every level. The expected reporters of a form
 * are the units that report at its reporting level, the deepest of its indicators' (the {@link Roster}
 * rule: units at that level, and a unit above it with nothing below it, such as a district without
 * communes, for itself), less those excused for the period (inactive, or an exemption), who are
 * counted as exempt. A
 * reporter counts in its own row and in every unit above it, and in the total.
 *
 * <p>A row's period is the one asked for; a form reported for shorter periods counts each of them
 * inside it: for {@code 2024} a half-yearly form expects every reporter twice. Received: a current
 * submission of the form for the period; on time: its first arrival (a correction is a new version,
 * not a late report; a rejected arrival counts, see {@link #first}) no later than the form's
 * deadline after the period's last day; incomplete: received without some required indicator the unit reports. The
 * rate is received over expected and never exceeds 100; with nothing expected it is empty, not 0.
 *
 * <p>A submission stored under the one form of a catalog that declared none counts for every form it
 * gave a value of, so a store from before forms reads right under a catalog that now has them.
 */
public final class Status {
    private Status() {}

    /**
     * One row: {@code unit} null for the total. expected = received + missing; rejected (an import
     * rejected what arrived, nothing is stored) is part of missing, incomplete part of received.
     */
    public record Row(Form form, Period period, Unit unit, int expected, int received, int onTime, int late, int missing,
                      int rejected, int exempt, int incomplete) {
        /** Received over expected in percent, one decimal; null when nothing was expected. */
        public BigDecimal rate() {
            return dev.tally.model.Num.percent(received, expected);
        }
    }

    /** What a reporter that owes something sent. */
    public enum Owed {
        NOTHING("not received"), REJECTED("rejected"), INCOMPLETE("incomplete");

        private final String label;

        Owed(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * A reporter that owes something: nothing arrived; or what arrived was rejected on import
     * ({@code errors} says why, {@code received} when); or its stored submission lacks some required
     * indicators. {@code lacking} lists the required indicators the unit reports and has not given
     * (all of them when nothing arrived).
     */
    public record Gap(Form form, Period period, Unit unit, Owed owed, OffsetDateTime received, List<Indicator> lacking, List<String> errors) {}

    /** Which units are rows: under {@code root} (null: everything), down to {@code maxDepth} (null: above each form's reporting level). */
    public record Scope(Unit root, Integer maxDepth) {
        boolean holds(Hierarchy h, Unit u) {
            if (root == null) return true;
            int[] parent = h.parentIndex();
            for (int a = u.index(); a >= 0; a = parent[a]) if (a == root.index()) return true;
            return false;
        }
    }

    public record Result(List<Row> rows, List<Gap> gaps) {}

    /**
     * What arrived for a unit's form and period: stored, or rejected (with why); {@code received} when
     * the current version (or the latest rejection) came, {@code first} when the first arrival came.
     */
    private record Got(OffsetDateTime received, OffsetDateTime first, Set<String> codes, List<String> errors) {
        boolean rejected() { return errors != null; }
    }

    /** One era's status, counted with its own units and catalog. */
    public record EraResult(Era era, Result result) {}

    /** A store's status, era by era, and the locks in force (tally lock) that its rows may fall under. */
    public record Report(List<EraResult> eras, List<Store.Lock> locks) {}

    /**
     * The status of a project's store, era by era: each era counts the periods whose values are its
     * own ({@link Era#holds}) with its own units, so a unit code means the unit of its period's era; an
     * era the asked period has no day in has no rows.
     *
     * @param asked the period asked for; null: every period of each form's type that something arrived for
     * @param scope which units of an era are rows; null for an era that lacks the unit asked for (it is left out)
     */
    public static Report of(Project project, Period asked, java.util.function.Function<Era, Scope> scope) {
        List<EraResult> results = new ArrayList<>();
        List<Store.Lock> locks;
        try (Store store = Store.open(Workspace.location(project.settings()), false)) {
            locks = store.locks().stream().filter(Store.Lock::active).toList();
            List<Store.Arrival> arrivals = store.arrivals();
            List<Store.Rejection> rejections = store.rejections();
            for (Era era : project.eras()) {
                Scope rows = scope.apply(era);
                if (rows == null) continue;
                if (asked != null && !era.touches(asked)) {
                    results.add(new EraResult(era, new Result(List.of(), List.of())));
                    continue;
                }
                results.add(new EraResult(era, compute(era.roster(), era.catalog(), project::deadline,
                        arrivals.stream().filter(x -> Period.parse(x.period()).map(era::holds).orElse(false)).toList(),
                        rejections.stream().filter(x -> Period.parse(x.period()).map(era::holds).orElse(false)).toList(),
                        asked, rows, era::holds)));
            }
        }
        return new Report(results, locks);
    }

    /**
     * @param asked     the period asked for; null: every period of each form's type that something arrived for
     * @param deadline  each form's deadline in days after the period
     */
    public static Result compute(Roster roster, Catalog c, ToIntFunction<Form> deadline, List<Store.Arrival> arrivals,
                                 List<Store.Rejection> rejections, Period asked, Scope scope) {
        return compute(roster, c, deadline, arrivals, rejections, asked, scope, p -> true);
    }

    /**
     * With eras: only the form periods {@code counted} (those of this roster's era) are counted, and
     * the arrivals given are this era's.
     */
    public static Result compute(Roster roster, Catalog c, ToIntFunction<Form> deadline, List<Store.Arrival> arrivals,
                                 List<Store.Rejection> rejections, Period asked, Scope scope, java.util.function.Predicate<Period> counted) {
        Hierarchy h = roster.hierarchy();
        Map<String, Map<String, Got>> byForm = byForm(c, arrivals, rejections);
        List<Row> rows = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Form form : c.forms()) {
            List<Indicator> submitted = form.indicators().stream().map(c::indicator).filter(i -> !i.derived()).toList();
            if (submitted.isEmpty()) continue;
            int deepest = submitted.stream().mapToInt(h::reportingDepth).max().orElse(h.maxDepth());
            int rowDepth = scope.maxDepth() == null ? deepest - 1 : scope.maxDepth();
            Map<String, Got> got = byForm.getOrDefault(form.code(), Map.of());
            // the form's reporters are those of its reporting level, the deepest of its indicators': a district
            // that also gives a district-level indicator of a commune form is not expected to send the form
            java.util.Collection<Period> arrived = periods(got);
            for (Period target : targets(form, asked, arrived)) {
                List<Period> inside = inside(form, target, arrived).stream().filter(counted).toList();
                if (inside.isEmpty()) continue;
                int n = h.size();
                // per unit, then added up the tree (the total last): expected, received, on time, exempt, incomplete, rejected
                int[][] count = new int[6][n + 1];
                for (Unit u : h.units()) {
                    if (!scope.holds(h, u)) continue;
                    for (Period p : inside) {
                        Expected.Is is = Expected.of(roster, u, deepest, form.code(), p);
                        if (is == Expected.Is.NOT_A_REPORTER) continue;
                        int[] k = new int[6];
                        if (is == Expected.Is.EXCUSED) {
                            k[3] = 1;
                        } else {
                            k[0] = 1;
                            Got g = got.get(u.code() + '\u0000' + p.text());
                            List<Indicator> lacking = lacking(h, roster, u, submitted, g);
                            Owed owed = null;
                            if (g == null) {
                                owed = Owed.NOTHING;
                            } else if (g.rejected()) {
                                owed = Owed.REJECTED;
                                k[5] = 1;
                            } else {
                                k[1] = 1;
                                LocalDate due = p.end().plusDays(deadline.applyAsInt(form));
                                if (!g.first().toLocalDate().isAfter(due)) k[2] = 1;
                                if (!lacking.isEmpty()) {
                                    k[4] = 1;
                                    owed = Owed.INCOMPLETE;
                                }
                            }
                            if (owed != null) {
                                gaps.add(new Gap(form, p, u, owed, g == null ? null : g.received(), lacking,
                                        g == null || g.errors() == null ? List.of() : g.errors()));
                            }
                        }
                        for (int m = 0; m < 6; m++) count[m][u.index()] += k[m];
                    }
                }
                for (int[] c1 : count) Expected.addUp(h, c1);
                int[] total = new int[6];
                for (int m = 0; m < 6; m++) total[m] = count[m][n];
                for (Unit u : h.units()) {
                    int i = u.index();
                    if (!scope.holds(h, u) || u.depth() > rowDepth || count[0][i] + count[3][i] == 0) continue;
                    rows.add(row(form, target, u, count[0][i], count[1][i], count[2][i], count[5][i], count[3][i], count[4][i]));
                }
                rows.add(row(form, target, null, total[0], total[1], total[2], total[5], total[3], total[4]));
            }
        }
        return new Result(rows, gaps);
    }

    private static Row row(Form form, Period period, Unit unit, int expected, int received, int onTime, int rejected, int exempt,
                           int incomplete) {
        return new Row(form, period, unit, expected, received, onTime, received - onTime, expected - received, rejected, exempt, incomplete);
    }

    /** The required indicators of the form that {@code u} reports and did not give (all of them when nothing arrived). */
    private static List<Indicator> lacking(Hierarchy h, Roster roster, Unit u, List<Indicator> submitted, Got g) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator ind : submitted) {
            if (roster.owes(u, ind, h.reportingDepth(ind)) && (g == null || !g.codes().contains(ind.code()))) out.add(ind);
        }
        return out;
    }

    /**
     * The form's periods that make up {@code target}: those of the form's type inside it; for a form
     * of no declared type, the target itself when something arrived for it, else the periods of the
     * longest type that arrived inside it (2024 over half-year arrivals: 2024-H1 and 2024-H2), else
     * the target.
     */
    private static List<Period> inside(Form form, Period target, java.util.Collection<Period> arrived) {
        if (form.period() != null) return target.periodsOf(form.period());
        PeriodType longest = null;
        for (Period p : arrived) {
            if (!target.contains(p)) continue;
            if (p.equals(target)) return List.of(target);
            if (p.type() != PeriodType.RANGE && (longest == null || p.type().compareTo(longest) < 0)) longest = p.type();
        }
        return longest == null ? List.of(target) : target.periodsOf(longest);
    }

    /** The periods rows are made for: the one asked, else each period of the form's type that something arrived for. */
    private static List<Period> targets(Form form, Period asked, java.util.Collection<Period> arrived) {
        if (asked != null) return List.of(asked);
        TreeSet<Period> seen = new TreeSet<>();
        for (Period p : arrived) if (form.period() == null || p.type() == form.period()) seen.add(p);
        return new ArrayList<>(seen);
    }

    /**
     * The distinct periods something arrived for, each parsed once (the keys are unit and period:
     * 100,000 keys hold a handful of periods, and parsing each key was most of a status run).
     */
    private static java.util.Collection<Period> periods(Map<String, Got> got) {
        Map<String, Period> byText = new HashMap<>();
        for (String key : got.keySet()) {
            String text = key.substring(key.indexOf('\u0000') + 1);
            if (!byText.containsKey(text)) byText.put(text, Period.parse(text).orElse(null));
        }
        List<Period> out = new ArrayList<>();
        for (Period p : byText.values()) if (p != null) out.add(p);
        return out;
    }

    /**
     * What arrived, by form, keyed by unit and period: the current submissions, and for the keys
     * without one, the latest rejection. A submission under {@link Form#ALL} in a catalog that
     * declares forms counts for each form it gave a value of.
     */
    private static Map<String, Map<String, Got>> byForm(Catalog c, List<Store.Arrival> arrivals, List<Store.Rejection> rejections) {
        Map<String, Map<String, Got>> out = new HashMap<>();
        for (Store.Rejection r : rejections) {
            OffsetDateTime at = OffsetDateTime.parse(r.received());
            put(c, out, r.form(), r.unit() + '\u0000' + r.period(), new Got(at, at, r.given(), r.errors()));
        }
        for (Store.Arrival a : arrivals) {
            OffsetDateTime at = OffsetDateTime.parse(a.received());
            put(c, out, a.form(), a.unit() + '\u0000' + a.period(), new Got(at, first(at, a.earlier()), a.codes(), null));
        }
        return out;
    }

    /**
     * When a report first arrived, which decides whether it was on time: the earliest of its arrivals,
     * stored or rejected. A correction is a new version, not a late report; and a report that arrived
     * on time and was rejected (for its own errors, or under --atomic file or run for another's) was
     * sent on time: what comes after it is its correction.
     */
    private static OffsetDateTime first(OffsetDateTime current, List<String> earlier) {
        OffsetDateTime first = current;
        for (String e : earlier) {
            OffsetDateTime at = OffsetDateTime.parse(e);
            if (at.isBefore(first)) first = at;
        }
        return first;
    }

    private static void put(Catalog c, Map<String, Map<String, Got>> out, String form, String key, Got g) {
        if (c.form(form) != null) {
            out.computeIfAbsent(form, k -> new HashMap<>()).put(key, g);
        } else if (form.equals(Form.ALL)) {
            for (Form f : c.forms()) {
                if (f.indicators().stream().anyMatch(g.codes()::contains)) out.computeIfAbsent(f.code(), k -> new HashMap<>()).put(key, g);
            }
        }
    }
}
