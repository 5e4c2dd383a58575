package eu.ai4c.kit.landsea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.dem.RasterDem;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

class LandSeaMaskRasterTest {
    private static final Geoid GEOID = Geoid.locate(null);
    /** DEM posts of 1/1024°, a binary fraction, so that pixel centres fall exactly on posts. */
    private static final double STEP = 1.0 / 1024;
    private static final double LON0 = 12.0, LAT0 = 42.0;
    private static final int W = 120, H = 100;
    private static final float[] HEIGHTS = island();

    /** Sea (0 m) with an island (cone up to 60 m) holding a depression below sea level, and an islet. */
    private static float[] island() {
        float[] v = new float[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                double d = Math.hypot(c - 55, (r - 50) * 1.3);
                v[r * W + c] = (float) Math.max(0, 60 - 2 * d);
            }
        }
        for (int r = 46; r < 50; r++) for (int c = 50; c < 54; c++) v[r * W + c] = -4f;
        v[20 * W + 100] = 3f;
        return v;
    }

    private static MapGeoCoding demGrid() {
        return MapGeoCoding.northUp(Projections.wgs84(), LON0, LAT0, STEP, STEP);
    }

    private static ElevationModel dem() {
        return new RasterDem(MemoryRaster.ofFloats("height", W, H, HEIGHTS.clone(), demGrid()), GEOID, "island");
    }

    /** A float image of ones (band "Sigma0_VV") and a second band of twos, on {@code grid}. */
    private static MemoryRaster image(MapGeoCoding grid, int w, int h) {
        Block a = Block.filled(DataType.FLOAT32, Region.of(w, h), 1);
        Block b = Block.filled(DataType.FLOAT64, Region.of(w, h), 2);
        return new MemoryRaster(List.of(Band.of("Sigma0_VV", DataType.FLOAT32), Band.of("Sigma0_VH", DataType.FLOAT64)),
                new Block[] {a, b}, grid);
    }

    private static byte[] classify(LandClassifier c, MapGeoCoding grid, Region region) {
        byte[] out = new byte[Math.toIntExact(region.area())];
        c.land(grid, region, out);
        return out;
    }

    /** 1 where band 0 of the masked raster over the whole image is kept (not NaN). */
    private static byte[] kept(Raster r) throws IOException {
        float[] v = r.read(0, r.bounds()).floats();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.isNaN(v[i]) ? (byte) 0 : (byte) 1;
        return out;
    }

    @Test
    void demClassifierFollowsElevationAboveSeaLevel() {
        byte[] land = classify(new DemLandClassifier(dem(), GEOID), demGrid(), Region.of(W, H));
        int landCount = 0;
        for (int i = 0; i < W * H; i++) {
            assertEquals(HEIGHTS[i] > 0 ? 1 : 0, land[i], "pixel " + i % W + "," + i / W + " height " + HEIGHTS[i]);
            landCount += land[i];
        }
        assertTrue(landCount > 1000, "island has " + landCount + " land pixels");
        assertEquals(0, land[48 * W + 52], "depression below sea level is sea");
        assertEquals(1, land[20 * W + 100], "islet");
        // a sub-region classifies the same pixels the same way
        Region sub = new Region(30, 20, 50, 40);
        byte[] part = classify(new DemLandClassifier(dem(), GEOID), demGrid(), sub);
        for (int r = 0; r < sub.height(); r++) {
            for (int c = 0; c < sub.width(); c++) {
                assertEquals(land[(r + 20) * W + c + 30], part[r * sub.width() + c]);
            }
        }
    }

    @Test
    void toleranceZeroRemovesExactlyTheClassAndAllBands() throws IOException {
        byte[] land = classify(new DemLandClassifier(dem(), GEOID), demGrid(), Region.of(W, H));
        Raster sea = LandSeaMaskRaster.of(image(demGrid(), W, H), LandSeaMask.Mode.SEA, 0, null, dem(), false, GEOID);
        Raster lnd = LandSeaMaskRaster.of(image(demGrid(), W, H), LandSeaMask.Mode.LAND, 0, null, dem(), false, GEOID);
        assertArrayEquals(land, kept(sea));
        byte[] k = kept(lnd);
        double[] vh = lnd.read(1, lnd.bounds()).doubles();
        for (int i = 0; i < W * H; i++) {
            assertEquals(1 - land[i], k[i]);
            assertEquals(land[i] == 0, vh[i] == 2.0, "second band follows the same mask");
        }
        assertTrue(Double.isNaN(sea.bands().get(0).noData()) && sea.bands().get(0).hasNoData());
    }

    @Test
    void toleranceKeepsExactlyThePixelsWithinTheDistanceOfTheKeptClass() throws IOException {
        LandClassifier dem = new DemLandClassifier(dem(), GEOID);
        byte[] land = classify(dem, demGrid(), Region.of(W, H));
        double[] px = LandSeaMask.pixelSizeMetres(demGrid(), Region.of(W, H));
        for (LandSeaMask.Mode mode : new LandSeaMask.Mode[] {LandSeaMask.Mode.SEA, LandSeaMask.Mode.LAND}) {
            byte[] keptClass = new byte[W * H];
            for (int i = 0; i < W * H; i++) keptClass[i] = (byte) (mode == LandSeaMask.Mode.SEA ? land[i] : 1 - land[i]);
            for (double t : new double[] {40, 2 * px[0], 333.3, 3 * px[1]}) {
                Raster r = LandSeaMaskRaster.of(image(demGrid(), W, H), mode, t, null, dem(), false, GEOID);
                byte[] expected = ToleranceBufferTest.bruteForce(keptClass, W, H, px[0], px[1], t);
                assertArrayEquals(expected, kept(r), mode + " tolerance " + t + " m");
                int grown = 0;
                for (int i = 0; i < W * H; i++) grown += expected[i] - keptClass[i];
                assertTrue(t < px[0] || grown > 0, "tolerance " + t + " grows the kept class");
            }
        }
    }

    @Test
    void tilesGiveTheSameMaskAsTheWholeImage() throws IOException {
        // a UTM grid over the island: classification through the bulk UTM → lon/lat transform
        CoordinateReferenceSystem utm = Projections.utm(12.05, 41.95);
        double[] ul = utmOf(utm, LON0 + 10 * STEP, LAT0 - 8 * STEP);
        MapGeoCoding grid = MapGeoCoding.northUp(utm, ul[0], ul[1], 37.5, 41.0);
        int w = 200, h = 190;
        for (double tolerance : new double[] {0, 130}) {
            Raster whole = LandSeaMaskRaster.of(image(grid, w, h), LandSeaMask.Mode.SEA, tolerance, null, dem(), false, GEOID);
            Raster tiled = LandSeaMaskRaster.of(image(grid, w, h), LandSeaMask.Mode.SEA, tolerance, null, dem(), false, GEOID);
            float[] all = whole.read(0, whole.bounds()).floats();
            int nan = 0;
            for (float f : all) if (Float.isNaN(f)) nan++;
            assertTrue(nan > 1000 && nan < w * h - 1000, nan + " removed pixels");
            for (int y = 0; y < h; y += 64) {
                for (int x = 0; x < w; x += 64) {
                    Region t = new Region(x, y, Math.min(64, w - x), Math.min(64, h - y));
                    float[] tile = tiled.read(0, t).floats();
                    for (int r = 0; r < t.height(); r++) {
                        for (int c = 0; c < t.width(); c++) {
                            assertEquals(all[(y + r) * w + x + c], tile[r * t.width() + c], 0f,
                                    "tolerance " + tolerance + " pixel " + (x + c) + "," + (y + r));
                        }
                    }
                }
            }
        }
    }

    private static double[] utmOf(CoordinateReferenceSystem utm, double lon, double lat) {
        try {
            double[] p = {lon, lat};
            org.apache.sis.referencing.CRS.findOperation(Projections.wgs84(), utm, null).getMathTransform()
                    .transform(p, 0, p, 0, 1);
            return p;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void landPolygonsFromGeoJson(@TempDir Path dir) throws IOException {
        // land = a rectangle whose edges lie on pixel boundaries: columns 20..59, rows 10..39
        double x0 = LON0 + 20 * STEP, x1 = LON0 + 60 * STEP, y0 = LAT0 - 40 * STEP, y1 = LAT0 - 10 * STEP;
        Path json = dir.resolve("land.geojson");
        Files.writeString(json, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                + "\"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[" + x0 + ", " + y0
                + "], [" + x1 + ", " + y0 + "], [" + x1 + ", " + y1 + "], [" + x0 + ", " + y1 + "], [" + x0 + ", " + y0
                + "]]]}}]}\n");
        Raster land = LandSeaMaskRaster.of(image(demGrid(), W, H), LandSeaMask.Mode.LAND, 0, json, null, true, GEOID);
        byte[] k = kept(land);
        byte[] isLand = new byte[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                boolean inside = c >= 20 && c < 60 && r >= 10 && r < 40;
                isLand[r * W + c] = (byte) (inside ? 1 : 0);
                assertEquals(inside ? 0 : 1, k[r * W + c], "pixel " + c + "," + r);
            }
        }
        // Sea removed, land grown by 250 m: the brute-force reference on the same classification
        double[] px = LandSeaMask.pixelSizeMetres(demGrid(), Region.of(W, H));
        Raster sea = LandSeaMaskRaster.of(image(demGrid(), W, H), LandSeaMask.Mode.SEA, 250, json, dem(), false, GEOID);
        assertArrayEquals(ToleranceBufferTest.bruteForce(isLand, W, H, px[0], px[1], 250), kept(sea));
        assertTrue(((LandSeaMaskRaster) sea).plan().classifier() instanceof VectorLandClassifier,
                "land polygons take precedence over the DEM");
    }

    @Test
    void classificationIsSharedByTheBandsOfARegion() throws IOException {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        LandClassifier dem = new DemLandClassifier(dem(), GEOID);
        LandClassifier counting = new LandClassifier() {
            @Override
            public void land(MapGeoCoding grid, Region region, byte[] outIsLand) {
                calls.incrementAndGet();
                dem.land(grid, region, outIsLand);
            }

            @Override
            public String describe() {
                return "counting";
            }
        };
        LandSeaMaskRaster r = new LandSeaMaskRaster(image(demGrid(), W, H),
                new LandSeaMask(LandSeaMask.Mode.SEA, 200, counting));
        Region a = new Region(0, 0, 64, 64), b = new Region(64, 0, 56, 64);
        java.util.stream.IntStream.range(0, 8).parallel().forEach(i -> {
            try {
                r.read(i % 2, i < 4 ? a : b);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(2, calls.get(), "one classification per region, shared by bands and threads");
    }

    @Test
    void integerBandNeedsNoData() throws IOException {
        Block s = Block.filled(DataType.INT16, Region.of(W, H), 7);
        MemoryRaster noNoData = new MemoryRaster(List.of(Band.of("DN", DataType.INT16)), new Block[] {s}, demGrid());
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> LandSeaMaskRaster.of(noNoData, LandSeaMask.Mode.SEA, 0, null, dem(), false, GEOID));
        assertTrue(e.getMessage().contains("DN") && e.getMessage().contains("no-data"), e.getMessage());
        MemoryRaster withNoData = new MemoryRaster(List.of(Band.of("DN", DataType.INT16, -1)), new Block[] {s}, demGrid());
        Raster r = LandSeaMaskRaster.of(withNoData, LandSeaMask.Mode.SEA, 0, null, dem(), false, GEOID);
        short[] v = r.read(0, r.bounds()).shorts();
        assertEquals(-1, v[0]);
        assertEquals(7, v[50 * W + 55]);
    }

    @Test
    void maskingNeedsDemOrLandPolygons() {
        MemoryRaster img = image(demGrid(), W, H);
        for (LandSeaMask.Mode mode : new LandSeaMask.Mode[] {LandSeaMask.Mode.SEA, LandSeaMask.Mode.LAND}) {
            Ai4cException noDem = assertThrows(Ai4cException.class,
                    () -> LandSeaMaskRaster.of(img, mode, 0, null, null, false, GEOID));
            assertTrue(noDem.isUsageError() && noDem.getMessage().contains("--dem"), noDem.getMessage());
            assertThrows(Ai4cException.class,
                    () -> LandSeaMaskRaster.of(img, mode, 0, null, new GeoidOnlyDem(GEOID), false, GEOID));
            assertThrows(Ai4cException.class, () -> LandSeaMaskRaster.of(img, mode, 0, null, dem(), true, GEOID));
        }
        assertSame(img, LandSeaMaskRaster.of(img, LandSeaMask.Mode.NONE, 0, null, null, true, GEOID));
        assertTrue(assertThrows(Ai4cException.class,
                () -> LandSeaMaskRaster.of(img, LandSeaMask.Mode.SEA, -5, null, dem(), false, GEOID)).isUsageError());
        assertEquals(LandSeaMask.Mode.SEA, LandSeaMask.Mode.parse(" Sea", "--landseamask"));
        assertEquals(LandSeaMask.Mode.NONE, LandSeaMask.Mode.parse(null, "--landseamask"));
        assertTrue(assertThrows(Ai4cException.class, () -> LandSeaMask.Mode.parse("coast", "--landseamask"))
                .getMessage().contains("coast"));
    }
}
