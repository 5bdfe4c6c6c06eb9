package dev.tally.model;

import java.util.List;

/** A cross-indicator check over one submission, e.g. {@code resolved <= received}. */
public record Rule(String name, String check, Severity severity, String message, MissingStrategy missing,
                   List<String> operands) {}
