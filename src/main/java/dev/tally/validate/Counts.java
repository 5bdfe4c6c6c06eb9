package dev.tally.validate;

/** Mutable counters of one reading part; merged into a {@link Summary}. */
final class Counts {
    long records, values, accepted, missing, duplicates, rejected, ignored, skipped, hidden;

    void add(Counts o) {
        records += o.records;
        values += o.values;
        accepted += o.accepted;
        missing += o.missing;
        duplicates += o.duplicates;
        rejected += o.rejected;
        ignored += o.ignored;
        skipped += o.skipped;
        hidden += o.hidden;
    }
}
