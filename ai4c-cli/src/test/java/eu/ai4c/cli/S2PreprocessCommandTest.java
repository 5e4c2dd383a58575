package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai4c S2-preprocess} on a small synthetic L2A product, through the command line. */
class S2PreprocessCommandTest {

    @Test
    void writesAFloatGeoTiffWithTheBandsAsked(@TempDir Path tmp) throws IOException, InterruptedException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(60).noDataColumns(0)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8, S2Band.B11).build();
        Path in = syn.write(tmp.resolve("in"));
        Path out = tmp.resolve("out.tif");
        Cli c = Cli.run("S2-preprocess", "--input", in.toString(), "--bands", "B4,B11", "--resolution", "20",
                "--cloudmask", "L2A", "--downsampling", "Mean", "--output_path", out.toString());
        assertEquals(0, c.exit(), c.toString());
        assertTrue(Files.isRegularFile(out), c.toString());
        Process p = new ProcessBuilder("gdalinfo", "-stats", out.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), info);
        assertTrue(info.contains("Size is 30, 30") && info.contains("Type=Float32"), info);
        assertTrue(info.contains("32632"), info);
        assertEquals(2, info.split("Type=Float32", -1).length - 1, info);
    }

    @Test
    void aBandTheProductLacksIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path in = SyntheticS2Product.builder(S2Level.L2A).size(60).bands(S2Band.B2).build().write(tmp.resolve("in"));
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Cli c = Cli.run("S2-preprocess", "--input", in.toString(), "--bands", "B2,B9", "--output_path", outDir.toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("no band B9"), c.toString());
        try (Stream<Path> s = Files.list(outDir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void demoStepWritesBothOutputsAndQuickLooks(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("demo");
        Cli c = Cli.run("demo", "--output", out.toString(), "--step", "S2-preprocess", "-q");
        assertEquals(0, c.exit(), c.toString());
        Path step = out.resolve("S2-preprocess");
        for (String f : new String[] {"s2_10m_cloudmasked.tif", "s2_20m_mean.tif", "B8_10m_cloudmasked.png", "B5_20m.png"}) {
            assertTrue(Files.isRegularFile(step.resolve(f)), f + "\n" + c);
        }
    }
}
