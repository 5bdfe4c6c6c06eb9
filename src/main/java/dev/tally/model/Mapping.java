package dev.tally.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the units of one era became those of the next: each old unit goes whole into one new unit, or
 * is divided among several (with weights, shares of its values; or without, shares unknown). An
 * old unit with no links (it had ceased before the boundary, or its successor is not known) counts
 * only in the successor of its nearest old ancestor that is mapped whole.
 *
 * <p>For each old unit, {@link #home} is the lowest new unit that holds all of it: its one target
 * when whole, the lowest common ancestor of its targets when divided. Every new unit from the home
 * up holds the old unit entirely, so aggregates there are exact; below it (between the home and the
 * targets) only a part, which is an estimate with weights (for sums) and not comparable without.
 */
public final class Mapping {
    /** One old → new link; {@code weight} null when the share is not known. */
    public record Link(int newUnit, BigDecimal weight) {}

    private final Hierarchy from, to;
    private final List<List<Link>> links;
    private final int[] home;

    /**
     * @param links for each old unit (by index), its links; empty when not mapped
     */
    public Mapping(Hierarchy from, Hierarchy to, List<List<Link>> links) {
        this.from = from;
        this.to = to;
        this.links = List.copyOf(links.stream().map(List::copyOf).toList());
        this.home = new int[from.size()];
        int[] parentNew = to.parentIndex();
        int[] parentOld = from.parentIndex();
        for (Unit u : from.units()) { // parents before children: an ancestor's home is known first
            int o = u.index();
            List<Link> l = this.links.get(o);
            if (l.isEmpty()) {
                home[o] = parentOld[o] >= 0 ? home[parentOld[o]] : -1;
                continue;
            }
            int h = l.get(0).newUnit();
            for (Link link : l) h = commonAncestor(parentNew, to, h, link.newUnit());
            home[o] = h;
        }
    }

    private static int commonAncestor(int[] parent, Hierarchy h, int a, int b) {
        if (a < 0 || b < 0) return -1;
        int da = h.unit(a).depth(), db = h.unit(b).depth();
        while (da > db) { a = parent[a]; da--; }
        while (db > da) { b = parent[b]; db--; }
        while (a != b && a >= 0 && b >= 0) { a = parent[a]; b = parent[b]; }
        return a;
    }

    public Hierarchy from() { return from; }

    public Hierarchy to() { return to; }

    public List<Link> links(int oldUnit) { return links.get(oldUnit); }

    /** The lowest new unit that holds all of the old unit; -1 when none does (only the total over all units). */
    public int home(int oldUnit) { return home[oldUnit]; }

    /** True when the old unit is divided with a weight on each part. */
    public boolean weighted(int oldUnit) {
        List<Link> l = links.get(oldUnit);
        return l.size() > 1 && l.stream().allMatch(x -> x.weight() != null);
    }
}
