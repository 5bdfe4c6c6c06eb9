package dev.tally.write;

/**
 * A cell holding a unit's rank among its siblings for one indicator ({@code rollup --rank}): its
 * {@code place} (1 is the best; tied values share a place, and the next place skips: 1, 2, 2, 4),
 * and whether the value it ranks is not the whole truth: {@code partial} when fewer units reported
 * than expected, {@code estimated} when it is an earlier era's value shared out by a mapping's
 * weights. A unit with no value has no rank: its cell is null, never 0.
 *
 * <p>Each writer shows it as it shows the value it ranks: a table as {@code 2} or {@code 2 (partial)},
 * csv, tsv and json as the number (the partial flag is the value's own coverage columns beside it), a
 * workbook as a numeric cell shaded as a partial total is, a document marked as one.
 */
public record Rank(int place, boolean partial, boolean estimated) {
    /** The place as the number csv, json and a workbook keep. */
    public Long number() { return (long) place; }
}
