package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // lowers CellTable.budget, which every cell table in the JVM obeys
class CellTableBudgetTest {
    @Test
    void aDenseTableRefusesThePeriodThatWouldTakeItPastItsBudget() {
        // 10 units x 4 indicators x 17 bytes = 680 bytes a period: three fit in 2,100 bytes, the fourth does not
        long before = CellBudget.set(2_100);
        try {
            CellTable t = new CellTable(10, 4);
            for (int y = 2021; y <= 2023; y++) t.periodId(Period.parseOrThrow(String.valueOf(y)));
            assertThat(t.periodId(Period.parseOrThrow("2022"))).as("a known period costs nothing").isEqualTo(1);
            assertThatThrownBy(() -> t.periodId(Period.parseOrThrow("2024"))).isInstanceOfSatisfying(CellTable.TooManyPeriods.class, e -> {
                assertThat(e.periods).isEqualTo(4);
                assertThat(e.bytes).isEqualTo(2_720);
                assertThat(e.budget).isEqualTo(2_100);
            });
            assertThat(t.periods()).hasSize(3);
            // a sparse table grows with the units it meets, not with the hierarchy: no such limit
            CellTable s = CellTable.sparse(10, 4);
            for (int y = 2000; y <= 2030; y++) s.periodId(Period.parseOrThrow(String.valueOf(y)));
            assertThat(s.periods()).hasSize(31);
        } finally {
            CellBudget.set(before);
        }
    }
}
