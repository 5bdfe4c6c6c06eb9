package dev.tally.config;

/** Picks the delimiter of a small CSV text from its header line: the most frequent of , ; and tab. */
final class CsvSniff {
    private CsvSniff() {}

    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int commas = 0, semis = 0, tabs = 0;
        for (int i = 0; i < header.length(); i++) {
            switch (header.charAt(i)) {
                case ',' -> commas++;
                case ';' -> semis++;
                case '\t' -> tabs++;
                default -> { }
            }
        }
        if (tabs > commas && tabs > semis) return '\t';
        if (semis > commas) return ';';
        return ',';
    }
}
