package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.model.TallyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A project loaded ahead (a run's second core, while the command line is parsed) answers the load
 * with the same arguments, exception included, and no other. One slot for the whole process: the
 * tests take turns.
 */
@ResourceLock("dev.tally.config.Project.AHEAD")
class ProjectAheadTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception { return Files.writeString(dir.resolve(name), text); }

    @Test
    void theLoadWithTheSameArgumentsTakesTheOneBegunAhead() throws Exception {
        Path units = write("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nC1,Xã 1,P,commune\n");
        Path catalog = write("catalog.csv", "code,name,type,aggregate\nx,X,integer,sum\n");
        Project ahead = CompletableFuture.supplyAsync(() -> Project.loadAhead(null, units, catalog, dir)).join();
        int taken = Project.takenAhead();
        Project p = Project.load(null, units, catalog, dir);
        assertThat(p).isSameAs(ahead);
        assertThat(Project.takenAhead()).isEqualTo(taken + 1);
        // taken once: the next load is its own
        Project again = Project.load(null, units, catalog, dir);
        assertThat(again).isNotSameAs(ahead);
        assertThat(again.hierarchy().units()).hasSameSizeAs(ahead.hierarchy().units());
    }

    @Test
    void aLoadWithOtherArgumentsLoadsItsOwn() throws Exception {
        Path units = write("units.csv", "code,name,parent,level\nP,Tỉnh,,province\nC1,Xã 1,P,commune\n");
        Path other = write("other.csv", "code,name,parent,level\nQ,Tỉnh Q,,province\n");
        Path catalog = write("catalog.csv", "code,name,type,aggregate\nx,X,integer,sum\n");
        Project ahead = Project.loadAhead(null, units, catalog, dir);
        Project p = Project.load(null, other, catalog, dir);
        assertThat(p).isNotSameAs(ahead);
        assertThat(p.hierarchy().unit("Q")).isNotNull();
        assertThat(p.hierarchy().unit("P")).isNull();
        // nor another working directory
        assertThat(Project.load(null, units, catalog, dir.resolve("sub"))).isNotSameAs(ahead);
    }

    @Test
    void aLoadThatFailedAheadFailsTheSameWay() throws Exception {
        Path catalog = write("catalog.csv", "code,name,type,aggregate\nx,X,integer,sum\n");
        Path missing = dir.resolve("missing.csv");
        String direct = messageOf(() -> Project.load(null, missing, catalog, dir));
        assertThatThrownBy(() -> Project.loadAhead(null, missing, catalog, dir)).isInstanceOf(TallyException.class);
        int taken = Project.takenAhead();
        assertThat(messageOf(() -> Project.load(null, missing, catalog, dir))).isEqualTo(direct).contains("missing.csv");
        assertThat(Project.takenAhead()).isEqualTo(taken + 1);
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (TallyException e) {
            return e.getMessage();
        }
        throw new AssertionError("no TallyException");
    }
}
