package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Office Open XML workbook (.xlsx, .xlsm), read as a stream: the package's parts are found through
 * its relationships, the shared strings are held compactly (one byte array), and each sheet is read
 * one row at a time, so memory is the shared strings and one row whatever the sheet's length.
 *
 * <p>Why not a library. Measured on this machine, run as the launcher runs tally (C1, one compiler
 * thread), CPU time: a sheet of 200,000 rows × 24 cells (4.8M cells, 188 MB of XML) took dhatim
 * fastexcel-reader 0.20.2 (aalto StAX, commons-compress) 11.5 s, the JDK's StAX parser 8.6-10.0 s,
 * this reader 2.0-2.3 s with the table's reading into a sink included; a 300-row template in a
 * fresh JVM 0.46-0.52 s against 0.20 s. fastexcel also reads neither hidden columns nor merged cells,
 * offers no way to bound what an entry inflates to (a zip bomb), and would bring commons-compress,
 * commons-io, commons-lang3, commons-codec and aalto (3.3 MB) into the jar.
 *
 * <p>Everything that cannot be read is an {@link Xml.Problem} naming what is wrong.
 */
final class XlsxBook implements Sheets.Book {
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

    private final Zip zip;
    private final List<Sheets.Info> sheets = new ArrayList<>();
    private final List<String> sheetParts = new ArrayList<>();
    private boolean date1904;
    /** Per cell style (xf index): how much of a date its number format shows, 0 when it is not a date. */
    private byte[] dateStyles = new byte[0];
    private Strings strings;
    private String stringsPart;
    /** The styles part, read on the first number cell with a style: only a style says a number is a date. */
    private String stylesPart;
    private boolean stylesRead;

    private byte dateStyle(int style) throws IOException {
        if (style < 0) return 0;
        if (!stylesRead) {
            stylesRead = true;
            if (stylesPart != null) readStyles(stylesPart);
        }
        return style < dateStyles.length ? dateStyles[style] : 0;
    }

    XlsxBook(Path file) throws IOException {
        this.zip = new Zip(file);
        try {
            String workbook = officeDocument();
            Map<String, String[]> rels = relationships(workbook);
            String styles = null;
            for (String[] r : rels.values()) {
                if (r[0].endsWith("/sharedStrings")) stringsPart = r[1];
                else if (r[0].endsWith("/styles")) styles = r[1];
            }
            readWorkbook(workbook, rels);
            stylesPart = styles;
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    @Override
    public List<Sheets.Info> sheets() { return sheets; }

    @Override
    public void close() throws IOException { zip.close(); }

    /** The workbook part, from the package's relationships (xl/workbook.xml when they do not say). */
    private String officeDocument() throws IOException {
        byte[] rels = zip.bytes("_rels/.rels", 1 << 20);
        if (rels != null) {
            Xml x = new Xml(rels);
            for (int e; (e = x.next()) != Xml.EOF; ) {
                if (e != Xml.START || !x.is("Relationship")) continue;
                String type = x.attr("Type");
                if (type != null && type.endsWith("/officeDocument") && x.attr("Target") != null) {
                    return resolve("", x.attr("Target"));
                }
            }
        }
        if (zip.has("xl/workbook.xml")) return "xl/workbook.xml";
        throw new Xml.Problem("xlsx.noWorkbook");
    }

    /** A part's relationships: id → {type, target part}. */
    private Map<String, String[]> relationships(String part) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        int slash = part.lastIndexOf('/');
        String dir = slash < 0 ? "" : part.substring(0, slash + 1);
        byte[] b = zip.bytes(dir + "_rels/" + part.substring(slash + 1) + ".rels", 16 << 20);
        if (b == null) return out;
        Xml x = new Xml(b);
        for (int e; (e = x.next()) != Xml.EOF; ) {
            if (e != Xml.START || !x.is("Relationship")) continue;
            String id = x.attr("Id"), type = x.attr("Type"), target = x.attr("Target");
            if (id == null || type == null || target == null || "External".equals(x.attr("TargetMode"))) continue;
            out.put(id, new String[] {type, resolve(dir, target)});
        }
        return out;
    }

    /** A relationship's target as a part name: relative to the source's folder, or absolute from the root. */
    private static String resolve(String dir, String target) {
        String t = target.startsWith("/") ? target.substring(1) : dir + target;
        // a/b/../c is a/c
        List<String> parts = new ArrayList<>();
        for (String p : t.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private void readWorkbook(String part, Map<String, String[]> rels) throws IOException {
        byte[] b = zip.bytes(part, 64 << 20);
        if (b == null) throw new Xml.Problem("xlsx.noWorkbook");
        Xml x = new Xml(b);
        for (int e; (e = x.next()) != Xml.EOF; ) {
            if (e != Xml.START) continue;
            if (x.is("workbookPr")) {
                date1904 = x.attrTrue("date1904");
            } else if (x.is("sheet")) {
                String name = x.attr("name"), id = x.attr("id");
                String[] rel = id == null ? null : rels.get(id);
                // a chart sheet or a dialog sheet holds no cells
                if (name == null || rel == null || !(rel[0].equals(REL + "worksheet") || rel[0].equals(STRICT_REL + "worksheet"))) continue;
                boolean hidden = x.attrIs("state", "hidden") || x.attrIs("state", "veryHidden");
                sheets.add(new Sheets.Info(name, hidden));
                sheetParts.add(rel[1]);
            }
        }
    }

    /** Which cell styles show a date, and how much of it (a number format's codes y, m, d outside quotes). */
    private void readStyles(String part) throws IOException {
        byte[] b = zip.bytes(part, 64 << 20);
        if (b == null) return;
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        Xml x = new Xml(b);
        boolean inCellXfs = false;
        for (int e; (e = x.next()) != Xml.EOF; ) {
            if (e == Xml.START && x.is("numFmt")) {
                int id = x.attrInt("numFmtId");
                String code = x.attr("formatCode");
                if (id >= 0 && code != null) custom.put(id, code);
            } else if (x.is("cellXfs")) {
                inCellXfs = e == Xml.START;
            } else if (e == Xml.START && inCellXfs && x.is("xf")) {
                xfs.add(Math.max(0, x.attrInt("numFmtId")));
                if (xfs.size() > 1_000_000) throw new Xml.Problem("xlsx.tooManyStyles");
            }
        }
        dateStyles = new byte[xfs.size()];
        for (int i = 0; i < xfs.size(); i++) dateStyles[i] = dateKind(xfs.get(i), custom.get(xfs.get(i)));
    }

    /** How much of a date a number format shows: the built-in date formats, else its code's letters. */
    static byte dateKind(int id, String code) {
        if (code == null) {
            return switch (id) {
                case 14, 15, 22, 27, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58 -> Sheets.DAY;
                case 16 -> Sheets.DAY;
                case 17, 28, 29, 32, 33, 55, 56 -> Sheets.MONTH;
                default -> 0;
            };
        }
        boolean y = false, m = false, d = false, time = false;
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = Character.toLowerCase(code.charAt(i));
            if (quoted) {
                if (c == '"') quoted = false;
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int end = code.indexOf(']', i);
                    if (end < 0) return 0;
                    i = end;
                }
                case ';' -> i = code.length(); // the first section says it
                case 'y', 'e' -> y = true;
                case 'd' -> d = true;
                case 'm' -> m = true;
                case 'h', 's' -> time = true;
                default -> { }
            }
        }
        if (d) return Sheets.DAY;
        if (y && m) return Sheets.MONTH;
        if (y) return Sheets.YEAR;
        if (m && !time) return Sheets.MONTH;
        return 0;
    }

    /** The date a serial number names in this workbook's date system. */
    LocalDate date(double serial) {
        long days = (long) Math.floor(serial);
        if (date1904) return LocalDate.of(1904, 1, 1).plusDays(days);
        // Excel's 1900 system counts a 29 February 1900 that never was (serial 60)
        return days < 60 ? LocalDate.of(1899, 12, 31).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
    }

    private Strings strings() throws IOException {
        if (strings == null) strings = stringsPart == null ? new Strings() : Strings.read(zip.open(stringsPart), zip.size(stringsPart));
        return strings;
    }

    @Override
    public Sheets.Rows open(int index) throws IOException {
        String part = sheetParts.get(index);
        InputStream in = zip.open(part);
        if (in == null) throw new Xml.Problem("xlsx.noSheet", sheets.get(index).name());
        return new SheetRows(part, new Xml(in, zip.size(part)), in, strings());
    }

    /**
     * The shared strings: every string in one UTF-8 byte array with its offsets. A table of a million
     * strings of ten characters is 10 MB and two int arrays; its part is bounded as every part is.
     */
    static final class Strings {
        byte[] data = new byte[0];
        int[] offsets = {0};
        int count;

        static Strings read(InputStream in, long size) throws IOException {
            Strings s = new Strings();
            if (in == null) return s;
            try (in) {
                Xml x = new Xml(in, size);
                // the text is a part of the part's size: a start that fits a template's strings without a copy
                s.data = new byte[(int) Math.max(256, Math.min(size / 2, 1 << 16))];
                s.offsets = new int[64];
                int used = 0;
                for (int e; (e = x.next()) != Xml.EOF; ) {
                    if (e != Xml.START || !x.is("si")) continue;
                    byte[] b = x.text().getBytes(StandardCharsets.UTF_8);
                    if (used + b.length > s.data.length) {
                        long n = Math.max((long) s.data.length * 2, (long) used + b.length);
                        if (n > Integer.MAX_VALUE - 16) throw new Xml.Problem("xlsx.stringsTooLarge");
                        s.data = java.util.Arrays.copyOf(s.data, (int) n);
                    }
                    System.arraycopy(b, 0, s.data, used, b.length);
                    used += b.length;
                    if (s.count + 2 > s.offsets.length) s.offsets = java.util.Arrays.copyOf(s.offsets, s.offsets.length * 2);
                    s.offsets[++s.count] = used;
                }
            }
            return s;
        }
    }

    private static final byte[] V_OPEN = {'<', 'v', '>'}, C_CLOSE = {'<', '/', 'c', '>'};
    private static final byte[] ROW = {'r', 'o', 'w'}, C = {'c'}, V = {'v'}, F = {'f'}, IS = {'i', 's'}, SHEET_DATA = "sheetData".getBytes(StandardCharsets.US_ASCII);

    /** One sheet's rows, streamed. */
    private final class SheetRows implements Sheets.Rows {
        private final String part;
        private final Xml x;
        private final InputStream in;
        private final Strings strings;
        private final BitSet hidden = new BitSet();
        private final Sheets.Row row = new Sheets.Row();
        private boolean inData, done;
        private int lastRow;

        SheetRows(String part, Xml x, InputStream in, Strings strings) throws IOException {
            this.part = part;
            this.x = x;
            this.in = in;
            this.strings = strings;
            // the columns' settings come before the rows
            for (int e; (e = x.next()) != Xml.EOF; ) {
                if (e != Xml.START) continue;
                if (x.is("col") && x.attrTrue("hidden")) {
                    int min = x.attrInt("min"), max = x.attrInt("max");
                    if (min >= 1 && max >= min) hidden.set(min - 1, Math.min(max, 16_384));
                } else if (x.is("sheetData")) {
                    inData = true;
                    return;
                }
            }
            done = true;
        }

        @Override
        public BitSet hiddenColumns() { return hidden; }

        @Override
        public Sheets.Row next() throws IOException {
            if (done) return null;
            while (true) {
                int e = x.next();
                if (e == Xml.EOF) {
                    done = true;
                    return null;
                }
                if (e == Xml.END && x.is(SHEET_DATA)) {
                    done = true;
                    return null;
                }
                if (e != Xml.START || !x.is(ROW)) continue;
                int r = x.attrInt("r");
                if (r <= 0) r = lastRow + 1;
                lastRow = r;
                row.clear(r, x.attrTrue("hidden"));
                cells();
                if (row.size > 0) return row;
            }
        }

        /** Reads the cells of the row just started, up to its end tag. */
        private void cells() throws IOException {
            int col = -1;
            while (true) {
                int e = x.next();
                if (e == Xml.EOF) return;
                if (e == Xml.END) {
                    if (x.is(ROW)) return;
                    continue;
                }
                if (!x.is(C)) continue;
                x.cellAttributes(attrs);
                col = attrs[0] >= 0 ? attrs[0] : col + 1;
                cell(col, type(attrs[2]), attrs[1]);
            }
        }

        /** A cell's type attribute, from its first byte and length: n (or none), s, str, inlineStr, b, e, d. */
        private static char type(int shape) {
            if (shape <= 0) return 'n';
            int l = shape >>> 8;
            char first = (char) (shape & 0xff);
            if (l == 1) return first;
            if (l == 3 && first == 's') return 'S'; // str: a formula's text
            if (l == 9 && first == 'i') return 'i'; // inlineStr
            return '?';
        }

        private final int[] attrs = new int[3];
        private final StringBuilder formula = new StringBuilder();
        /** The cell's value as bytes (a copy: the XML buffer moves on). */
        private byte[] v = new byte[64];
        private int vLen;

        /** One cell: its value, formula or inline string, up to the end of the cell. */
        private void cell(int col, char type, int style) throws IOException {
            boolean hasValue = false, hasFormula = false;
            String inline = null;
            formula.setLength(0);
            // the usual shape, <c …><v>12</v></c>, without the general loop
            if (x.consume(V_OPEN)) {
                hasValue = true;
                readValue();
                if (x.consume(C_CLOSE)) {
                    if (!blank()) value(col, type, style, null);
                    return;
                }
            }
            while (true) {
                int e = x.next();
                if (e == Xml.EOF) break;
                if (e == Xml.END) {
                    if (x.is(C)) break;
                    continue;
                }
                if (x.is(V)) {
                    hasValue = true;
                    readValue();
                } else if (x.is(F)) {
                    hasFormula = true;
                    formula.append(x.text());
                } else if (x.is(IS)) {
                    inline = x.text();
                }
            }
            if ((!hasValue || blank()) && inline == null) {
                // a formula with no saved value (<v/> or none): a finding downstream, never a zero
                if (hasFormula) row.add(col, Sheets.FORMULA, "=" + formula);
                return;
            }
            value(col, type, style, inline);
        }

        private void value(int col, char type, int style, String inline) throws IOException {
            switch (type) {
                case 'n' -> number(col, style);
                case 's' -> {
                    int i = index();
                    if (i < 0 || i >= strings.count) throw new Xml.Problem("xlsx.badString", value().strip(), Sheets.letters(col) + lastRow);
                    row.add(col, Sheets.TEXT, strings.data, strings.offsets[i], strings.offsets[i + 1] - strings.offsets[i]);
                }
                case 'i' -> row.add(col, Sheets.TEXT, inline != null ? inline : value());
                case 'S' -> row.add(col, Sheets.TEXT, value());
                case 'b' -> row.add(col, Sheets.BOOLEAN, value().strip().equals("1") || value().strip().equalsIgnoreCase("true") ? "true" : "false");
                case 'e' -> row.add(col, Sheets.ERROR, value().strip());
                case 'd' -> {
                    String d = value().strip();
                    row.add(col, Sheets.DATE, d);
                    row.dates[row.size - 1] = d.length() >= 10 ? d.substring(0, 10) : d;
                }
                default -> row.add(col, Sheets.TEXT, value());
            }
        }

        private String value() { return new String(v, 0, vLen, StandardCharsets.UTF_8); }

        private boolean blank() {
            for (int k = 0; k < vLen; k++) if (v[k] != ' ' && v[k] != '\t' && v[k] != '\n' && v[k] != '\r') return false;
            return true;
        }

        /** The text of the {@code <v>} just started, into {@link #v}: plain bytes straight from the XML, else decoded. */
        private void readValue() throws IOException {
            if (x.rawText()) {
                vLen = x.rawTo() - x.rawFrom();
                if (vLen > v.length) v = new byte[Math.max(vLen, v.length * 2)];
                System.arraycopy(x.rawBuffer(), x.rawFrom(), v, 0, vLen);
                return;
            }
            byte[] b = x.text().getBytes(StandardCharsets.UTF_8);
            if (b.length > v.length) v = new byte[b.length];
            System.arraycopy(b, 0, v, 0, b.length);
            vLen = b.length;
        }

        /** A shared string's index from the value's digits; -1 when it is not one. */
        private int index() {
            if (vLen == 0 || vLen > 9) return -1;
            int n = 0;
            for (int k = 0; k < vLen; k++) {
                int d = v[k] - '0';
                if (d < 0 || d > 9) return -1;
                n = n * 10 + d;
            }
            return n;
        }

        private void number(int col, int style) throws IOException {
            byte date = dateStyle(style);
            if (date == 0 && plain(v, vLen)) {
                // the common case: an integer or a short decimal, as Excel shows it already
                row.add(col, Sheets.NUMBER, v, 0, vLen);
                return;
            }
            String raw = value();
            if (raw.isBlank()) return;
            String shown = Sheets.number(raw);
            if (shown == null) throw new Xml.Problem("xlsx.badNumber", raw.strip(), Sheets.letters(col) + lastRow);
            if (date == 0) {
                row.add(col, Sheets.NUMBER, shown);
                return;
            }
            row.add(col, Sheets.DATE, shown);
            try {
                LocalDate d = date(Double.parseDouble(shown));
                String iso = d.toString();
                row.dates[row.size - 1] = date == Sheets.YEAR ? iso.substring(0, 4) : date == Sheets.MONTH ? iso.substring(0, 7) : iso;
            } catch (RuntimeException e) {
                row.kind[row.size - 1] = Sheets.NUMBER; // a serial no calendar has: shown as the number it is
            }
        }

        /** Digits with an optional sign and point, at most 15 of them, no trailing zero after the point: shown as it is. */
        private static boolean plain(byte[] b, int n) {
            if (n == 0 || n > 17) return false;
            int i = b[0] == '-' ? 1 : 0;
            if (i == n) return false;
            int point = -1;
            for (int k = i; k < n; k++) {
                byte c = b[k];
                if (c == '.') {
                    if (point >= 0) return false;
                    point = k;
                } else if (c < '0' || c > '9') {
                    return false;
                }
            }
            if (point == i || point == n - 1) return false;
            if (point > 0 && b[n - 1] == '0') return false;
            if (b[i] == '0' && n - i > 1 && (point < 0 || point > i + 1)) return false; // 007
            if (n - i == 1 && b[i] == '0' && i == 1) return false; // -0
            return n - i - (point >= 0 ? 1 : 0) <= 15;
        }

        @Override
        public List<int[]> merges(int from, int to) throws IOException {
            List<int[]> out = new ArrayList<>();
            try (InputStream again = zip.open(part)) {
                Xml m = new Xml(again);
                for (int e; (e = m.next()) != Xml.EOF; ) {
                    if (e != Xml.START || !m.is("mergeCell")) continue;
                    int[] r = range(m.attr("ref"));
                    if (r != null && r[0] <= to && r[2] >= from) out.add(r);
                    if (out.size() > 100_000) break;
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException { in.close(); }
    }

    /** A range {@code B2:D3} as {first row, first column, last row, last column}, or null. */
    static int[] range(String ref) {
        if (ref == null) return null;
        String[] ends = ref.strip().replace("$", "").split(":");
        if (ends.length != 2) return null;
        int[] a = cell(ends[0]), b = cell(ends[1]);
        if (a == null || b == null) return null;
        return new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /** {@code B2} as {row 2, column 1}, or null. */
    static int[] cell(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) i++;
        if (i == 0 || i == ref.length()) return null;
        int col = Sheets.column(ref.substring(0, i));
        try {
            int row = Integer.parseInt(ref.substring(i));
            return col < 0 || row <= 0 ? null : new int[] {row, col};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
