package dev.tally.read;

import dev.tally.model.Finding;
import dev.tally.model.Observation;

/** Where a reader sends what it reads: observations (value or missing) and findings about values it could not read. */
public interface ObservationSink {
    void observation(Observation o);

    /** A finding from reading; {@code rejectedValues} is how many values it cost (0 for a warning). */
    void finding(Finding f, long rejectedValues);

    /** One record (CSV row or JSON object) was read. */
    default void record() {}

    /** The sink's allocation-free lane for fast readers, or null when it has none. */
    default FastSink fast() { return null; }
}
