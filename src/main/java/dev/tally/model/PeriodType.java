package dev.tally.model;

/** The granularity of a period, coarsest first. */
public enum PeriodType { YEAR, HALF, QUARTER, MONTH, WEEK, RANGE }
