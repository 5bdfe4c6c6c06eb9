package dev.tally.workspace;

/** {@link ImportReliabilityTest} on the test run's PostgreSQL server. */
@org.junit.jupiter.api.Order(4) // pom.xml, process-tests: the longest first
class PostgresImportReliabilityTest extends ImportReliabilityTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.POSTGRESQL; }
}
