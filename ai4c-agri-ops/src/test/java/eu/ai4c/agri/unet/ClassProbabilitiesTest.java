package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --probabilities True}: the per-class probability bands written beside the class map. */
class ClassProbabilitiesTest {
    static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499980, 5200020,
            10, 10);

    /** Writes {@code image} as a georeferenced float32 GeoTIFF with no-data -1 (a GeoTIFF has one for all bands). */
    static Path writeImage(MemoryRaster image, Path file) throws Exception {
        Block[] blocks = new Block[image.bands().size()];
        List<Band> bands = new java.util.ArrayList<>();
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = image.read(b, image.bounds());
            bands.add(Band.of(image.bands().get(b).name(), eu.ai4c.kit.raster.DataType.FLOAT32, -1));
        }
        new GeoTiffWriter().write(Product.of("img", new MemoryRaster(bands, blocks, GRID)), file,
                ProcessingContext.defaults().withThreads(1));
        return file;
    }

    @Test
    void probabilitiesSumToOneTheirMaximumIsTheMapAndNoDataIsKept(@TempDir Path dir) throws Exception {
        int w = 110;
        int h = 90;
        // class names from the model file reach the band names and the legend (one with a comma: quoted in CSV)
        UnetModel model = ClassMapRasterTest.randomModel(2, 3, 64)
                .withClassNames(ClassNames.of(Map.of(10, "water", 20, "Cropland, irrigated")));
        MemoryRaster image = ClassMapRasterTest.image(w, h, 3);
        Path tile = writeImage(image, dir.resolve("in/t1.tif"));
        Path modelFile = dir.resolve("m" + UnetModelFile.EXTENSION);
        UnetModelFile.write(model, modelFile);
        Path out = dir.resolve("out");
        List<Path> files = UnetOperator.predict(List.of(tile), modelFile, out, true,
                ProcessingContext.defaults().withThreads(2));
        assertEquals(List.of(out.resolve("t1.tif"), out.resolve("t1.tif.aux.xml"), out.resolve("t1_legend.csv"),
                out.resolve("t1_probabilities.tif")), files);

        byte[] map = readAll(out.resolve("t1.tif"), 0).bytes();
        Raster prob = new GeoTiffReader().read(out.resolve("t1_probabilities.tif")).raster();
        float[][] p = new float[3][];
        try {
            assertEquals(List.of("background", "water", "Cropland, irrigated"), prob.bands().stream().map(Band::name).toList());
            assertEquals(GRID, prob.geoCoding());
            for (int c = 0; c < 3; c++) {
                assertEquals(eu.ai4c.kit.raster.DataType.FLOAT32, prob.bands().get(c).type());
                p[c] = prob.read(c, Region.of(w, h)).toFloats();
            }
        } finally {
            ((Closeable) prob).close();
        }
        int[] ids = model.classIds();
        int noData = 0;
        int[] seen = new int[3];
        for (int i = 0; i < w * h; i++) {
            if ((map[i] & 0xFF) == ClassMapRaster.NO_DATA) {
                noData++;
                for (int c = 0; c < 3; c++) assertTrue(Float.isNaN(p[c][i]), "NaN where the map is no-data: " + i);
                continue;
            }
            double sum = 0;
            int first = 0;
            for (int c = 0; c < 3; c++) {
                assertTrue(p[c][i] >= 0 && p[c][i] <= 1, "probability " + p[c][i]);
                sum += p[c][i];
                if (p[c][i] > p[first][i]) first = c;
            }
            // float32 softmax summed over windows with weights: rounding of a few float operations, far below 1e-5
            assertEquals(1, sum, 1e-5, "pixel " + i);
            assertEquals(ids[first], map[i] & 0xFF, "the map is the first maximum, pixel " + i);
            seen[first]++;
        }
        assertEquals(2, noData, "the two no-data input pixels");
        assertTrue(seen[0] > 0 && seen[1] + seen[2] > 0, "more than one class mapped");

        // the file holds what the class map computes for any region (here pieces of 37 × 53)
        try (ClassMapRaster classes = new ClassMapRaster(image, new int[] {0, 1}, model, 1)) {
            for (int y = 0; y < h; y += 53) {
                for (int x = 0; x < w; x += 37) {
                    Region r = new Region(x, y, Math.min(37, w - x), Math.min(53, h - y));
                    float[] q = classes.probabilities(r);
                    int n = r.width() * r.height();
                    for (int c = 0; c < 3; c++) {
                        for (int i = 0; i < n; i++) {
                            int at = (y + i / r.width()) * w + x + i % r.width();
                            assertEquals(p[c][at], q[c * n + i], 0f, "class " + c + " at " + at);
                        }
                    }
                }
            }
        }
        // GDAL reads the file independently: band names, float32, NaN no-data, and band means (over the
        // valid pixels, the same in every band) summing to 1
        com.fasterxml.jackson.databind.JsonNode info = eu.ai4c.kit.testutil.Gdal.info(out.resolve("t1_probabilities.tif"));
        // -stats writes its results beside the file (.aux.xml): asked of a copy
        Path copy = Files.copy(out.resolve("t1_probabilities.tif"), dir.resolve("copy.tif"));
        String withStats = eu.ai4c.kit.testutil.Gdal.run("gdalinfo", "-stats", copy.toString());
        double meanSum = 0;
        for (String line : withStats.split("\n")) {
            if (line.trim().startsWith("STATISTICS_MEAN=")) meanSum += Double.parseDouble(line.trim().substring(16));
        }
        assertEquals(1, meanSum, 1e-5, withStats);
        for (int c = 0; c < 3; c++) {
            com.fasterxml.jackson.databind.JsonNode band = info.get("bands").get(c);
            assertEquals(List.of("background", "water", "Cropland, irrigated").get(c), band.get("description").asText());
            assertEquals("Float32", band.get("type").asText());
            assertEquals("NaN", band.get("noDataValue").asText());
        }
        String legend = Files.readString(out.resolve("t1_legend.csv"));
        assertTrue(legend.contains("\n0,background,") && legend.endsWith(",2\n"), legend);
        assertTrue(legend.contains("\n10,water,#") && legend.contains("\n20,\"Cropland, irrigated\",#"), legend);
    }

    @Test
    void withoutTheOptionNoProbabilityFileIsWritten(@TempDir Path dir) throws Exception {
        UnetModel model = ClassMapRasterTest.randomModel(2, 3, 64);
        Path tile = writeImage(ClassMapRasterTest.image(70, 66, 4), dir.resolve("in/t2.tif"));
        Path modelFile = dir.resolve("m" + UnetModelFile.EXTENSION);
        UnetModelFile.write(model, modelFile);
        List<Path> files = UnetOperator.predict(List.of(tile), modelFile, dir.resolve("out"),
                ProcessingContext.defaults().withThreads(1));
        assertEquals(3, files.size());
        assertFalse(Files.exists(dir.resolve("out/t2_probabilities.tif")));
        assertEquals(ClassMapFiles.tileSide(1008), 1008);
        assertEquals(ClassMapFiles.tileSide(1001), 1008);
    }

    static Block readAll(Path tiff, int band) throws Exception {
        Raster r = new GeoTiffReader().read(tiff).raster();
        try {
            return r.read(band, r.bounds());
        } finally {
            ((Closeable) r).close();
        }
    }
}
