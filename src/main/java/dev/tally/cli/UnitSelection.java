package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.Hierarchy;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.model.UnitLookup;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** --unit, and --depth or --level: which units become rows, the same for rollup and status. */
final class UnitSelection {
    @Option(names = "--unit", paramLabel = "CODE", description = "Only this unit's subtree (its code, or its name when no other unit has it).")
    String unit;

    static final class Depth {
        @Option(names = "--depth", paramLabel = "N", description = "Rows down to N levels below the selected unit (0: the unit alone).")
        @Range(min = 0, max = 1000)
        Integer depth;

        @Option(names = "--level", paramLabel = "NAME", description = "Rows down to this level (e.g. district).")
        String level;
    }

    @ArgGroup(exclusive = true)
    Depth depth;

    /** The --unit, or null for every root. */
    Unit root(Hierarchy h) {
        return unit == null ? null : resolve(h, unit);
    }

    /**
     * The unit a --unit names: its code, or its name as people write it when no other unit has it
     * ({@link UnitLookup}). Otherwise a usage error that helps: the units that have the name, or the
     * unit most likely meant (07201 for 7201, a spreadsheet dropped the zero; a name a letter off).
     */
    static Unit resolve(Hierarchy h, String given) {
        UnitLookup.Match m = h.lookup().find(given);
        if (m.found()) return m.unit();
        throw notFound(h, given, m);
    }

    /** The unit a --unit names in this hierarchy, or null when it names none; a name several units have is a usage error. */
    static Unit find(Hierarchy h, String given) {
        UnitLookup.Match m = h.lookup().find(given);
        if (!m.candidates().isEmpty()) throw notFound(h, given, m);
        return m.unit();
    }

    /** The usage error for a --unit that names no one unit of {@code h}. */
    static TallyException notFound(Hierarchy h, String given, UnitLookup.Match m) {
        if (!m.candidates().isEmpty()) {
            List<String> listed = new ArrayList<>();
            for (Unit u : m.candidates().subList(0, Math.min(m.candidates().size(), SHOWN))) {
                Unit parent = u.parent() == null ? null : h.unit(u.parent());
                listed.add(parent == null ? t("usage.unitCandidate", u.code(), u.name()) : t("usage.unitCandidateIn", u.code(), u.name(), parent.name()));
            }
            String more = m.candidates().size() > SHOWN ? t("usage.unitCandidatesMore", m.candidates().size() - SHOWN) : "";
            return TallyException.usage(t("usage.unitAmbiguous", given, m.candidates().size(), String.join("; ", listed) + more));
        }
        if (m.suggestion() != null) {
            Unit s = m.suggestion();
            String why = switch (m.why()) {
                case LEADING_ZEROS -> t("usage.unitLeadingZeros");
                case CASE -> t("hint.case");
                case LOOKALIKE -> t("hint.lookalike");
                case CLOSE -> "";
            };
            return TallyException.usage(t("usage.unitDidYouMean", given, s.code(), s.name(), why));
        }
        return TallyException.usage(t("usage.notUnitSuch", given, h.roots().get(0).code()));
    }

    /** The most units listed for a name several have. */
    static final int SHOWN = 5;

    /** The deepest depth of a row from --depth or --level, or null when neither was given. */
    Integer maxDepth(Hierarchy h) {
        if (depth == null) return null;
        if (depth.depth != null) {
            Unit top = root(h);
            return (top == null ? 0 : top.depth()) + depth.depth;
        }
        int max = h.depthOf(depth.level);
        if (max < 0) throw TallyException.usage(t("usage.notLevel", depth.level, String.join(", ", h.levels())));
        return max;
    }
}
