package dev.tally.write;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Receives a table row by row. Cells are null (missing: written empty, or JSON null), String, a
 * Number (BigDecimal, Long, Integer: written in plain notation, never 1E+3), or in a measure column a
 * {@link Measure} (an aggregate with its coverage). Streaming formats write each row as it comes;
 * table and markdown must see every row to align them, so they buffer.
 */
public interface TableSink {
    /**
     * {@code meta} (periods, catalog hash, generated at, the command…) is written where the format
     * has a place for it: JSON's header object, a workbook's metadata sheet.
     */
    void start(List<Column> columns, Map<String, Object> meta) throws IOException;

    /**
     * What the table is, said where the format has room for a line above it, before {@link #start}: the
     * period of a rollup of one period, which no column states. Table and markdown write {@code text}
     * above the header; a workbook names its main sheet {@code name} (short: a sheet name holds 31
     * characters) and prints {@code text} as the page header, keeping the header in the first row where
     * filters and programs expect it. The formats for programs ignore it: their rows or their metadata
     * carry the periods.
     */
    default void caption(String name, String text) {}

    void row(List<?> cells) throws IOException;

    /**
     * The same row as an array the caller re-fills for the next one (a sink copies what it keeps): a
     * long output's millions of rows reach a streaming format without a List's interface calls.
     */
    default void row(Object[] cells) throws IOException { row(java.util.Arrays.asList(cells)); }

    /** A row that totals the rows above it: set apart where the format can (a workbook styles and separates it). */
    default void total(List<?> cells) throws IOException { row(cells); }

    /**
     * Starts another table in the same output where the format has room for one (a workbook's next
     * sheet, named {@code name}); false, and rows until the next call are not to be sent, elsewhere.
     */
    default boolean sheet(String name, List<Column> columns) throws IOException { return false; }

    void finish() throws IOException;

    /**
     * A sink of the same format and settings, already started with the same columns, that writes
     * rows (no header) to {@code out}, for rows made on another thread ({@link OrderedRows}); null
     * where the format must see every row itself (table, markdown, json, xlsx).
     */
    default TableSink fork(java.io.OutputStream out) { return null; }

    /** Appends what a {@link #fork} wrote, as if its rows had been written here. */
    default void append(java.io.ByteArrayOutputStream rows) throws IOException { throw new UnsupportedOperationException("not a forking format"); }
}
