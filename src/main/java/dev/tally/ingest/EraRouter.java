package dev.tally.ingest;

import dev.tally.model.Era;
import dev.tally.model.Finding;
import dev.tally.model.Period;
import dev.tally.read.Field;
import dev.tally.read.ValueSink;
import dev.tally.validate.Validator;
import java.util.List;

/**
 * Sends each record to the validator of the era its period's values belong to ({@link Era#of}: the
 * era of its last day), so every input is read once however many eras there are, and
 * each era's units and catalog judge only its own periods. A period that cannot be read goes to the
 * first era, which reports it. Not thread-safe: one per reading thread.
 */
final class EraRouter implements ValueSink {
    private final List<Era> eras;
    private final Validator.Part[] parts;
    private ValueSink current;
    private byte[] lastPeriod = new byte[32];
    private int lastLen = -1, lastEra;

    EraRouter(List<Era> eras, Validator.Part[] parts) {
        this.eras = eras;
        this.parts = parts;
        this.current = parts[0];
    }

    @Override
    public void begin(Field unit, Field period, long line) {
        current = parts[era(period)];
        current.begin(unit, period, line);
    }

    @Override
    public void value(Field indicator, Field value, long line, boolean number) { current.value(indicator, value, line, number); }

    @Override
    public void end() { current.end(); }

    @Override
    public void problem(Finding f, long values, long records) { parts[0].problem(f, values, records); }

    @Override
    public void input(int index) {
        for (Validator.Part p : parts) p.input(index);
    }

    @Override
    public void table(String label, String title) {
        for (Validator.Part p : parts) p.table(label, title);
    }

    /** A table's columns are named in the latest era's catalog (the one a template made now is of). */
    @Override
    public String[] indicators(java.util.List<Column> columns, long line) { return parts[parts.length - 1].indicators(columns, line); }

    @Override
    public void beginTotal(Field period, long line) {
        current = parts[era(period)];
        current.beginTotal(period, line);
    }

    @Override
    public void hidden(long values) { parts[0].hidden(values); }

    private int era(Field f) {
        int len = f.to() - f.from();
        if (len == lastLen && f.sameBytes(lastPeriod, len)) return lastEra;
        Period p = Period.parse(f.toString()).orElse(null);
        int e = p == null ? 0 : Era.of(eras, p).index();
        if (len <= 1024) {
            if (len > lastPeriod.length) lastPeriod = new byte[len * 2];
            System.arraycopy(f.buf(), f.from(), lastPeriod, 0, len);
            lastLen = len;
            lastEra = e;
        }
        return e;
    }
}
