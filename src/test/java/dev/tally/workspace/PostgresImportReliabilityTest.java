package dev.tally.workspace;

/** {@link ImportReliabilityTest} on the test run's PostgreSQL server. */
class PostgresImportReliabilityTest extends ImportReliabilityTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.POSTGRESQL; }
}
