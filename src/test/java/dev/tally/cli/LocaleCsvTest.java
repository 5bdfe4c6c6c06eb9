package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.write.Format;
import dev.tally.write.NumberStyle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --locale and a csv or tsv (issue 32.2): en-US wrote 12,000 unquoted into a comma-separated row, nine
 * fields instead of eight. For every locale the JDK knows whose grouping separator is a comma, a space
 * (plain, no-break, narrow no-break) or an apostrophe, a rollup's csv and tsv parse back with Commons
 * CSV into rows of the header's length, and every number reads back, as a spreadsheet set to that
 * locale reads it, as the value a plain csv gives. An unknown tag is a usage error.
 */
class LocaleCsvTest {
    static final String GROUPINGS = ", \u00a0\u202f'\u2019";

    static Tally.Run tally(String... args) { return Tally.run(args); }

    /** How a csv for {@code tag} writes numbers and separates fields: the writer's output depends on nothing else. */
    record Way(NumberStyle numbers, char delimiter) {}

    static Way way(String tag, Format format) {
        OutputOptions o = new OutputOptions();
        o.locale = tag;
        return new Way(o.numbers(format), format == Format.TSV ? '\t' : o.delimiter(null));
    }

    @Test
    void everyLocaleGroupingWithACommaASpaceOrAnApostropheWritesCsvThatReadsBack(@TempDir Path dir) throws IOException {
        // thousands and millions, and a rate with a decimal
        Path input = Files.writeString(dir.resolve("big.csv"), "unit,period,indicator,value\n"
                + "BG-TP-TRANPHU,2024-H1,petitions_received,1200000\nBG-TP-TRANPHU,2024-H1,petitions_resolved,1000001\n"
                + "BG-TP-LELOI,2024-H1,petitions_received,12000\nBG-TP-LELOI,2024-H1,petitions_resolved,11999\n"
                + "BG-TP-TRANPHU,2024-H1,dvk_models,1\nBG-TP-TRANPHU,2024-H1,dialogues,2\nBG-TP-LELOI,2024-H1,dvk_models,3\n"
                + "BG-TP-LELOI,2024-H1,dialogues,4\n");
        List<String> rollup = List.of("rollup", "--config", "samples/tally.yaml", "--unit", "BG-TP", "--indicator", "petitions_received",
                "--indicator", "resolution_rate", input.toString());
        List<List<String>> plain = numbers(run(rollup, "csv", null), ',', null);
        assertThat(plain).extracting(r -> r.get(0)).contains("1212000", "12000", "83.5");

        List<Locale> locales = new ArrayList<>();
        for (Locale l : Locale.getAvailableLocales()) {
            if (!l.getLanguage().isEmpty() && GROUPINGS.indexOf(DecimalFormatSymbols.getInstance(l).getGroupingSeparator()) >= 0) locales.add(l);
        }
        assertThat(locales).extracting(Locale::toLanguageTag).contains("en-US", "en", "ja", "zh", "fr-FR", "de-CH", "cs");
        for (Format format : List.of(Format.CSV, Format.TSV)) {
            // one run for each way of writing numbers and separating fields
            Map<Way, String> written = new LinkedHashMap<>();
            for (Locale l : locales) {
                Way w = way(l.toLanguageTag(), format);
                written.computeIfAbsent(w, k -> run(rollup, format.key(), l.toLanguageTag()));
            }
            assertThat(written).hasSizeGreaterThanOrEqualTo(2);
            for (Locale l : locales) {
                Way w = way(l.toLanguageTag(), format);
                assertThat(numbers(written.get(w), w.delimiter(), l)).as(format + " " + l.toLanguageTag()).isEqualTo(plain);
                // how: no digit grouping, the locale's decimal separator, a delimiter that no number holds
                assertThat((int) w.numbers().group()).as(l.toLanguageTag()).isZero();
                assertThat(w.numbers().decimal()).as(l.toLanguageTag()).isEqualTo(DecimalFormatSymbols.getInstance(l).getDecimalSeparator());
                assertThat(w.delimiter()).as(l.toLanguageTag()).isNotEqualTo(w.numbers().decimal());
            }
        }
    }

    private static String run(List<String> rollup, String format, String tag) {
        List<String> args = new ArrayList<>(rollup);
        args.addAll(List.of("--format", format));
        if (tag != null) args.addAll(List.of("--locale", tag));
        Tally.Run r = tally(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    /**
     * The value, reported and expected of every row, each row of the header's length, as plain
     * numbers: read with {@code locale}'s separators (ASCII digits, as tally writes them) the way a
     * spreadsheet set to it reads a cell; as they are when {@code locale} is null.
     */
    private static List<List<String>> numbers(String csv, char delimiter, Locale locale) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DecimalFormat df = null;
        if (locale != null) {
            DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(locale);
            s.setZeroDigit('0');
            df = new DecimalFormat("#,##0.###", s);
            df.setParseBigDecimal(true);
        }
        CSVFormat f = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser p = CSVParser.parse(csv, f)) {
            int fields = p.getHeaderNames().size();
            assertThat(fields).isEqualTo(8);
            for (CSVRecord r : p) {
                assertThat(r.size()).as(r.toString()).isEqualTo(fields);
                List<String> row = new ArrayList<>();
                for (String column : List.of("value", "reported", "expected")) row.add(read(r.get(column), df, locale));
                out.add(row);
            }
        }
        assertThat(out).hasSizeGreaterThan(3);
        return out;
    }

    private static String read(String cell, DecimalFormat df, Locale locale) {
        if (df == null || cell.isEmpty()) return cell;
        ParsePosition at = new ParsePosition(0);
        BigDecimal v = (BigDecimal) df.parse(cell, at);
        assertThat(at.getIndex()).as("'" + cell + "' read whole as a number in " + locale.toLanguageTag()).isEqualTo(cell.length());
        return v.toPlainString();
    }

    @Test
    void anUnknownLocaleIsAUsageErrorThatNamesIt() {
        for (String tag : List.of("xx-YY", "en-XX", "123")) {
            Tally.Run r = tally("rollup", "--config", "samples/tally.yaml", "--locale", tag, "--format", "csv", "samples/submissions");
            assertThat(r.exit()).as(tag).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("tally: --locale '" + tag + "' is not a locale tally knows; use a language tag such as vi, vi-VN, de, fr, "
                    + "en-US or ja (or plain)\n");
        }
        for (String tag : List.of("en-US", "en_US", "vi", "vi-VN", "de-CH", "sr-Latn-RS", "plain")) {
            assertThat(tally("rollup", "--config", "samples/tally.yaml", "--locale", tag, "--format", "csv", "samples/submissions").exit())
                    .as(tag).isZero();
        }
    }

    @Test
    void aNumberThatWouldHoldTheDelimiterIsQuoted() throws IOException {
        // --delimiter . with plain numbers: 83.5 is one field
        String csv = tally("rollup", "--config", "samples/tally.yaml", "--period", "2024-H1", "--unit", "BG-TP", "--depth", "0",
                "--indicator", "resolution_rate", "--format", "csv", "--delimiter", ".", "samples/submissions").out();
        assertThat(csv).contains(".\"88.2\".");
        try (CSVParser p = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setDelimiter('.').build())) {
            for (CSVRecord r : p) assertThat(r.size()).isEqualTo(8);
        }
    }
}
