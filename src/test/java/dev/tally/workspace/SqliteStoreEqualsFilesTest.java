package dev.tally.workspace;

/** {@link StoreEqualsFilesTest} on an SQLite file. */
class SqliteStoreEqualsFilesTest extends StoreEqualsFilesTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.SQLITE; }
}
