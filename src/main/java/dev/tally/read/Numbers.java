package dev.tally.read;

import static dev.tally.model.Text.t;

import dev.tally.model.Num;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The one parser of submitted values, from the bytes of a field to a {@link Num}; every reader's
 * values go through it. Missing markers: empty, {@code -}, {@code N/A}. Plain numbers: {@code 1234},
 * {@code -3}, {@code 1234.5}, {@code 007}. With decimal comma (Vietnamese and European spreadsheets):
 * {@code 1.234,5}, {@code 1 234,5}, {@code 1234,5}; the dot then only groups thousands, so {@code 1.5}
 * is refused as ambiguous rather than guessed. A JSON number token is read by JSON's grammar
 * whatever the decimal comma (13.000 is thirteen there, never 13000), and may also carry an exponent
 * ({@code 1.5e3}); in a CSV cell an exponent is refused, since spreadsheets write long numbers as
 * {@code 1.23E+15} and have already lost digits. Yes/no words (true/false, yes/no, có/không) give 1
 * and 0.
 *
 * <p>Bounds, so that no input can make parsing slow or a value inexact: at most {@link Num#MAX_DIGITS}
 * digits in all before and after the point; anything longer is {@link Num#TOO_MANY_DIGITS} and never
 * turned into a number. Parsing is linear in the field's length.
 */
public final class Numbers {
    private Numbers() {}

    public static Num parse(Field f, boolean decimalComma, boolean jsonNumber, Num out) {
        out.word = false;
        out.hint = null;
        byte[] b = f.buf;
        int from = f.from, to = f.to;
        while (from < to && (b[from] == ' ' || b[from] == '\t')) from++;
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) to--;
        if (from == to) {
            out.kind = Num.MISSING;
            return out;
        }
        // the common case first: an optional sign and up to 18 digits
        int i = from;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        if (i < to && to - i <= 18) {
            long v = 0;
            int j = i;
            for (; j < to; j++) {
                int d = b[j] - '0';
                if (d < 0 || d > 9) break;
                v = v * 10 + d;
            }
            if (j == to) {
                out.kind = Num.EXACT;
                out.unscaled = neg ? -v : v;
                out.scale = 0;
                return out;
            }
        }
        // a JSON number token has JSON's grammar (a dot, an exponent) whatever --decimal-comma says of typed text
        boolean comma = decimalComma && !jsonNumber;
        if (comma ? general(b, from, to, true, false, out) : general(b, from, to, false, jsonNumber, out)) return out;
        return words(b, from, to, comma, jsonNumber, out);
    }

    /**
     * Digits with a point (or a decimal comma and thousands groups) and, for JSON, an exponent.
     * False when the text is not of that form.
     */
    private static boolean general(byte[] b, int from, int to, boolean comma, boolean exponent, Num out) {
        int i = from;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        int intStart = i;
        // integer part: plain digits, or with decimal comma groups of three after a separator
        int groups = 0;
        while (i < to && isDigit(b[i])) i++;
        int firstGroup = i - intStart;
        if (firstGroup == 0) return false;
        if (comma) {
            while (true) {
                int sep = separator(b, i, to);
                if (sep == 0) break;
                if (firstGroup > 3) return false;
                int g = i + sep;
                if (g + 3 > to || !isDigit(b[g]) || !isDigit(b[g + 1]) || !isDigit(b[g + 2]) || (g + 3 < to && isDigit(b[g + 3]))) return false;
                i = g + 3;
                groups++;
            }
        }
        int intEnd = i;
        int fracStart = -1, fracEnd = -1;
        byte point = comma ? (byte) ',' : (byte) '.';
        if (i < to && b[i] == point) {
            fracStart = ++i;
            while (i < to && isDigit(b[i])) i++;
            fracEnd = i;
            if (fracEnd == fracStart) return false;
        }
        long exp = 0;
        if (exponent && i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) eneg = b[i++] == '-';
            int es = i;
            while (i < to && isDigit(b[i])) {
                if (i - es < 9) exp = exp * 10 + (b[i] - '0');
                i++;
            }
            if (i == es) return false;
            if (i - es >= 9) exp = 1_000_000_000L; // beyond any bound: refused below without arithmetic
            if (eneg) exp = -exp;
        }
        if (i != to) return false;
        // the mantissa's digits, the separators left out: M × 10^-s
        int fracLen = fracStart < 0 ? 0 : fracEnd - fracStart;
        long s = fracLen - exp;
        // significant digits: leading zeros of the integer part (and of the fraction when the integer
        // part is zero) do not count; trailing zeros of the fraction are dropped while s > 0
        int lead = intStart;
        while (lead < intEnd && (b[lead] == '0' || !isDigit(b[lead]))) lead++;
        int mDigits = 0;
        for (int k = lead; k < intEnd; k++) if (isDigit(b[k])) mDigits++;
        int fracLead = fracStart;
        if (mDigits == 0 && fracStart >= 0) {
            while (fracLead < fracEnd && b[fracLead] == '0') fracLead++;
        }
        int fracTrail = fracEnd;
        long sig = mDigits + (fracStart < 0 ? 0 : fracTrail - (mDigits == 0 ? fracLead : fracStart));
        // drop trailing zeros while they are fraction digits of the value
        while (s > 0 && sig > 0 && fracStart >= 0 && fracTrail > (mDigits == 0 ? fracLead : fracStart) && b[fracTrail - 1] == '0') {
            fracTrail--;
            sig--;
            s--;
        }
        if (sig == 0) {
            out.kind = Num.EXACT;
            out.unscaled = 0;
            out.scale = 0;
            return true;
        }
        long total = s >= 0 ? Math.max(sig, s) : sig - s;
        if (total > Num.MAX_DIGITS) {
            out.kind = Num.TOO_MANY_DIGITS;
            out.digits = total;
            return true;
        }
        // at most 38 digits now: build the value
        StringBuilder digits = new StringBuilder((int) total + 1);
        if (neg) digits.append('-');
        for (int k = lead; k < intEnd; k++) if (isDigit(b[k])) digits.append((char) b[k]);
        if (fracStart >= 0) for (int k = mDigits == 0 ? fracLead : fracStart; k < fracTrail; k++) digits.append((char) b[k]);
        if (s < 0) for (long k = 0; k < -s; k++) digits.append('0');
        int scale = (int) Math.max(0, s);
        if (total <= 18) {
            out.kind = Num.EXACT;
            out.unscaled = Long.parseLong(digits, 0, digits.length(), 10);
            out.scale = scale;
        } else {
            out.kind = Num.BIG;
            out.big = new BigDecimal(new BigInteger(digits.toString()), scale);
        }
        return true;
    }

    /** Bytes of a thousands separator at i in decimal-comma numbers: '.', space, no-break spaces; 0 if none. */
    private static int separator(byte[] b, int i, int to) {
        if (i >= to) return 0;
        if (b[i] == '.' || b[i] == ' ') return 1;
        if (i + 1 < to && (b[i] & 0xff) == 0xC2 && (b[i + 1] & 0xff) == 0xA0) return 2; // U+00A0
        if (i + 2 < to && (b[i] & 0xff) == 0xE2 && (b[i + 1] & 0xff) == 0x80 && (b[i + 2] & 0xff) == 0xAF) return 3; // U+202F
        return 0;
    }

    private static boolean isDigit(byte c) { return c >= '0' && c <= '9'; }

    /** Missing markers and yes/no words; anything else is not a number. */
    private static Num words(byte[] b, int from, int to, boolean decimalComma, boolean jsonNumber, Num out) {
        if (to - from > 16) return notANumber(b, from, to, decimalComma, out);
        String w = Field.nfc(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
        switch (w) {
            case "-", "n/a" -> {
                out.kind = Num.MISSING;
                return out;
            }
            case "true", "yes", "có", "co" -> {
                out.kind = Num.EXACT;
                out.unscaled = 1;
                out.scale = 0;
                out.word = true;
                return out;
            }
            case "false", "no", "không", "khong" -> {
                out.kind = Num.EXACT;
                out.unscaled = 0;
                out.scale = 0;
                out.word = true;
                return out;
            }
            default -> {
                return notANumber(b, from, to, decimalComma, out);
            }
        }
    }

    private static Num notANumber(byte[] b, int from, int to, boolean decimalComma, Num out) {
        out.kind = Num.NOT_A_NUMBER;
        boolean comma = false, exp = false;
        for (int i = from; i < to && i < from + 64; i++) {
            if (b[i] == ',') comma = true;
            if ((b[i] == 'e' || b[i] == 'E') && i > from && isDigit(b[i - 1])) exp = true;
        }
        // 1,234 or 12,345,678: thousands grouped by commas, as English numbers are written; --decimal-comma
        // would read it as 1.234, so it is told both ways
        String text = new String(b, from, Math.min(to, from + 64) - from, java.nio.charset.StandardCharsets.UTF_8);
        // a workbook's cell: a formula whose value no spreadsheet ever computed, or a spreadsheet's error value
        if (b[from] == '=') out.hint = t("number.formula");
        else if (spreadsheetError(text.strip())) out.hint = t("number.spreadsheetError");
        else if (!decimalComma && groupedInThrees(text, ',')) out.hint = t("number.commaThousands", text.strip().replace(",", ""));
        // 12.345.678: thousands grouped by dots, as Vietnamese numbers are written
        else if (!decimalComma && (comma || general(b, from, to, true, false, new Num()))) out.hint = t("number.decimalComma");
        else if (exp) out.hint = t("number.exponent");
        return out;
    }

    /** Excel's and LibreOffice's error values: #DIV/0!, #N/A, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!, Err:502 … */
    private static boolean spreadsheetError(String s) {
        return s.matches("#(DIV/0!|N/A|VALUE!|REF!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|Err:\\d{3}");
    }

    /**
     * Digits grouped in threes by {@code separator}, one group of one to three first: 1,234 or
     * -12.345.678 (for the hints that say what such a number most likely means).
     */
    public static boolean groupedInThrees(String text, char separator) {
        String s = text.strip();
        int i = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int first = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == first || i - first > 3 || i == s.length()) return false;
        while (i < s.length()) {
            if (s.charAt(i) != separator || i + 4 > s.length()) return false;
            for (int k = i + 1; k <= i + 3; k++) if (s.charAt(k) < '0' || s.charAt(k) > '9') return false;
            i += 4;
        }
        return true;
    }


    /** True when the text is a yes/no word rather than a number (for messages). */
    public static boolean isBooleanWord(String raw) {
        return switch (Field.nfc(raw.strip()).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "có", "co", "false", "no", "không", "khong" -> true;
            default -> false;
        };
    }
}
