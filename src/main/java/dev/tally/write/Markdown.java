package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * GitHub-flavoured Markdown pipe table; | in cells is escaped. Nothing is aligned, so rows are
 * written as they come: a findings file of a million rows is never held in memory.
 */
final class Markdown extends Buffered {
    private final StringBuilder sb = new StringBuilder();

    Markdown(OutputStream out, NumberStyle style) { super(out, style); }

    @Override
    public void start(List<Column> cols, Map<String, Object> meta) throws IOException {
        super.start(cols, meta);
        if (caption != null) sb.append(esc(caption)).append("\n\n");
        sb.append('|');
        for (Column c : columns) sb.append(' ').append(esc(c.heading())).append(" |");
        sb.append("\n|");
        for (Column c : columns) sb.append(c.numeric() ? " ---: |" : " --- |");
        sb.append('\n');
    }

    @Override
    public void row(List<?> cells) throws IOException {
        sb.append('|');
        for (Object c : cells) sb.append(' ').append(indented(esc(Cells.text(c, style)))).append(" |");
        sb.append('\n');
        if (sb.length() > 1 << 16) {
            w.write(sb.toString());
            sb.setLength(0);
        }
    }

    @Override
    public void finish() throws IOException {
        w.write(sb.toString());
        sb.setLength(0);
        w.flush();
    }

    /** A cell as a terminal would show it ({@link Visible}: a control character from a file acts on nothing), its pipes escaped. */
    private static String esc(String s) { return Visible.of(s).replace("|", "\\|"); }

    /**
     * A cell's leading spaces (a unit's depth in the tree, as the text table indents it) as no-break
     * spaces, which a Markdown renderer keeps where it drops ordinary ones: districts and their
     * communes stay told apart.
     */
    private static String indented(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == ' ') k++;
        return k == 0 ? s : "\u00a0".repeat(k) + s.substring(k);
    }
}
