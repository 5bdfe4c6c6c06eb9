package dev.tally.rollup;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.Unit;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is expected to report, counted up the tree: the one rule a rollup's coverage (reported of
 * expected) and status's completeness (received of expected) count by. A unit is expected to send
 * what is reported at depth d, for a form and a period, when it reports at d ({@link Roster#reporter}:
 * it is at d, or above d with nothing below it) and is not excused for the period ({@link
 * Roster#excused}: inactive, or exempt), in which case it is counted as exempt instead. A unit counts
 * in its own subtree, in every unit's above it and in the total: a province of two districts with 3
 * and 2 communes expects 5 communes, one of them exempt for 2024-H2 leaves 4 expected and 1 exempt.
 *
 * <p>Counts are indexed by unit, the total last ({@code [hierarchy.size()]}).
 */
public final class Expected {
    private Expected() {}

    /** What a unit is for what is reported at a depth, a form and a period. */
    public enum Is { NOT_A_REPORTER, EXPECTED, EXCUSED }

    /** What {@code u} is for what is reported at {@code depth} for {@code form} in {@code p} (null: nobody is excused). */
    public static Is of(Roster roster, Unit u, int depth, String form, Period p) {
        if (!roster.reporter(u, depth)) return Is.NOT_A_REPORTER;
        return p != null && roster.excused(u, form, p) != null ? Is.EXCUSED : Is.EXPECTED;
    }

    /** Expected and exempt units of every subtree, the total last. */
    public record Counts(int[] expected, int[] exempt) {}

    /** The units expected to report what is reported at {@code depth} for {@code form} in {@code p} (null: nobody excused), counted up the tree. */
    public static Counts count(Roster roster, int depth, String form, Period p) {
        Hierarchy h = roster.hierarchy();
        int n = h.size();
        int[] expected = new int[n + 1], exempt = new int[n + 1];
        for (int u = 0; u < n; u++) {
            switch (of(roster, h.unit(u), depth, form, p)) {
                case EXPECTED -> expected[u] = 1;
                case EXCUSED -> exempt[u] = 1;
                default -> { }
            }
        }
        addUp(h, expected);
        addUp(h, exempt);
        return new Counts(expected, exempt);
    }

    /**
     * The expected count of every cell of a rollup ({@code unit × indicators + indicator}, the total
     * last) for a target ({@code null}: nobody excused), and with one the exempt count into
     * {@code exempt}: each indicator's at its reporting depth ({@code depths}, by indicator) for its
     * form, a derived one its most-expected operand's ({@link Derived#most}). Indicators of one depth
     * and form expect the same units: counted once.
     */
    static int[] cells(Roster roster, Catalog c, Derived derived, int[] depths, Period target, int[] exempt) {
        int n = roster.hierarchy().size(), ni = c.size();
        int[] expected = new int[(n + 1) * ni];
        Map<String, Counts> counted = new HashMap<>();
        for (Indicator ind : c.indicators()) {
            if (ind.derived()) continue;
            int i = ind.index();
            String form = c.formOf(ind).code();
            Counts k = counted.computeIfAbsent(depths[i] + "\u0000" + form, key -> count(roster, depths[i], form, target));
            // the arrays taken out of the record once: this loop runs for every unit of the country before
            // the JIT has compiled it (the cron run: 11,153 units x 50 indicators, 13 ms as it was)
            spread(k.expected(), expected, i, ni);
            if (exempt != null) spread(k.exempt(), exempt, i, ni);
        }
        derived.most(expected, n);
        if (exempt != null) derived.most(exempt, n);
        return expected;
    }

    /** {@code counts[u]} into column {@code column} of the rows of {@code cells} ({@code width} a row). */
    private static void spread(int[] counts, int[] cells, int column, int width) {
        for (int u = 0, cell = column; u < counts.length; u++, cell += width) cells[cell] = counts[u];
    }

    /**
     * Adds each unit's own count ({@code counts[u]}, u below {@code h.size()}) into every unit above it
     * and into the total ({@code counts[h.size()]}, which starts from its own value): a parent's index is
     * below its children's, so one pass from the last unit up takes each subtree whole.
     */
    public static void addUp(Hierarchy h, int[] counts) {
        int n = h.size();
        int[] parent = h.parentIndex();
        for (int u = n - 1; u >= 0; u--) counts[parent[u] >= 0 ? parent[u] : n] += counts[u];
    }
}
