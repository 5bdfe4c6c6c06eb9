package dev.tally.rollup;

import dev.tally.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rollup compares (--compare): the periods to read (each target and the one it is compared
 * with), then, once the data's periods are known, the periods to roll up, those shown, and the pairs.
 * Without targets every period of the data is a target, taken as it is, each with its comparison
 * period: {@code --compare year-ago} over data for 2023-H1 and 2024-H1 shows both, 2024-H1 against
 * 2023-H1 and 2023-H1 against 2022-H1 (no data).
 *
 * @param shown the targets, in the order shown
 * @param spec  what to roll up: the targets and their comparison periods, with the pairs
 */
public record ComparePlan(List<Period> shown, RollupSpec spec) {
    /** The period a target is compared with. */
    public enum With {
        /** The period before, of the same type. */
        PREVIOUS("previous"),
        /** The same period a year earlier. */
        YEAR_AGO("year-ago");

        private final String word;

        With(String word) { this.word = word; }

        public Period of(Period target) { return this == PREVIOUS ? target.previous() : target.yearAgo(); }

        /** As the command line writes it. */
        @Override
        public String toString() { return word; }
    }

    /** The periods to read: the targets and, with a comparison, the period each is compared with; none: every period. */
    public static List<Period> reading(List<Period> targets, With with) {
        List<Period> reading = new ArrayList<>(targets);
        if (with != null) for (Period t : targets) if (!reading.contains(with.of(t))) reading.add(with.of(t));
        return reading;
    }

    /**
     * @param targets the targets asked for (none: every period of the data as it is)
     * @param inData  every period the data has, in time order
     * @param with    the comparison, or null
     */
    public static ComparePlan of(List<Period> targets, List<Period> inData, With with, boolean preferReported, boolean likeForLike) {
        List<Period> shown = targets, rolled = reading(targets, with);
        boolean exact = false;
        if (with != null && targets.isEmpty()) {
            // every period in the data as it is, each with its comparison period
            shown = inData;
            rolled = reading(shown, with);
            exact = true;
        }
        Map<Period, Period> pairs = new LinkedHashMap<>();
        if (with != null) for (Period t : shown) pairs.put(t, with.of(t));
        return new ComparePlan(List.copyOf(shown), new RollupSpec(rolled, preferReported, exact, pairs, likeForLike));
    }
}
