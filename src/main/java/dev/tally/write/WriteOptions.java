package dev.tally.write;

/**
 * Output details: {@code bom} prefixes a UTF-8 BOM (Excel reads UTF-8 CSV right only with one);
 * {@code delimiter} for csv; {@code width} the terminal width the table format fits (0: unlimited);
 * {@code numbers} how text formats write numbers; {@code coverage} whether formats that spread a
 * measure over columns add its coverage columns; {@code colour} marks partial aggregates in the
 * table format (a terminal that wants colour).
 */
public record WriteOptions(boolean bom, char delimiter, int width, NumberStyle numbers, boolean coverage, boolean colour) {
    public WriteOptions(boolean bom, char delimiter, int width, NumberStyle numbers, boolean coverage) {
        this(bom, delimiter, width, numbers, coverage, false);
    }

    public WriteOptions(boolean bom, char delimiter, int width) {
        this(bom, delimiter, width, NumberStyle.PLAIN, true);
    }

    public static WriteOptions defaults() { return new WriteOptions(false, ',', 0); }
}
