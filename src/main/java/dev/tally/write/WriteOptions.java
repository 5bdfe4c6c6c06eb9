package dev.tally.write;

/**
 * Output details: {@code bom} prefixes a UTF-8 BOM (Excel reads UTF-8 CSV right only with one);
 * {@code delimiter} for csv; {@code width} the terminal width the table format fits (0: unlimited).
 */
public record WriteOptions(boolean bom, char delimiter, int width) {
    public static WriteOptions defaults() { return new WriteOptions(false, ',', 0); }
}
