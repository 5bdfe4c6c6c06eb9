package dev.tally.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void temporaryFilesAreNewHiddenFilesBesideTheTarget() throws IOException {
        Path a = AtomicFile.newTemp(dir, "out.csv"), b = AtomicFile.newTemp(dir, "out.csv");
        assertThat(a).isNotEqualTo(b).hasParent(dir).isEmptyFile();
        assertThat(a.getFileName().toString()).startsWith(".out.csv.").endsWith(".tmp");
        assertThat(Files.list(dir)).hasSize(2);
    }

    @Test
    void theOutputKeepsThePermissionsOfTheFileItReplacesElseReadableByAll() throws IOException {
        Path kept = dir.resolve("kept.csv"), fresh = dir.resolve("fresh.csv");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
        for (Path target : new Path[] {kept, fresh}) {
            try (AtomicFile f = AtomicFile.create(target)) {
                f.stream().write("new".getBytes(StandardCharsets.UTF_8));
                f.commit();
            }
        }
        assertThat(kept).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        assertThat(Files.list(dir)).containsExactlyInAnyOrder(kept, fresh);
    }
}
