package dev.tally.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of an input folder: every file found, whatever bytes its name is made of. */
@org.junit.jupiter.api.parallel.Isolated // reads Inputs.STREAMED, which any walk beside it would move
class InputsTest {
    @TempDir
    Path tmp;

    @Test
    void foldersAreListedByNameAndEveryFileIsFound() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names in UTF-8");
        Files.createDirectories(tmp.resolve("Bắc Giang/Phường 1"));
        Files.writeString(tmp.resolve("Bắc Giang/Phường 1/Bình.csv"), "unit,period,indicator,value\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("Bắc Giang/a.json"), "[]", StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve(".git/old.csv"), "x", StandardCharsets.UTF_8);
        long streamed = Inputs.STREAMED.get();
        List<InputFile> found = Inputs.expand(List.of(tmp.toString()));
        assertThat(found).extracting(f -> tmp.relativize(f.path()).toString()).containsExactly("Bắc Giang/Phường 1/Bình.csv", "Bắc Giang/a.json");
        assertThat(Inputs.STREAMED.get() - streamed).as("folders listed by the directory stream").isZero();
    }

    /**
     * A name UTF-8 cannot decode (café.csv in Latin-1, from an old Windows share): java.io.File gives it
     * as text that names no file, so its folder is listed by the directory stream, which keeps the bytes.
     */
    @Test
    void aNameInAnotherEncodingIsFoundAndCanBeRead() throws Exception {
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("d/ok.csv"), "unit,period,indicator,value\n", StandardCharsets.UTF_8);
        // a file name of raw bytes: only the shell can make one on a JVM whose names are UTF-8
        Process p = new ProcessBuilder("sh", "-c", "printf 'unit,period,indicator,value\\n' > \"$(printf 'caf\\351.csv')\"")
                .directory(tmp.resolve("d").toFile()).start();
        assertThat(p.waitFor()).isZero();
        long streamed = Inputs.STREAMED.get();
        List<InputFile> found = Inputs.expand(List.of(tmp.resolve("d").toString()));
        assertThat(found).hasSize(2);
        for (InputFile f : found) assertThat(Files.size(f.path())).as(f.display()).isEqualTo(28);
        assertThat(Inputs.STREAMED.get() - streamed).as("folders listed by the directory stream").isEqualTo(1);
    }

    /**
     * A folder whose own name UTF-8 cannot decode, beside one whose name is the text that decoding
     * gives (caf\uFFFD, left so by a tool that replaced the bytes): each folder's own file is found.
     */
    @Test
    void aFolderNamedInAnotherEncodingIsListedItself() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'caf\\351')\" \"$(printf 'caf\\357\\277\\275')\" && "
                + "printf 'unit,period,indicator,value\\n' > \"$(printf 'caf\\351')/a.csv\" && printf 'u\\n' > \"$(printf 'caf\\357\\277\\275')/b.csv\"")
                .directory(tmp.toFile()).start();
        assertThat(p.waitFor()).isZero();
        List<InputFile> found = Inputs.expand(List.of(tmp.toString()));
        assertThat(found).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder("a.csv", "b.csv");
        assertThat(found).extracting(f -> Files.size(f.path())).containsExactlyInAnyOrder(28L, 2L);
    }
}
