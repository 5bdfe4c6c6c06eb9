package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format), streamed from its content.xml with the
 * same bounded zip and XML reading as {@link XlsxBook}. Rows and cells repeated by count (LibreOffice
 * ends a sheet with a million empty rows said once) are expanded only when they hold something, and
 * never past a spreadsheet's 1,048,576 rows and 16,384 columns; a cell spanning several columns or rows
 * is a merged range.
 *
 * <p>Why not SODS (com.github.miachm.sods, 162 KB, the small reader the issue names): it builds every
 * sheet as a grid of cell objects in memory, so a few kilobytes of repeated rows and columns ask it for
 * a billion cells, and it inflates the archive with no bound; on the pieces this project already has
 * for .xlsx, ODS is one more file.
 */
final class OdsBook implements Sheets.Book {
    static final int MAX_ROWS = 1_048_576, MAX_COLUMNS = 16_384;

    private final Zip zip;
    private final List<Sheets.Info> sheets = new ArrayList<>();
    /** Per automatic cell style: how much of a date its data style shows (0: not a date). */
    private final Map<String, Byte> dateStyles = new HashMap<>();

    OdsBook(Path file) throws IOException {
        this.zip = new Zip(file);
        try (InputStream in = zip.open("content.xml")) {
            if (in == null) throw new Xml.Problem("ods.noContent");
            Xml x = new Xml(in);
            Map<String, Byte> dataStyles = new HashMap<>();
            String dataStyle = null;
            boolean day = false, month = false, year = false;
            for (int e; (e = x.next()) != Xml.EOF; ) {
                if (e == Xml.START && x.is("date-style")) {
                    dataStyle = x.attr("name");
                    day = month = year = false;
                } else if (e == Xml.START && dataStyle != null) {
                    day |= x.is("day");
                    month |= x.is("month");
                    year |= x.is("year");
                } else if (e == Xml.END && x.is("date-style") && dataStyle != null) {
                    dataStyles.put(dataStyle, day ? Sheets.DAY : month ? Sheets.MONTH : year ? Sheets.YEAR : Sheets.DAY);
                    dataStyle = null;
                } else if (e == Xml.START && x.is("style") && x.attr("data-style-name") != null) {
                    Byte k = dataStyles.get(x.attr("data-style-name"));
                    if (k != null && x.attr("name") != null) dateStyles.put(x.attr("name"), k);
                } else if (e == Xml.START && x.is("table")) {
                    String name = x.attr("name");
                    sheets.add(new Sheets.Info(name == null ? "Sheet" + (sheets.size() + 1) : name, false));
                    skipElement(x);
                }
            }
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Skips to the end of the element just started (nested ones of the same name included). */
    private static void skipElement(Xml x) throws IOException {
        int depth = 1;
        for (int e; depth > 0 && (e = x.next()) != Xml.EOF; ) depth += e == Xml.START ? 1 : -1;
    }

    @Override
    public List<Sheets.Info> sheets() { return sheets; }

    @Override
    public void close() throws IOException { zip.close(); }

    @Override
    public Sheets.Rows open(int index) throws IOException {
        InputStream in = zip.open("content.xml");
        Xml x = new Xml(in);
        int k = -1;
        for (int e; (e = x.next()) != Xml.EOF; ) {
            if (e != Xml.START || !x.is("table")) continue;
            if (++k == index) return new TableRows(x, in);
            skipElement(x);
        }
        in.close();
        throw new Xml.Problem("xlsx.noSheet", sheets.get(index).name());
    }

    /** One table's rows, streamed. */
    private final class TableRows implements Sheets.Rows {
        private final Xml x;
        private final InputStream in;
        private final BitSet hidden = new BitSet();
        private final List<int[]> merges = new ArrayList<>();
        private final Sheets.Row row = new Sheets.Row();
        private int nextRow = 1, column;
        private boolean done;
        // a row repeated with content: returned that many times
        private Sheets.Row repeated;
        private int repeatsLeft;
        private boolean pendingRow;

        TableRows(Xml x, InputStream in) throws IOException {
            this.x = x;
            this.in = in;
            // the columns' settings come before the rows
            while (true) {
                int e = x.next();
                if (e == Xml.EOF || e == Xml.END && x.is("table")) {
                    done = true;
                    return;
                }
                if (e != Xml.START) continue;
                if (x.is("table-column")) {
                    int n = Math.max(1, x.attrInt("number-columns-repeated"));
                    if ("collapse".equals(x.attr("visibility"))) hidden.set(column, Math.min(column + n, MAX_COLUMNS));
                    column = (int) Math.min((long) column + n, MAX_COLUMNS);
                } else if (x.is("table-row")) {
                    pendingRow = true;
                    return;
                }
            }
        }

        @Override
        public BitSet hiddenColumns() { return hidden; }

        @Override
        public List<int[]> merges(int from, int to) {
            List<int[]> out = new ArrayList<>();
            for (int[] m : merges) if (m[0] <= to && m[2] >= from) out.add(m);
            return out;
        }

        @Override
        public Sheets.Row next() throws IOException {
            if (repeatsLeft > 0) {
                repeatsLeft--;
                Sheets.Row r = repeated;
                row.clear(nextRow++, r.hidden);
                for (int i = 0; i < r.size; i++) {
                    row.add(r.column[i], r.kind[i], r.data, r.from[i], r.to[i] - r.from[i]);
                    row.dates[i] = r.dates[i];
                }
                return row;
            }
            while (!done) {
                if (!pendingRow) {
                    int e = x.next();
                    if (e == Xml.EOF || e == Xml.END && x.is("table")) {
                        done = true;
                        return null;
                    }
                    if (e != Xml.START || !x.is("table-row")) continue;
                }
                pendingRow = false;
                if (nextRow > MAX_ROWS) {
                    done = true;
                    return null;
                }
                int n = Math.max(1, x.attrInt("number-rows-repeated"));
                boolean hiddenRow = "collapse".equals(x.attr("visibility")) || "filter".equals(x.attr("visibility"));
                int number = nextRow;
                row.clear(number, hiddenRow);
                cells(number);
                nextRow = (int) Math.min((long) nextRow + n, MAX_ROWS + 1L);
                if (row.size == 0) continue;
                if (n > 1) {
                    repeated = new Sheets.Row();
                    repeated.clear(number, hiddenRow);
                    for (int i = 0; i < row.size; i++) {
                        repeated.add(row.column[i], row.kind[i], row.data, row.from[i], row.to[i] - row.from[i]);
                        repeated.dates[i] = row.dates[i];
                    }
                    repeatsLeft = Math.min(n, MAX_ROWS - number + 1) - 1;
                    nextRow = number + 1;
                }
                return row;
            }
            return null;
        }

        /** Reads the cells of the row just started, up to its end. */
        private void cells(int number) throws IOException {
            int col = 0;
            while (true) {
                int e = x.next();
                if (e == Xml.EOF) return;
                if (e == Xml.END) {
                    if (x.is("table-row")) return;
                    continue;
                }
                boolean covered = x.is("covered-table-cell");
                if (!covered && !x.is("table-cell")) continue;
                int n = Math.max(1, x.attrInt("number-columns-repeated"));
                if (covered) {
                    skipCell();
                    col = (int) Math.min((long) col + n, MAX_COLUMNS);
                    continue;
                }
                int spanCols = Math.max(1, x.attrInt("number-columns-spanned")), spanRows = Math.max(1, x.attrInt("number-rows-spanned"));
                if ((spanCols > 1 || spanRows > 1) && merges.size() < 100_000) {
                    merges.add(new int[] {number, col, number + spanRows - 1, Math.min(col + spanCols - 1, MAX_COLUMNS - 1)});
                }
                String type = x.attr("value-type");
                String calc = x.attrQualified("calcext:value-type");
                String office = x.attr("value");
                String date = x.attr("date-value");
                String bool = x.attr("boolean-value");
                String formula = x.attr("formula");
                String style = x.attr("style-name");
                String text = x.text().strip();
                if (col < MAX_COLUMNS) {
                    int before = row.size;
                    value(col, type, calc, office, date, bool, formula, style, text);
                    if (row.size > before) {
                        // a filled cell repeated across columns: each column gets it, within the sheet's width
                        for (int k = 1; k < n && col + k < MAX_COLUMNS && k < 1024; k++) {
                            int i = row.size - 1;
                            row.add(col + k, row.kind[i], row.data, row.from[i], row.to[i] - row.from[i]);
                            row.dates[row.size - 1] = row.dates[i];
                        }
                    }
                }
                col = (int) Math.min((long) col + n, MAX_COLUMNS);
            }
        }

        private void skipCell() throws IOException { x.text(); }

        private void value(int col, String type, String calc, String office, String date, String bool, String formula, String style, String text) {
            if ("error".equals(calc)) {
                row.add(col, Sheets.ERROR, text);
                return;
            }
            if (type == null) {
                if (formula != null) row.add(col, Sheets.FORMULA, "=" + stripNamespace(formula));
                else if (!text.isEmpty()) row.add(col, Sheets.TEXT, text);
                return;
            }
            switch (type) {
                case "float", "percentage", "currency" -> {
                    String shown = office == null ? null : Sheets.number(office);
                    if (shown != null) row.add(col, Sheets.NUMBER, shown);
                    else if (formula != null) row.add(col, Sheets.FORMULA, "=" + stripNamespace(formula));
                    else if (!text.isEmpty()) row.add(col, Sheets.TEXT, text);
                }
                case "date" -> {
                    if (date == null) {
                        if (!text.isEmpty()) row.add(col, Sheets.TEXT, text);
                        return;
                    }
                    String d = date.length() >= 10 ? date.substring(0, 10) : date;
                    row.add(col, Sheets.DATE, text.isEmpty() ? d : text);
                    Byte k = style == null ? null : dateStyles.get(style);
                    byte kind = k == null ? Sheets.DAY : k;
                    row.dates[row.size - 1] = kind == Sheets.YEAR && d.length() >= 4 ? d.substring(0, 4)
                            : kind == Sheets.MONTH && d.length() >= 7 ? d.substring(0, 7) : d;
                }
                case "boolean" -> row.add(col, Sheets.BOOLEAN, "true".equals(bool) ? "true" : "false");
                case "error" -> row.add(col, Sheets.ERROR, text);
                default -> {
                    if (text.startsWith("#") && formula != null && (text.endsWith("!") || text.equals("#N/A") || text.endsWith("?"))) {
                        row.add(col, Sheets.ERROR, text);
                    } else if (!text.isEmpty()) {
                        row.add(col, Sheets.TEXT, text);
                    } else if (formula != null && office == null) {
                        row.add(col, Sheets.FORMULA, "=" + stripNamespace(formula));
                    }
                }
            }
        }

        private String stripNamespace(String f) { return f.startsWith("of:=") ? f.substring(4) : f.startsWith("=") ? f.substring(1) : f; }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
