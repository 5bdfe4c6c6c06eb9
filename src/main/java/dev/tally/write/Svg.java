package dev.tally.write;

import java.util.Locale;

/**
 * A {@link Doc.Chart} as an SVG element, for the HTML report (and the PDF made from it). Our own few
 * dozen lines: JFreeSVG is GPLv3 and cannot go into this jar, and a bar chart needs only rectangles
 * and text. Horizontal bars, one row per category, a bar per series in greys that differ in
 * lightness and outline (readable printed in black and white), each bar labelled with its series'
 * label (the counts), a missing value with its label and no bar. Sizes are in CSS pixels; the
 * element scales to the page's width.
 */
final class Svg {
    private Svg() {}

    static final String[] FILLS = {"#404040", "#b0b0b0", "#808080", "#e0e0e0"};
    private static final int WIDTH = 640, BAR = 14, GAP = 8, TITLE = 24, LEGEND = 22, CHAR = 7;

    static String chart(Doc.Chart c) {
        int n = c.categories().size(), s = c.series().size();
        int labelWidth = 40;
        for (String cat : c.categories()) labelWidth = Math.max(labelWidth, Math.min(260, cat.length() * CHAR));
        int valueLabel = 0;
        for (Doc.Series se : c.series()) for (String l : se.labels()) valueLabel = Math.max(valueLabel, l.length() * CHAR);
        int x0 = labelWidth + 10, plot = Math.max(100, WIDTH - x0 - valueLabel - 16);
        double max = c.max() != null ? c.max() : 0;
        if (c.max() == null) for (Doc.Series se : c.series()) for (Double v : se.values()) if (v != null) max = Math.max(max, v);
        if (max <= 0) max = 1;
        int row = s * BAR + GAP;
        int legend = s > 1 ? LEGEND : 0;
        int height = TITLE + legend + n * row + GAP;
        StringBuilder b = new StringBuilder(512 + n * s * 200);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" font-family=\"'Times New Roman','Liberation Serif',serif\" font-size=\"12\">");
        b.append("<title>").append(esc(c.title())).append("</title>");
        b.append("<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">").append(esc(c.title())).append("</text>");
        if (s > 1) {
            int lx = 0;
            for (int k = 0; k < s; k++) {
                b.append(rect(lx, TITLE + 2, 12, 12, FILLS[k % FILLS.length]));
                b.append("<text x=\"").append(lx + 16).append("\" y=\"").append(TITLE + 12).append("\">").append(esc(c.series().get(k).name()))
                        .append("</text>");
                lx += 30 + c.series().get(k).name().length() * CHAR;
            }
        }
        int top = TITLE + legend;
        for (int i = 0; i < n; i++) {
            int y = top + i * row;
            b.append("<text x=\"").append(labelWidth).append("\" y=\"").append(y + row / 2 + 2).append("\" text-anchor=\"end\">")
                    .append(esc(c.categories().get(i))).append("</text>");
            for (int k = 0; k < s; k++) {
                Doc.Series se = c.series().get(k);
                Double v = se.values().get(i);
                int by = y + k * BAR;
                double w = v == null ? 0 : Math.max(0, Math.min(1, v / max)) * plot;
                if (v != null) b.append(rect(x0, by + 1, w, BAR - 2, FILLS[k % FILLS.length]));
                b.append("<text x=\"").append(fmt(x0 + w + 4)).append("\" y=\"").append(by + BAR - 3).append("\">")
                        .append(esc(se.labels().get(i))).append("</text>");
            }
        }
        // the axis the bars start from
        b.append("<line x1=\"").append(x0).append("\" y1=\"").append(top).append("\" x2=\"").append(x0).append("\" y2=\"")
                .append(top + n * row).append("\" stroke=\"#000\" stroke-width=\"1\"/>");
        b.append("</svg>");
        return b.toString();
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w) + "\" height=\"" + fmt(h) + "\" fill=\"" + fill
                + "\" stroke=\"#000\" stroke-width=\"0.6\"/>";
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 has no place for control characters: they go rather than break the file
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
