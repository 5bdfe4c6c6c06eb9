package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Options whose values are an enum: picocli converts them in any letter case, and a word outside the
 * set gets the one message, naming the words, in the run's language.
 */
class ChoiceOptionTest {
    @AfterEach
    void english() { dev.tally.model.Text.use(dev.tally.model.Text.Lang.EN); }

    static String err(String... args) { return Tally.run(args).err(); }

    @Test
    void aWordOutsideTheSetIsNamedWithTheWordsTaken() {
        assertThat(err("import", "--atomic", "all", "x.csv"))
                .startsWith("tally: Invalid value for option '--atomic': 'all' is not a mode; use value, submission, file or run\n");
        assertThat(err("rollup", "--coverage", "some")).startsWith("tally: Invalid value for option '--coverage': 'some' is not a coverage setting; use columns or none\n");
        assertThat(err("rollup", "--compare", "last")).startsWith("tally: Invalid value for option '--compare': 'last' is not a comparison; use previous or year-ago\n");
        assertThat(err("--lang", "vi", "rollup", "--shape", "tall"))
                .startsWith("tally: giá trị của tùy chọn '--shape' không hợp lệ: 'tall' không phải là một dạng bảng; dùng long hoặc wide\n");
        // --format has a converter of its own: its words and the option's, both in the run's language
        assertThat(err("rollup", "--format", "xyz"))
                .startsWith("tally: Invalid value for option '--format': 'xyz' is not a format; use one of table, csv, tsv, json, ndjson, markdown, xlsx\n");
        assertThat(err("--lang", "vi", "rollup", "--format", "xyz")).startsWith("tally: giá trị của tùy chọn '--format' không hợp lệ: "
                + "'xyz' không phải là một định dạng; dùng một trong table, csv, tsv, json, ndjson, markdown, xlsx\n");
    }

    @Test
    void theWordsAreTakenInAnyLetterCase() {
        // past the option's parsing: the missing input is what stops these
        for (String[] args : new String[][] {{"rollup", "--shape", "WIDE"}, {"rollup", "--compare", "Year-Ago"}, {"rollup", "--compare", "year_ago"},
            {"rollup", "--coverage", "None"}, {"import", "--atomic", "Run", "missing.csv"}}) {
            assertThat(err(args)).as(String.join(" ", args)).doesNotContain("Invalid value");
        }
    }
}
