package dev.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Catalog;
import dev.tally.model.CellTable;
import dev.tally.model.Hierarchy;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast lane (files: byte parsing, slices) must give exactly what the ordinary reader gives
 * (standard input always takes the ordinary path): the same findings, counts and cells.
 */
class FastLaneTest {
    static final Hierarchy h = TestProject.H;
    static final Catalog c = TestProject.C;

    @TempDir
    Path dir;

    @AfterEach
    void restore() { Ingest.splitBytes = 4L << 20; }

    private void assertSame(byte[] content, int threads) throws IOException {
        Path f = Files.write(dir.resolve("in.csv"), content);
        Validator.Result fast = Ingest.run(h, c, List.of(), List.of(new InputFile("in.csv", f)), ReadOptions.defaults(),
                new ByteArrayInputStream(new byte[0]), threads);
        Validator.Result slow = Ingest.run(h, c, List.of(), List.of(new InputFile("in.csv", null)), ReadOptions.defaults(),
                new ByteArrayInputStream(content), 1);
        assertThat(fast.findings()).isEqualTo(slow.findings());
        assertThat(fast.summary()).isEqualTo(slow.summary());
        assertThat(cells(fast.table())).isEqualTo(cells(slow.table()));
    }

    private static List<String> cells(CellTable t) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < t.periods().size(); p++) {
 for (int cell = 0; cell < t.cells(); cell++) {
                if (t.state(p, cell) != CellTable.EMPTY) {
                    out.add(t.periods().get(p) + "/" + t.unitOf(cell) + "." + cell % t.indicators() + "=" + t.state(p, cell) + ":" + t.value(p, cell) + "@" + CellTable.whereLine(t.where(p, cell)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    static final String AWKWARD = "\uFEFFunit;period;indicator;value;comment\r\n"
            + "C11;2024;received;10;ghi chú tiếng Việt\r\n"
            + "\r\n"
            + "C11;2024;resolved; 7 ;\r\n"
            + "C12;2024;received;N/A;\r\n"
            + "C12;2024;resolved;-;\r\n"
            + "C21;2024;score;7.5;\r\n"
            + "C21;2024;received;-1;\r\n"
            + "C21;2024;resolved;abc;\r\n"
            + "XX;2024;received;1;\r\n"
            + "C21;2024-H3;received;1;\r\n"
            + "C21;2024;rate;5;\r\n"
            + "C11;2024;received;10;\r\n"
            + "C11;2024;resolved;8;\r\n"
            + "C21;2024;share;101;\r\n"
            + "C21;2024;active;1;\r\n"
            + "D1;2024;sessions;3\r\n"
            + "C21\r\n";

    @Test
    void aSparseTableValidatesExactlyLikeADenseOne() throws IOException {
        Path f = Files.write(dir.resolve("in.csv"), AWKWARD.getBytes(StandardCharsets.UTF_8));
        List<InputFile> in = List.of(new InputFile("in.csv", f));
        Validator.Result dense = Ingest.run(h, c, List.of(), in, ReadOptions.defaults(), new ByteArrayInputStream(new byte[0]), 1, null, false);
        Validator.Result sparse = Ingest.run(h, c, List.of(), in, ReadOptions.defaults(), new ByteArrayInputStream(new byte[0]), 1, null, true);
        assertThat(sparse.table().isDense()).isFalse();
        assertThat(sparse.findings()).isEqualTo(dense.findings());
        assertThat(sparse.summary()).isEqualTo(dense.summary());
        assertThat(cells(sparse.table())).isEqualTo(cells(dense.table()));
        assertThat(sparse.table().cells()).isLessThan(dense.table().cells());
    }

    @Test
    void awkwardRowsGiveTheSameFindingsAsTheOrdinaryReader() throws IOException {
        assertSame(AWKWARD.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void aQuoteHandsOverToTheTokenizerFromThatLine() throws IOException {
        String s = "unit,period,indicator,value,comment\nC11,2024,received,1,\nC12,2024,received,2,\"two\nlines, with a comma\"\n"
                + "C21,2024,received,3,\nC21,2024,resolved,9,\"unclosed\n";
        assertSame(s.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void invalidBytesAreEncodingFindingsOnTheirLine() throws IOException {
        byte[] a = "unit,period,indicator,value,comment\nC11,2024,received,1,".getBytes(StandardCharsets.UTF_8);
        byte[] b = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] rest = "C12,2024,received,2,\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + b.length + rest.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(rest, 0, all, a.length + b.length, rest.length);
        assertSame(all, 1);
    }

    @Test
    void slicesAcrossThreadsKeepLinesAndOrder() throws IOException {
        Ingest.splitBytes = 64;
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder("unit,period,indicator,value\n");
        String[] units = {"C11", "C12", "C21", "D1", "P", "ZZ"};
        String[] inds = {"received", "resolved", "score", "share", "sessions"};
        for (int i = 0; i < 400; i++) {
            sb.append(units[rnd.nextInt(units.length)]).append(",2024-0").append(1 + rnd.nextInt(3)).append(',')
                    .append(inds[rnd.nextInt(inds.length)]).append(',').append(rnd.nextInt(12) == 0 ? "" : String.valueOf(rnd.nextInt(120) - 5))
                    .append(rnd.nextInt(20) == 0 ? "\r\n" : "\n");
        }
        assertSame(sb.toString().getBytes(StandardCharsets.UTF_8), 2);
        assertSame(sb.toString().getBytes(StandardCharsets.UTF_8), 3);
    }
}
