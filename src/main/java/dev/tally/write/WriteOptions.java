package dev.tally.write;

import java.util.function.Consumer;

/**
 * Output details: {@code bom} prefixes a UTF-8 BOM (Excel reads UTF-8 CSV right only with one);
 * {@code delimiter} for csv; {@code width} the terminal width the table format fits (0: unlimited);
 * {@code numbers} how text formats write numbers; {@code coverage} whether formats that spread a
 * measure over columns add its coverage columns; {@code colour} marks partial aggregates in the
 * table format (a terminal that wants colour); {@code warnings} is told, one line each, what a writer
 * had to change to write a value at all (a workbook's text cell past a spreadsheet's limit, cut), for
 * the command to say on standard error.
 */
public record WriteOptions(boolean bom, char delimiter, int width, NumberStyle numbers, boolean coverage, boolean colour,
                           Consumer<String> warnings) {
    public WriteOptions(boolean bom, char delimiter, int width, NumberStyle numbers, boolean coverage, boolean colour) {
        this(bom, delimiter, width, numbers, coverage, colour, w -> { });
    }

    public WriteOptions(boolean bom, char delimiter, int width, NumberStyle numbers, boolean coverage) {
        this(bom, delimiter, width, numbers, coverage, false);
    }

    public WriteOptions(boolean bom, char delimiter, int width) {
        this(bom, delimiter, width, NumberStyle.PLAIN, true);
    }

    public static WriteOptions defaults() { return new WriteOptions(false, ',', 0); }

    /** The same options, telling {@code to} what a writer had to change. */
    public WriteOptions warningTo(Consumer<String> to) { return new WriteOptions(bom, delimiter, width, numbers, coverage, colour, to); }
}
