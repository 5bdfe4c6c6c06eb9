package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {
    @ParameterizedTest
    @CsvSource({
        "2024, 2024", "2024-H1, 2024-H1", "2024h2, 2024-H2", "2024S1, 2024-H1", "2024s2, 2024-H2",
        "2024-Q2, 2024-Q2", "2024Q2, 2024-Q2", "2024q4, 2024-Q4", "2024-05, 2024-05", "202405, 2024-05",
        "2024-W05, 2024-W05", "2024W5, 2024-W05", "2020w53, 2020-W53", "' 2024-H1 ', 2024-H1",
        "2020..2024, 2020..2024", "2024-01..2024-06, 2024-01..2024-06", "2024..2024, 2024"})
    void parsesEveryAcceptedFormToCanonical(String in, String canonical) {
        assertThat(Period.parse(in)).map(Period::text).hasValue(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "2024-H3", "2024-Q5", "2024-13", "2024-00", "2024-W54", "2023-W53", "2024-H1..2024",
        "2024..2020", "abc", "2024-1", "2024/05", "0000", "0999", "0999-H1", "2024-02-30"})
    void refusesWhatIsNotAPeriod(String in) {
        assertThat(Period.parse(in)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-13| (months are 01 to 12)", "2024-00| (months are 01 to 12)", "2024-Q5| (quarters are Q1 to Q4)",
        "2024-H3| (halves are H1 and H2)", "2024S0| (halves are H1 and H2)", "2024-W53| (2024 has ISO weeks W01 to W52)",
        "2020-W54| (2020 has ISO weeks W01 to W53)", "0000| (a year has four digits, from 1000)",
        "2024-02-30| (a date is not a reporting period: give its month, 2024-02, or the period it reports on)",
        "2024-05-31| (a date is not a reporting period: give its month, 2024-05, or the period it reports on)",
        "2024..2020| (a range runs from the earlier period to the later)",
        "2024-H1..2024| (a range joins two periods of one kind: 2020..2024, 2024-01..2024-06)",
        "2020..2024-13| (months are 01 to 12)",
        "6 tháng đầu năm 2024| (write 2024-H1)", "6 Tháng cuối năm 2023| (write 2023-H2)", "Quý II/2024| (write 2024-Q2)",
        "quý 4 năm 2024| (write 2024-Q4)", "tháng 5/2024| (write 2024-05)", "Tháng 12 năm 2024| (write 2024-12)",
        "năm 2024| (write 2024)"})
    void aTextOfAPeriodsShapeIsToldWhatIsWrongWithIt(String in, String why) {
        assertThat(Period.why(in)).isEqualTo(" " + why); // the source trims: the reason follows the text with a space
    }

    @Test
    void aTextOfNoPeriodsShapeGetsNoReason() {
        for (String in : new String[] {"", "abc", "2024/05", "24", "99999", "tháng 13/2024", "quý V/2024", "6 tháng năm 2024"}) {
            assertThat(Period.why(in)).as(in).isEmpty();
        }
        // said, not taken: the period is written as tally writes it
        assertThat(Period.parse("6 tháng đầu năm 2024")).isEmpty();
        // every year that parses reads back from its text, the store's key
        assertThat(Period.parse("1000").map(Period::text)).hasValue("1000");
    }

    @Test
    void periodsAreEqualByEveryComponentAsARecordIs() {
        // equals and hashCode are written out (start-up); they must stay what the record would give
        Period parsed = Period.parse("2024S1").orElseThrow();
        Period made = new Period(PeriodType.HALF, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), "2024-H1");
        assertThat(parsed).isNotSameAs(made).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(new java.util.HashMap<>(java.util.Map.of(made, 7))).containsEntry(parsed, 7);
        assertThat(parsed)
                .isNotEqualTo(new Period(PeriodType.QUARTER, made.start(), made.end(), made.text()))
                .isNotEqualTo(new Period(PeriodType.HALF, made.start().plusDays(1), made.end(), made.text()))
                .isNotEqualTo(new Period(PeriodType.HALF, made.start(), made.end().minusDays(1), made.text()))
                .isNotEqualTo(new Period(PeriodType.HALF, made.start(), made.end(), "2024-H2"))
                .isNotEqualTo("2024-H1")
                .isNotEqualTo(null);
    }

    @Test
    void boundsAreInclusiveDays() {
        Period h1 = Period.parse("2024-H1").orElseThrow();
        assertThat(h1.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2024, 6, 30));
        Period w1 = Period.parse("2025-W01").orElseThrow();
        assertThat(w1.start()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(w1.end()).isEqualTo(LocalDate.of(2025, 1, 5));
        Period range = Period.parse("2020..2024").orElseThrow();
        assertThat(range.type()).isEqualTo(PeriodType.RANGE);
        assertThat(range.start()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(range.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void containsAndOverlaps() {
        Period y = Period.year(2024), h1 = Period.half(2024, 1), q2 = Period.quarter(2024, 2), m7 = Period.month(2024, 7);
        assertThat(y.contains(h1)).isTrue();
        assertThat(h1.contains(q2)).isTrue();
        assertThat(h1.contains(m7)).isFalse();
        assertThat(Period.parse("2020..2024").orElseThrow().contains(m7)).isTrue();
        assertThat(h1.overlaps(q2)).isTrue();
        assertThat(q2.overlaps(m7)).isFalse();
    }

    @Test
    void previousAndYearAgoKeepTheType() {
        assertThat(Period.half(2024, 1).previous().text()).isEqualTo("2023-H2");
        assertThat(Period.quarter(2024, 1).previous().text()).isEqualTo("2023-Q4");
        assertThat(Period.month(2024, 1).previous().text()).isEqualTo("2023-12");
        assertThat(Period.week(2024, 1).previous().text()).isEqualTo("2023-W52");
        assertThat(Period.quarter(2024, 3).yearAgo().text()).isEqualTo("2023-Q3");
        assertThat(Period.parse("2020..2024").orElseThrow().yearAgo().text()).isEqualTo("2019..2023");
        assertThat(Period.parse("2020..2024").orElseThrow().previous().text()).isEqualTo("2015..2019");
    }

    @Test
    void ordersByStartThenLongerFirst() {
        assertThat(Period.year(2024).compareTo(Period.half(2024, 1))).isNegative();
        assertThat(Period.half(2024, 1).compareTo(Period.month(2024, 1))).isNegative();
        assertThat(Period.month(2024, 2).compareTo(Period.half(2024, 1))).isPositive();
    }

    @Test
    void commandLineFormThrowsAUsageError() {
        assertThatThrownBy(() -> Period.parseOrThrow("2024-H3"))
                .isInstanceOf(TallyException.class)
                .hasMessageContaining("2024-H3").hasMessageContaining("2024-W05")
                .extracting(e -> ((TallyException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024 | HALF | 2024-H1 2024-H2",
        "2024 | QUARTER | 2024-Q1 2024-Q2 2024-Q3 2024-Q4",
        "2024-H2 | MONTH | 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12",
        "2023..2024 | HALF | 2023-H1 2023-H2 2024-H1 2024-H2",
        "2024-H1 | HALF | 2024-H1",
        "2024-H1 | YEAR | ''",
        "2024-05 | WEEK | 2024-W19 2024-W20 2024-W21",
    })
    void periodsOfATypeInsideAPeriod(String outer, PeriodType type, String expected) {
        String got = String.join(" ", Period.parseOrThrow(outer).periodsOf(type).stream().map(Period::text).toList());
        assertThat(got).isEqualTo(expected);
    }
}
