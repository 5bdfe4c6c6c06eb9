package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose units and catalog are CSV files named on the command line (the cron run of the
 * benchmark) loads no YAML parser, no JSON library and no expression engine: the start-up's preload
 * thread leaves them alone, and nothing on the way needs them. The same run from a tally.yaml loads
 * them, which shows the count can see them. Tagged process: it starts a JVM with class loading logged.
 */
@Tag("process")
class PreloadTest {
    @TempDir
    Path dir;

    @Test
    void aCsvProjectIsRecognisedInBothOptionForms() {
        assertThat(StartAhead.csvProject(new String[] {"rollup", "--units", "u.csv", "--catalog", "c.CSV", "x.csv"})).isTrue();
        assertThat(StartAhead.csvProject(new String[] {"rollup", "--units=u.csv", "--catalog=c.csv"})).isTrue();
        assertThat(StartAhead.csvProject(new String[] {"rollup", "--units", "u.csv", "--catalog", "c.yaml"})).isFalse();
        assertThat(StartAhead.csvProject(new String[] {"rollup", "--units", "u.csv"})).isFalse();
        assertThat(StartAhead.csvProject(new String[] {"rollup", "--config", "tally.yaml"})).isFalse();
    }

    @Test
    void aCsvProjectLoadsNoYamlJsonOrExpressionClasses() throws Exception {
        Files.writeString(dir.resolve("units.csv"), "code,name,parent,level\nP,Tỉnh,,province\nC1,Xã 1,P,commune\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.csv"), "code,name,type,aggregate\nx,X,integer,sum\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("data.csv"), "unit,period,indicator,value\nC1,2024-01,x,5\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tally.yaml"), "units: units.csv\ncatalog: catalog.csv\nlevels: [province, commune]\n", StandardCharsets.UTF_8);

        List<String> csv = loaded("rollup", "--units", dir.resolve("units.csv").toString(), "--catalog", dir.resolve("catalog.csv").toString(),
                "--format", "csv", dir.resolve("data.csv").toString());
        assertThat(csv).as("classes loaded").hasSizeGreaterThan(500);
        assertThat(csv).noneMatch(c -> c.startsWith("org.yaml.") || c.startsWith("com.fasterxml.") || c.startsWith("com.ezylang.evalex.parser"));

        List<String> yaml = loaded("rollup", "--config", dir.resolve("tally.yaml").toString(), "--format", "csv", dir.resolve("data.csv").toString());
        assertThat(yaml).anyMatch(c -> c.startsWith("org.yaml."));
    }

    /** The classes a run of tally loads, by name, after checking it rolled the one value up. */
    private List<String> loaded(String... args) throws Exception {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), "dev.tally.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("TALLY_TIMING", "1");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();
        assertThat(Files.readString(dir.resolve("out"))).contains("P,Tỉnh,province,2024-01,x,5");
        // the project was loaded on the second core while the command line was parsed (StartAhead), and the run took it
        assertThat(Files.readString(dir.resolve("err"))).containsPattern("timing: project +loaded ahead");
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // [0.123s][info][class,load] java.lang.Object source: shared objects file
            int at = line.indexOf("] ", line.indexOf("class,load"));
            if (at < 0) continue;
            String rest = line.substring(at + 2);
            int space = rest.indexOf(' ');
            names.add(space < 0 ? rest : rest.substring(0, space));
        }
        return names;
    }
}
