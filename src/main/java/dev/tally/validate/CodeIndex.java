package dev.tally.validate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Maps codes, given as UTF-8 bytes inside a larger buffer, to dense indices without creating a
 * String: the validator looks up millions of unit and indicator codes this way. Open addressing,
 * built once, read-only afterwards (safe to share between threads).
 */
final class CodeIndex {
    private final byte[][] keys;
    private final int[] values;
    private final int mask;

    /** {@code codes.get(i)} maps to {@code ids[i]}; a null code is skipped. */
    CodeIndex(List<String> codes, int[] ids) {
        int cap = Integer.highestOneBit(Math.max(4, codes.size() * 3)) << 1;
        keys = new byte[cap][];
        values = new int[cap];
        mask = cap - 1;
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null) continue;
            byte[] k = codes.get(i).getBytes(StandardCharsets.UTF_8);
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k;
            values[slot] = ids[i];
        }
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) h = (h ^ b[i]) * 0x01000193;
        return h ^ (h >>> 16);
    }

    /** The index of the code in {@code b[from, to)}, or -1. */
    int get(byte[] b, int from, int to) {
        int slot = hash(b, from, to) & mask;
        int len = to - from;
        for (byte[] k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (k.length == len && dev.tally.read.Field.equalBytes(k, 0, b, from, len)) return values[slot];
        }
        return -1;
    }
}
