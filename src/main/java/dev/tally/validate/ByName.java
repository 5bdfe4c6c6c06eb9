package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Unit;
import dev.tally.read.HeaderRule;
import dev.tally.read.ValueSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names where codes belong, in a table made for people (a workbook): a column headed by an
 * indicator's name, a row naming its unit, a title block naming the unit that sent the table. Taken
 * only when there is no doubt, and said when taken, so that the analyst can write the code:
 *
 * <ul>
 *   <li>A column is the indicator whose code one of its header texts is; else whose name (or "name
 *       (unit)") one of them is, after NFC and case folding; else the one indicator whose name holds the
 *       header's words or is held by them ("Mô hình Dân vận khéo" for 'Mô hình "Dân vận khéo" đăng ký').
 *       Two columns taken for one indicator by name are both left unread.
 *   <li>A unit's name is looked up among the units under the table's unit (the district that sent it),
 *       names compared as people write them ({@link Hierarchy#lookup}: with or without Xã/Phường/Huyện, the
 *       tone mark of oa/uy either way); taken when one unit there has it, else the candidates are listed.
 *   <li>The table's unit is the most detailed unit its title names by code or by name ("UBND HUYỆN LỤC
 *       NAM"), when just one unit at that level is named.
 * </ul>
 *
 * Built once per validator, on the first table; read-only afterwards (shared by the reading threads).
 */
final class ByName {
    private final Hierarchy h;
    private final Catalog c;
    private final Map<String, List<Indicator>> indicatorNames = new HashMap<>();
    private final List<String[]> looseNames = new ArrayList<>();
    /** Units with children, by their name's loose form: what a title block names. */
    private final List<Object[]> parents = new ArrayList<>();

    ByName(Hierarchy h, Catalog c) {
        this.h = h;
        this.c = c;
        for (Indicator i : c.indicators()) {
            if (i.name() == null || i.name().isBlank()) continue;
            add(indicatorNames, HeaderRule.key(i.name()), i);
            if (i.unitOfMeasure() != null) add(indicatorNames, HeaderRule.key(i.name() + " (" + i.unitOfMeasure() + ")"), i);
            looseNames.add(new String[] {loose(i.name()), i.code()});
        }
        for (Unit u : h.units()) {
            if (u.name() != null && !u.name().isBlank() && !h.isLeaf(u)) parents.add(new Object[] {" " + loose(u.name()) + " ", u});
        }
    }

    private static <T> void add(Map<String, List<T>> m, String k, T v) {
        List<T> l = m.computeIfAbsent(k, x -> new ArrayList<>(1));
        if (!l.contains(v)) l.add(v);
    }

    /** Letters and digits only, single spaces, lower case: what is left of a name once punctuation goes. */
    static String loose(String s) {
        String k = HeaderRule.key(s);
        StringBuilder sb = new StringBuilder(k.length());
        boolean space = true;
        for (int i = 0; i < k.length(); ) {
            int cp = k.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        return sb.toString().strip();
    }

    /**
     * What a column was taken for: an indicator's code (null: none, and {@code text} is what it says),
     * whether by its name, and what to say about it (null: nothing).
     */
    record Match(String code, String text, boolean byName, String message) {}

    List<Match> indicators(List<ValueSink.Column> columns) {
        List<Match> out = new ArrayList<>();
        for (ValueSink.Column col : columns) out.add(indicator(col));
        // two columns taken for one indicator by name: neither can be trusted
        Map<String, List<Integer>> taken = new HashMap<>();
        for (int k = 0; k < out.size(); k++) if (out.get(k).byName()) taken.computeIfAbsent(out.get(k).code(), x -> new ArrayList<>()).add(k);
        for (var e : taken.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<String> letters = e.getValue().stream().map(k -> columns.get(k).letters()).toList();
            for (int k : e.getValue()) {
                List<String> texts = columns.get(k).texts();
                out.set(k, new Match(null, String.join(" / ", texts), false, t("byName.twice", String.join(", ", letters), e.getKey())));
            }
        }
        return out;
    }

    private Match indicator(ValueSink.Column col) {
        List<String> texts = col.texts();
        if (texts.isEmpty()) return new Match(null, "", false, null);
        // a code, in any of the header's rows (a template keeps them in its last)
        for (int k = texts.size() - 1; k >= 0; k--) {
            Indicator i = c.indicator(dev.tally.read.Field.nfc(texts.get(k).strip()));
            if (i != null) return new Match(i.code(), i.code(), false, null);
        }
        String joined = String.join(" ", texts);
        List<String> tries = new ArrayList<>();
        tries.add(joined);
        for (int k = texts.size() - 1; k >= 0; k--) tries.add(texts.get(k));
        for (String s : tries) {
            List<Indicator> same = indicatorNames.get(HeaderRule.key(s));
            if (same != null && same.size() == 1) return named(col, same.get(0));
        }
        for (String s : List.of(joined, texts.get(texts.size() - 1))) {
            String l = loose(s);
            if (l.length() < 4) continue;
            Set<String> found = new LinkedHashSet<>();
            for (String[] n : looseNames) {
                if (contains(n[0], l) || contains(l, n[0])) found.add(n[1]);
            }
            if (found.size() == 1) return named(col, c.indicator(found.iterator().next()));
        }
        return new Match(null, String.join(" / ", texts), false, null);
    }

    private Match named(ValueSink.Column col, Indicator i) {
        return new Match(i.code(), i.code(), true, t("byName.indicator", col.letters(), String.join(" / ", col.texts()), i.code(), i.label()));
    }

    /** Whether {@code words} occurs in {@code text} as whole words. */
    private static boolean contains(String text, String words) {
        if (words.isEmpty()) return false;
        return (" " + text + " ").contains(" " + words + " ");
    }

    /**
     * The unit a title block names: by code ("Đơn vị: BG-LN", as a template has it), else by name; the most
     * detailed one it names, when only one at that level is named.
     */
    Unit scope(String title) {
        if (title == null || title.isBlank()) return null;
        List<Unit> named = new ArrayList<>();
        for (String token : title.split("[\\s|,;:()]+")) {
            Unit u = h.unit(dev.tally.read.Field.nfc(token));
            if (u != null && !h.isLeaf(u)) named.add(u);
        }
        if (named.isEmpty()) {
            // no code: the names it holds ("UBND HUYỆN LỤC NAM")
            String l = " " + loose(title) + " ";
            for (Object[] p : parents) if (l.contains((String) p[0])) named.add((Unit) p[1]);
        }
        int depth = -1;
        for (Unit u : named) depth = Math.max(depth, u.depth());
        Unit found = null;
        for (Unit u : named) {
            if (u.depth() != depth) continue;
            if (found != null && found != u) return null;
            found = u;
        }
        return found;
    }

    /** What looking {@code name} up under {@code scope} (null: everywhere) found: the unit, or why not. */
    record UnitMatch(Unit unit, String why) {}

    UnitMatch unit(String name, Unit scope) {
        if (name.isBlank()) return new UnitMatch(null, "");
        // names compared as people write them (model.Names: case, spaces, tone marks, Xã/Phường/Huyện …)
        List<Unit> all = h.lookup().named(name);
        List<Unit> under = new ArrayList<>();
        for (Unit u : all) if (scope == null || under(u, scope)) under.add(u);
        if (under.size() == 1) return new UnitMatch(under.get(0), null);
        if (under.size() > 1) {
            return new UnitMatch(null, scope == null ? t("byName.unitsAnywhere", under.size(), candidates(under))
                    : t("byName.units", under.size(), scopeName(scope), candidates(under)));
        }
        if (!all.isEmpty()) return new UnitMatch(null, t("byName.notUnder", scopeName(scope), candidates(all)));
        return new UnitMatch(null, null);
    }

    private static String scopeName(Unit scope) { return scope.code() + " (" + scope.name() + ")"; }

    private String candidates(List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < units.size() && k < 5; k++) {
            Unit u = units.get(k);
            if (k > 0) sb.append(", ");
            sb.append(u.code()).append(" (").append(u.name());
            Unit p = u.parent() == null ? null : h.unit(u.parent());
            if (p != null) sb.append(", ").append(p.name());
            sb.append(')');
        }
        if (units.size() > 5) sb.append(t("byName.more", units.size() - 5));
        return sb.toString();
    }

    private boolean under(Unit u, Unit scope) {
        int[] parent = h.parentIndex();
        for (int i = parent[u.index()]; i >= 0; i = parent[i]) if (i == scope.index()) return true;
        return false;
    }
}
