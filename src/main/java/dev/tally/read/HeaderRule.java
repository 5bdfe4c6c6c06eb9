package dev.tally.read;

import java.util.Locale;
import java.util.Set;

/**
 * What the header of a table of submissions says, the one rule for CSV and workbooks alike: which
 * column names the unit, its name, the period, the indicator and the value (long shape), which only
 * describe the row (STT, Ghi chú …), and which row is the header at all. A report made for people has
 * a title block above its table ("UBND HUYỆN LỤC NAM … BÁO CÁO … 6 THÁNG ĐẦU NĂM 2024"); its header is
 * the first row, within {@link #TITLE_LINES}, that names a unit column and a period column, or only a
 * unit column when the period is given above it. A CSV is told where that row is; a workbook's title
 * block is skipped.
 *
 * <p>Names are compared in lower case after NFC, with runs of spaces as one and a trailing required
 * mark ({@code *}) left out: {@code Mã đơn vị} and {@code mã  đơn vị (*)} are the unit column.
 */
public final class HeaderRule {
    private HeaderRule() {}

    /** How far down a header is looked for under lines that are not one. */
    public static final int TITLE_LINES = 20;

    /** What a column holds. {@link #OTHER}: an indicator, by code or by name. {@link #NONE}: no header text. */
    public enum Role { UNIT, UNIT_NAME, PERIOD, INDICATOR, VALUE, DESCRIPTIVE, OTHER, NONE }

    private static final Set<String> UNIT = Set.of("unit", "unit_code", "mã đơn vị", "ma don vi", "ma_don_vi", "mã đv", "mã");
    /** The unit's name: a CSV has its code beside it, so for CSV it only describes the row. */
    private static final Set<String> UNIT_NAME = Set.of("unit_name", "name", "tên đơn vị", "ten don vi", "ten_don_vi", "tên", "ten",
            "đơn vị", "don vi", "don_vi_ten", "địa phương", "dia phuong");
    private static final Set<String> PERIOD = Set.of("period", "kỳ báo cáo", "ky bao cao", "ky_bao_cao", "kỳ", "ky");
    private static final Set<String> INDICATOR = Set.of("indicator", "mã chỉ tiêu", "ma_chi_tieu");
    private static final Set<String> VALUE = Set.of("value", "giá trị", "gia tri", "gia_tri");
    /**
     * A plan's value column ({@code unit, period, indicator, target}): the value column only where
     * targets are read ({@link ValueSink#targets}), so that a plan given as a submission is not
     * taken for reported figures.
     */
    private static final Set<String> TARGET = Set.of("target", "kế hoạch", "ke hoach", "ke_hoach", "chỉ tiêu kế hoạch");
    /**
     * Columns that describe the row rather than hold indicator values: besides the English ones, what
     * Vietnamese report tables put beside the figures, the row number (STT, số thứ tự), the unit's level
     * (cấp) and a remark (ghi chú).
     */
    private static final Set<String> DESCRIPTIVE = Set.of("comment", "comments", "note", "notes", "level", "ghi_chu", "reported",
            "expected", "stt", "tt", "số thứ tự", "so_thu_tu", "cấp", "cap", "ghi chú", "ghi chu");
    /** The first cell of a total row. */
    private static final Set<String> TOTAL = Set.of("tổng cộng", "tổng", "cộng", "tổng số", "total", "grand total", "toàn huyện",
            "toàn tỉnh", "toàn thành phố", "toàn quận", "toàn thị xã", "toàn xã", "tong cong", "cong");

    /** A header text as it is compared. */
    public static String key(String text) {
        String s = Field.nfc(text).strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("(*)")) s = s.substring(0, s.length() - 3).strip();
        while (s.endsWith("*") || s.endsWith(":")) s = s.substring(0, s.length() - 1).strip();
        if (s.indexOf("  ") >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\u00a0') >= 0) {
            s = s.replaceAll("[\\s\\u00a0]+", " ");
        }
        return s;
    }

    public static Role role(String text) {
        String k = key(text);
        if (k.isEmpty()) return Role.NONE;
        if (UNIT.contains(k)) return Role.UNIT;
        if (PERIOD.contains(k)) return Role.PERIOD;
        if (UNIT_NAME.contains(k)) return Role.UNIT_NAME;
        if (INDICATOR.contains(k)) return Role.INDICATOR;
        if (VALUE.contains(k)) return Role.VALUE;
        if (DESCRIPTIVE.contains(k)) return Role.DESCRIPTIVE;
        return Role.OTHER;
    }

    /** {@link #role(String)}, and where {@code targets} are read a plan's target column is the value column. */
    public static Role role(String text, boolean targets) {
        return targets && TARGET.contains(key(text)) ? Role.VALUE : role(text);
    }

    /**
     * Whether a row is a table's header: it names a unit column and a period column, or only the unit
     * column when {@code periodGiven} (a workbook's title block or template names the period). The unit
     * column is its code's ({@code unit}); in a workbook, where people often give names only, its
     * name's counts as well ({@code byName}).
     */
    public static boolean isHeader(Iterable<String> cells, boolean periodGiven, boolean byName) {
        boolean unit = false, period = false;
        int n = 0;
        for (String c : cells) {
            if (++n > 10_000) break;
            Role r = role(c);
            unit |= r == Role.UNIT || byName && r == Role.UNIT_NAME;
            period |= r == Role.PERIOD;
        }
        return unit && (period || periodGiven);
    }

    /** Whether the text is what a total row starts with ({@code Tổng cộng}, {@code Cộng}, {@code Toàn huyện}). */
    public static boolean isTotal(String text) {
        String k = key(text);
        if (k.length() > 40) return false;
        return TOTAL.contains(k) || k.startsWith("tổng cộng") || k.startsWith("cộng toàn") || k.startsWith("tổng số toàn");
    }
}
