package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small pull tokenizer for the XML inside workbooks (sheets, shared strings, the parts that list
 * them), on UTF-8 bytes, written for this use rather than taken from the JDK: a sheet is millions of
 * {@code <c><v>12</v></c>}, and the JDK's StAX parser took about 2 µs a cell under C1 (as the launcher
 * runs tally), aalto (fastexcel's) 2.4 µs, this one with the table's reading 0.45 µs (see {@link XlsxBook}).
 *
 * <p>What it reads: elements (a prefix is ignored: {@code x:row} is {@code row}), attributes in either
 * quote, text with the five predefined entities and character references, CDATA, comments and
 * processing instructions (skipped). What it refuses, with an {@link Problem} and never a guess: a
 * document type declaration (a DTD: where entity expansion and external entities live), any other
 * entity, an encoding other than UTF-8, a tag longer than {@link #MAX_TAG} bytes, a text longer than
 * {@link #MAX_TEXT} characters. Memory is the buffer and one text, whatever the input.
 *
 * <pre>
 *   while ((e = x.next()) != Xml.EOF) if (e == Xml.START &amp;&amp; x.is("row")) … x.attr("r") … x.text()
 * </pre>
 */
final class Xml {
    static final int EOF = 0, START = 1, END = 2;
    /** The longest tag with its attributes, in bytes. */
    static final int MAX_TAG = 1 << 16;
    /** The longest text read, in characters: a cell holds at most 32,767; a shared string table's entry as much. */
    static final int MAX_TEXT = 1 << 20;

    /** Why the XML cannot be read; the message says it in tally's words. */
    static final class Problem extends IOException {
        final String key;
        final Object[] args;

        Problem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    private final InputStream in;
    private byte[] buf;
    private int pos, len;
    private boolean eof, started;
    /** Text is being skipped (a phonetic run inside a shared string). */
    private boolean discard;

    // the current tag: its local name and attributes as offsets into buf, valid until the next call
    private int nameFrom, nameTo;
    private boolean selfClosing, pendingEnd;
    private int attrs;
    private int[] attrName = new int[16], attrNameEnd = new int[16], attrValue = new int[16], attrValueEnd = new int[16];
    private final StringBuilder text = new StringBuilder();

    Xml(InputStream in) { this(in, 1 << 16); }

    /** With a buffer for a part of about {@code size} bytes (its declared size: a hint, the buffer grows as needed). */
    Xml(InputStream in, long size) {
        this.in = in;
        this.buf = new byte[(int) Math.max(1 << 12, Math.min(size + 16, 1 << 16))];
    }

    /** Over a whole part already in memory (the small parts of a package): no copy, no buffer of its own. */
    Xml(byte[] data) {
        this.in = InputStream.nullInputStream();
        this.buf = data.length == 0 ? new byte[1] : data;
        this.len = data.length;
    }

    /**
     * A processing instruction, skipped; the XML declaration's encoding must be UTF-8 (what Excel and
     * LibreOffice write), as must the bytes: a UTF-16 document is refused rather than misread.
     */
    private void declaration() throws IOException {
        if (startsWith("<?xml ")) {
            int end = tagEnd();
            attributes(pos + 5, end - 1);
            int i = attrIndex("encoding");
            if (i >= 0) {
                String enc = new String(buf, attrValue[i], attrValueEnd[i] - attrValue[i], StandardCharsets.US_ASCII);
                if (!enc.equalsIgnoreCase("UTF-8") && !enc.equalsIgnoreCase("UTF8")) throw new Problem("xml.encoding", enc);
            }
            attrs = 0;
            pos = end + 1;
            return;
        }
        skipPast("?>");
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            shift(pos);
            len -= pos;
            pos = 0;
        }
        if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, len, buf.length - len);
        if (n <= 0) {
            eof = true;
            return false;
        }
        len += n;
        return true;
    }

    /** Moves the offsets of the current tag after the buffer was compacted by {@code by} bytes. */
    private void shift(int by) {
        nameFrom -= by;
        nameTo -= by;
        for (int i = 0; i < attrs; i++) {
            attrName[i] -= by;
            attrNameEnd[i] -= by;
            attrValue[i] -= by;
            attrValueEnd[i] -= by;
        }
    }

    /**
     * The next tag: {@link #START} (an empty element {@code <a/>} is a START and then an END), {@link #END},
     * or {@link #EOF}. Text between tags is skipped unless {@link #text} is called first.
     */
    int next() throws IOException {
        if (!started) {
            started = true;
            if (ensure(2) && (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF || buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE)) {
                throw new Problem("xml.encoding", "UTF-16");
            }
        }
        if (pendingEnd) {
            pendingEnd = false;
            attrs = 0;
            return END;
        }
        while (true) {
            int lt = indexOf((byte) '<');
            if (lt < 0) return EOF;
            pos = lt;
            if (!ensure(2)) return EOF;
            byte c = buf[pos + 1];
            if (c == '/') {
                int end = tagEnd();
                int nameEnd = pos + 2;
                while (nameEnd < end && !space(buf[nameEnd])) nameEnd++;
                name(pos + 2, nameEnd);
                attrs = 0;
                pos = end + 1;
                return END;
            }
            if (c == '?') {
                declaration();
                continue;
            }
            if (c == '!') {
                if (startsWith("<!--")) {
                    skipPast("-->");
                    continue;
                }
                if (startsWith("<![CDATA[")) {
                    skipPast("]]>");
                    continue;
                }
                throw new Problem("xml.dtd");
            }
            int end = startTag();
            if (end < 0) {
                // the tag goes on past the buffer (or is not simple): find its end first, then read it
                end = tagEnd();
                selfClosing = buf[end - 1] == '/';
                int nameEnd = pos + 1;
                while (nameEnd < end && !space(buf[nameEnd]) && buf[nameEnd] != '/') nameEnd++;
                name(pos + 1, nameEnd);
                attributes(nameEnd, selfClosing ? end - 1 : end);
            }
            pos = end + 1;
            pendingEnd = selfClosing;
            return START;
        }
    }

    /** Whether the current tag's local name is {@code n} (ASCII). */
    boolean is(String n) {
        int l = nameTo - nameFrom;
        if (l != n.length()) return false;
        for (int i = 0; i < l; i++) if (buf[nameFrom + i] != n.charAt(i)) return false;
        return true;
    }

    /** The same for a name given as its ASCII bytes (the hot loops': no String to walk). */
    boolean is(byte[] n) {
        int l = nameTo - nameFrom;
        if (l != n.length) return false;
        byte[] b = buf;
        for (int i = 0, k = nameFrom; i < l; i++, k++) if (b[k] != n[i]) return false;
        return true;
    }

    String name() { return new String(buf, nameFrom, nameTo - nameFrom, StandardCharsets.UTF_8); }

    private void name(int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) if (buf[i] == ':') colon = i;
        nameFrom = colon < 0 ? from : colon + 1;
        nameTo = to;
    }

    /** The value of attribute {@code n} of the current start tag (its local name; a prefix is ignored), or null. */
    String attr(String n) throws IOException {
        int i = attrIndex(n);
        return i < 0 ? null : decode(attrValue[i], attrValueEnd[i]);
    }

    /** The value of the attribute whose qualified name (prefix included) is {@code q}, or null. */
    String attrQualified(String q) throws IOException {
        for (int i = 0; i < attrs; i++) {
            int from = attrName[i], l = attrNameEnd[i] - from;
            if (l != q.length()) continue;
            boolean same = true;
            for (int k = 0; k < l && same; k++) same = buf[from + k] == q.charAt(k);
            if (same) return decode(attrValue[i], attrValueEnd[i]);
        }
        return null;
    }

    /** The attribute {@code n} as a non-negative int, or -1 when absent or not a number of up to 9 digits. */
    int attrInt(String n) {
        int i = attrIndex(n);
        if (i < 0) return -1;
        int from = attrValue[i], to = attrValueEnd[i];
        while (from < to && space(buf[from])) from++;
        while (to > from && space(buf[to - 1])) to--;
        if (from == to || to - from > 9) return -1;
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** True when attribute {@code n} is {@code 1} or {@code true}. */
    boolean attrTrue(String n) {
        int i = attrIndex(n);
        if (i < 0) return false;
        int from = attrValue[i], l = attrValueEnd[i] - from;
        return l == 1 && buf[from] == '1' || l == 4 && buf[from] == 't' && buf[from + 1] == 'r' && buf[from + 2] == 'u' && buf[from + 3] == 'e';
    }

    /** Whether attribute {@code n} is exactly the ASCII {@code value}. */
    boolean attrIs(String n, String value) {
        int i = attrIndex(n);
        if (i < 0) return false;
        int from = attrValue[i], l = attrValueEnd[i] - from;
        if (l != value.length()) return false;
        for (int k = 0; k < l; k++) if (buf[from + k] != value.charAt(k)) return false;
        return true;
    }

    /**
     * A cell reference's column, from attribute {@code n} ({@code r="AB12"}): 0 for A; -1 when absent
     * or not a reference.
     */
    int attrColumn(String n) {
        int i = attrIndex(n);
        if (i < 0) return -1;
        int col = 0, k = attrValue[i], to = attrValueEnd[i], letters = 0;
        if (k < to && buf[k] == '$') k++;
        for (; k < to && buf[k] >= 'A' && buf[k] <= 'Z' && letters < 4; k++, letters++) col = col * 26 + (buf[k] - 'A' + 1);
        return letters == 0 ? -1 : col - 1;
    }

    private int attrIndex(String n) {
        for (int i = 0; i < attrs; i++) {
            int from = attrName[i], to = attrNameEnd[i];
            for (int k = from; k < to; k++) if (buf[k] == ':') from = k + 1;
            if (to - from != n.length()) continue;
            boolean same = true;
            for (int k = 0; k < n.length() && same; k++) same = buf[from + k] == n.charAt(k);
            if (same) return i;
        }
        return -1;
    }

    /** The same for a one-letter name without a prefix ({@code r}, {@code s}, {@code t} of a cell): the hot loop's. */
    private int attrIndex(byte n) {
        byte[] b = buf;
        for (int i = 0; i < attrs; i++) if (attrNameEnd[i] - attrName[i] == 1 && b[attrName[i]] == n) return i;
        return -1;
    }

    /** A cell's attributes r, s and t at once: {column (-1), style (-1), type shape as attrShape (-1)}. */
    void cellAttributes(int[] out) {
        int r = attrIndex((byte) 'r'), st = attrIndex((byte) 's'), t = attrIndex((byte) 't');
        out[0] = r < 0 ? -1 : column(attrValue[r], attrValueEnd[r]);
        out[1] = st < 0 ? -1 : digits(attrValue[st], attrValueEnd[st]);
        if (t < 0) {
            out[2] = -1;
        } else {
            int l = attrValueEnd[t] - attrValue[t];
            out[2] = l == 0 ? 0 : (Math.min(l, 1 << 20) << 8) | (buf[attrValue[t]] & 0xff);
        }
    }

    private int column(int k, int to) {
        int col = 0, letters = 0;
        if (k < to && buf[k] == '$') k++;
        for (; k < to && buf[k] >= 'A' && buf[k] <= 'Z' && letters < 4; k++, letters++) col = col * 26 + (buf[k] - 'A' + 1);
        return letters == 0 ? -1 : col - 1;
    }

    private int digits(int from, int to) {
        if (from == to || to - from > 9) return -1;
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Consumes {@code literal} (a whole tag such as {@code <v>} or {@code </c>}) when the input goes on
     * with exactly it: the fast way through a cell's usual shape; anything else is left for {@link #next}.
     */
    boolean consume(byte[] literal) throws IOException {
        if (pendingEnd) return false;
        if (len - pos < literal.length && !ensure(literal.length)) return false;
        byte[] b = buf;
        for (int i = 0, k = pos; i < literal.length; i++, k++) if (b[k] != literal[i]) return false;
        pos += literal.length;
        return true;
    }

    private void attributes(int from, int to) throws Problem {
        attrs = 0;
        int i = from;
        while (true) {
            while (i < to && space(buf[i])) i++;
            if (i >= to) return;
            int ns = i;
            while (i < to && buf[i] != '=' && !space(buf[i])) i++;
            int ne = i;
            while (i < to && space(buf[i])) i++;
            if (i >= to || buf[i] != '=') throw new Problem("xml.malformed", "attribute without a value");
            i++;
            while (i < to && space(buf[i])) i++;
            if (i >= to || buf[i] != '"' && buf[i] != '\'') throw new Problem("xml.malformed", "attribute value without quotes");
            byte q = buf[i++];
            int vs = i;
            while (i < to && buf[i] != q) i++;
            if (i >= to) throw new Problem("xml.malformed", "unclosed attribute value");
            if (attrs == attrName.length) {
                if (attrs >= 1024) throw new Problem("xml.malformed", "more than 1024 attributes");
                attrName = java.util.Arrays.copyOf(attrName, attrs * 2);
                attrNameEnd = java.util.Arrays.copyOf(attrNameEnd, attrs * 2);
                attrValue = java.util.Arrays.copyOf(attrValue, attrs * 2);
                attrValueEnd = java.util.Arrays.copyOf(attrValueEnd, attrs * 2);
            }
            attrName[attrs] = ns;
            attrNameEnd[attrs] = ne;
            attrValue[attrs] = vs;
            attrValueEnd[attrs] = i;
            attrs++;
            i++;
        }
    }

    /**
     * The text content of the element just started, up to its end tag, with the text of any elements
     * inside it (a rich-text run's {@code <t>}) except phonetic runs ({@code rPh}); consumes the end tag.
     * Empty for an empty element.
     */
    String text() throws IOException {
        text.setLength(0);
        if (pendingEnd) {
            pendingEnd = false;
            return "";
        }
        int depth = 0;
        boolean skipping = false;
        int skipDepth = 0;
        while (true) {
            discard = skipping;
            int lt = indexOfText();
            if (lt < 0) return text.toString();
            pos = lt;
            if (!ensure(2)) return text.toString();
            byte c = buf[pos + 1];
            if (c == '!') {
                if (startsWith("<![CDATA[")) {
                    int end = find("]]>", pos + 9);
                    if (!skipping) appendUtf8(pos + 9, end);
                    pos = end + 3;
                    continue;
                }
                if (startsWith("<!--")) {
                    skipPast("-->");
                    continue;
                }
                throw new Problem("xml.dtd");
            }
            if (c == '?') {
                skipPast("?>");
                continue;
            }
            int e = next();
            if (e == EOF) return text.toString();
            if (e == START) {
                if (is("rPh") && !skipping) {
                    skipping = true;
                    skipDepth = depth;
                }
                depth++;
                continue;
            }
            if (depth == 0) return text.toString();
            depth--;
            if (skipping && depth == skipDepth) skipping = false;
        }
    }

    /**
     * The fast way to the text of an element just started that holds plain text only (a cell's
     * {@code <v>12</v>}): true, with the text's bytes at {@link #rawFrom()}..{@link #rawTo()} in
     * {@link #rawBuffer()} (valid until the next call) and the end tag consumed, when the text has no
     * entity and is followed by the element's end; false, having consumed nothing, otherwise (then
     * {@link #text} reads it).
     */
    boolean rawText() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            rawFrom = rawTo = pos;
            return true;
        }
        int i = pos;
        while (true) {
            while (i < len && buf[i] != '<') {
                if (buf[i] == '&') return false;
                i++;
            }
            if (i < len) break;
            if (i - pos > MAX_TEXT) return false;
            int rel = i - pos;
            if (!fill()) return false;
            i = pos + rel;
        }
        // the end tag must follow: </name>
        int rel = i - pos;
        while (len - i < 2 || buf[i + 1] == '/' && indexOfByte((byte) '>', i, len) < 0) {
            if (!fill()) return false;
            i = pos + rel;
        }
        if (buf[i + 1] != '/') return false;
        int close = indexOfByte((byte) '>', i, len);
        if (close < 0) return false;
        rawFrom = pos;
        rawTo = i;
        pos = close + 1;
        return true;
    }

    private int rawFrom, rawTo;

    int rawFrom() { return rawFrom; }

    int rawTo() { return rawTo; }

    byte[] rawBuffer() { return buf; }

    /** The first byte of attribute {@code n}'s value and its length as {@code (length << 8) | byte}, or -1 when absent. */
    int attrShape(String n) {
        int i = attrIndex(n);
        if (i < 0) return -1;
        int l = attrValueEnd[i] - attrValue[i];
        return l == 0 ? 0 : (Math.min(l, 1 << 20) << 8) | (buf[attrValue[i]] & 0xff);
    }

    /** Decodes text up to the next '<' into {@link #text}, returning the position of that '<' (or -1 at the end). */
    private int indexOfText() throws IOException {
        while (true) {
            int start = pos;
            int i = start;
            while (i < len && buf[i] != '<') i++;
            // whole characters only: stop before an entity or a multi-byte character cut by the buffer end
            int end = i;
            if (i == len && !eof) {
                int amp = -1;
                for (int k = Math.max(start, i - 12); k < i; k++) if (buf[k] == '&') amp = k;
                if (amp >= 0 && indexOfByte((byte) ';', amp, i) < 0) end = amp;
                while (end > start && (buf[end - 1] & 0xC0) == 0x80) end--;
                if (end > start && (buf[end - 1] & 0x80) != 0) end--;
            }
            decodeText(start, end);
            pos = end;
            if (end < len && buf[end] == '<') return end;
            if (!fill()) {
                if (pos < len) decodeText(pos, len);
                pos = len;
                return -1;
            }
        }
    }

    private void decodeText(int from, int to) throws Problem {
        if (discard) return;
        int i = from;
        while (i < to) {
            int amp = indexOfByte((byte) '&', i, to);
            if (amp < 0) {
                appendUtf8(i, to);
                return;
            }
            appendUtf8(i, amp);
            int semi = indexOfByte((byte) ';', amp, Math.min(to, amp + 12));
            if (semi < 0) throw new Problem("xml.entity", new String(buf, amp, Math.min(to, amp + 12) - amp, StandardCharsets.UTF_8));
            entity(amp + 1, semi, text);
            i = semi + 1;
        }
    }

    private void appendUtf8(int from, int to) throws Problem {
        if (to <= from) return;
        if (text.length() + (to - from) > MAX_TEXT * 3) throw new Problem("xml.textTooLong", MAX_TEXT);
        boolean ascii = true;
        for (int k = from; k < to && ascii; k++) ascii = buf[k] >= 0;
        if (ascii) {
            for (int k = from; k < to; k++) text.append((char) buf[k]);
        } else {
            text.append(new String(buf, from, to - from, StandardCharsets.UTF_8));
        }
        if (text.length() > MAX_TEXT) throw new Problem("xml.textTooLong", MAX_TEXT);
    }

    /** Decodes {@code &name;} (name in {@code buf[from, to)}) onto {@code out}. */
    private void entity(int from, int to, StringBuilder out) throws Problem {
        int l = to - from;
        if (l >= 2 && buf[from] == '#') {
            int cp = 0;
            boolean hex = buf[from + 1] == 'x' || buf[from + 1] == 'X';
            int k = from + (hex ? 2 : 1);
            if (k == to) throw new Problem("xml.entity", "&" + new String(buf, from, l, StandardCharsets.UTF_8) + ";");
            for (; k < to; k++) {
                int d = Character.digit(buf[k], hex ? 16 : 10);
                if (d < 0 || cp > 0x10FFFF) throw new Problem("xml.entity", "&" + new String(buf, from, l, StandardCharsets.UTF_8) + ";");
                cp = cp * (hex ? 16 : 10) + d;
            }
            if (cp > 0x10FFFF || cp == 0) throw new Problem("xml.entity", "&" + new String(buf, from, l, StandardCharsets.UTF_8) + ";");
            out.appendCodePoint(cp);
            return;
        }
        String name = new String(buf, from, l, StandardCharsets.US_ASCII);
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            case "apos" -> out.append('\'');
            default -> throw new Problem("xml.entity", "&" + new String(buf, from, l, StandardCharsets.UTF_8) + ";");
        }
    }

    private String decode(int from, int to) throws Problem {
        boolean plain = true;
        for (int k = from; k < to && plain; k++) plain = buf[k] != '&';
        if (plain) return new String(buf, from, to - from, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int amp = indexOfByte((byte) '&', i, to);
            if (amp < 0) {
                sb.append(new String(buf, i, to - i, StandardCharsets.UTF_8));
                break;
            }
            sb.append(new String(buf, i, amp - i, StandardCharsets.UTF_8));
            int semi = indexOfByte((byte) ';', amp, to);
            if (semi < 0) throw new Problem("xml.entity", new String(buf, amp, Math.min(to - amp, 12), StandardCharsets.UTF_8));
            entity(amp + 1, semi, sb);
            i = semi + 1;
        }
        return sb.toString();
    }

    /** The position of the next '<' from pos, filling as needed; -1 at the end of the input. */
    private int indexOf(byte b) throws IOException {
        while (true) {
            for (int i = pos; i < len; i++) {
                if (buf[i] == b) return i;
            }
            pos = len;
            if (!fill()) return -1;
        }
    }

    private int indexOfByte(byte b, int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] == b) return i;
        return -1;
    }

    /** At least {@code n} bytes from pos in the buffer (false at the end of the input). */
    private boolean ensure(int n) throws IOException {
        while (len - pos < n) if (!fill()) return false;
        return true;
    }

    private boolean startsWith(String s) throws IOException {
        if (!ensure(s.length())) return false;
        for (int i = 0; i < s.length(); i++) if (buf[pos + i] != s.charAt(i)) return false;
        return true;
    }

    /**
     * A start tag read in one pass, its name and attributes as it goes: the index of its '>', or -1
     * when the buffer ends first or the tag is not of the plain shape {@code <name a="v" b='w'/>} (then
     * the caller reads it the careful way, which also says what is wrong).
     */
    private int startTag() {
        byte[] b = buf;
        int n = len, i = pos + 1;
        int ns = i;
        while (i < n) {
            byte c = b[i];
            if (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r') break;
            i++;
        }
        if (i >= n || i == ns) return -1;
        int colon = -1;
        for (int k = ns; k < i; k++) if (b[k] == ':') colon = k;
        nameFrom = colon < 0 ? ns : colon + 1;
        nameTo = i;
        attrs = 0;
        while (true) {
            while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) i++;
            if (i >= n) return -1;
            byte c = b[i];
            if (c == '>') {
                selfClosing = false;
                return i;
            }
            if (c == '/') {
                if (i + 1 < n && b[i + 1] == '>') {
                    selfClosing = true;
                    return i + 1;
                }
                return -1;
            }
            int as = i;
            while (i < n && b[i] != '=' && b[i] != ' ' && b[i] != '>' && b[i] != '/') i++;
            if (i >= n || b[i] != '=') return -1;
            int ae = i++;
            if (i >= n || b[i] != '"' && b[i] != '\'') return -1;
            byte q = b[i++];
            int vs = i;
            while (i < n && b[i] != q) i++;
            if (i >= n) return -1;
            if (attrs == attrName.length) {
                if (attrs >= 1024) return -1;
                attrName = java.util.Arrays.copyOf(attrName, attrs * 2);
                attrNameEnd = java.util.Arrays.copyOf(attrNameEnd, attrs * 2);
                attrValue = java.util.Arrays.copyOf(attrValue, attrs * 2);
                attrValueEnd = java.util.Arrays.copyOf(attrValueEnd, attrs * 2);
            }
            attrName[attrs] = as;
            attrNameEnd[attrs] = ae;
            attrValue[attrs] = vs;
            attrValueEnd[attrs] = i;
            attrs++;
            i++;
        }
    }

    /** The index of the '>' that ends the tag at pos (quotes respected), within {@link #MAX_TAG} bytes. */
    private int tagEnd() throws IOException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            for (; i < len; i++) {
                byte c = buf[i];
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    if (i - pos > MAX_TAG) throw new Problem("xml.tagTooLong", MAX_TAG / 1024);
                    return i;
                }
            }
            if (i - pos > MAX_TAG) throw new Problem("xml.tagTooLong", MAX_TAG / 1024);
            int at = i - pos;
            if (!fill()) throw new Problem("xml.malformed", "the document ends inside a tag");
            i = pos + at;
        }
    }

    /** The index where {@code s} starts, from {@code from}, filling as needed (the text before it is kept in the buffer). */
    private int find(String s, int from) throws IOException {
        int at = from - pos;
        while (true) {
            outer:
            for (int i = pos + at; i + s.length() <= len; i++) {
                for (int k = 0; k < s.length(); k++) if (buf[i + k] != s.charAt(k)) continue outer;
                return i;
            }
            if (len - pos > MAX_TEXT * 4) throw new Problem("xml.textTooLong", MAX_TEXT);
            at = Math.max(from - pos, len - pos - s.length() + 1);
            int before = pos;
            if (!fill()) throw new Problem("xml.malformed", "the document ends before " + s);
            from -= before - pos;
        }
    }

    private void skipPast(String s) throws IOException {
        // comments and processing instructions may be long: the buffer is let go of as they are skipped
        int k = 0;
        pos += 2;
        while (true) {
            while (pos < len) {
                byte c = buf[pos++];
                if (c == s.charAt(k)) {
                    if (++k == s.length()) return;
                } else {
                    k = c == s.charAt(0) ? 1 : 0;
                }
            }
            if (!fill()) throw new Problem("xml.malformed", "the document ends before " + s);
        }
    }

    private static boolean space(byte c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}
