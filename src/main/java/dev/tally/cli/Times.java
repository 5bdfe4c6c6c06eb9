package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reading a time given on the command line: 2024-07-10T08:30:00+07:00, 2024-07-10T08:30 or 2024-07-10 (local zone). */
final class Times {
    private Times() {}

    /** Now, to the second, in the run's clock and zone, as the store keeps times: 2024-07-31T10:00+07:00. */
    static String now(Io io) {
        return OffsetDateTime.now(io.clock()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static OffsetDateTime parse(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw TallyException.usage(t("usage.time", text));
        }
    }
}
