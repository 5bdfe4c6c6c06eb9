package dev.tally.write;

import java.util.Locale;

/** Output formats. {@code table} is for a terminal, the others for programs and spreadsheets. */
public enum Format {
    TABLE, CSV, TSV, JSON, NDJSON, MARKDOWN, XLSX;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** A format a terminal cannot show. */
    public boolean binary() { return this == XLSX; }

    /** Read by people rather than programs: headings and values may be in the run's language, numbers as its locale writes them. */
    public boolean people() { return this == TABLE || this == MARKDOWN; }

    /**
     * Has a place for a run's metadata (JSON's header object, a workbook's metadata sheet); the other
     * formats ignore it, so a command need not compute it for them (the catalog's SHA-256 costs a
     * start-up its digest provider).
     */
    public boolean carriesMeta() { return this == JSON || this == XLSX; }

    /** The file extension this format is written with. */
    public String extension() {
        return switch (this) {
            case TABLE -> ".txt";
            case MARKDOWN -> ".md";
            default -> "." + key();
        };
    }

    /** The format a file name implies, or null when its extension says nothing. */
    public static Format fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".tsv") || n.endsWith(".tab")) return TSV;
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) return NDJSON;
        if (n.endsWith(".json")) return JSON;
        if (n.endsWith(".md") || n.endsWith(".markdown")) return MARKDOWN;
        if (n.endsWith(".xlsx")) return XLSX;
        if (n.endsWith(".txt")) return TABLE;
        return null;
    }
}
