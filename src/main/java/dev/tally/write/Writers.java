package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Creates the {@link TableSink} for a format over an output stream (UTF-8). The caller owns the
 * stream; {@link TableSink#finish} flushes but does not close it.
 */
public final class Writers {
    /** Rows the csv/tsv writers were given as arrays, over the process (tests: the long rollup's way is taken). */
    public static long rowsGivenAsArrays() { return FastDelimited.ARRAY_ROWS.get(); }

    private Writers() {}

    /** The format's writer ({@link Format}'s entry), after a UTF-8 BOM when asked for one and the format is text. */
    public static TableSink create(Format format, OutputStream out, WriteOptions opt) throws IOException {
        if (opt.bom() && !format.binary()) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        return format.open(out, opt);
    }
}
