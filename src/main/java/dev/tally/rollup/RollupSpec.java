package dev.tally.rollup;

import dev.tally.model.Period;
import java.util.List;
import java.util.Map;

/**
 * What to roll up. {@code periods}: the target periods, each combining the data periods inside it
 * with the indicator's over_time; empty means every period in the data as it is. With {@code exact},
 * a target takes only data of exactly that period (each period as it is, plus comparison periods).
 * {@code preferReported}: where a unit's own reported total exists and its children are incomplete,
 * use the reported total. {@code compare}: for a target, the period it is compared with (both must
 * be among {@code periods}); with {@code likeForLike} both sides of each comparison take only the
 * reporting units that gave a full value in both periods. {@code releaseCells}: the caller has no
 * further use for the cell table, so the rollup gives up each data period's cells once the last
 * target that needs them is rolled up (W3: the table's 0.9 GB go while the result's are made).
 * {@code everyUnit}: every unit is visited, those with nothing below them too (the same result,
 * slower; see {@link Plan}), to compare the skipping with.
 */
public record RollupSpec(List<Period> periods, boolean preferReported, boolean exact, Map<Period, Period> compare, boolean likeForLike,
                         boolean releaseCells, boolean everyUnit) {
    public RollupSpec(List<Period> periods, boolean preferReported, boolean exact, Map<Period, Period> compare, boolean likeForLike) {
        this(periods, preferReported, exact, compare, likeForLike, false, false);
    }

    public RollupSpec(List<Period> periods, boolean preferReported) {
        this(periods, preferReported, false, Map.of(), false);
    }

    public RollupSpec(List<Period> periods, boolean preferReported, boolean exact) {
        this(periods, preferReported, exact, Map.of(), false);
    }

    /** The same, for a caller that does not use the cell table after the rollup. */
    public RollupSpec releasingCells() { return new RollupSpec(periods, preferReported, exact, compare, likeForLike, true, everyUnit); }

    /** The same, visiting every unit. */
    RollupSpec visitingEveryUnit() { return new RollupSpec(periods, preferReported, exact, compare, likeForLike, releaseCells, true); }
}
