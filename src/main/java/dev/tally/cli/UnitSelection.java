package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.Hierarchy;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** --unit, and --depth or --level: which units become rows, the same for rollup and status. */
final class UnitSelection {
    @Option(names = "--unit", paramLabel = "CODE", description = "Only this unit's subtree.")
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
        if (unit == null) return null;
        Unit top = h.unit(unit);
        if (top == null) throw TallyException.usage(t("usage.notUnitSuch", unit, h.roots().get(0).code()));
        return top;
    }

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
