package dev.tally.write;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Receives a table row by row. Cells are null (missing: written empty, or JSON null), String,
 * or a Number (BigDecimal, Long, Integer: written in plain notation, never 1E+3). Streaming formats
 * write each row as it comes; table and markdown must see every row to align them, so they buffer.
 */
public interface TableSink {
    /** {@code meta} is written by the JSON format only (periods, catalog hash, generated at…). */
    void start(List<Column> columns, Map<String, Object> meta) throws IOException;

    void row(List<?> cells) throws IOException;

    void finish() throws IOException;
}
