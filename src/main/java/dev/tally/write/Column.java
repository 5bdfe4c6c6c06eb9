package dev.tally.write;

/** A column of a table: its name and whether it holds numbers (right-aligned, JSON numbers). */
public record Column(String name, boolean numeric) {
    public static Column text(String name) { return new Column(name, false); }

    public static Column number(String name) { return new Column(name, true); }
}
