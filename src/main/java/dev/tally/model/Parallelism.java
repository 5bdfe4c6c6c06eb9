package dev.tally.model;

/** When work is worth sharing among threads: the one rule the rollup and the submission checks ask. */
public final class Parallelism {
    private Parallelism() {}

    /**
     * Whether work of {@code steps} small steps (cells visited, rows checked) is worth sharing among
     * the common pool's threads. Below this the pool's first use (its threads started, the parallel
     * stream's machinery linked and interpreted) costs a cold run more than the work: one district's
     * file against the national hierarchy checked and rolled up 16 ms of the pool's CPU and 9 ms of
     * the main thread's for 900 cells a period (15 communes, their district,
     * province and the total, 50 indicators). A stream made parallel only where this holds
     * is the same code either way.
     */
    public static boolean worthSharing(long steps) { return steps >= SHARED_FROM; }

    /** See {@link #worthSharing}: about a millisecond of cold work. */
    static final long SHARED_FROM = 1 << 16;
}
