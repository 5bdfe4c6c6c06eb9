package dev.tally.workspace;

/** {@link ImportReliabilityTest} on an SQLite file. */
class SqliteImportReliabilityTest extends ImportReliabilityTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.SQLITE; }
}
