package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.model.Finding;
import dev.tally.model.FindingCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The workbook XML tokenizer and the bounded zip on their own: what they read, and what they refuse. */
@Isolated // lowers Zip.maxTotal and Zip.maxEntry, which every workbook obeys
class XmlTest {
    @TempDir
    Path tmp;

    /** Every start tag's name and its text, as "name=text". */
    static List<String> texts(String xml, int buffer) throws IOException {
        // a tiny read size makes every tag and entity straddle the buffer's refills
        InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, buffer)); }
        };
        Xml x = new Xml(in);
        List<String> out = new ArrayList<>();
        for (int e; (e = x.next()) != Xml.EOF; ) {
            if (e == Xml.START && (x.is("v") || x.is("t"))) out.add(x.name() + "=" + x.text());
        }
        return out;
    }

    @Test
    void readsWhatSpreadsheetsWrite() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!-- a comment --><x:sheet xmlns:x=\"u\">"
                + "<x:v>1 &lt; 2 &amp; &#273;&#x1EA1;</x:v><t xml:space='preserve'> Xã Đồng Sơn </t><t><![CDATA[a<b]]></t><t/>"
                + "<?pi whatever?><v>12</v></x:sheet>";
        for (int buffer : new int[] {1, 3, 7, 1 << 16}) {
            assertThat(texts(xml, buffer)).as("read %d bytes at a time", buffer)
                    .containsExactly("v=1 < 2 & đạ", "t= Xã Đồng Sơn ", "t=a<b", "t=", "v=12");
        }
    }

    @Test
    void refusesWhatItDoesNotRead() {
        assertThatThrownBy(() -> texts("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><v>&e;</v>", 1 << 16))
                .isInstanceOf(Xml.Problem.class).extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.dtd");
        assertThatThrownBy(() -> texts("<v>&nbsp;</v>", 1 << 16)).extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.entity");
        assertThatThrownBy(() -> texts("<?xml version=\"1.0\" encoding=\"windows-1258\"?><v>1</v>", 1 << 16))
                .extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.encoding");
        assertThatThrownBy(() -> texts("<v a=\"" + "x".repeat(Xml.MAX_TAG + 10) + "\">1</v>", 1 << 16))
                .extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.tagTooLong");
        assertThatThrownBy(() -> texts("<v>" + "x".repeat(Xml.MAX_TEXT + 10) + "</v>", 1 << 16))
                .extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.textTooLong");
        byte[] utf16 = "<v>1</v>".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> new Xml(new ByteArrayInputStream(utf16)).next()).extracting(e -> ((Xml.Problem) e).key).isEqualTo("xml.encoding");
    }

    @Test
    void aWorkbookPastItsInflatedBoundIsAFindingAndItsOtherSheetsAreStillOpened() throws Exception {
        Path file = tmp.resolve("big.xlsx");
        // two sheets of 3 MB each, of a ratio no bomb has: past a 4 MB bound for the workbook
        StringBuilder rows = new StringBuilder();
        java.util.Random r = new java.util.Random(1);
        int n = 2;
        while (rows.length() < 3 << 20) rows.append(TestWorkbooks.row(n++, "C1", "2024", "x", String.valueOf(r.nextInt(1_000_000))));
        String sheet = TestWorkbooks.SHEET + TestWorkbooks.HEADER + rows + TestWorkbooks.END;
        TestWorkbooks.twoSheets(file, sheet);
        long before = Zip.maxTotal;
        Zip.maxTotal = 4 << 20;
        try {
            ReadersTest.Collect c = new ReadersTest.Collect();
            Submissions.read(new InputFile("big.xlsx", file), null, ReadOptions.defaults(), c, null);
            assertThat(c.findings).extracting(Finding::code).containsExactly(FindingCode.UNREADABLE);
            assertThat(c.findings.get(0).message()).isEqualTo("reading the sheet stopped: it inflates to more than 4 MB in all; its rows after that were not read");
            // the first sheet whole, the second up to the bound
            assertThat(c.values.size()).isGreaterThan(n - 2);
        } finally {
            Zip.maxTotal = before;
        }
        long entry = Zip.maxEntry;
        Zip.maxEntry = 1 << 20;
        try {
            ReadersTest.Collect c = new ReadersTest.Collect();
            Submissions.read(new InputFile("big.xlsx", file), null, ReadOptions.defaults(), c, null);
            assertThat(c.findings).extracting(Finding::message).containsExactly(
                    "reading the sheet stopped: its part xl/worksheets/sheet1.xml inflates to more than 1 MB; its rows after that were not read",
                    "reading the sheet stopped: its part xl/worksheets/sheet2.xml inflates to more than 1 MB; its rows after that were not read");
        } finally {
            Zip.maxEntry = entry;
        }
    }

    @Test
    void aZipThatIsNotOneIsDamaged() throws Exception {
        Path file = Files.write(tmp.resolve("x.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        ReadersTest.Collect c = new ReadersTest.Collect();
        Submissions.read(new InputFile("x.xlsx", file), null, ReadOptions.defaults(), c, null);
        assertThat(c.findings).extracting(Finding::message).singleElement().asString().startsWith("the workbook is damaged");
    }
}
