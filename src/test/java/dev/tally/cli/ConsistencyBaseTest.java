package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the consistency summary says of base years the data do not have. */
class ConsistencyBaseTest {
    static List<Period> periods(String... p) { return java.util.Arrays.stream(p).map(Period::parseOrThrow).toList(); }

    @Test
    void aMissingOldestBaseYearIsNamedWithTheYearsThatWouldScore() {
        // monthly data inside the half years count as data for them
        List<Period> data = periods("2023-H2", "2022-07", "2022-12", "2021-H2");
        assertThat(ConsistencyCommand.noBaseData(data, periods("2023-H2", "2022-H2", "2021-H2", "2020-H2")))
                .isEqualTo("; the data have nothing for 2020-H2: --years 2 compares with 2022-H2, 2021-H2 only");
    }

    @Test
    void noBaseYearAtAllOrAGapNearestTheTargetHasNoYearsToSuggest() {
        assertThat(ConsistencyCommand.noBaseData(periods("2021-H2"), periods("2021-H2", "2020-H2", "2019-H2")))
                .isEqualTo("; the data have nothing for 2020-H2, 2019-H2");
        assertThat(ConsistencyCommand.noBaseData(periods("2023-H2", "2021-H2"), periods("2023-H2", "2022-H2", "2021-H2")))
                .isEqualTo("; the data have nothing for 2022-H2");
        assertThat(ConsistencyCommand.noBaseData(periods("2023-H2", "2022-H2"), periods("2023-H2", "2022-H2"))).isEmpty();
    }
}
