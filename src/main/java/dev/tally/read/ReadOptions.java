package dev.tally.read;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * How to read submissions: {@code encoding} for files without a BOM (null: UTF-8), {@code delimiter}
 * (null: detected from the header among , ; and tab), {@code decimalComma} for 1.234,5;
 * {@code findingsSpill}, a directory where the validator keeps the findings past its listing limit
 * for {@code --findings FILE} to write them all (null: they are counted only).
 */
public record ReadOptions(Charset encoding, Character delimiter, boolean decimalComma, Path findingsSpill) {
    public ReadOptions(Charset encoding, Character delimiter, boolean decimalComma) {
        this(encoding, delimiter, decimalComma, null);
    }

    public static ReadOptions defaults() { return new ReadOptions(null, null, false); }

    /** The same options, the findings past the listing limit kept in {@code dir}. */
    public ReadOptions spillingFindingsTo(Path dir) { return new ReadOptions(encoding, delimiter, decimalComma, dir); }
}
