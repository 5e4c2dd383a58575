package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai4c S2-CD} through the command line: main output and side outputs, bad input. */
class S2CdCommandTest {

    private static Path product(Path dir, S2Level level) throws IOException {
        return SyntheticS2Product.builder(level).size(60).noDataColumns(6)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build().write(Files.createDirectories(dir));
    }

    @Test
    void writesClassesAndSideOutputs(@TempDir Path tmp) throws IOException, InterruptedException {
        Path a = product(tmp.resolve("a"), S2Level.L2A), b = product(tmp.resolve("b"), S2Level.L2A);
        Path out = tmp.resolve("out/cd.tif");
        Files.createDirectories(out.getParent());
        // on the tile's own grid (the size check below); the default projection is WGS84
        Cli c = Cli.run("S2-CD", "--input1", a.toString(), "--input2", b.toString(), "--numberClasses", "3",
                "--levelConfidence", "99", "--projection", "UTM(Auto)", "--output_path", out.toString());
        assertEquals(0, c.exit(), c.toString());
        for (String f : new String[] {"cd.tif", "cd.tif.aux.xml", "cd_CVA.tif", "cd_polar.png", "cd_summary.json"}) {
            assertTrue(Files.isRegularFile(out.resolveSibling(f)), f + "\n" + c);
        }
        Process p = new ProcessBuilder("gdalinfo", out.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), info);
        assertTrue(info.contains("Size is 60, 60") && info.contains("Type=Byte") && info.contains("NoData Value=255")
                && info.contains("Color Table"), info);
        JsonNode json = new ObjectMapper().readTree(out.resolveSibling("cd_summary.json").toFile());
        assertEquals(1.0, json.get("gains").get(0).asDouble(), 1e-6);
        assertEquals(60 * 60, json.get("noChangePixels").asLong() + json.get("noDataPixels").asLong());
    }

    @Test
    void anL1cInputIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path a = product(tmp.resolve("a"), S2Level.L2A), b = product(tmp.resolve("b"), S2Level.L1C);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Cli c = Cli.run("S2-CD", "--input1", a.toString(), "--input2", b.toString(), "--output_path", outDir.toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("Level-1C"), c.toString());
        try (Stream<Path> s = Files.list(outDir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void confidenceOfHundredIsAUsageError(@TempDir Path tmp) throws IOException {
        Path a = product(tmp.resolve("a"), S2Level.L2A);
        Cli c = Cli.run("S2-CD", "--input1", a.toString(), "--input2", a.toString(), "--levelConfidence", "100",
                "--output_path", tmp.resolve("x.tif").toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--level-confidence") || c.err().contains("levelConfidence"), c.toString());
        assertTrue(!Files.exists(tmp.resolve("x.tif")));
    }

    @Test
    void demoStepFindsThePlantedChanges(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("demo");
        Cli c = Cli.run("demo", "--output", out.toString(), "--step", "S2-CD", "-q");
        assertEquals(0, c.exit(), c.toString());
        Path step = out.resolve("S2-CD");
        for (String f : new String[] {"s2cd_classes.tif", "s2cd_classes_CVA.tif", "classes.png", "magnitude.png",
            "s2cd_classes_polar.png", "s2cd_classes_summary.json"}) {
            assertTrue(Files.isRegularFile(step.resolve(f)), f + "\n" + c);
        }
        JsonNode json = new ObjectMapper().readTree(step.resolve("s2cd_classes_summary.json").toFile());
        assertEquals(1.05, json.get("gains").get(0).asDouble(), 0.0105);
        long changed = 0;
        for (JsonNode e : json.get("classes")) changed += e.get("pixels").asLong();
        // three planted patches of 6400 + 8100 + 9000 px, of which the cloud mask hides some
        assertTrue(changed > 0.5 * 23500 && changed < 23500 * 1.01, "changed " + changed);
    }
}
