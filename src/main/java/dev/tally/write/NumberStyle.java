package dev.tally.write;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers are written in text formats (table, markdown, CSV, TSV): {@link #PLAIN} for programs
 * ({@code 1234.5}), or as a locale writes them ({@code 1.234,5} in Vietnamese and German, with a
 * narrow no-break space in French) for people; CSV and TSV take the locale's decimal separator without
 * grouping ({@link #ungrouped}: {@code 1234,5}), so that a spreadsheet set to that locale reads them as numbers.
 * JSON and workbooks keep numbers as numbers and ignore this.
 */
public record NumberStyle(char decimal, char group) {
    public static final NumberStyle PLAIN = new NumberStyle('.', (char) 0);

    public static NumberStyle of(Locale locale) {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(locale);
        return new NumberStyle(s.getDecimalSeparator(), s.getGroupingSeparator());
    }

    public boolean plain() { return decimal == '.' && group == 0; }

    /** This style without a grouping separator: {@code 1234567,5} (csv and tsv, which spreadsheets read). */
    public NumberStyle ungrouped() { return group == 0 ? this : new NumberStyle(decimal, (char) 0); }

    /** Whether the decimal separator is a comma, so CSV needs another delimiter. */
    public boolean commaDecimal() { return decimal == ','; }

    public String format(Number n) {
        String plain = n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        if (plain()) return plain;
        boolean neg = plain.startsWith("-");
        String digits = neg ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot), frac = dot < 0 ? null : digits.substring(dot + 1);
        StringBuilder sb = new StringBuilder(plain.length() + 8);
        if (neg) sb.append('-');
        for (int i = 0; i < whole.length(); i++) {
            if (group != 0 && i > 0 && (whole.length() - i) % 3 == 0) sb.append(group);
            sb.append(whole.charAt(i));
        }
        if (frac != null) sb.append(decimal).append(frac);
        return sb.toString();
    }
}
