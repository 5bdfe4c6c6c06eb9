package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Hierarchy;
import dev.tally.model.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The units cache gives what parsing gives, for the same content only, and never a stale or damaged entry. */
class UnitsCacheTest {
    @TempDir
    Path dir;

    static final String UNITS = "code,name,parent,level,active_from,active_to\nP,Tỉnh,,province,,\nD1,Huyện 1,P,district,,\n"
            + "C11,Xã 11,D1,commune,2020-01-01,\nC12,Xã 12,D1,commune,,2025-06-30\nD2,Huyện 2,P,district,,\n";

    private Path cache() { return dir.resolve("cache"); }

    private Hierarchy load(Path units) { return UnitsLoader.load(units, List.of(), new ArrayList<>(), cache()); }

    /** Everything a hierarchy is made of, for comparing a cached one with a parsed one. */
    private static String described(Hierarchy h) {
        StringBuilder s = new StringBuilder(h.levels().toString());
        for (Unit u : h.units()) s.append('\n').append(u).append(" parent#").append(h.parentIndex()[u.index()]);
        return s.toString();
    }

    @Test
    void aLoadKeepsTheHierarchyAndTheNextIsAnsweredFromIt() throws IOException {
        Path units = Files.writeString(dir.resolve("units.csv"), UNITS);
        Hierarchy parsed = UnitsLoader.load(units, List.of());
        assertThat(described(load(units))).isEqualTo(described(parsed));
        UnitsCache entry = UnitsCache.of(cache(), units, List.of());
        assertThat(entry.file()).exists();
        assertThat(described(entry.read())).isEqualTo(described(parsed)).contains("2020-01-01").contains("2025-06-30");

        // the loader answers from the entry: replaced by another (valid) hierarchy under this content's key, that is what it gives
        Path other = Files.writeString(dir.resolve("other.csv"), "code,name,parent\nX,Khác,\n");
        entry.write(UnitsLoader.load(other, List.of()));
        assertThat(load(units).units()).extracting(Unit::code).containsExactly("X");
    }

    @Test
    void anEditedFileIsParsedAgain() throws IOException {
        Path units = Files.writeString(dir.resolve("units.csv"), UNITS);
        load(units);
        Files.writeString(units, UNITS.replace("Xã 12", "Phường 12"));
        assertThat(load(units).unit("C12").name()).isEqualTo("Phường 12");
        // another configured level list is another entry too
        assertThat(UnitsCache.of(cache(), units, List.of("province", "district", "commune")).read()).isNull();
    }

    @Test
    void aDamagedEntryIsNeverUsedAndIsReplaced() throws IOException {
        Path units = Files.writeString(dir.resolve("units.csv"), UNITS);
        String parsed = described(load(units));
        Path file = UnitsCache.of(cache(), units, List.of()).file();
        byte[] b = Files.readAllBytes(file);
        for (int at : new int[] {b.length / 2, 0, b.length - 1}) {
            byte[] damaged = b.clone();
            damaged[at] ^= 0x20;
            Files.write(file, damaged);
            assertThat(UnitsCache.of(cache(), units, List.of()).read()).as("byte " + at).isNull();
            assertThat(described(load(units))).isEqualTo(parsed);
            assertThat(Files.readAllBytes(file)).as("written again").isEqualTo(b);
        }
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 3)); // cut short
        assertThat(described(load(units))).isEqualTo(parsed);
    }

    @Test
    void aFileWithWarningsIsNotKeptAndTheCacheKeepsEightEntries() throws IOException {
        Path twins = Files.writeString(dir.resolve("twins.csv"), "code,name,parent\nP,Tỉnh,\nab,A,P\nAB,B,P\n");
        List<String> warnings = new ArrayList<>();
        UnitsLoader.load(twins, List.of(), warnings, cache());
        assertThat(warnings).hasSize(1);
        assertThat(UnitsCache.of(cache(), twins, List.of()).read()).isNull(); // its warning would be lost on a hit
        for (int i = 0; i < 10; i++) load(Files.writeString(dir.resolve("u" + i + ".csv"), UNITS.replace("Huyện 2", "Huyện " + (100 + i))));
        try (var entries = Files.list(cache())) {
            assertThat(entries.filter(p -> p.getFileName().toString().endsWith(".bin")).count()).isEqualTo(8);
        }
    }

    /** A temporary entry a run left when it ended mid-write goes once it is old; one being written now stays. */
    @Test
    void anAbandonedTemporaryEntryIsRemoved() throws IOException {
        Files.createDirectories(cache());
        Path old = Files.writeString(cache().resolve("units-123.tmp"), "half");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
        Path recent = Files.writeString(cache().resolve("units-456.tmp"), "half");
        load(Files.writeString(dir.resolve("units.csv"), UNITS));
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }
}
