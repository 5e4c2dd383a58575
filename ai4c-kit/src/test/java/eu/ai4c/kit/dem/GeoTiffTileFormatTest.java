package eu.ai4c.kit.dem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoTiffTileFormatTest {
    private static final Geoid GEOID = Geoid.locate(null);
    private static final int N = 121;
    private static final double STEP = 1.0 / (N - 1);

    private static double plane(double lon, double lat) {
        return 100 + 30 * (lon - 12) + 20 * (lat - 41);
    }

    /**
     * A Copernicus-like 1° tile with south-west corner (41 N, lonWest E): posts on whole-degree
     * multiples of STEP, so the pixel-corner geotransform overhangs the cell by half a pixel.
     */
    private static void writeTile(Path file, int lonWest, boolean withVoids) throws IOException {
        float[] v = new float[N * N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                v[r * N + c] = (float) plane(lonWest + c * STEP, 42 - r * STEP);
            }
        }
        if (withVoids) {
            for (int r = 60; r <= 61; r++) {
                for (int c = 60; c <= 61; c++) v[r * N + c] = -32767f;
            }
        }
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), lonWest - STEP / 2, 42 + STEP / 2, STEP, STEP);
        MemoryRaster flat = MemoryRaster.ofFloats("height", N, N, v, gc);
        MemoryRaster r = new MemoryRaster(List.of(flat.bands().get(0).withNoData(-32767)),
                new Block[] {new Block(flat.bounds(), DataType.FLOAT32, v)}, gc);
        ProductIO.writer("GeoTIFF").write(Product.of("dem", r), file, ProcessingContext.defaults());
    }

    private static void writeHgt(Path file, short height) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2 * 1201 * 1201).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 1201 * 1201; i++) b.putShort(height);
        Files.write(file, b.array());
    }

    private static void writeProjected(Path file) throws IOException {
        MapGeoCoding utm = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 12.5, 41.5), 300000, 4650000, 30, 30);
        MemoryRaster r = MemoryRaster.ofFloats("height", 4, 4, new float[16], utm);
        ProductIO.writer("GeoTIFF").write(Product.of("utm", r), file, ProcessingContext.defaults());
    }

    private static double undulation(double lon, double lat) {
        double[] out = new double[1];
        GEOID.undulations(new double[] {lat}, new double[] {lon}, out, 1);
        return out[0];
    }

    @Test
    void mixedFolderGivesPlaneHeightsAcrossTheSeamAndFallsBackOutside(@TempDir Path dir) throws IOException {
        writeTile(dir.resolve("Copernicus_DSM_COG_10_N41_00_E012_00_DEM.tif"), 12, false);
        writeTile(dir.resolve("Copernicus_DSM_COG_10_N41_00_E013_00_DEM.tif"), 13, true);
        writeHgt(dir.resolve("N40E012.hgt"), (short) 500);
        writeProjected(dir.resolve("aaa_projected.tif"));
        Files.writeString(dir.resolve("notes.tif"), "not a tiff");
        List<String> warnings = new CopyOnWriteArrayList<>();
        GeoTiffTileFormat format = new GeoTiffTileFormat(warnings::add);

        ElevationModel dem = ElevationModels.open(dir, GEOID, null, List.of(new HgtFormat(), format), w -> { });

        assertTrue(dem instanceof DemTiles, dem.describe());
        assertEquals(3, ((DemTiles) dem).cellCount(), "cells 41N12E, 41N13E (GeoTIFF) and 40N12E (.hgt)");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("aaa_projected.tif") && w.contains("WGS 84")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("notes.tif")), warnings.toString());

        // inside each tile, on the seam at 13° E and either side of it, between posts
        double[] lon = {12.3137, 13.7771, 13.0, 12.99991, 13.00013, 12.0, 13.99, 12.5};
        double[] lat = {41.4242, 41.1234, 41.5003, 41.2719, 41.8888, 41.0, 41.9999, 40.5};
        double[] out = new double[lon.length];
        dem.heights(lon, lat, out, lon.length);
        for (int i = 0; i < lon.length - 1; i++) {
            assertEquals(plane(lon[i], lat[i]) + undulation(lon[i], lat[i]), out[i], 0.01, "point " + i);
        }
        assertEquals(500 + undulation(12.5, 40.5), out[lon.length - 1], 0.01, ".hgt tile in the same folder");
        assertEquals(0, dem.fallbackCount());

        // outside every tile, and in the middle of a 2x2 block of no-data posts: geoid only
        double voidLat = 42 - 60.5 * STEP, voidLon = 13 + 60.5 * STEP;
        double[] lon2 = {20.5, voidLon};
        double[] lat2 = {45.5, voidLat};
        double[] out2 = new double[2];
        dem.heights(lon2, lat2, out2, 2);
        assertEquals(undulation(20.5, 45.5), out2[0], 1e-9);
        assertEquals(undulation(voidLon, voidLat), out2[1], 1e-9);
        assertEquals(2, dem.fallbackCount());
    }

    @Test
    void footprintIsTheCellAndReadKeepsThePosts(@TempDir Path dir) throws IOException {
        Path tif = dir.resolve("tile.tif");
        writeTile(tif, 12, true);
        GeoTiffTileFormat format = new GeoTiffTileFormat(w -> { });
        double[] fp = format.footprint(tif).orElseThrow();
        assertEquals(41, fp[0], 1e-12);
        assertEquals(12, fp[1], 1e-12);
        assertEquals(42, fp[2], 1e-12);
        assertEquals(13, fp[3], 1e-12);
        DemTile tile = format.read(tif);
        assertEquals(4L * N * N, tile.bytes());
        assertEquals(plane(12, 42), tile.height(42, 12), 1e-3);
        assertEquals(plane(13, 41), tile.height(41, 13), 1e-3);
        assertTrue(Double.isNaN(tile.height(42 - 60.5 * STEP, 12 + 60.5 * STEP)), "no-data posts are voids");
        assertTrue(format.footprint(dir.resolve("N41E012.hgt")).isEmpty());

        // a single GeoTIFF given as the DEM is read lazily through the raster opener, not loaded whole
        ElevationModel single = ElevationModels.open(tif, GEOID, f -> ProductIO.read(f).raster(),
                List.of(new HgtFormat(), format), w -> { });
        assertTrue(single instanceof RasterDem, single.describe());
    }
}
