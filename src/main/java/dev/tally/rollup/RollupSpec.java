package dev.tally.rollup;

import dev.tally.model.Period;
import java.util.List;

/**
 * What to roll up. {@code periods}: the target periods, each combining the data periods inside it
 * with the indicator's over_time; empty means every period in the data as it is. With {@code exact},
 * a target takes only data of exactly that period (each period as it is, plus comparison periods).
 * {@code preferReported}: where a unit's own reported total exists and its children are incomplete,
 * use the reported total.
 */
public record RollupSpec(List<Period> periods, boolean preferReported, boolean exact) {
    public RollupSpec(List<Period> periods, boolean preferReported) {
        this(periods, preferReported, false);
    }
}
