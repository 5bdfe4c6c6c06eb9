package dev.tally.workspace;

/** {@link WorkspaceTest} on an SQLite file. */
class SqliteWorkspaceTest extends WorkspaceTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.SQLITE; }
}
