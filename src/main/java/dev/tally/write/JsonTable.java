package dev.tally.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** JSON: {"meta": {...}, "rows": [{col: value}, ...]}; NDJSON: one row object per line. */
final class JsonTable implements TableSink {
    private final JsonGenerator g;
    private final boolean lines, coverage;
    private List<Column> columns;
    private final List<Object> spread = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    JsonTable(OutputStream out, boolean lines, boolean coverage) throws IOException {
        this.lines = lines;
        this.coverage = coverage;
        this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (!lines) g.setPrettyPrinter(new DefaultPrettyPrinter());
        else g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    @Override
    public void start(List<Column> cols, Map<String, Object> meta) throws IOException {
        this.columns = cols;
        for (Column c : cols) names.addAll(Cells.spreadNames(c, coverage));
        if (lines) return;
        g.writeStartObject();
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            g.writeFieldName(e.getKey());
            value(e.getValue());
        }
        g.writeArrayFieldStart("rows");
    }

    private void value(Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof BigDecimal b) g.writeNumber(b.toPlainString());
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) value(o);
            g.writeEndArray();
        } else g.writeString(v.toString());
    }

    @Override
    public void row(List<?> cells) throws IOException {
        spread.clear();
        for (int i = 0; i < columns.size(); i++) Cells.spread(columns.get(i), cells.get(i), coverage, spread);
        g.writeStartObject();
        for (int i = 0; i < names.size(); i++) {
            g.writeFieldName(names.get(i));
            value(spread.get(i));
        }
        g.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        if (!lines) {
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }
}
