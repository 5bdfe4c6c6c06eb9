package dev.tally.model;

/**
 * A unit that is not expected to report a form (null: any form) for a period (null: any period;
 * a range covers the periods inside it), with the reason ("sáp nhập vào phường X").
 */
public record Exemption(String unit, String form, Period period, String reason) {
    /** True when it excuses {@code unit} from {@code form} for any part of {@code p}. */
    public boolean covers(String unit, String form, Period p) {
        return this.unit.equals(unit) && (this.form == null || this.form.equals(form)) && (period == null || period.overlaps(p));
    }
}
