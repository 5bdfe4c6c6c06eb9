package dev.tally.rollup;

import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Unit;
import dev.tally.write.Rank;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking rule ({@code rollup --rank}, the emulation review's "xếp hạng"), in one place: each
 * unit is ranked among its siblings (the units with the same parent; the roots among the roots) per
 * indicator and period, by its rolled-up value in the indicator's direction ({@link Indicator.Better}:
 * higher is better unless the catalog says {@code better: lower}).
 *
 * <ul>
 *   <li>Standard competition ranking: a unit's place is one more than the number of siblings with a
 *       better value, so equal values share a place and the next one skips (1, 2, 2, 4). Values are
 *       equal by {@link BigDecimal#compareTo} (1.0 equals 1.00).
 *   <li>A unit with no value (missing, or across a boundary not comparable) has no rank and takes no
 *       place; a partial total is ranked, and its rank says so ({@link Rank#partial}), as does an
 *       estimated one's.
 *   <li>A unit's rank is among all its siblings with a value, whichever of them are shown: it does
 *       not change with {@code --unit}, {@code --depth} or {@code --level}. The total over the roots,
 *       a sum and no unit, has none.
 * </ul>
 *
 * <p>Made only when asked for, for the sibling groups of the units shown: a rollup without
 * {@code --rank} never builds one.
 */
public final class Ranks {
    private final RollupResult r;
    /** For each period's position in {@link #periods} and each indicator index: the place of every unit, 0 for none. */
    private final int[][][] places;
    private final int[] periods;

    private Ranks(RollupResult r, int[] periods, int[][][] places) {
        this.r = r;
        this.periods = periods;
        this.places = places;
    }

    /**
     * Ranks the siblings of every unit in {@code rows} (the siblings too, shown or not) for each of
     * {@code periods} (indexes of {@code r}'s periods) and {@code indicators}.
     */
    public static Ranks of(RollupResult r, Hierarchy h, Collection<Unit> rows, List<Integer> periods, List<Indicator> indicators) {
        int[] ps = periods.stream().mapToInt(Integer::intValue).toArray();
        int ni = indicators.stream().mapToInt(Indicator::index).max().orElse(-1) + 1;
        int[][][] places = new int[ps.length][ni][];
        for (int j = 0; j < ps.length; j++) for (Indicator ind : indicators) places[j][ind.index()] = new int[h.size()];
        // each group of siblings once, however many of its units are shown
        boolean[] done = new boolean[h.size() + 1];
        int[] parent = h.parentIndex();
        for (Unit u : rows) {
            int p = parent[u.index()];
            int group = p < 0 ? h.size() : p;
            if (done[group]) continue;
            done[group] = true;
            List<Unit> siblings = p < 0 ? h.roots() : h.children(h.unit(p));
            for (int j = 0; j < ps.length; j++) {
                for (Indicator ind : indicators) rank(r, siblings, ps[j], ind, places[j][ind.index()]);
            }
        }
        return new Ranks(r, ps, places);
    }

    /** Places {@code siblings} for one period and indicator into {@code place} (by unit index). */
    static void rank(RollupResult r, List<Unit> siblings, int period, Indicator ind, int[] place) {
        record Entry(int unit, BigDecimal value) {}
        List<Entry> ranked = new ArrayList<>(siblings.size());
        for (Unit s : siblings) {
            BigDecimal v = r.value(s.index(), period, ind.index());
            if (v == null || "not-comparable".equals(r.quality(s.index(), period, ind.index()))) continue;
            ranked.add(new Entry(s.index(), v));
        }
        Comparator<Entry> best = Comparator.comparing(Entry::value);
        if (ind.better() == Indicator.Better.HIGHER) best = best.reversed();
        ranked.sort(best);
        for (int k = 0; k < ranked.size(); k++) {
            Entry e = ranked.get(k);
            boolean tie = k > 0 && e.value().compareTo(ranked.get(k - 1).value()) == 0;
            place[e.unit()] = tie ? place[ranked.get(k - 1).unit()] : k + 1;
        }
    }

    /**
     * The rank of {@code unit} for {@code period} (an index of the rollup's periods) and
     * {@code indicator}, marked as its value is; null when it has none (no value, not ranked, the total).
     */
    public Rank rank(int unit, int period, int indicator) {
        int place = place(unit, period, indicator);
        if (place == 0) return null;
        // partial exactly as the value's own cell is (Measure's rule), so the two marks never disagree
        boolean partial = new dev.tally.write.Measure(null, r.reported(unit, period, indicator), r.expected(unit, period, indicator), null).partial();
        return new Rank(place, partial, "estimated".equals(r.quality(unit, period, indicator)));
    }

    /** The place alone, as a long row holds it (its value's coverage is in the row); null when none. */
    public Long number(int unit, int period, int indicator) {
        int place = place(unit, period, indicator);
        return place == 0 ? null : (long) place;
    }

    private int place(int unit, int period, int indicator) {
        if (unit >= r.totalIndex()) return 0;
        int j = 0;
        while (j < periods.length && periods[j] != period) j++;
        if (j == periods.length || indicator >= places[j].length || places[j][indicator] == null) return 0;
        return places[j][indicator][unit];
    }
}
