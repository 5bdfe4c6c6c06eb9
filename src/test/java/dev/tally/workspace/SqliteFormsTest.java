package dev.tally.workspace;

/** {@link FormsTest} on an SQLite file. */
class SqliteFormsTest extends FormsTest {
    @Override
    TestStore.Kind kind() { return TestStore.Kind.SQLITE; }
}
