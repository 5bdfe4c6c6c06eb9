package dev.tally.config;

import java.util.Arrays;

/** Maps a character offset in a text to its 1-based line number. */
final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
    }

    int lineOf(long offset) {
        int i = Arrays.binarySearch(starts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
