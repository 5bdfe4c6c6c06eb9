package dev.tally.validate;

import static dev.tally.model.Text.t;

import dev.tally.model.FindingCode;
import dev.tally.model.Text;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The closing count of a run. The counts add up: {@code values == accepted + duplicates + rejected + ignored + skipped}.
 * accepted: distinct cells used (missing values included); duplicates: repeats of a cell with the same
 * value, reported and counted once; rejected: values left out with an error finding; ignored: values
 * of derived indicators, left out with a warning since tally computes them; skipped: values outside
 * the requested periods. {@code unlisted}: findings counted in errors and warnings but not
 * listed, past {@link Validator#LISTED_PER_INPUT} for a file, and how many of each code they are.
 * {@code hidden}: values read from a workbook's hidden rows or columns (counted among the others too).
 */
public record Summary(int files, long records, long values, long accepted, long missing, long duplicates, long rejected,
                      long ignored, long skipped, long errors, long warnings, long unlisted, Map<FindingCode, Long> unlistedByCode,
                      long hidden) {
    public Summary(int files, long records, long values, long accepted, long missing, long duplicates, long rejected, long ignored,
                   long skipped, long errors, long warnings, long unlisted, Map<FindingCode, Long> unlistedByCode) {
        this(files, records, values, accepted, missing, duplicates, rejected, ignored, skipped, errors, warnings, unlisted, unlistedByCode, 0);
    }

    public boolean addsUp() { return values == accepted + duplicates + rejected + ignored + skipped; }

    /** Two eras' counts of the same inputs read once: each value was counted in one of them. */
    public Summary plus(Summary o) {
        return new Summary(Math.max(files, o.files), records + o.records, values + o.values, accepted + o.accepted, missing + o.missing,
                duplicates + o.duplicates, rejected + o.rejected, ignored + o.ignored, skipped + o.skipped, errors + o.errors,
                warnings + o.warnings, unlisted + o.unlisted, sum(unlistedByCode, o.unlistedByCode), hidden + o.hidden);
    }

    private static Map<FindingCode, Long> sum(Map<FindingCode, Long> a, Map<FindingCode, Long> b) {
        Map<FindingCode, Long> m = new EnumMap<>(FindingCode.class);
        m.putAll(a);
        b.forEach((code, n) -> m.merge(code, n, Long::sum));
        return Collections.unmodifiableMap(m);
    }

    /** The summary as JSON-ready fields, in a fixed order. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("files", files);
        m.put("records", records);
        m.put("values", values);
        m.put("accepted", accepted);
        m.put("missing", missing);
        m.put("duplicates", duplicates);
        m.put("rejected", rejected);
        m.put("ignored", ignored);
        m.put("skipped", skipped);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("unlisted", unlisted);
        if (hidden > 0) m.put("hidden", hidden);
        return m;
    }

    /** Two lines for a person: what was read and how it was used, then the findings. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(Text.count(files, "summary.files")).append(", ").append(Text.count(records, "summary.records")).append(", ")
                .append(Text.count(values, "summary.values")).append(": ").append(t("summary.accepted", accepted));
        if (missing > 0) sb.append(t("summary.missing", missing));
        sb.append(", ").append(Text.count(duplicates, "summary.duplicates")).append(", ").append(t("summary.rejected", rejected));
        if (ignored > 0) sb.append(", ").append(t("summary.ignored", ignored));
        if (skipped > 0) sb.append(", ").append(t("summary.skipped", skipped));
        if (hidden > 0) sb.append(t("summary.hidden", hidden));
        sb.append(System.lineSeparator()).append(t("summary.findings", Text.count(errors, "summary.errors"), Text.count(warnings, "summary.warnings")));
        if (unlisted > 0) sb.append(t("summary.unlisted", unlisted, Validator.LISTED_PER_INPUT));
        return sb.toString();
    }

}
