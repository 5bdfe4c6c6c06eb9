package dev.tally.workspace;

/** {@link StoreEqualsFilesTest} on the test run's PostgreSQL server. */
class PostgresStoreEqualsFilesTest extends StoreEqualsFilesTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.POSTGRESQL; }
}
