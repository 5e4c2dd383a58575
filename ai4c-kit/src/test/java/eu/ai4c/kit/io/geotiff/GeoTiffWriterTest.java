package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions.Compression;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions.Predictor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeoTiffWriterTest {
    static final int W = 300, H = 200, TILE = 128;
    static final MapGeoCoding UTM33 = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0),
            399960, 5000040, 10, 10);

    @TempDir
    Path dir;

    static Stream<Arguments> typesAndCompressions() {
        List<Arguments> list = new ArrayList<>();
        for (DataType t : DataType.values()) {
            for (Compression c : Compression.values()) list.add(Arguments.of(t, c, Predictor.AUTO));
        }
        list.add(Arguments.of(DataType.UINT16, Compression.LZW, Predictor.NONE));
        list.add(Arguments.of(DataType.FLOAT32, Compression.DEFLATE, Predictor.NONE));
        list.add(Arguments.of(DataType.INT32, Compression.DEFLATE, Predictor.HORIZONTAL));
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} predictor {2}")
    @MethodSource("typesAndCompressions")
    void gdalReadsEveryTypeAndCompressionExactly(DataType type, Compression compression, Predictor predictor)
            throws Exception {
        MemoryRaster raster = TestRasters.random(type, W, H, 2, type.ordinal() * 31L + compression.ordinal(), UTM33);
        Path out = dir.resolve(type + "-" + compression + ".tif");
        GeoTiffWriteOptions options = GeoTiffWriteOptions.defaults().withCompression(compression)
                .withPredictor(predictor).withTileSize(TILE);
        new GeoTiffWriter().write(Product.of("test", raster), out, options, ProcessingContext.defaults());

        JsonNode info = GdalTools.info(out);
        assertEquals(W, info.get("size").get(0).asInt());
        assertEquals(H, info.get("size").get(1).asInt());
        assertEquals(2, info.get("bands").size());
        String gdalType = switch (type) {
            case BYTE -> "Byte";
            case INT16 -> "Int16";
            case UINT16 -> "UInt16";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
            case CFLOAT32 -> "CFloat32";
        };
        double nd = TestRasters.noDataOf(type);
        for (int b = 0; b < 2; b++) {
            JsonNode band = info.get("bands").get(b);
            assertEquals(gdalType, band.get("type").asText());
            assertEquals("band_" + (b + 1), band.get("description").asText());
            assertEquals("dB", band.get("unit").asText());
            assertEquals(TILE, band.get("block").get(0).asInt());
            assertEquals(TILE, band.get("block").get(1).asInt());
            JsonNode noData = band.get("noDataValue");
            if (Double.isNaN(nd)) assertEquals("NaN", noData.asText()); else assertEquals(nd, noData.asDouble());
        }
        assertArrayEquals(UTM33.geoTransform(), geoTransform(info), 1e-9);
        assertTrue(info.get("coordinateSystem").get("wkt").asText().contains("ID[\"EPSG\",32633]"),
                info.get("coordinateSystem").get("wkt").asText());
        JsonNode structure = info.get("metadata").get("IMAGE_STRUCTURE");
        if (compression == Compression.NONE) {
            assertTrue(structure.get("COMPRESSION") == null, structure.toString());
        } else {
            assertEquals(compression.name(), structure.get("COMPRESSION").asText());
        }
        assertEquals("BAND", structure.get("INTERLEAVE").asText());

        Object[] back = GdalTools.readThroughEnvi(out, -1, type, dir);
        for (int b = 0; b < 2; b++) {
            assertSameSamples(raster.read(b, raster.bounds()), back[b], type + " band " + b);
        }
    }

    @Test
    void forcedBigTiffOpensInGdal() throws Exception {
        MemoryRaster raster = TestRasters.random(DataType.INT16, W, H, 3, 7, UTM33);
        Path out = dir.resolve("big.tif");
        new GeoTiffWriter().write(Product.of("big", raster), out,
                GeoTiffWriteOptions.defaults().withForceBigTiff(true).withTileSize(TILE), ProcessingContext.defaults());
        byte[] head = Files.readAllBytes(out);
        assertEquals(43, head[2], "BigTIFF version number");
        JsonNode info = GdalTools.info(out);
        assertEquals(3, info.get("bands").size());
        Object[] back = GdalTools.readThroughEnvi(out, -1, DataType.INT16, dir);
        for (int b = 0; b < 3; b++) assertSameSamples(raster.read(b, raster.bounds()), back[b], "band " + b);
    }

    @Test
    void writersAreRegisteredByFormatName() {
        assertTrue(ProductIO.writer("GeoTIFF") instanceof GeoTiffWriter);
        assertTrue(ProductIO.writer("gtiff") instanceof GeoTiffWriter);
        assertTrue(ProductIO.writer("COG") instanceof CogWriter);
        assertTrue(ProductIO.writer("COG").formatNames().contains("COG"));
    }

    @Test
    void defaultsAreDeflateWithPredictorForTheType() throws Exception {
        Path ints = dir.resolve("ints.tif"), floats = dir.resolve("floats.tif");
        new GeoTiffWriter().write(Product.of("i", TestRasters.random(DataType.UINT16, 40, 30, 1, 1, UTM33)), ints,
                ProcessingContext.defaults());
        new GeoTiffWriter().write(Product.of("f", TestRasters.random(DataType.FLOAT32, 40, 30, 1, 1, UTM33)), floats,
                ProcessingContext.defaults());
        JsonNode si = GdalTools.info(ints).get("metadata").get("IMAGE_STRUCTURE");
        JsonNode sf = GdalTools.info(floats).get("metadata").get("IMAGE_STRUCTURE");
        assertEquals("DEFLATE", si.get("COMPRESSION").asText());
        assertEquals("2", si.get("PREDICTOR").asText());
        assertEquals("3", sf.get("PREDICTOR").asText());
        assertEquals(512, GdalTools.info(ints).get("bands").get(0).get("block").get(0).asInt());
    }

    @Test
    void bandsOfDifferentTypesShareTheWidestType() throws Exception {
        MemoryRaster bytes = TestRasters.random(DataType.BYTE, 50, 40, 1, 2, UTM33);
        MemoryRaster shorts = TestRasters.random(DataType.UINT16, 50, 40, 1, 3, UTM33);
        MemoryRaster mixed = new MemoryRaster(List.of(bytes.bands().get(0).withName("mask"), shorts.bands().get(0)),
                new Block[] {bytes.read(0, bytes.bounds()), shorts.read(0, shorts.bounds())}, UTM33);
        List<String> warnings = new ArrayList<>();
        Path out = dir.resolve("mixed.tif");
        new GeoTiffWriter().write(Product.of("m", mixed), out, GeoTiffWriteOptions.defaults(),
                ProcessingContext.defaults().withWarnings(warnings::add));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("UINT16")), warnings.toString());
        Object[] back = GdalTools.readThroughEnvi(out, -1, DataType.UINT16, dir);
        byte[] mask = bytes.read(0, bytes.bounds()).bytes();
        short[] first = (short[]) back[0];
        for (int i = 0; i < mask.length; i++) assertEquals(mask[i] & 0xFF, first[i] & 0xFFFF, "pixel " + i);
        assertSameSamples(shorts.read(0, shorts.bounds()), back[1], "uint16 band");
    }

    @Test
    void rotatedGridIsWrittenAsModelTransformation() throws Exception {
        double[] gt = {500000, 8.66, -5, 4000000, -5, -8.66};
        MapGeoCoding rotated = new MapGeoCoding(UTM33.crs(), gt);
        Path out = dir.resolve("rotated.tif");
        new GeoTiffWriter().write(Product.of("r", TestRasters.random(DataType.BYTE, 64, 48, 1, 3, rotated)), out,
                ProcessingContext.defaults());
        assertArrayEquals(gt, geoTransform(GdalTools.info(out)), 1e-9);
    }

    @Test
    void mismatchedPredictorIsAUsageError() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> new GeoTiffWriter().write(
                Product.of("p", TestRasters.random(DataType.INT16, 20, 20, 1, 1, UTM33)), dir.resolve("p.tif"),
                GeoTiffWriteOptions.defaults().withPredictor(Predictor.FLOATING_POINT), ProcessingContext.defaults()));
        assertTrue(e.isUsageError() && e.getMessage().contains("FLOATING_POINT"), e.getMessage());
        assertThrows(Ai4cException.class, () -> GeoTiffWriteOptions.defaults().withTileSize(100));
    }

    @Test
    void failingSourceLeavesNoFile() throws Exception {
        Raster failing = new FailingRaster(TestRasters.random(DataType.FLOAT32, 600, 500, 2, 5, UTM33), 5);
        for (GeoTiffWriter writer : List.of(new GeoTiffWriter(), new CogWriter())) {
            Path out = dir.resolve("failed-" + writer.formatNames().get(0) + ".tif");
            IOException e = assertThrows(IOException.class, () -> writer.write(Product.of("f", failing), out,
                    writer.defaultOptions().withTileSize(64), ProcessingContext.defaults()));
            assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no output, temporary or scratch file is left");
        }
    }

    @Test
    void cancelledWriteLeavesNoFile() throws Exception {
        MemoryRaster raster = TestRasters.random(DataType.UINT16, 600, 500, 2, 5, UTM33);
        for (GeoTiffWriter writer : List.of(new GeoTiffWriter(), new CogWriter())) {
            Progress progress = Progress.silent();
            AtomicInteger tiles = new AtomicInteger();
            Raster cancelling = new FailingRaster(raster, Integer.MAX_VALUE) {
                @Override
                public Block read(int band, Region region) throws IOException {
                    if (tiles.incrementAndGet() == 20) progress.cancel();
                    return super.read(band, region);
                }
            };
            Path out = dir.resolve("cancelled-" + writer.formatNames().get(0) + ".tif");
            assertThrows(Progress.Cancelled.class, () -> writer.write(Product.of("c", cancelling), out,
                    writer.defaultOptions().withTileSize(64), ProcessingContext.defaults().withProgress(progress)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void unwritableFolderIsAClearError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Ai4cException e = assertThrows(Ai4cException.class, () -> new GeoTiffWriter().write(
                Product.of("u", TestRasters.random(DataType.BYTE, 10, 10, 1, 1, UTM33)),
                notAFolder.resolve("out.tif"), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
        assertFalse(Files.exists(notAFolder.resolve("out.tif")));
    }

    static double[] geoTransform(JsonNode info) {
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) gt[i] = info.get("geoTransform").get(i).asDouble();
        return gt;
    }

    static void assertSameSamples(Block expected, Object actual, String what) {
        switch (expected.type()) {
            case BYTE -> assertArrayEquals(expected.bytes(), (byte[]) actual, what);
            case INT16, UINT16 -> assertArrayEquals(expected.shorts(), (short[]) actual, what);
            case INT32 -> assertArrayEquals(expected.ints(), (int[]) actual, what);
            case FLOAT32, CFLOAT32 -> {
                float[] e = expected.floats(), a = (float[]) actual;
                assertEquals(e.length, a.length, what);
                for (int i = 0; i < e.length; i++) {
                    if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                        assertEquals(e[i], a[i], what + " value " + i);
                    }
                }
            }
            case FLOAT64 -> {
                double[] e = expected.doubles(), a = (double[]) actual;
                for (int i = 0; i < e.length; i++) {
                    if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                        assertEquals(e[i], a[i], what + " value " + i);
                    }
                }
            }
        }
    }

    /** A raster whose reads fail after {@code okReads} successful ones. */
    static class FailingRaster implements Raster {
        private final Raster source;
        private final int okReads;
        private final AtomicInteger reads = new AtomicInteger();

        FailingRaster(Raster source, int okReads) {
            this.source = source;
            this.okReads = okReads;
        }

        @Override public int width() { return source.width(); }
        @Override public int height() { return source.height(); }
        @Override public List<Band> bands() { return source.bands(); }
        @Override public eu.ai4c.kit.geo.GeoCoding geoCoding() { return source.geoCoding(); }

        @Override
        public Block read(int band, Region region) throws IOException {
            if (reads.incrementAndGet() > okReads) throw new IOException("disk gone while reading " + region);
            return source.read(band, region);
        }
    }
}
