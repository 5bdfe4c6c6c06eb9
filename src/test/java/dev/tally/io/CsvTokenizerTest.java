package dev.tally.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {
    private static List<String> rec(String... f) { return List.of(f); }

    @Test
    void quotesDelimitersAndLineBreaksInsideFields() throws Exception {
        CsvTokenizer t = new CsvTokenizer(new StringReader("a,b,c\r\n\"x,1\",\"he said \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n"), ',');
        List<String> r = new ArrayList<>();
        assertThat(t.next(r)).isTrue();
        assertThat(r).isEqualTo(rec("a", "b", "c"));
        assertThat(t.recordLine()).isEqualTo(1);
        assertThat(t.next(r)).isTrue();
        assertThat(r).isEqualTo(rec("x,1", "he said \"hi\"", "two\nlines"));
        assertThat(t.recordLine()).isEqualTo(2);
        assertThat(t.next(r)).isTrue();
        assertThat(r).isEqualTo(rec("last", "", ""));
        assertThat(t.recordLine()).as("a blank line is skipped but counted").isEqualTo(5);
        assertThat(t.next(r)).isFalse();
    }

    @Test
    void semicolonAndNoFinalNewline() throws Exception {
        CsvTokenizer t = new CsvTokenizer(new StringReader("u;p\rA;1"), ';');
        List<String> r = new ArrayList<>();
        t.next(r);
        assertThat(t.next(r)).isTrue();
        assertThat(r).isEqualTo(rec("A", "1"));
        assertThat(t.recordLine()).isEqualTo(2);
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpened() throws Exception {
        CsvTokenizer t = new CsvTokenizer(new StringReader("a,b\n1,\"open\n2,3\n"), ',');
        List<String> r = new ArrayList<>();
        t.next(r);
        assertThatThrownBy(() -> t.next(r)).isInstanceOf(CsvTokenizer.MalformedCsv.class)
                .satisfies(e -> assertThat(((CsvTokenizer.MalformedCsv) e).line).isEqualTo(2));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws Exception {
        CsvTokenizer t = new CsvTokenizer(new StringReader("\"a\"b,c\n"), ',');
        assertThatThrownBy(() -> t.next(new ArrayList<>())).isInstanceOf(CsvTokenizer.MalformedCsv.class)
                .hasMessageContaining("after a closing quote");
    }
}
