package eu.ai4c.cli;

import static eu.ai4c.cli.GrdPreprocessCommandTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai4c S1-SLC-preprocess} end to end on a tiny synthetic IW SLC: one GeoTIFF named like the
 * GRD output is written; a GRD input, a sub-swath the product lacks, an AoI outside the footprint
 * and a truncated measurement exit non-zero with a message naming the problem, and leave the
 * output folder empty.
 */
class SlcPreprocessCommandTest {
    @TempDir
    static Path dir;
    static Path safe;

    @BeforeAll
    static void generate() throws IOException {
        safe = SyntheticSlc.builder(300, 100, 2).polarisations("VV").seed(5).pointTarget(1, 0, 50, 150, 20000)
                .build().write(dir.resolve("in"));
    }

    static Path emptyFolder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    static String[] args(Path input, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("S1-SLC-preprocess", "--input", input.toString(), "--output_path",
                out.toString(), "--resolution", "40", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void writesOneGeoTiffNamedLikeTheGrdOutput() throws Exception {
        Path out = emptyFolder("ok");
        Cli c = Cli.run(args(safe, out, "--calibration", "SigmaDB", "--subswaths", "IW1,IW2"));
        assertEquals(0, c.exit(), c.toString());
        Path tif = Path.of(c.out().strip());
        assertTrue(tif.getFileName().toString().endsWith("_Sigma0_dB_TC.tif"), tif.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(eu.ai4c.kit.stac.StacItems.itemFile(tif).getFileName().toString(), tif.getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "one product and its STAC item, no temporaries");
        }
        Raster r = ProductIO.read(tif).raster();
        float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();
        long valid = 0;
        for (float x : v) if (!Float.isNaN(x)) valid++;
        assertTrue(valid > v.length / 10, valid + " of " + v.length + " pixels hold data");
    }

    @Test
    void grdInputIsRefusedAndNothingWritten() throws Exception {
        Path grd = SyntheticGrd.builder(200, 150).polarisations("VV").build().write(dir.resolve("grd"));
        Path out = emptyFolder("grd-out");
        assertFails(ExitCodes.PROCESSING, out, Cli.run(args(grd, out)), "GRD", "S1-GRD-preprocess");
    }

    @Test
    void missingSubSwathIsAUsageError() throws Exception {
        Path out = emptyFolder("iw4");
        assertFails(ExitCodes.USAGE, out, Cli.run(args(safe, out, "--subswaths", "IW4")), "IW4", "[IW1, IW2, IW3]");
    }

    @Test
    void areaOfInterestOutsideTheFootprintIsAUsageError() throws Exception {
        Path out = emptyFolder("aoi");
        assertFails(ExitCodes.USAGE, out, Cli.run(args(safe, out, "--AoI", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")),
                "area of interest");
    }

    @Test
    void truncatedMeasurementFailsNamingTheFile() throws Exception {
        Path copy = dir.resolve("cut").resolve(safe.getFileName());
        try (Stream<Path> s = Files.walk(safe)) {
            for (Path p : s.toList()) {
                Path t = copy.resolve(safe.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
        Path tiff;
        try (Stream<Path> s = Files.list(copy.resolve("measurement"))) {
            tiff = s.filter(p -> p.getFileName().toString().contains("-iw3-")).findFirst().orElseThrow();
        }
        try (var c = java.nio.channels.FileChannel.open(tiff, java.nio.file.StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 3);
        }
        Path out = emptyFolder("cut-out");
        Cli c = Cli.run(args(copy, out));
        assertTrue(c.exit() != 0, c.toString());
        assertFails(c.exit(), out, c, tiff.getFileName().toString());
    }
}
