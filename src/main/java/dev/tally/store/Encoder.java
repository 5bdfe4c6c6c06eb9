package dev.tally.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Makes the stored form of submissions, one after another: the value map and source map as JSON
 * text (see {@link Json}) and the digest that tells an unchanged submission. The one place that
 * writes them. An encoder re-uses its buffers and its digest, so an import encodes 100,000
 * submissions without a map or a BigDecimal per value; it is not thread-safe (one per thread).
 *
 * <p>The digest is SHA-256 of the lines {@code code=value}, sorted by code, with the value in plain
 * notation without trailing fraction zeros and empty for missing: it does not depend on the order of
 * the values or on how a number was written, and it is the same as every earlier tally computed.
 */
public final class Encoder {
    private final MessageDigest sha;
    private final StringBuilder values = new StringBuilder(1024);
    private int n;
    private String[] codes = new String[64];
    /** Each value's digest text: [from, to) in {@link #values}, unless {@link #ownText} has it. */
    private int[] textFrom = new int[64], textTo = new int[64];
    private String[] ownText = new String[64];
    private long[] imports = new long[64], lines = new long[64];
    // the sort by code of the last submission's codes, re-used while the codes come in the same order
    private String[] sortedCodes = new String[0];
    private Integer[] order = new Integer[0];
    private byte[] canon = new byte[4096];

    public Encoder() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exact number {@code unscaled × 10^-scale} in normal form (no trailing fraction zeros, scale ≥ 0). */
    public Encoder add(String code, long unscaled, int scale, long importId, long line) {
        int from = key(code);
        appendPlain(values, unscaled, scale);
        return added(code, from, values.length(), null, importId, line);
    }

    /** Any value; null is missing. */
    public Encoder add(String code, BigDecimal value, long importId, long line) {
        int from = key(code);
        if (value == null) {
            values.append("null");
            return added(code, from, from, null, importId, line);
        }
        values.append(value.toPlainString());
        // a value read back from an old store may carry trailing zeros: the digest never does
        String canonical = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        return added(code, from, values.length(), canonical.contentEquals(values.subSequence(from, values.length())) ? null : canonical,
                importId, line);
    }

    private int key(String code) {
        values.append(n == 0 ? '{' : ',');
        Json.quote(values, code).append(':');
        return values.length();
    }

    private Encoder added(String code, int from, int to, String own, long importId, long line) {
        if (n == codes.length) {
            int cap = n * 2;
            codes = Arrays.copyOf(codes, cap);
            textFrom = Arrays.copyOf(textFrom, cap);
            textTo = Arrays.copyOf(textTo, cap);
            ownText = Arrays.copyOf(ownText, cap);
            imports = Arrays.copyOf(imports, cap);
            lines = Arrays.copyOf(lines, cap);
        }
        codes[n] = code;
        textFrom[n] = from;
        textTo[n] = to;
        ownText[n] = own;
        imports[n] = importId;
        lines[n] = line;
        n++;
        return this;
    }

    /** The values added since the last call, as the submission of {@code unit}, {@code form} and {@code period}. */
    public Store.Encoded finish(String unit, String form, String period, long mainImport) {
        String valueMap = values.append(n == 0 ? "{}" : "}").toString();
        Store.Encoded e = new Store.Encoded(unit, form, period, mainImport, digest(), n, valueMap, sources(mainImport));
        values.setLength(0);
        Arrays.fill(ownText, 0, n, null);
        n = 0;
        return e;
    }

    /**
     * Where each value came from, in value order. When every value came from {@code mainImport}
     * (nearly always), just their lines: {@code [12,13,15]}; otherwise each value's import and
     * line: {@code {"dvk_models":[3,12],…}}.
     */
    private String sources(long mainImport) {
        boolean oneImport = true;
        for (int k = 0; k < n; k++) oneImport &= imports[k] == mainImport;
        StringBuilder sb = new StringBuilder(n * (oneImport ? 6 : 24)).append(oneImport ? '[' : '{');
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append(',');
            if (oneImport) sb.append(lines[k]);
            else Json.quote(sb, codes[k]).append(":[").append(imports[k]).append(',').append(lines[k]).append(']');
        }
        return sb.append(oneImport ? ']' : '}').toString();
    }

    private String digest() {
        Integer[] sorted = sortedOrder();
        int at = 0;
        for (int i = 0; i < n; i++) {
            int k = sorted[i];
            at = put(codes[k], 0, codes[k].length(), at);
            at = put("=", 0, 1, at);
            at = ownText[k] != null ? put(ownText[k], 0, ownText[k].length(), at) : put(values, textFrom[k], textTo[k], at);
            at = put("\n", 0, 1, at);
        }
        sha.update(canon, 0, at);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Indices of the codes in sorted order; computed again only when the codes differ from the last submission's. */
    private Integer[] sortedOrder() {
        boolean same = sortedCodes.length == n;
        for (int k = 0; same && k < n; k++) same = sortedCodes[k] == codes[k] || sortedCodes[k].equals(codes[k]);
        if (!same) {
            sortedCodes = Arrays.copyOf(codes, n);
            order = new Integer[n];
            for (int k = 0; k < n; k++) order[k] = k;
            String[] by = sortedCodes;
            Arrays.sort(order, (a, b) -> by[a].compareTo(by[b]));
        }
        return order;
    }

    /** Appends text as UTF-8 to the digest's input. */
    private int put(CharSequence s, int from, int to, int at) {
        if (at + (to - from) * 3 > canon.length) canon = Arrays.copyOf(canon, Math.max(canon.length * 2, at + (to - from) * 3));
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                canon[at++] = (byte) c;
            } else {
                // not ASCII: the JDK's encoder for the rest of the text (surrogate pairs included)
                byte[] rest = s.subSequence(i, to).toString().getBytes(StandardCharsets.UTF_8);
                if (at + rest.length > canon.length) canon = Arrays.copyOf(canon, Math.max(canon.length * 2, at + rest.length));
                System.arraycopy(rest, 0, canon, at, rest.length);
                return at + rest.length;
            }
        }
        return at;
    }

    /** {@code unscaled × 10^-scale} in plain notation, as BigDecimal.toPlainString writes it. */
    static void appendPlain(StringBuilder sb, long unscaled, int scale) {
        if (scale <= 0) {
            sb.append(unscaled);
            if (unscaled != 0) for (int k = 0; k < -scale; k++) sb.append('0');
            return;
        }
        if (unscaled < 0) {
            if (unscaled == Long.MIN_VALUE) {
                sb.append(BigDecimal.valueOf(unscaled, scale).toPlainString());
                return;
            }
            sb.append('-');
            unscaled = -unscaled;
        }
        int start = sb.length();
        sb.append(unscaled);
        int digits = sb.length() - start;
        if (digits <= scale) {
            // 0.00ddd
            char[] zeros = new char[scale - digits + 2];
            Arrays.fill(zeros, '0');
            zeros[1] = '.';
            sb.insert(start, zeros);
        } else {
            sb.insert(sb.length() - scale, '.');
        }
    }
}
