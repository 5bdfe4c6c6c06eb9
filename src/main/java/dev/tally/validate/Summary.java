package dev.tally.validate;

/**
 * The closing count of a run. The counts add up: {@code values == accepted + duplicates + rejected + ignored + skipped}.
 * accepted: distinct cells used (missing values included); duplicates: repeats of a cell with the same
 * value, reported and counted once; rejected: values left out with an error finding; ignored: values
 * of derived indicators, left out with a warning since tally computes them; skipped: values outside
 * the requested periods. {@code unlisted}: findings counted in errors and warnings but not
 * listed, past {@link Validator#LISTED_PER_INPUT} for a file.
 */
public record Summary(int files, long records, long values, long accepted, long missing, long duplicates, long rejected,
                      long ignored, long skipped, long errors, long warnings, long unlisted) {
    public boolean addsUp() { return values == accepted + duplicates + rejected + ignored + skipped; }

    /** Two eras' counts of the same inputs read once: each value was counted in one of them. */
    public Summary plus(Summary o) {
        return new Summary(Math.max(files, o.files), records + o.records, values + o.values, accepted + o.accepted, missing + o.missing,
                duplicates + o.duplicates, rejected + o.rejected, ignored + o.ignored, skipped + o.skipped, errors + o.errors,
                warnings + o.warnings, unlisted + o.unlisted);
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
        return m;
    }

    /** Two lines for a person: what was read and how it was used, then the findings. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(plural(files, "file")).append(", ").append(plural(records, "record")).append(", ")
                .append(plural(values, "value")).append(": ").append(accepted).append(" accepted");
        if (missing > 0) sb.append(" (").append(missing).append(" of them missing)");
        sb.append(", ").append(plural(duplicates, "duplicate")).append(", ").append(rejected).append(" rejected");
        if (ignored > 0) sb.append(", ").append(ignored).append(" ignored (derived)");
        if (skipped > 0) sb.append(", ").append(skipped).append(" outside the period");
        sb.append(System.lineSeparator()).append("findings: ").append(plural(errors, "error")).append(", ")
                .append(plural(warnings, "warning"));
        if (unlisted > 0) {
            sb.append(" (").append(unlisted).append(" of them not listed: at most ").append(Validator.LISTED_PER_INPUT)
                    .append(" are shown per file)");
        }
        return sb.toString();
    }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
