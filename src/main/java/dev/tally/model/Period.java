package dev.tally.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a year, half, quarter, month, ISO week, or an inclusive range of periods of one
 * type. {@code start} and {@code end} are the first and last day (inclusive). The canonical text is
 * {@code 2024}, {@code 2024-H1}, {@code 2024-Q2}, {@code 2024-05}, {@code 2024-W05}, {@code 2020..2024};
 * {@link #parse} also takes the DHIS2 forms {@code 2024S1}, {@code 2024Q2}, {@code 202405}, {@code 2024W5}
 * in any letter case. Ordering: by start, then the longer period first.
 */
public record Period(PeriodType type, LocalDate start, LocalDate end, String text) implements Comparable<Period> {

    /** The forms a period is written in, for messages: in the run's language, the whole of it. */
    public static String acceptedForms() { return Text.t("period.accepted"); }

    // a year from 1000: "0000" is a placeholder, not a year, and a shorter text would not read back
    private static final Pattern YEAR = Pattern.compile("([1-9]\\d{3})");
    private static final Pattern HALF = Pattern.compile("([1-9]\\d{3})-?[HS]([12])");
    private static final Pattern QUARTER = Pattern.compile("([1-9]\\d{3})-?Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("([1-9]\\d{3})-?(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("([1-9]\\d{3})-?W(\\d{1,2})");

    /** Parses any accepted form; empty when the text is not a period. */
    public static Optional<Period> parse(String text) {
        if (text == null) return Optional.empty();
        Optional<Period> known = PARSED.get(text);
        if (known != null) return known;
        Optional<Period> p = parseText(text);
        if (PARSED.size() < 4096) PARSED.put(text, p); // bounded: a hostile input may hold millions of distinct texts
        return p;
    }

    /**
     * Periods parsed, by their text: a store or a file names a handful of periods a hundred
     * thousand times, and the regular expressions were most of a status run on a large store.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Period>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<Period> parseText(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        int dots = s.indexOf("..");
        if (dots >= 0) {
            Optional<Period> from = parseSingle(s.substring(0, dots));
            Optional<Period> to = parseSingle(s.substring(dots + 2));
            if (from.isEmpty() || to.isEmpty()) return Optional.empty();
            Period a = from.get(), b = to.get();
            if (a.type != b.type || b.start.isBefore(a.start)) return Optional.empty();
            if (a.equals(b)) return Optional.of(a);
            return Optional.of(new Period(PeriodType.RANGE, a.start, b.end, a.text + ".." + b.text));
        }
        return parseSingle(s);
    }

    /** Parses or throws a usage error naming the accepted forms (for command-line options). */
    public static Period parseOrThrow(String text) {
        return parse(text).orElseThrow(() -> TallyException.usage(Text.t("period.bad", text, acceptedForms(), why(text))));
    }

    /**
     * Why a text of a period's shape is not one, as " (months are 01 to 12)", for the message that
     * refuses it; empty when it is not of any period's shape (only for messages: slow is fine).
     */
    public static String why(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        String vietnamese = vietnamese(text == null ? "" : text);
        if (vietnamese != null) return Text.t("period.why.write", vietnamese);
        int dots = s.indexOf("..");
        if (dots >= 0) {
            Optional<Period> a = parseSingle(s.substring(0, dots)), b = parseSingle(s.substring(dots + 2));
            if (a.isEmpty()) return why(s.substring(0, dots));
            if (b.isEmpty()) return why(s.substring(dots + 2));
            if (a.get().type != b.get().type) return Text.t("period.why.rangeTypes");
            return b.get().start.isBefore(a.get().start) ? Text.t("period.why.rangeOrder") : "";
        }
        Matcher day = DAY.matcher(s);
        if (day.matches()) return Text.t("period.why.day", day.group(1) + "-" + day.group(2));
        Matcher m = NEARLY.matcher(s);
        if (!m.matches()) return "";
        int year = Integer.parseInt(m.group(1));
        if (year < 1000) return Text.t("period.why.year");
        if (m.group(2) == null) return "";
        int n = Integer.parseInt(m.group(4));
        return switch (m.group(3)) {
            case "H", "S" -> Text.t("period.why.half");
            case "Q" -> Text.t("period.why.quarter");
            case "W" -> Text.t("period.why.week", String.valueOf(year),
                    LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum());
            default -> n < 1 || n > 12 ? Text.t("period.why.month") : "";
        };
    }

    private static Optional<Period> parseSingle(String s) {
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) return Optional.of(year(Integer.parseInt(m.group(1))));
        if ((m = HALF.matcher(s)).matches()) return Optional.of(half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        if ((m = QUARTER.matcher(s)).matches()) return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(month(Integer.parseInt(m.group(1)), month)) : Optional.empty();
        }
        if ((m = WEEK.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(1)), week = Integer.parseInt(m.group(2));
            LocalDate mid = LocalDate.of(year, 6, 1);
            long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            return week >= 1 && week <= weeks ? Optional.of(week(year, week)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The period a report's own words name, as it is written here: "6 tháng đầu năm 2024" (the first
     * six months) is 2024-H1, "quý II/2024" 2024-Q2, "tháng 5/2024" 2024-05, "năm 2024" 2024; null
     * for anything else. Only to say what to write: such a text is not taken as the period.
     */
    static String vietnamese(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = VI_HALF.matcher(s)).matches()) return m.group(2) + (m.group(1).equals("đầu") ? "-H1" : "-H2");
        if ((m = VI_QUARTER.matcher(s)).matches()) {
            int q = switch (m.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                case "iv", "4" -> 4;
                default -> 0;
            };
            return q == 0 ? null : m.group(2) + "-Q" + q;
        }
        if ((m = VI_MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(1));
            return month >= 1 && month <= 12 ? m.group(2) + (month < 10 ? "-0" : "-") + month : null;
        }
        if ((m = VI_YEAR.matcher(s)).matches()) return m.group(1);
        return null;
    }

    /**
     * The one period a report's title names, in tally's form or in the report's own words: "BÁO CÁO …
     * 6 THÁNG ĐẦU NĂM 2024" is 2024-H1, "Kỳ báo cáo: 2024-Q2" 2024-Q2. A date ("Lục Nam, ngày 10 tháng
     * 7 năm 2024") names no period; a text that names two different periods names none. For a
     * workbook's title block, where the table has no period column.
     */
    public static Optional<Period> named(String text) {
        if (text == null || text.length() > 4096) return Optional.empty();
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        s = VI_DATE.matcher(s).replaceAll(" ");
        java.util.Set<Period> found = new java.util.LinkedHashSet<>();
        // the longest expressions first, each taken out of the text once found ("năm 2024" is inside "6 tháng đầu năm 2024")
        for (Pattern p : new Pattern[] {VI_HALF_IN, VI_QUARTER_IN, VI_MONTH_IN, VI_YEAR_IN, CANONICAL_IN}) {
            Matcher m = p.matcher(s);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                String v = p == CANONICAL_IN ? m.group(1) : vietnamese(m.group());
                Period x = v == null ? null : parse(v).orElse(null);
                if (x != null) found.add(x);
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            s = rest.toString();
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static final Pattern VI_DATE = Pattern.compile("ngày \\d{1,2} ?(?:tháng|/) ?\\d{1,2} ?(?:năm|/) ?\\d{4}");
    private static final Pattern VI_HALF_IN = Pattern.compile("6 tháng (đầu|cuối) năm [1-9]\\d{3}");
    private static final Pattern VI_QUARTER_IN = Pattern.compile("quý (iv|i{1,3}|[1-4]) ?(?:/|năm) ?[1-9]\\d{3}");
    private static final Pattern VI_MONTH_IN = Pattern.compile("tháng \\d{1,2} ?(?:/|năm) ?[1-9]\\d{3}");
    private static final Pattern VI_YEAR_IN = Pattern.compile("năm [1-9]\\d{3}");
    private static final Pattern CANONICAL_IN = Pattern.compile("(?<![\\w./-])([1-9]\\d{3}-(?:h[12]|q[1-4]|0[1-9]|1[0-2]|w\\d{2}))(?![\\w./-])");

    /** A date, and any text of a period's shape whatever its numbers: for {@link #why}. */
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-\\d{2}");
    private static final Pattern NEARLY = Pattern.compile("(\\d{4})(-?([HSQW]?)(\\d{1,2}))?");
    private static final Pattern VI_HALF = Pattern.compile("6 tháng (đầu|cuối) năm ([1-9]\\d{3})");
    private static final Pattern VI_QUARTER = Pattern.compile("quý (iv|i{1,3}|[1-4]) ?(?:/|năm) ?([1-9]\\d{3})");
    private static final Pattern VI_MONTH = Pattern.compile("tháng (\\d{1,2}) ?(?:/|năm) ?([1-9]\\d{3})");
    private static final Pattern VI_YEAR = Pattern.compile("năm ([1-9]\\d{3})");

    public static Period year(int y) {
        return new Period(PeriodType.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), String.valueOf(y));
    }

    public static Period half(int y, int h) {
        LocalDate start = LocalDate.of(y, h == 1 ? 1 : 7, 1);
        return new Period(PeriodType.HALF, start, start.plusMonths(6).minusDays(1), y + "-H" + h);
    }

    public static Period quarter(int y, int q) {
        LocalDate start = LocalDate.of(y, 3 * (q - 1) + 1, 1);
        return new Period(PeriodType.QUARTER, start, start.plusMonths(3).minusDays(1), y + "-Q" + q);
    }

    /** Its text by concatenation: String.format's first use loads the Formatter and locale data, ~15 ms of a run's start. */
    public static Period month(int y, int m) {
        LocalDate start = LocalDate.of(y, m, 1);
        return new Period(PeriodType.MONTH, start, start.plusMonths(1).minusDays(1), y + (m < 10 ? "-0" : "-") + m);
    }

    public static Period week(int y, int w) {
        LocalDate start = LocalDate.of(y, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(DayOfWeek.MONDAY);
        return new Period(PeriodType.WEEK, start, start.plusDays(6), y + (w < 10 ? "-W0" : "-W") + w);
    }

    /**
     * The periods of type {@code t} that lie wholly inside this one, in order: the half-years of 2024
     * are 2024-H1 and 2024-H2; this period itself when it is of type {@code t}; none when {@code t} is
     * longer (a year inside a half-year) or is a range.
     */
    public java.util.List<Period> periodsOf(PeriodType t) {
        if (t == type) return java.util.List.of(this);
        if (t == PeriodType.RANGE) return java.util.List.of();
        java.util.List<Period> out = new java.util.ArrayList<>();
        Period p = fromStart(t, start);
        if (p.start.isBefore(start)) p = fromStart(t, p.end.plusDays(1));
        while (!p.end.isAfter(end)) {
            out.add(p);
            p = fromStart(t, p.end.plusDays(1));
        }
        return out;
    }

    /** True when every day of {@code other} lies inside this period. */
    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean overlaps(Period other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /** The period of the same type just before this one (for a range, the range of equal length before it). */
    public Period previous() {
        return switch (type) {
            case YEAR -> year(start.getYear() - 1);
            case HALF -> start.getMonthValue() == 1 ? half(start.getYear() - 1, 2) : half(start.getYear(), 1);
            case QUARTER -> start.getMonthValue() == 1 ? quarter(start.getYear() - 1, 4) : quarter(start.getYear(), (start.getMonthValue() - 1) / 3);
            case MONTH -> fromStart(PeriodType.MONTH, start.minusMonths(1));
            case WEEK -> fromStart(PeriodType.WEEK, start.minusWeeks(1));
            case RANGE -> shiftRange(-(java.time.temporal.ChronoUnit.MONTHS.between(start, end.plusDays(1))));
        };
    }

    /** The same period one year earlier. */
    public Period yearAgo() {
        return switch (type) {
            case YEAR -> year(start.getYear() - 1);
            case HALF -> half(start.getYear() - 1, start.getMonthValue() == 1 ? 1 : 2);
            case QUARTER -> quarter(start.getYear() - 1, (start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> month(start.getYear() - 1, start.getMonthValue());
            case WEEK -> week(start.get(IsoFields.WEEK_BASED_YEAR) - 1,
                    Math.min(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 52));
            case RANGE -> shiftRange(-12);
        };
    }

    private Period shiftRange(long months) {
        Period a = parse(text.substring(0, text.indexOf(".."))).orElseThrow();
        Period b = parse(text.substring(text.indexOf("..") + 2)).orElseThrow();
        Period a2 = fromStart(a.type, a.start.plusMonths(months)), b2 = fromStart(b.type, b.start.plusMonths(months));
        return parse(a2.text + ".." + b2.text).orElseThrow();
    }

    private static Period fromStart(PeriodType t, LocalDate d) {
        return switch (t) {
            case YEAR -> year(d.getYear());
            case HALF -> half(d.getYear(), d.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            case MONTH -> month(d.getYear(), d.getMonthValue());
            case WEEK -> week(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case RANGE -> throw new IllegalArgumentException("a range has no single start");
        };
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : o.end.compareTo(end);
    }

    @Override
    public String toString() { return text; }

    /*
     * equals and hashCode as a record defines them (every component), written out: the record's own
     * are bootstrapped through method handles at first use, which cost each reading thread ~8 ms of
     * a start-up (async-profiler); periods are also the key of every cell table's period map.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Period p && type == p.type && start.equals(p.start) && end.equals(p.end) && text.equals(p.text);
    }

    @Override
    public int hashCode() { return ((type.hashCode() * 31 + start.hashCode()) * 31 + end.hashCode()) * 31 + text.hashCode(); }
}
