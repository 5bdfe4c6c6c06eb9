package dev.tally.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed from one version of a submission to the next, value by value: the one rule for it,
 * which the audit writes on import and {@code history} shows. A value is changed when it is added
 * (the earlier version had no value for the indicator), removed, or differs as a number (3 and 3.0
 * are the same; missing differs from every number). In code order.
 */
public final class Changes {
    private Changes() {}

    /**
     * One changed value: {@code had} / {@code has} whether each version has a value for the indicator,
     * and the values (null for missing, or where the version has none).
     */
    public record Change(String indicator, boolean had, BigDecimal before, boolean has, BigDecimal after) {}

    public static List<Change> between(Map<String, BigDecimal> previous, Map<String, BigDecimal> current) {
        TreeSet<String> codes = new TreeSet<>(previous.keySet());
        codes.addAll(current.keySet());
        List<Change> out = new ArrayList<>();
        for (String code : codes) {
            boolean had = previous.containsKey(code), has = current.containsKey(code);
            BigDecimal a = previous.get(code), b = current.get(code);
            if (had != has || !same(a, b)) out.add(new Change(code, had, a, has, b));
        }
        return out;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    /** A value as the audit keeps it: as stored (a number, or {@code null} for missing); SQL NULL when there is none. */
    static String audited(boolean present, BigDecimal v) {
        return !present ? null : v == null ? "null" : v.toPlainString();
    }

    /**
     * True when arrival time {@code a} is before {@code b}. Both are as tally writes them (ISO 8601
     * with an offset, {@code 2024-07-10T08:30+07:00}), compared as instants: two offsets compare right.
     * A time that does not parse (written by another program) compares as text.
     */
    static boolean before(String a, String b) {
        try {
            return java.time.OffsetDateTime.parse(a).toInstant().isBefore(java.time.OffsetDateTime.parse(b).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b) < 0;
        }
    }
}
