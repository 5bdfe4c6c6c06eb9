package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rollup with --compare reads, rolls up and shows. */
class ComparePlanTest {
    static Period p(String s) { return Period.parseOrThrow(s); }

    @Test
    void eachTargetIsReadAndRolledUpWithTheOneItIsComparedWith() {
        List<Period> targets = List.of(p("2024-H1"), p("2024-H2"));
        assertThat(ComparePlan.reading(targets, ComparePlan.With.PREVIOUS)).containsExactly(p("2024-H1"), p("2024-H2"), p("2023-H2"));
        ComparePlan plan = ComparePlan.of(targets, List.of(), ComparePlan.With.YEAR_AGO, false, false);
        assertThat(plan.shown()).containsExactly(p("2024-H1"), p("2024-H2"));
        assertThat(plan.spec().periods()).containsExactly(p("2024-H1"), p("2024-H2"), p("2023-H1"), p("2023-H2"));
        assertThat(plan.spec().compare()).isEqualTo(Map.of(p("2024-H1"), p("2023-H1"), p("2024-H2"), p("2023-H2")));
        assertThat(plan.spec().exact()).isFalse();
    }

    @Test
    void withoutTargetsEveryPeriodOfTheDataIsComparedAsItIs() {
        ComparePlan plan = ComparePlan.of(List.of(), List.of(p("2023-H1"), p("2024-H1")), ComparePlan.With.YEAR_AGO, true, false);
        assertThat(plan.shown()).containsExactly(p("2023-H1"), p("2024-H1"));
        assertThat(plan.spec().periods()).containsExactly(p("2023-H1"), p("2024-H1"), p("2022-H1"));
        assertThat(plan.spec().exact()).isTrue();
        assertThat(plan.spec().preferReported()).isTrue();
        // no comparison: the targets as they are
        assertThat(ComparePlan.of(List.of(), List.of(p("2024-H1")), null, false, false).spec().periods()).isEmpty();
    }
}
