package dev.tally.workspace;

/** {@link ImportReliabilityTest} on an SQLite file. */
@org.junit.jupiter.api.Order(3) // pom.xml, process-tests: the longest first
class SqliteImportReliabilityTest extends ImportReliabilityTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.SQLITE; }
}
