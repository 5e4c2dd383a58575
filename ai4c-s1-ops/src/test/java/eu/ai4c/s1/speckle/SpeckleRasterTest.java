package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tiled driver: tiles + halo give exactly the whole-image result; no-data and band handling. */
class SpeckleRasterTest {
    private static final int W = 1000;
    private static final int H = 700;

    /** A 4-look scene with fields of different means, an edge, bright targets and no-data. */
    private static float[] scene() {
        Random random = new Random(77);
        float[] v = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double mean = ((x / 130 + y / 90) % 3 + 1) * 0.02;
                v[y * W + x] = (float) (mean * SyntheticSpeckle.speckle(random, 4));
            }
        }
        for (int k = 0; k < 40; k++) {
            int c = (30 + random.nextInt(H - 60)) * W + 30 + random.nextInt(W - 60);
            for (int d : new int[] {0, 1, -1, W, -W, W + 1}) v[c + d] = 3f;
        }
        // extended bright targets straddling the 256-pixel tile borders (point-target detection across tiles)
        for (int[] t : new int[][] {{253, 253}, {510, 100}, {766, 512}, {100, 254}}) {
            for (int y = t[1]; y < t[1] + 4; y++) {
                for (int x = t[0]; x < t[0] + 4; x++) v[y * W + x] = (float) (2 + random.nextDouble());
            }
        }
        for (int y = 300; y < 340; y++) {
            for (int x = 240; x < 300; x++) v[y * W + x] = Float.NaN;
        }
        for (int y = 0; y < H; y++) v[y * W] = Float.NaN;
        return v;
    }

    @Test
    void tilesOf256EqualWholeImageExactly() throws IOException {
        float[] img = scene();
        MemoryRaster source = MemoryRaster.ofFloats("Sigma0_VV", W, H, img, null);
        List<SpeckleParameters> cases = new java.util.ArrayList<>();
        for (String name : SpeckleFilterType.labels()) cases.add(SpeckleParameters.defaults().withFilter(name));
        cases.add(SpeckleParameters.defaults().withWindowSize("5x5").withTargetWindowSize("5x5"));
        cases.add(SpeckleParameters.defaults().withFilter("Median").withFilterSize(4, 7));
        for (SpeckleParameters p : cases) {
            String name = p.filter() + " " + p.windowSize() + "/" + p.targetWindowSizeStr();
            SpeckleRaster raster = SpeckleRaster.of(source, p);
            float[] whole = raster.read(0, raster.bounds()).floats();
            float[] tiled = new float[W * H];
            TileGrid grid = new TileGrid(W, H, 256, 256);
            for (int r = 0; r < grid.tilesDown(); r++) {
                for (int c = 0; c < grid.tilesAcross(); c++) {
                    Region t = grid.tile(c, r);
                    float[] tile = raster.read(0, t).floats();
                    for (int y = 0; y < t.height(); y++) {
                        System.arraycopy(tile, y * t.width(), tiled, (t.y() + y) * W + t.x(), t.width());
                    }
                }
            }
            assertArrayEquals(whole, tiled, name + ": tiled result differs from whole-image result");
            if (!p.equals(SpeckleParameters.defaults())) continue;
            // and the driver gives what the kernel gives on the whole array with the same statistics
            float[] direct = SyntheticSpeckle.filterWhole(
                    SpeckleFilters.create(raster.parameters(), raster.statistics(0)), img, W, H);
            assertArrayEquals(direct, whole, name);
        }
    }

    @Test
    void parallelTileEngineGivesTheSameImage() throws IOException {
        float[] img = scene();
        SpeckleRaster raster = SpeckleRaster.of(MemoryRaster.ofFloats("Sigma0_VV", W, H, img, null),
                SpeckleParameters.defaults());
        float[] whole = raster.read(0, raster.bounds()).floats();
        float[] tiled = new float[W * H];
        TileGrid grid = new TileGrid(W, H, 128, 96);
        TileEngine.run("speckle", raster, new int[] {0}, grid, ProcessingContext.defaults().withThreads(2),
                (col, row, blocks) -> {
                    Region t = grid.tile(col, row);
                    float[] tile = blocks[0].floats();
                    for (int y = 0; y < t.height(); y++) {
                        System.arraycopy(tile, y * t.width(), tiled, (t.y() + y) * W + t.x(), t.width());
                    }
                });
        assertArrayEquals(whole, tiled);
    }

    @Test
    void estimatesLooksFromTheScene() throws IOException {
        MemoryRaster source = MemoryRaster.ofFloats("Sigma0_VV", W, H, scene(), null);
        SpeckleRaster raster = SpeckleRaster.of(source, SpeckleParameters.defaults());
        assertEquals(4.0, raster.looks(0), 0.4, "ENL of the 4-look scene");
        assertTrue(raster.statistics(0).z98() < 0.2, "Z98 " + raster.statistics(0).z98());
        SpeckleRaster fixed = SpeckleRaster.of(source, SpeckleParameters.defaults().withEnl(2));
        assertEquals(2.0, fixed.looks(0));
    }

    @Test
    void sourceNoDataBecomesNaNAndIntegerBandsAreFiltered() throws IOException {
        int w = 50, h = 40;
        short[] dn = new short[w * h];
        Random random = new Random(2);
        for (int i = 0; i < dn.length; i++) dn[i] = (short) (100 + random.nextInt(900));
        dn[5 * w + 5] = 0;
        Raster source = new MemoryRaster(List.of(Band.of("Intensity_HH", DataType.UINT16, 0)),
                new Block[] {new Block(Region.of(w, h), DataType.UINT16, dn)}, null);
        SpeckleRaster raster = SpeckleRaster.of(source, SpeckleParameters.defaults().withFilter("Boxcar"));
        Band out = raster.bands().get(0);
        assertEquals(DataType.FLOAT32, out.type());
        assertTrue(out.hasNoData() && Double.isNaN(out.noData()));
        float[] f = raster.read(0, new Region(3, 3, 5, 5)).floats();
        assertTrue(Float.isNaN(f[2 * 5 + 2]), "no-data pixel");
        double s = 0;
        int n = 0;
        for (int y = 5; y <= 7; y++) {
            for (int x = 5; x <= 7; x++) {
                if (x == 5 && y == 5) continue;
                s += dn[y * w + x];
                n++;
            }
        }
        assertEquals(s / n, f[3 * 5 + 3], 1e-3, "boxcar around (6,6) leaves out the no-data pixel");
    }

    @Test
    void complexBandIsRejected() {
        Raster source = new MemoryRaster(List.of(Band.of("i_q_VV", DataType.CFLOAT32)),
                new Block[] {Block.allocate(DataType.CFLOAT32, Region.of(4, 4))}, null);
        Ai4cException e = assertThrows(Ai4cException.class, () -> SpeckleRaster.of(source, SpeckleParameters.defaults()));
        assertTrue(e.getMessage().contains("i_q_VV") && e.getMessage().contains("intensity"), e.getMessage());
    }
}
