package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Warp service end to end through the command line: outputs, exit codes, nothing left on failure. */
class WarpServiceTest {
    @TempDir
    Path dir;
    Path input;
    Path out;

    @BeforeEach
    void scene() throws IOException {
        input = dir.resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("scene", FieldScene.nearRome(300, 250, 2)), input,
                ProcessingContext.defaults());
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void warpsToWgs84CroppedToTheAreaOfInterest() throws IOException {
        // inside the 3 km x 2.5 km scene whose upper-left corner is at 12.2959°E 41.9882°N
        String aoi = "POLYGON ((12.305 41.98, 12.315 41.98, 12.315 41.975, 12.305 41.975, 12.305 41.98))";
        Cli c = Cli.run("Warp", "--input", input.toString(), "--AoI", aoi, "--output_format", "COG",
                "--output_path", out.resolve("w.tif").toString(), "--quiet");
        assertEquals(0, c.exit(), c.toString());
        Raster r = ProductIO.read(out.resolve("w.tif")).raster();
        MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, r.geoCoding());
        assertEquals(4326, Projections.epsgCode(gc.crs()).getAsInt());
        // the AoI's bounds: 0.01° x 0.005° at the source's ~10 m converted to degrees
        double lonSpan = r.width() * gc.pixelSizeX(), latSpan = r.height() * gc.pixelSizeY();
        assertTrue(Math.abs(lonSpan - 0.01) < 3 * gc.pixelSizeX(), "width " + lonSpan);
        assertTrue(Math.abs(latSpan - 0.005) < 3 * gc.pixelSizeY(), "height " + latSpan);
        assertTrue(Math.abs(gc.x(0, 0) - 12.305) <= gc.pixelSizeX() && Math.abs(gc.y(0, 0) - 41.98) <= gc.pixelSizeY(),
                "origin " + gc.x(0, 0) + ", " + gc.y(0, 0));
        Block b = r.read(0, r.bounds());
        int valid = 0;
        for (int i = 0; i < r.bounds().area(); i++) if (b.getDouble(i) != 0) valid++;
        assertTrue(valid > 0.8 * r.bounds().area(), "rectangle AoI: nearly every pixel valid, got " + valid);
    }

    @Test
    void areaOfInterestOutsideTheSceneFailsAndWritesNothing() throws IOException {
        Cli c = Cli.run("Warp", "--input", input.toString(), "--AoI",
                "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "--output_path", out.toString(), "--quiet");
        // an AoI that misses the input is a wrong parameter: usage error
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("does not intersect"), c.err());
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
        assertEmpty(out);
    }

    @Test
    void outputDirIsAlwaysAFolderCreatedWhenMissing() throws IOException {
        Path folder = dir.resolve("new/map");
        Cli c = Cli.run("Warp", "--input", input.toString(), "--output_dir", folder.toString(), "--quiet");
        assertEquals(0, c.exit(), c.toString());
        assertTrue(Files.isDirectory(folder), "--output_dir created the folder");
        assertEquals(folder.resolve("scene.tif").toString(), c.out().strip());
        assertTrue(Files.isRegularFile(folder.resolve("scene.tif")));
        // --output_path keeps its rule: a path that is no existing folder is the output file
        Cli f = Cli.run("Warp", "--input", input.toString(), "--output_path", dir.resolve("map2").toString(), "--quiet");
        assertEquals(0, f.exit(), f.toString());
        assertTrue(Files.isRegularFile(dir.resolve("map2")) || Files.isRegularFile(dir.resolve("map2.tif")), f.toString());
        // a file given as --output_dir is a usage error naming the fix
        Cli bad = Cli.run("Warp", "--input", input.toString(), "--output_dir", input.toString(), "--quiet");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--output_path"), bad.toString());
    }

    @Test
    void failedRunWithOutputDirLeavesNoFolder() throws IOException {
        Path folder = dir.resolve("never");
        Cli c = Cli.run("Warp", "--input", input.toString(), "--AoI",
                "POLYGON ((100 10, 101 10, 101 11, 100 11, 100 10))", "--output_dir", folder.toString(), "--quiet");
        assertEquals(2, c.exit(), c.toString()); // an AOI outside the scene is a usage error
        assertFalse(Files.exists(folder), "the folder created for the run is removed again");
    }

    @Test
    void unknownProjectionIsAUsageError() throws IOException {
        Cli c = Cli.run("Warp", "--input", input.toString(), "--projection", "EPSG:999999", "--output_path",
                out.toString(), "--quiet");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("EPSG:999999") && c.err().contains("UTM(Auto)"), c.err());
        assertEmpty(out);
    }

    @Test
    void missingInputAndNonPolygonWktAreExplained() throws IOException {
        Cli c = Cli.run("Warp", "--input", dir.resolve("nope.tif").toString(), "--output_path", out.toString(), "--quiet");
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains("nope.tif") && c.err().contains("does not exist"), c.err());
        c = Cli.run("Warp", "--input", input.toString(), "--AoI", "LINESTRING (12.3 41.9, 12.4 42)", "--output_path",
                out.toString(), "--quiet");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().toLowerCase().contains("polygon"), c.err());
        assertEmpty(out);
    }

    @Test
    void unwritableOutputFolderIsExplained() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli c = Cli.run("Warp", "--input", input.toString(), "--output_path", file.resolve("sub/w.tif").toString(),
                "--quiet");
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains("--output_path"), c.err());
    }

    private static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(0, s.count(), "nothing written to " + folder);
        }
    }
}
