package dev.tally.model;

/**
 * A node of the hierarchy. {@code parent} is null for a root; {@code level} is the level name
 * (from the units file or from the configured level names by depth), {@code depth} 0 for a root.
 * {@code index} is the unit's dense position in its {@link Hierarchy}, parents before children.
 */
public record Unit(String code, String name, String parent, String level, int depth, int index) {}
