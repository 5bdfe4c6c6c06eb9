package dev.tally.cli;

/** The width the table format should fit: $COLUMNS when set, else 0 (unlimited) when output is not a terminal. */
final class Terminal {
    private Terminal() {}

    static int width() {
        String c = System.getenv("COLUMNS");
        if (c != null) {
            try {
                return Math.max(20, Integer.parseInt(c.strip()));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return System.console() != null ? 120 : 0;
    }
}
