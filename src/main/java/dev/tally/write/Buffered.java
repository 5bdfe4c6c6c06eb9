package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Buffers rows to align them; subclasses render. */
abstract class Buffered implements TableSink {
    final Writer w;
    final NumberStyle style;
    List<Column> columns;
    final List<List<String>> rows = new ArrayList<>();

    Buffered(OutputStream out, NumberStyle style) {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.style = style;
    }

    /** A line said above the table ({@link TableSink#caption}), or null. */
    String caption;

    @Override
    public void caption(String name, String text) { this.caption = text; }

    @Override
    public void start(List<Column> cols, Map<String, Object> meta) throws IOException { this.columns = visible(cols); }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> r = new ArrayList<>(cells.size());
        for (Object c : cells) r.add(Visible.of(Cells.text(c, style)));
        rows.add(r);
    }

    /** The columns with their names shown as a terminal would show them ({@link Visible}): a catalog names them. */
    private static List<Column> visible(List<Column> cols) {
        List<Column> v = new ArrayList<>(cols.size());
        for (Column c : cols) {
            v.add(new Column(Visible.of(c.name()), c.numeric(), Visible.of(c.key()), c.measure(), c.compared(), c.points(), c.exempt(),
                    c.quality(), c.whole(), c.planned()));
        }
        return v;
    }
}
