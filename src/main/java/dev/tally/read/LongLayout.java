package dev.tally.read;

/**
 * Where the columns of a long CSV are: the delimiter, the header's width, the four column indices,
 * the byte offset where the data starts (after the BOM and header) and the number of lines before it.
 */
public record LongLayout(char delimiter, int width, int unit, int period, int indicator, int value, long dataStart,
                         long headerLines) {
    int needed() { return Math.max(Math.max(unit, period), Math.max(indicator, value)) + 1; }
}
