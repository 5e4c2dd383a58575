package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CogWriterTest {
    /** GDAL's own COG validator, shipped with python3-gdal. */
    static final Path VALIDATOR = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py");
    static final MapGeoCoding GRID = GeoTiffWriterTest.UTM33;

    @TempDir
    Path dir;

    @Test
    void cogHasOverviewsOfTwoByTwoMeansAndPassesGdalValidation() throws Exception {
        int w = 1100, h = 700;
        MemoryRaster raster = TestRasters.random(DataType.FLOAT32, w, h, 2, 11, GRID);
        Path out = dir.resolve("float.tif");
        new CogWriter().write(Product.of("cog", raster), out,
                GeoTiffWriteOptions.cogDefaults().withTileSize(256), ProcessingContext.defaults());

        JsonNode info = GdalTools.info(out);
        JsonNode overviews = info.get("bands").get(0).get("overviews");
        // 1100x700 halves to 550x350, 275x175, 138x88 (largest side ≤ 256 px)
        int[][] expected = {{550, 350}, {275, 175}, {138, 88}};
        assertEquals(expected.length, overviews.size(), overviews.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], overviews.get(i).get("size").get(0).asInt());
            assertEquals(expected[i][1], overviews.get(i).get("size").get(1).asInt());
        }
        assertEquals("COG", info.get("metadata").get("IMAGE_STRUCTURE").get("LAYOUT").asText());
        validate(out);

        // Overview 0 against 2x2 means of the full resolution (NaN no-data skipped); overview 1 against overview 0.
        float[] full = raster.read(1, raster.bounds()).floats();
        float[] ovr0 = (float[]) GdalTools.readThroughEnvi(out, 0, DataType.FLOAT32, dir)[1];
        assertMeans(full, w, h, ovr0);
        float[] ovr1 = (float[]) GdalTools.readThroughEnvi(out, 1, DataType.FLOAT32, dir)[1];
        assertMeans(ovr0, 550, 350, ovr1);
        float[] back = (float[]) GdalTools.readThroughEnvi(out, -1, DataType.FLOAT32, dir)[1];
        GeoTiffWriterTest.assertSameSamples(raster.read(1, raster.bounds()), back, "full resolution");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".")).count(),
                    "scratch and temporary files are deleted");
        }
    }

    @Test
    void byteClassMapOverviewsTakeTheNearestPixel() throws Exception {
        int w = 600, h = 300;
        MemoryRaster raster = TestRasters.random(DataType.BYTE, w, h, 1, 5, GRID);
        Path out = dir.resolve("classes.tif");
        new CogWriter().write(Product.of("classes", raster), out,
                GeoTiffWriteOptions.cogDefaults().withCompression(GeoTiffWriteOptions.Compression.LZW),
                ProcessingContext.defaults());
        validate(out);
        byte[] full = raster.read(0, raster.bounds()).bytes();
        byte[] ovr0 = (byte[]) GdalTools.readThroughEnvi(out, 0, DataType.BYTE, dir)[0];
        assertEquals(300 * 150, ovr0.length);
        for (int j = 0; j < 150; j++) {
            for (int i = 0; i < 300; i++) {
                assertEquals(full[2 * j * w + 2 * i], ovr0[j * 300 + i], "overview pixel " + i + "," + j);
            }
        }
    }

    @Test
    void bigTiffCogIsValid() throws Exception {
        MemoryRaster raster = TestRasters.random(DataType.UINT16, 700, 520, 3, 3, GRID);
        Path out = dir.resolve("big-cog.tif");
        new CogWriter().write(Product.of("b", raster), out,
                GeoTiffWriteOptions.cogDefaults().withForceBigTiff(true), ProcessingContext.defaults());
        validate(out);
        JsonNode info = GdalTools.info(out);
        assertEquals(1, info.get("bands").get(2).get("overviews").size());
        Object[] back = GdalTools.readThroughEnvi(out, -1, DataType.UINT16, dir);
        for (int b = 0; b < 3; b++) {
            GeoTiffWriterTest.assertSameSamples(raster.read(b, raster.bounds()), back[b], "band " + b);
        }
    }

    /** Checks each overview pixel is the mean of the valid pixels of its 2x2 block, or NaN when none. */
    static void assertMeans(float[] full, int w, int h, float[] ovr) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        assertEquals(ow * oh, ovr.length);
        for (int j = 0; j < oh; j++) {
            for (int i = 0; i < ow; i++) {
                double sum = 0;
                int n = 0;
                for (int y = 2 * j; y < Math.min(2 * j + 2, h); y++) {
                    for (int x = 2 * i; x < Math.min(2 * i + 2, w); x++) {
                        float v = full[y * w + x];
                        if (!Float.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                float expected = n == 0 ? Float.NaN : (float) (sum / n);
                assertEquals(expected, ovr[j * ow + i], "overview pixel " + i + "," + j);
            }
        }
    }

    static void validate(Path file) throws Exception {
        if (!Files.exists(VALIDATOR)) {
            fail("GDAL's COG validator " + VALIDATOR + " is missing: install python3-gdal.");
        }
        String out = GdalTools.run("/usr/bin/python3", VALIDATOR.toString(), "--full-check=yes", file.toString());
        assertTrue(out.contains("is a valid cloud optimized GeoTIFF") && !out.contains("STDERR"), out);
        assertTrue(!out.contains("warning"), out);
    }
}
