package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --indicator: a code no catalog has is refused before any input is read. */
class IndicatorOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"rollup", "describe", "outliers", "consistency"})
    void anUnknownCodeIsAUsageErrorBeforeAnyInputIsRead(String command) {
        AtomicLong read = new AtomicLong();
        InputStream stdin = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read.incrementAndGet();
                return -1;
            }
        };
        Tally.Run r = Tally.setup().in(stdin).run(command, "--config", "samples/tally.yaml", "--indicator", "dialogues", "--indicator", "dialogue", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tally: --indicator 'dialogue' is not in the catalog\n");
        assertThat(read.get()).as("standard input was not read").isZero();
    }

    @Test
    void aKnownCodeReadsAsBefore() {
        Tally.Run r = Tally.run("rollup", "--config", "samples/tally.yaml", "--indicator", "dialogues", "--format", "csv", "--period", "2024-H1",
                "--unit", "BG", "--depth", "0", "samples/submissions");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("unit,unit_name,level,period,indicator,value,reported,expected\n"
                + "BG,Tỉnh Bắc Giang,province,2024-H1,dialogues,64,16,16\n");
    }
}
