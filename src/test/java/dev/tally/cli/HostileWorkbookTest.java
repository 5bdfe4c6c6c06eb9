package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import static dev.tally.read.TestWorkbooks.*;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile workbooks, read by a real tally process held to a 96 MB heap, all in one run beside a good
 * CSV: a zip bomb, XML with a DTD and external entities, a billion laughs, a million shared strings, a
 * sheet of a million rows, cells of 32,767 characters, a workbook encrypted with a password, files
 * named .xlsx that are not workbooks (binary, truncated). Each ends with its finding in bounded time
 * and memory, and the other inputs are read.
 *
 * <p>Every finding is on standard output (--format csv lists them all): 1,048,574 duplicates of the
 * million rows, 177 MB. They are read line by line, counted and not kept, rather than held as one
 * string and searched end to end by every assertion.
 */
@Tag("process")
@org.junit.jupiter.api.Order(1) // pom.xml, process-tests: the longest first
class HostileWorkbookTest {
    @TempDir
    Path dir;

    /** The exit code; standard output without the million rows' duplicates, which are counted; standard error. */
    private record Run(int exit, String out, long duplicates, String err) {}

    private Run tally(String... args) throws Exception {
        Path units = Files.writeString(dir.resolve("units.csv"), "code,name,parent\nP,Tỉnh,\nC1,Xã,P\n");
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "indicators:\n  - {code: x, type: integer}\n");
        List<String> all = new ArrayList<>(List.of("validate", "--format", "csv", "--units", units.toString(), "--catalog", catalog.toString()));
        all.addAll(List.of(args));
        Process p = new ProcessBuilder(Child.plain(List.of("-Xmx96m"), all)).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("hostile workbooks end").isTrue();
        StringBuilder out = new StringBuilder();
        long duplicates = 0, leaked = 0;
        String duplicate = "warning,duplicate," + dir.resolve("rows.xlsx") + ",";
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("out"))) {
            for (String line; (line = in.readLine()) != null; ) {
                // what /etc/passwd holds, had the external entity been read: on no line at all
                if (line.contains("root:")) leaked++;
                if (line.startsWith(duplicate)) duplicates++;
                else out.append(line).append('\n');
            }
        }
        assertThat(leaked).as("lines with /etc/passwd's root:").isZero();
        return new Run(p.exitValue(), out.toString(), duplicates, Files.readString(dir.resolve("err")));
    }

    @Test
    void hostileWorkbooksAreFindingsInBoundedTimeAndMemoryAndTheOtherInputsAreRead() throws Exception {
        // a zip bomb: a sheet of 130 kilobytes that inflates to 128 MB of spaces, more than the run's heap
        // (tally stops it once it has inflated 300 times its packed size, 39 MB)
        Path bomb = xlsx(dir.resolve("bomb.xlsx"), Map.of("xl/worksheets/sheet1.xml", o -> {
            o.write((SHEET + HEADER + row(2, "C1", "2020", "x", "1")).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 128; i++) o.write(spaces);
            o.write(END.getBytes(StandardCharsets.UTF_8));
        }));
        // XML with a document type: an external entity, and the billion laughs in the shared strings
        Path xxe = xlsx(dir.resolve("xxe.xlsx"), Map.of("xl/worksheets/sheet1.xml", text("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet><sheetData>" + HEADER + row(2, "&e;", "2021", "x", "1") + END)));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"lol\">");
        for (char c = 'b'; c <= 'k'; c++) laughs.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">");
        laughs.append("]><sst><si><t>&k;</t></si></sst>");
        Path lol = xlsx(dir.resolve("laughs.xlsx"), Map.of("xl/sharedStrings.xml", text(laughs.toString()),
                "xl/worksheets/sheet1.xml", text(SHEET + HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>" + END)));
        // a million shared strings; the sheet uses the last of them
        Path strings = xlsx(dir.resolve("strings.xlsx"), Map.of("xl/sharedStrings.xml", o -> {
            o.write("<sst count=\"1000000\">".getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1_000_000; i++) {
                sb.append("<si><t>").append(i == 999_999 ? "C1" : "s" + i).append("</t></si>");
                if (sb.length() > 1 << 16) {
                    o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            o.write((sb + "</sst>").getBytes(StandardCharsets.UTF_8));
        }, "xl/worksheets/sheet1.xml", text(SHEET + HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>999999</v></c><c r=\"B2\"><v>2022</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D2\"><v>5</v></c></row>" + END)));
        // a sheet of a million rows, each the same value: one accepted, the rest duplicates
        Path rows = xlsx(dir.resolve("rows.xlsx"), Map.of("xl/worksheets/sheet1.xml", o -> {
            o.write((SHEET + HEADER).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int r = 2; r <= 1_048_576; r++) {
                sb.append(row(r, "C1", "2023", "x", "7"));
                if (sb.length() > 1 << 16) {
                    o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            o.write((sb + END).getBytes(StandardCharsets.UTF_8));
        }), java.util.zip.Deflater.BEST_SPEED);
        // cells of 32,767 characters, Excel's longest: as a unit and as a value
        String longText = "Đ".repeat(32_767);
        Path longCells = xlsx(dir.resolve("long.xlsx"), Map.of("xl/worksheets/sheet1.xml", text(SHEET + HEADER + row(2, longText, "2024", "x", "1")
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>2024</t></is></c>"
                + "<c r=\"C3\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D3\" t=\"inlineStr\"><is><t>" + "9".repeat(32_767) + "</t></is></c></row>" + END)));
        // a workbook with a password: an OLE2 container holding an EncryptedPackage stream
        byte[] ole = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        byte[] name = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, ole, 1024, name.length);
        Path encrypted = Files.write(dir.resolve("encrypted.xlsx"), ole);
        // files named .xlsx that are not workbooks: binary noise, and a workbook cut in half
        byte[] noise = new byte[100_000];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 1;
        Path notZip = Files.write(dir.resolve("noise.xlsx"), noise);
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/workbooks/hidden.xlsx"));
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path good = Files.writeString(dir.resolve("good.csv"), "unit,period,indicator,value\nC1,2029,x,4\n");

        long start = System.nanoTime();
        Run r = tally(bomb.toString(), xxe.toString(), lol.toString(), strings.toString(), rows.toString(), longCells.toString(),
                encrypted.toString(), notZip.toString(), truncated.toString(), good.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        String d = dir + java.io.File.separator;
        assertThat(r.err()).doesNotContain("out of memory").doesNotContain("internal error").doesNotContain("Exception");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        // the bomb's first row was read before it went off
        assertThat(r.out()).contains("error,unreadable," + d + "bomb.xlsx,,,,,,reading the sheet stopped: its part xl/worksheets/sheet1.xml inflates ")
                .contains("times its packed size (a zip bomb); its rows after that were not read");
        assertThat(r.out()).contains("error,unreadable," + d + "xxe.xlsx,,,,,,\"reading the sheet stopped: its XML declares a document type (a DTD), which tally does not read");
        assertThat(r.out()).contains("error,unreadable," + d + "laughs.xlsx,,,,,,\"reading the sheet stopped: its XML declares a document type (a DTD)");
        assertThat(r.out()).contains(d + "encrypted.xlsx,,,,,,\"the workbook is protected by a password");
        assertThat(r.out()).contains(d + "noise.xlsx,,,,,,\"the file is named .xlsx but is not a workbook: it is some other binary file");
        assertThat(r.out()).contains(d + "truncated.xlsx,,,,,,\"the workbook is damaged");
        // a 32,767-character unit is told by its start and its length, the value by what it is
        assertThat(r.out()).containsPattern("long.xlsx,2,Đ{60}… \\(65534 bytes\\),2024,x,1,");
        assertThat(r.out()).contains("long.xlsx,3,C1,2024,x,").contains("the value has 32767 digits");
        // read: the million strings' last one, a million rows (one value, the rest repeats), the good CSV
        assertThat(r.err()).contains("1048574 duplicates");
        assertThat(r.duplicates()).as("duplicates listed on standard output").isEqualTo(1_048_574);
        assertThat(r.err()).contains("4 accepted");
        assertThat(seconds).as("seconds").isLessThan(180);
    }
}
