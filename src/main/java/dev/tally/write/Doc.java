package dev.tally.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A review document as its writers see it ({@link DocFormat}: docx, html, pdf): the header block, the
 * body in order, and the appendix (set on landscape pages). It holds words and numbers already chosen
 * by whoever built it (the review's content); a writer only lays them out, so every format says the
 * same thing. Numbers inside sentences are already text; table cells keep their {@link Measure}, so
 * each writer marks a partial total its own way, as the table writers do.
 *
 * @param numbers how the writers write a table's numbers (the document's language's style)
 */
public record Doc(Header header, List<Block> body, List<Block> appendix, Labels labels, NumberStyle numbers, String lang) {

    /**
     * The block above the text: the issuing body and its parent, the number ("Số: …/BC-…"), the
     * national motto (Quốc hiệu, Tiêu ngữ; empty outside a Vietnamese document), place and date, the
     * kind ("BÁO CÁO") and the subject. A null line is left out.
     */
    public record Header(String parent, String body, String number, String nation, String motto, String placeDate, String kind,
                         String subject) {}

    /** The words a writer itself puts on the page: the appendix's heading, the key to partial marks. */
    public record Labels(String appendix, String partialKey, String missing, String page) {}

    /** One piece of the body. */
    public sealed interface Block permits Heading, Para, Chart, Table {}

    /** A heading, level 1 (I., II. …) or 2. */
    public record Heading(int level, String text) implements Block {}

    /** A paragraph; empty text is the space left for the analyst to write. {@code bullet}: an item of section I. */
    public record Para(String text, boolean bullet) implements Block {
        public static Para empty() { return new Para("", false); }
    }

    /**
     * A horizontal bar chart: one bar per category and series, each with its label (the counts, not
     * only the length), in greys so that it reads in black and white. {@code max}: the scale's end
     * (100 for rates), null for the largest value.
     */
    public record Chart(String title, List<String> categories, List<Series> series, Double max, String axis) implements Block {}

    /** A series of a chart: a value per category (null: no bar, said by its label) and the label written beside it. */
    public record Series(String name, List<Double> values, List<String> labels) {}

    /**
     * A table as a table writer received it (the rollup's own wide table, collected by {@link #collector}):
     * its columns, its rows, and which rows are totals.
     */
    public record Table(String caption, List<Column> columns, List<List<Object>> rows, List<Boolean> totals) implements Block {}

    /**
     * A {@link TableSink} that keeps what it is given as a {@link Table}, so that a document's table is
     * exactly the rows a table command writes for the same selection. {@link #table} after finish.
     */
    public static final class Collector implements TableSink {
        private String caption;
        private List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<Boolean> totals = new ArrayList<>();

        @Override
        public void caption(String name, String text) { caption = text; }

        @Override
        public void start(List<Column> cols, Map<String, Object> meta) { columns = List.copyOf(cols); }

        @Override
        public void row(List<?> cells) { add(cells, false); }

        @Override
        public void total(List<?> cells) { add(cells, true); }

        private void add(List<?> cells, boolean total) {
            rows.add(new ArrayList<>(cells));
            totals.add(total);
        }

        @Override
        public void finish() throws IOException {}

        public Table table() { return new Table(caption, columns, rows, totals); }
    }

    public static Collector collector() { return new Collector(); }

    /**
     * A table cell as every document writer shows it: its text, the coverage written after it where
     * the total is partial or missing ("(9/10)"), and whether it is marked (italic on grey, as a
     * workbook marks it; the key under the table says so). A missing value is {@link Labels#missing},
     * never 0.
     */
    public record Cell(String text, String coverage, boolean marked, boolean numeric) {}

    public Cell cell(Object o, Column col) {
        if (o instanceof Measure m) {
            boolean missing = m.value() == null;
            boolean marked = m.partial() || missing && m.expected() > 0;
            String text = missing ? labels.missing() : (m.estimated() ? "~" : "") + numbers.format(m.value());
            // a plan's target and the attainment, as a table shows them: 59 / 64 (92,2 %); the partial mark covers both
            if (m.plan() != null) {
                text += " / " + numbers.format(m.plan()) + (m.planPct() == null || m.notComparable() ? "" : " (" + numbers.format(m.planPct()) + " %)");
            }
            return new Cell(text, marked ? "(" + m.reported() + "/" + m.expected() + ")" : null, marked, true);
        }
        if (o instanceof Rank k) return new Cell(numbers.format(k.number()), null, k.partial() || k.estimated(), true);
        if (o == null) return new Cell("", null, false, col.numeric());
        if (o instanceof Number n) return new Cell(numbers.format(n), null, false, true);
        return new Cell(o.toString(), null, false, col.numeric());
    }
}
