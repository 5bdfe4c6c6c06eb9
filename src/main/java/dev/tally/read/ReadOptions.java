package dev.tally.read;

import java.nio.charset.Charset;

/**
 * How to read submissions: {@code encoding} for files without a BOM (null: UTF-8), {@code delimiter}
 * (null: detected from the header among , ; and tab), {@code decimalComma} for 1.234,5.
 */
public record ReadOptions(Charset encoding, Character delimiter, boolean decimalComma) {
    public static ReadOptions defaults() { return new ReadOptions(null, null, false); }
}
