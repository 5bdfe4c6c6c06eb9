package dev.tally.workspace;

/** {@link FormsTest} on the test run's PostgreSQL server. */
class PostgresFormsTest extends FormsTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.POSTGRESQL; }
}
