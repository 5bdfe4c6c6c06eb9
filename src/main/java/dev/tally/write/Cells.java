package dev.tally.write;


/** Formatting of cell values shared by the writers. */
public final class Cells {
    private Cells() {}

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** Plain text of a cell: numbers never in scientific notation, null as empty. */
    public static String text(Object cell) { return text(cell, NumberStyle.PLAIN); }

    /** Text of a cell for a person: numbers in the given style, a measure with its coverage and change. */
    public static String text(Object cell, NumberStyle style) {
        if (cell == null) return "";
        if (cell instanceof Measure m) return measure(m, style);
        if (cell instanceof Number n) return style.format(n);
        if (cell instanceof Rank r) return rank(r, style);
        return cell.toString();
    }

    /**
     * {@code 1234}, {@code 1234 [17/20]} when partial, {@code – [0/20]} when nobody reported, {@code 1234 est.}
     * when estimated (an earlier era's value shared out by a mapping's weights) and {@code n/c} when not
     * comparable, and with a comparison {@code (+5.0%)}, {@code (-2.2 pp)} for a rate, {@code (+106.9% partial)}
     * when the two sides do not come from the same reporting units, {@code (-25.0% est.)} when the other side
     * is estimated, {@code (n/c)} when it is not comparable and {@code (no data)} when nothing was reported
     * for it. The marks are the same in every language, as the long shapes' {@code quality} and
     * {@code compare_status} values are: a cell never shows a bare number that is not the whole truth.
     */
    static String measure(Measure m, NumberStyle style) {
        if (m.value() == null && m.expected() == 0 && (m.comparison() == null || m.comparison().value() == null) && m.plan() == null) {
            return ""; // nothing expected here
        }
        StringBuilder sb = new StringBuilder();
        if (m.notComparable()) sb.append(NOT_COMPARABLE);
        else sb.append(m.value() == null ? "–" : style.format(m.value())).append(m.estimated() ? " " + ESTIMATED : "");
        if (m.partial() || m.exempt() > 0) {
            sb.append(" [").append(m.reported()).append('/').append(m.expected());
            if (m.exempt() > 0) sb.append(", ").append(m.exempt()).append(" exempt");
            sb.append(']');
        }
        if (m.plan() != null) plan(m, style, sb);
        Measure.Comparison c = m.comparison();
        if (c != null && c.change() != null) {
            sb.append(" (").append(c.change().signum() > 0 ? "+" : "").append(style.format(c.change())).append(c.points() ? " pp" : "%");
            if (!c.comparable()) sb.append(' ').append(mark(c.status()));
            sb.append(')');
        } else if (c != null && m.value() != null && c.status() != null && !c.comparable()) {
            // no change can be said: say why, rather than leave a number that reads as unchanged or uncompared
            sb.append(" (").append(mark(c.status())).append(')');
        }
        return sb.toString();
    }

    /** {@code 2}, or with the marks of the value it ranks: {@code 2 (partial)}, {@code 2 (est.)}, {@code 2 (partial, est.)}. */
    static String rank(Rank r, NumberStyle style) {
        String place = style.format(r.number());
        if (!r.partial() && !r.estimated()) return place;
        return place + " (" + (r.partial() ? PARTIAL : "") + (r.partial() && r.estimated() ? ", " : "") + (r.estimated() ? ESTIMATED : "") + ")";
    }

    /** The mark of a rank whose value is a partial total, the word a comparison's status uses. */
    static final String PARTIAL = "partial";

    /**
     * A plan's target and the value's attainment of it, after the value and its coverage:
     * {@code 59 / 64 (92.2 %)}; {@code (93.8 % partial)} when the value is partial, {@code (… est.)} when
     * it is estimated; the target alone when no attainment can be said (no value, a target of 0, a value
     * not comparable).
     */
    private static void plan(Measure m, NumberStyle style, StringBuilder sb) {
        sb.append(" / ").append(style.format(m.plan()));
        if (m.planPct() == null || m.notComparable()) return;
        sb.append(" (").append(style.format(m.planPct())).append(" %");
        if (m.partial()) sb.append(' ').append(PARTIAL);
        if (m.estimated()) sb.append(' ').append(ESTIMATED);
        sb.append(')');
    }

    /** The marks of table and markdown for a value that is not exact: short, and the same in every language. */
    static final String ESTIMATED = "est.", NOT_COMPARABLE = "n/c", NO_DATA = "no data";

    /** A comparison's status as a cell shows it: {@code partial}, {@code est.}, {@code n/c}, {@code no data}. */
    private static String mark(String status) {
        return switch (status) {
            case "estimated" -> ESTIMATED;
            case "not-comparable" -> NOT_COMPARABLE;
            case "no-data" -> NO_DATA;
            default -> status;
        };
    }

    /**
     * The columns a measure spreads over where a cell holds one number (CSV, TSV, JSON): the value,
     * its coverage (unless {@code coverage} is off), and with a comparison the other period's value,
     * coverage and status, and the change in percent or in points.
     */
    static java.util.List<String> spreadNames(Column c, boolean coverage) {
        java.util.List<String> n = new java.util.ArrayList<>();
        n.add(c.name());
        if (!c.measure()) return n;
        String k = c.key();
        if (coverage) {
            n.add(k + "_reported");
            n.add(k + "_expected");
            if (c.exempt()) n.add(k + "_exempt");
        }
        if (c.quality()) n.add(k + "_quality");
        if (c.compared()) {
            n.add(k + "_compare");
            if (coverage) {
                n.add(k + "_compare_reported");
                n.add(k + "_compare_expected");
            }
            n.add(k + "_compare_status");
            n.add(k + "_change_pct");
            n.add(k + "_change_pp");
        }
        if (c.planned()) {
            n.add(k + "_plan");
            n.add(k + "_plan_pct");
        }
        return n;
    }

    /** Adds a cell's spread values, as {@link #spreadNames} names them. */
    static void spread(Column c, Object cell, boolean coverage, java.util.List<Object> out) {
        if (!c.measure()) {
            // a rank is its number here; whether its value is partial, the value's coverage columns say
            out.add(cell instanceof Rank r ? r.number() : cell);
            return;
        }
        Measure m = (Measure) cell;
        out.add(m == null ? null : m.value());
        if (coverage) {
            out.add(m == null ? null : (long) m.reported());
            out.add(m == null ? null : (long) m.expected());
            if (c.exempt()) out.add(m == null ? null : (long) m.exempt());
        }
        if (c.quality()) out.add(m == null ? null : m.quality());
        if (c.compared()) {
            Measure.Comparison x = m == null ? null : m.comparison();
            out.add(x == null ? null : x.value());
            if (coverage) {
                out.add(x == null ? null : (long) x.reported());
                out.add(x == null ? null : (long) x.expected());
            }
            out.add(x == null ? null : x.status());
            out.add(x == null || x.points() ? null : x.change());
            out.add(x == null || !x.points() ? null : x.change());
        }
        if (c.planned()) {
            out.add(m == null ? null : m.plan());
            out.add(m == null ? null : m.planPct());
        }
    }

    /**
     * Neutralises text a spreadsheet would run as a formula (starting with = + - @, tab or CR) by
     * prefixing a single quote. Numbers are not text and are never touched, negative ones included.
     */
    public static String neutralise(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return s;
        return PLAIN_NUMBER.matcher(s).matches() ? s : "'" + s;
    }

    /** Continuation lines of {@link #hanging} start this many columns in. */
    public static final int HANG = 4;

    /**
     * {@code s} for a terminal {@code width} columns wide (0: as it is): wrapped at spaces, the lines
     * after the first indented {@link #HANG} columns, joined by newlines.
     */
    public static String hanging(String s, int width) {
        if (width <= 0 || displayWidth(s) <= width) return s;
        java.util.List<String> parts = wrap(s, width - HANG);
        return String.join("\n" + " ".repeat(HANG), parts);
    }

    /**
     * {@code s} in lines of at most {@code width} display columns, broken at spaces; a word wider
     * than that is broken where the line is full (a path or a long code must not run past the edge
     * of a terminal). One line when width is too small to matter (under 10).
     */
    public static java.util.List<String> wrap(String s, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (width < 10 || displayWidth(s) <= width) {
            lines.add(s);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (String word : s.split(" ")) {
            int w = displayWidth(word);
            if (used > 0 && used + 1 + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (used > 0) {
                line.append(' ');
                used++;
            }
            if (w <= width - used) {
                line.append(word);
                used += w;
                continue;
            }
            // too wide for any line: cut at the edge, a combining mark staying with its letter
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i), cw = width(cp);
                if (used + cw > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.appendCodePoint(cp);
                used += cw;
                i += Character.charCount(cp);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The number of terminal columns a string takes: combining marks take none (Vietnamese typed
     * with combining diacritics), East Asian wide and full-width characters take two.
     */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += width(cp);
        }
        return w;
    }

    static int width(int cp) {
        if (cp == 0 || cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        if (cp == 0x200B) return 0;
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }

    /** Cuts a string to at most {@code max} display columns, ending with … when cut. */
    public static String truncate(String s, int max) {
        if (displayWidth(s) <= max) return s;
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > max - 1) break;
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        // keep trailing combining marks with their base letter
        return sb.append('…').toString();
    }

    /**
     * Cuts a string to at most {@code max} display columns by its start, beginning with … when cut: for
     * a path, whose end (the file's name) is what tells one from another.
     */
    public static String truncateStart(String s, int max) {
        if (displayWidth(s) <= max) return s;
        int w = 0, from = s.length();
        while (from > 0) {
            int cp = s.codePointBefore(from);
            int cw = width(cp);
            if (w + cw > max - 1) break;
            w += cw;
            from -= Character.charCount(cp);
        }
        // a combining mark whose letter did not fit goes with it
        while (from < s.length() && width(s.codePointAt(from)) == 0) from += Character.charCount(s.codePointAt(from));
        return "…" + s.substring(from);
    }
}
