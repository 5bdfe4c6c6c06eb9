package dev.tally.model;

/** Where a value came from: a file name as the user gave it (or "-" for standard input) and a 1-based line. */
public record Source(String file, long line) {}
