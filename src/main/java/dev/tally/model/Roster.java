package dev.tally.model;

import static dev.tally.model.Text.t;

import java.util.List;

/**
 * Who is expected to report what, and when. A unit reports an indicator reported at depth d when it
 * is at depth d, or when it is above d and has no units below it (a district with no communes, such
 * as Bạch Long Vĩ or Côn Đảo, reports for itself). It is excused from a form for a period when it did
 * not exist for all of that period (its active_from and active_to in the units file) or an exemption
 * in tally.yaml covers it: excused units are not expected, so they lower coverage's expected count
 * and completeness's, and both say how many were exempt.
 */
public final class Roster {
    private final Hierarchy hierarchy;
    private final List<Exemption> exemptions;
    private final boolean excuses;
    /** For a re-mapped hierarchy: the old roster its stand-in units answer for, their old units, and the depth they start at. */
    private final Roster old;
    private final int[] oldUnit;
    private final int base;

    public Roster(Hierarchy hierarchy, List<Exemption> exemptions) {
        this.hierarchy = hierarchy;
        this.exemptions = List.copyOf(exemptions);
        this.excuses = !exemptions.isEmpty() || hierarchy.units().stream().anyMatch(u -> u.activeFrom() != null || u.activeTo() != null);
        this.old = null;
        this.oldUnit = null;
        this.base = 0;
    }

    private Roster(Hierarchy hierarchy, Roster old, int[] oldUnit, int base) {
        this.hierarchy = hierarchy;
        this.exemptions = List.of();
        this.excuses = old.excuses;
        this.old = old;
        this.oldUnit = oldUnit;
        this.base = base;
    }

    /**
     * The roster of a hierarchy in which old units stand in below new ones (to re-express an earlier
     * era's data in a later era's units): only the stand-ins report, each as its old unit did in the
     * old roster, at depth {@code base} + its old depth; activity dates and exemptions are the old ones.
     *
     * @param oldUnit for each unit of {@code hierarchy}, the old unit it stands in for, or -1 for a new unit
     */
    public static Roster standIns(Hierarchy hierarchy, Roster old, int[] oldUnit, int base) {
        return new Roster(hierarchy, old, oldUnit, base);
    }

    /** A roster with no exemptions. */
    public static Roster of(Hierarchy h) { return new Roster(h, List.of()); }

    public Hierarchy hierarchy() { return hierarchy; }

    /** True when some unit can be excused (activity dates or exemptions), so expected counts vary by period. */
    public boolean hasExcuses() { return excuses; }

    /** True when {@code u} reports what is reported at depth {@code depth}. */
    public boolean reporter(Unit u, int depth) {
        if (old != null) {
            int o = oldUnit[u.index()];
            return o >= 0 && depth >= base && old.reporter(old.hierarchy.unit(o), depth - base);
        }
        return u.depth() == depth || (u.depth() < depth && hierarchy.isLeaf(u));
    }

    /**
     * True when a submission of {@code u} lacking {@code ind} lacks a required value: the indicator is
     * required and {@code u} reports it ({@link #reporter} at {@code depth}, the indicator's reporting
     * depth). The one rule behind validate's missing-required finding and status's incomplete: a
     * commune's report without a required commune indicator is incomplete, a district's is not.
     */
    public boolean owes(Unit u, Indicator ind, int depth) { return ind.required() && reporter(u, depth); }

    /** Why {@code u} is not expected to report {@code form} for {@code p}: null when it is expected. */
    public String excused(Unit u, String form, Period p) {
        if (old != null) {
            int o = oldUnit[u.index()];
            return o < 0 ? null : old.excused(old.hierarchy.unit(o), form, p);
        }
        if (!u.activeThroughout(p)) {
            return u.activeTo() != null && u.activeTo().isBefore(p.end())
                    ? t("roster.inactiveFrom", u.activeTo().plusDays(1)) : t("roster.inactiveUntil", u.activeFrom().minusDays(1));
        }
        for (Exemption e : exemptions) if (e.covers(u.code(), form, p)) return t("roster.exempt", e.reason());
        return null;
    }

    public List<Exemption> exemptions() { return exemptions; }
}
