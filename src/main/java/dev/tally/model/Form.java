package dev.tally.model;

import java.util.List;

/**
 * A form (DHIS2 calls it a data set): a group of indicators that one level of units reports
 * together, for periods of one type, by a deadline, e.g. "Báo cáo công tác dân vận", half-yearly,
 * 15 days after the period, by communes. A submission is one unit's values for one form and one
 * period. {@code period}, {@code deadlineDays} and {@code reportedAt} may be null: any period type,
 * the project's deadline, each indicator's own reporting level. A catalog without forms has one,
 * {@link #ALL}, holding every indicator.
 */
public record Form(String code, String name, PeriodType period, Integer deadlineDays, String reportedAt, List<String> indicators,
                   int index) {
    /** The code of the one form of a catalog that declares none. */
    public static final String ALL = "all";

    public Form {
        indicators = List.copyOf(indicators);
    }

    public String label() { return name == null || name.isBlank() ? code : name; }
}
