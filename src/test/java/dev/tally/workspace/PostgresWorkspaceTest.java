package dev.tally.workspace;

/** {@link WorkspaceTest} on the test run's PostgreSQL server. */
class PostgresWorkspaceTest extends WorkspaceTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.POSTGRESQL; }
}
