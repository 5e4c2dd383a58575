package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.io.geotiff.read.TiffRaster;
import eu.ai4c.kit.io.geotiff.write.TiffFileWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.BandStack;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Band copies by stored tiles, and several GeoTIFFs written in one pass, against separate writes and GDAL. */
class GeoTiffJointWritesTest {
    static final int W = 300, H = 200, TILE = 128;
    @TempDir
    Path dir;

    private static GeoTiffWriteOptions options() {
        return GeoTiffWriteOptions.defaults().withTileSize(TILE);
    }

    private TiffRaster written(Raster raster, String name) throws IOException {
        Path file = dir.resolve(name + ".tif");
        new GeoTiffWriter().write(Product.of(name, raster), file, options(), ProcessingContext.defaults());
        return (TiffRaster) new GeoTiffReader().read(file).raster();
    }

    @Test
    void aBandCopiedByItsStoredTilesReadsAsTheBandInGdal() throws Exception {
        MemoryRaster stack = TestRasters.random(DataType.FLOAT32, W, H, 3, 11, GeoTiffWriterTest.UTM33);
        TiffRaster source = written(stack, "stack");
        Path copy = dir.resolve("band2.tif");
        Product single = Product.of("band2", BandStack.builder().add(source, 2, "third").build());
        TiffFileWriter.copyBands(source, new int[] {2}, single, copy, options(), ProcessingContext.defaults());

        TiffRaster copied = (TiffRaster) new GeoTiffReader().read(copy).raster();
        for (int cy = 0; cy < (H + TILE - 1) / TILE; cy++) {
            for (int cx = 0; cx < (W + TILE - 1) / TILE; cx++) {
                assertArrayEquals(source.storedChunk(2, cx, cy), copied.storedChunk(0, cx, cy), "tile " + cx + "," + cy);
            }
        }
        Object[] gdal = GdalTools.readThroughEnvi(copy, -1, DataType.FLOAT32, dir);
        assertEquals(1, gdal.length);
        assertArrayEquals(stack.read(2, new Region(0, 0, W, H)).toFloats(), (float[]) gdal[0]);
        JsonNode info = GdalTools.info(copy);
        assertEquals("third", info.get("bands").get(0).get("description").asText());
        assertEquals(GdalTools.info(dir.resolve("stack.tif")).get("geoTransform"), info.get("geoTransform"));
        assertEquals(0, Files.list(dir).filter(p -> p.getFileName().toString().contains(".partial")).count());
    }

    @Test
    void aBandStoredDifferentlyFromTheOptionsIsEncodedAgain() throws Exception {
        MemoryRaster stack = TestRasters.random(DataType.FLOAT32, W, H, 2, 12, GeoTiffWriterTest.UTM33);
        TiffRaster source = written(stack, "stack");
        Path copy = dir.resolve("band1.tif");
        GeoTiffWriteOptions other = options().withTileSize(64);
        TiffFileWriter.copyBands(source, new int[] {1}, Product.of("b", BandStack.builder().add(source, 1, "b").build()),
                copy, other, ProcessingContext.defaults());
        TiffRaster copied = (TiffRaster) new GeoTiffReader().read(copy).raster();
        assertEquals(64, copied.preferredTileSize()[0]);
        assertArrayEquals(stack.read(1, new Region(0, 0, W, H)).toFloats(), copied.read(0, new Region(0, 0, W, H)).toFloats());
    }

    @Test
    void filesWrittenTogetherEqualFilesWrittenApart() throws Exception {
        MemoryRaster rgb = TestRasters.random(DataType.BYTE, W, H, 3, 13, GeoTiffWriterTest.UTM33);
        MemoryRaster floats = TestRasters.random(DataType.FLOAT32, W, H, 1, 14, GeoTiffWriterTest.UTM33);
        Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
        List<Raster> sources = List.of(rgb, floats);
        TiffFileWriter.writeTogether("test", List.of(new TiffFileWriter.Part(Product.of("a", rgb), a),
                new TiffFileWriter.Part(Product.of("b", floats), b)), options(), region -> {
                    Block[][] out = new Block[2][];
                    for (int p = 0; p < 2; p++) {
                        Raster r = sources.get(p);
                        out[p] = new Block[r.bands().size()];
                        for (int k = 0; k < out[p].length; k++) out[p][k] = r.read(k, region);
                    }
                    return out;
                }, ProcessingContext.defaults());
        Path apartA = dir.resolve("apart-a.tif"), apartB = dir.resolve("apart-b.tif");
        new GeoTiffWriter().write(Product.of("a", rgb), apartA, options(), ProcessingContext.defaults());
        new GeoTiffWriter().write(Product.of("b", floats), apartB, options(), ProcessingContext.defaults());
        for (Path[] pair : new Path[][] {{a, apartA}, {b, apartB}}) {
            JsonNode together = GdalTools.info(pair[0]), apart = GdalTools.info(pair[1]);
            assertEquals(apart.get("bands"), together.get("bands"));
            assertEquals(apart.get("geoTransform"), together.get("geoTransform"));
            assertEquals(apart.get("metadata"), together.get("metadata"));
        }
        Object[] gdalA = GdalTools.readThroughEnvi(a, -1, DataType.BYTE, dir);
        for (int k = 0; k < 3; k++) assertArrayEquals(rgb.read(k, new Region(0, 0, W, H)).bytes(), (byte[]) gdalA[k]);
        Object[] gdalB = GdalTools.readThroughEnvi(b, -1, DataType.FLOAT32, dir);
        assertArrayEquals(floats.read(0, new Region(0, 0, W, H)).toFloats(), (float[]) gdalB[0]);
    }

    @Test
    void aFailedJointWriteLeavesNoFile() throws IOException {
        MemoryRaster rgb = TestRasters.random(DataType.BYTE, W, H, 1, 15, GeoTiffWriterTest.UTM33);
        Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
        IOException failure = assertThrows(IOException.class, () -> TiffFileWriter.writeTogether("test",
                List.of(new TiffFileWriter.Part(Product.of("a", rgb), a), new TiffFileWriter.Part(Product.of("b", rgb), b)),
                options(), region -> {
                    if (region.x() > 0 && region.y() > 0) throw new IOException("disk full");
                    Block block = rgb.read(0, region);
                    return new Block[][] {{block}, {block}};
                }, ProcessingContext.defaults().withThreads(1)));
        assertEquals("disk full", failure.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "nothing left in the folder");
        }
    }

    @Test
    void aBlockSharedByTwoFilesIsEncodedOnceAndReadsTheSameInBoth() throws Exception {
        MemoryRaster one = TestRasters.random(DataType.BYTE, W, H, 1, 16, GeoTiffWriterTest.UTM33);
        MemoryRaster two = TestRasters.random(DataType.BYTE, W, H, 2, 17, GeoTiffWriterTest.UTM33);
        Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
        TiffFileWriter.writeTogether("test", List.of(new TiffFileWriter.Part(Product.of("a", one), a),
                new TiffFileWriter.Part(Product.of("b", two), b)), options(), region -> {
                    Block shared = one.read(0, region);
                    return new Block[][] {{shared}, {two.read(0, region), shared}};
                }, ProcessingContext.defaults());
        TiffRaster ra = (TiffRaster) new GeoTiffReader().read(a).raster(), rb = (TiffRaster) new GeoTiffReader().read(b).raster();
        Region all = new Region(0, 0, W, H);
        assertArrayEquals(one.read(0, all).bytes(), ra.read(0, all).bytes());
        assertArrayEquals(one.read(0, all).bytes(), rb.read(1, all).bytes());
        assertArrayEquals(two.read(0, all).bytes(), rb.read(0, all).bytes());
        for (int cy = 0; cy < (H + TILE - 1) / TILE; cy++) {
            for (int cx = 0; cx < (W + TILE - 1) / TILE; cx++) {
                assertArrayEquals(ra.storedChunk(0, cx, cy), rb.storedChunk(1, cx, cy));
            }
        }
    }
}
