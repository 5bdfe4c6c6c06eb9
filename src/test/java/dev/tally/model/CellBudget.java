package dev.tally.model;

/** Tests: the memory a dense cell table's periods may take, set low so that a test can pass it. */
public final class CellBudget {
    private CellBudget() {}

    /** Sets the budget and returns the one before, to be put back. */
    public static long set(long bytes) {
        long before = CellTable.budget;
        CellTable.budget = bytes;
        return before;
    }
}
