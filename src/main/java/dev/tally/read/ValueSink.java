package dev.tally.read;

import dev.tally.model.Finding;

/**
 * Where every reader (long CSV, wide CSV, JSON, NDJSON, the store) sends what it reads: one record
 * at a time, as fields of bytes. A record is a unit and a period shared by its values:
 * <pre>
 *   begin(unit, period, line)   value(indicator, value, line) ...   end()
 * </pre>
 * A long CSV row has one value, a wide row one per indicator column, a JSON object one per entry of
 * {@code values}. The sink resolves the codes, parses the numbers and applies every rule: readers
 * only tokenize, so the rules live in one place whatever the format.
 *
 * <p>A record that cannot be read at all (a row with the wrong number of fields, JSON of the wrong
 * shape) is reported with {@link #problem}, which says how many values it cost so that the counts
 * add up: values read = accepted + duplicates + rejected + outside the period.
 */
public interface ValueSink {
    /** A record starts: {@code unit} and {@code period} as given. */
    void begin(Field unit, Field period, long line);

    /** One value of the current record; {@code number} tells that the text is a JSON number token. */
    void value(Field indicator, Field value, long line, boolean number);

    /** The current record ends. */
    void end();

    /**
     * A problem met while reading: a record or a file that could not be read. It cost {@code values}
     * values and {@code records} records (counted as read, then rejected); a warning costs none.
     */
    void problem(Finding f, long values, long records);

    /** The values that follow come from input number {@code index} (a stored submission may hold values of several files). */
    default void input(int index) {}
}
