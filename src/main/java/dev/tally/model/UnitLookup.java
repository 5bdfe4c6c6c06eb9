package dev.tally.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the unit a person means by what they wrote: its code, or its name as people write it
 * ({@link Names#same}); and, when nothing matches, the unit they most likely meant — the code
 * without the leading zeros a spreadsheet dropped ({@code 7201} for {@code 07201}), the code in other
 * letter case or look-alike letters, or the nearest code or name. Built once per hierarchy
 * ({@link Hierarchy#lookup}), on first use: a clean run never builds it.
 *
 * <p>Example: {@code find("Tỉnh Bắc Giang")} is the unit BG; {@code find("Xã Tân Lập")} is
 * ambiguous when several districts have one, and lists them; {@code find("7201")} is not found, with
 * the suggestion 07201 and the reason {@link Why#LEADING_ZEROS}.
 */
public final class UnitLookup {
    /** Why a suggestion is made. */
    public enum Why { LEADING_ZEROS, CASE, LOOKALIKE, CLOSE }

    /**
     * What a text names: {@code unit} when one unit (by code, or by a name no other unit has);
     * else {@code candidates} when a name several units have; else {@code suggestion} (with its
     * {@code why}) when one is near; else nothing.
     */
    public record Match(Unit unit, List<Unit> candidates, Unit suggestion, Why why) {
        public boolean found() { return unit != null; }
    }

    private final Hierarchy h;
    private final Map<String, List<Unit>> byName = new HashMap<>(), byBareName = new HashMap<>();
    private final Map<String, Unit> bySkeleton = new HashMap<>(), byNoZeros = new HashMap<>();

    UnitLookup(Hierarchy h) {
        this.h = h;
        for (Unit u : h.units()) {
            bySkeleton.putIfAbsent(Names.skeleton(u.code()), u);
            String nz = Names.withoutLeadingZeros(u.code());
            if (!nz.equals(u.code())) byNoZeros.putIfAbsent(nz, u);
            if (u.name() == null || u.name().isBlank()) continue;
            byName.computeIfAbsent(Names.key(u.name()), k -> new ArrayList<>(1)).add(u);
            byBareName.computeIfAbsent(Names.bare(u.name()), k -> new ArrayList<>(1)).add(u);
        }
    }

    /** What {@code given} names (see {@link Match}). */
    public Match find(String given) {
        Unit u = h.unit(given);
        if (u != null) return new Match(u, List.of(), null, null);
        List<Unit> named = named(given);
        if (named.size() == 1) return new Match(named.get(0), List.of(), null, null);
        if (named.size() > 1) return new Match(null, named, null, null);
        Unit s = codeLike(given);
        if (s != null) return new Match(null, List.of(), s, why(given, s));
        Unit near = nearest(given);
        return new Match(null, List.of(), near, near == null ? null : Why.CLOSE);
    }

    /** The units whose name is {@code name} as people write it: the same key first, else the same name without the prefix. */
    public List<Unit> named(String name) {
        List<Unit> same = byName.get(Names.key(name));
        if (same != null) return same;
        List<Unit> bare = byBareName.get(Names.bare(name));
        return bare == null ? List.of() : bare;
    }

    /** A unit whose code {@code given} is written otherwise: without its leading zeros, in other letter case or look-alike letters. */
    public Unit codeLike(String given) {
        if (given.isEmpty()) return null;
        Unit u = byNoZeros.get(Names.withoutLeadingZeros(given));
        if (u != null && lostZeros(given, u.code())) return u;
        return bySkeleton.get(Names.skeleton(given));
    }

    /** Why {@code given} is taken for {@code known}'s code. */
    public static Why why(String given, Unit known) {
        if (lostZeros(given, known.code())) return Why.LEADING_ZEROS;
        return given.equalsIgnoreCase(known.code()) ? Why.CASE : Why.LOOKALIKE;
    }

    /** True when {@code code} is {@code given} with leading zeros before it: 07201 for 7201 (not 01 for 00001). */
    static boolean lostZeros(String given, String code) {
        if (code.length() <= given.length() || !code.endsWith(given)) return false;
        for (int i = 0; i < code.length() - given.length(); i++) if (code.charAt(i) != '0') return false;
        return true;
    }

    /** The unit whose code or name is nearest to {@code given} (a few letters wrong), or null. */
    private Unit nearest(String given) {
        Map<String, Unit> known = new HashMap<>();
        for (Unit u : h.units()) {
            known.putIfAbsent(u.code(), u);
            if (u.name() != null && byName.get(Names.key(u.name())).size() == 1) known.putIfAbsent(Names.key(u.name()), u);
        }
        String code = Names.closest(given, known.keySet());
        String name = Names.closest(Names.key(given), known.keySet());
        String best = code == null ? name : name == null ? code
                : Names.distance(given, code) <= Names.distance(Names.key(given), name) ? code : name;
        return best == null ? null : known.get(best);
    }
}
