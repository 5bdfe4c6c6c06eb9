package dev.tally.read;

import dev.tally.model.Period;

/**
 * The allocation-free lane of an {@link ObservationSink}: a fast reader resolves codes with the
 * sink's indices and hands over primitive values. The sink may decline a value (return false)
 * without counting it, e.g. when a check fails or the cell was already given; the reader then sends
 * the same row through the ordinary path, which produces the finding.
 */
public interface FastSink {
    /** Unit codes to unit indices. */
    ByteKeyIndex units();

    /** Codes of indicators that may be submitted (derived ones excluded) to indicator indices. */
    ByteKeyIndex indicators();

    /** An integral value (or missing) of a known unit and indicator; false to decline. */
    boolean value(int unit, int indicator, Period period, long value, boolean missing, long line);
}
