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

    /**
     * True when the values read are a plan's targets, not reported figures: a table's value column may
     * then be named {@code target} ({@code kế hoạch}) as well as {@code value} ({@link HeaderRule#role(String, boolean)}).
     */
    default boolean targets() { return false; }

    /** The values that follow come from input number {@code index} (a stored submission may hold values of several files). */
    default void input(int index) {}

    // ------------------------------------------------------------ tables made for people (workbooks)

    /**
     * A table made for people starts (a workbook's sheet), until the next table or input: findings
     * name it as {@code label} ({@code report.xlsx[Biểu 1]}); its units may be given by name, looked
     * up under the unit its {@code title} names (the title block's text: "UBND HUYỆN LỤC NAM", or a unit
     * code; null: none), which is also the unit of its total row ({@link #beginTotal}).
     */
    default void table(String label, String title) {}

    /** One column of a table's header: its letters and its texts from top to bottom (merged cells filled in). */
    record Column(String letters, java.util.List<String> texts) {}

    /**
     * The indicator code each value column of the current table names, by code or by name: the sink
     * resolves them once, saying so when a name was taken for a code. Null for a column that names
     * none: its filled cells are then given with the column's texts as the indicator, to be reported
     * as an unknown indicator, and its empty cells are no values. Default: a column's last text.
     */
    default String[] indicators(java.util.List<Column> columns, long line) {
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            java.util.List<String> t = columns.get(i).texts();
            out[i] = t.isEmpty() ? null : t.get(t.size() - 1);
        }
        return out;
    }

    /**
     * A record that is the current table's total row starts ("Tổng cộng"): the reported total of the
     * unit the table's title names, or else of the unit its rows belong to; compared, never added.
     */
    default void beginTotal(Field period, long line) { begin(new Field(), period, line); }

    /** {@code values} of the current table were read from hidden rows or columns (counted in the summary). */
    default void hidden(long values) {}
}
