package dev.tally.read;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * How to read submissions: {@code encoding} for files without a BOM (null: UTF-8), {@code delimiter}
 * (null: detected from the header among , ; and tab), {@code decimalComma} for 1.234,5;
 * {@code findingsSpill}, a directory where the validator keeps the findings past its listing limit
 * for {@code --findings FILE} to write them all (null: they are counted only); for workbooks,
 * {@code sheet} (a name or a 1-based number: read that sheet only; null: every sheet that holds a
 * header) and the project's {@code templates} (tally.yaml's {@code templates:}).
 */
public record ReadOptions(Charset encoding, Character delimiter, boolean decimalComma, Path findingsSpill, String sheet,
                          List<SheetTemplate> templates) {
    public ReadOptions {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    public ReadOptions(Charset encoding, Character delimiter, boolean decimalComma, Path findingsSpill) {
        this(encoding, delimiter, decimalComma, findingsSpill, null, List.of());
    }

    public ReadOptions(Charset encoding, Character delimiter, boolean decimalComma) {
        this(encoding, delimiter, decimalComma, null);
    }

    public static ReadOptions defaults() { return new ReadOptions(null, null, false); }

    /** The same options, the findings past the listing limit kept in {@code dir}. */
    public ReadOptions spillingFindingsTo(Path dir) { return new ReadOptions(encoding, delimiter, decimalComma, dir, sheet, templates); }

    /** The same options with the project's workbook templates. */
    public ReadOptions with(List<SheetTemplate> t) { return new ReadOptions(encoding, delimiter, decimalComma, findingsSpill, sheet, t); }
}
