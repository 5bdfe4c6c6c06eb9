package dev.tally.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Exemption;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one count of expected reporters, which rollup's coverage and status's completeness share. */
class ExpectedTest {
    @TempDir
    Path dir;

    @Test
    void eachReporterCountsInItsSubtreeEveryAncestorAndTheTotal() {
        // P > D1 > C11, C12; P > D2 > C21; and D3 with no communes, which reports for itself
        Fixture f = new Fixture(dir, dev.tally.cli.Tally.TREE + "D3,Huyện 3,P,district\n", "indicators:\n  - {code: x}\n");
        Period h2 = Period.parseOrThrow("2024-H2");
        Roster roster = new Roster(f.h, List.of(new Exemption("C12", null, h2, "merged")));
        int communes = f.h.depthOf("commune");
        Expected.Counts k = Expected.count(roster, communes, "all", h2);
        int total = f.h.size();
        assertThat(k.expected()[f.h.unit("C11").index()]).isEqualTo(1);
        assertThat(k.expected()[f.h.unit("C12").index()]).isZero();
        assertThat(k.exempt()[f.h.unit("C12").index()]).isEqualTo(1);
        assertThat(k.expected()[f.h.unit("D1").index()]).isEqualTo(1);
        assertThat(k.exempt()[f.h.unit("D1").index()]).isEqualTo(1);
        assertThat(k.expected()[f.h.unit("D3").index()]).isEqualTo(1);
        assertThat(k.expected()[f.h.unit("P").index()]).isEqualTo(3);
        assertThat(k.expected()[total]).isEqualTo(3);
        assertThat(k.exempt()[total]).isEqualTo(1);
        // with no period nobody is excused
        assertThat(Expected.count(roster, communes, "all", null).expected()[total]).isEqualTo(4);
        // districts: D1, D2 and D3 themselves
        assertThat(Expected.count(roster, f.h.depthOf("district"), "all", h2).expected()[total]).isEqualTo(3);
    }
}
