package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileGrid;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bilinear kernel for windows without no-data samples of a band that declares a no-data value
 * ({@link ResampleKernels#bilinearMaskedClean}) must give the bits of the general masked kernel, so
 * taking it per tile changes nothing, at no-data borders and holes included.
 */
class MaskedFastPathTest {
    private static final int W = 300, H = 260;

    /** UInt16 scene, no-data 0: a 12-column no-data strip on the left, one rectangular hole, the rest valid. */
    private static MemoryRaster scene(MapGeoCoding gc) {
        short[] v = new short[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                int hash = (c * 73856093) ^ (r * 19349663);
                double value = 1000 + 400 * Math.sin(0.21 * c) * Math.cos(0.17 * r) + Math.floorMod(hash, 1000) / 10.0;
                boolean hole = c < 12 || (c >= 150 && c < 170 && r >= 100 && r < 125);
                v[r * W + c] = hole ? 0 : (short) Math.round(value * 10);
            }
        }
        return new MemoryRaster(List.of(Band.of("b1", DataType.UINT16, 0)),
                new Block[] {new Block(Region.of(W, H), DataType.UINT16, v)}, gc);
    }

    @Test
    void cleanWindowGivesTheBitsOfTheMaskedKernel() {
        MemoryRaster src = scene(WarpFixtures.utmGrid());
        // a window right of the strip and above the hole: no no-data sample, but the band declares one
        Region r = new Region(20, 0, 120, 90);
        SourceWindow window = SourceWindow.of(src.read(0, r), src.bands().get(0), W, H);
        assertTrue(window.hasInvalid(), "the band's no-data value selects the masked arithmetic");
        assertFalse(window.hasNaN(), "no sample of the window is no-data");
        int n = 20_000;
        double[] sx = new double[n], sy = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            // points all over the window less its one-pixel halo, some on exact pixel centres and
            // corners, a few above the raster (the window touches its first row)
            sx[i] = i % 17 == 0 ? 21 + rnd.nextInt(118) + 0.5 : 21 + rnd.nextDouble() * 118;
            sy[i] = i % 19 == 0 ? rnd.nextInt(89) : -1 + rnd.nextDouble() * 90;
        }
        double[] masked = new double[n], clean = new double[n], dispatched = new double[n];
        ResampleKernels.bilinearMasked(window, sx, sy, n, masked);
        ResampleKernels.bilinearMaskedClean(window, sx, sy, n, clean);
        ResampleKernels.resample(Resampling.BILINEAR, window, sx, sy, n, dispatched);
        int nan = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(masked[i]), Double.doubleToRawLongBits(clean[i]), "point " + i);
            assertEquals(Double.doubleToRawLongBits(masked[i]), Double.doubleToRawLongBits(dispatched[i]), "point " + i);
            if (Double.isNaN(masked[i])) nan++;
        }
        assertTrue(nan > 0 && nan < n / 10, "points beyond the raster are no-data: " + nan);
    }

    @Test
    void warpedTilesEqualTheMaskedKernelIncludingNoDataBorders() throws Exception {
        MapGeoCoding gc = WarpFixtures.utmGrid();
        MemoryRaster src = scene(gc);
        TargetGrid grid = TargetGrid.derive(gc, W, H, Projections.wgs84(), 2e-4, 2e-4, null, false);
        WarpRaster warp = new WarpRaster(src, grid, Resampling.BILINEAR, PixelTransform.DEFAULT_MAX_ERROR);
        PixelTransform transform = PixelTransform.between(grid.geoCoding(), gc);
        // the whole source with its no-data as NaN: always the general masked kernel
        Block all = src.read(0, Region.of(W, H));
        SourceWindow whole = SourceWindow.of(all, src.bands().get(0), W, H);
        assertTrue(whole.hasNaN());
        TileGrid tiles = new TileGrid(grid.width(), grid.height(), 48, 48);
        int cleanTiles = 0, noData = 0, valid = 0;
        for (int tr = 0; tr < tiles.tilesDown(); tr++) {
            for (int tc = 0; tc < tiles.tilesAcross(); tc++) {
                Region t = tiles.tile(tc, tr);
                int n = (int) t.area();
                double[] sx = new double[n], sy = new double[n], ref = new double[n];
                transform.sourceCoordinates(t, PixelTransform.DEFAULT_MAX_ERROR, sx, sy);
                ResampleKernels.bilinearMasked(whole, sx, sy, n, ref);
                Block expected = Block.allocate(DataType.UINT16, t);
                WarpRaster.store(ref, expected, 0);
                short[] got = warp.read(0, t).shorts(), want = expected.shorts();
                boolean hasNoDataSource = false;
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i], got[i], "tile " + tc + "," + tr + " pixel " + i);
                    if (want[i] == 0) noData++;
                    else valid++;
                    double x = sx[i], y = sy[i];
                    if (x < 15 || x >= 148 && x < 172 && y >= 98 && y < 127) hasNoDataSource = true;
                }
                if (!hasNoDataSource) cleanTiles++;
            }
        }
        assertTrue(cleanTiles > tiles.tileCount() / 3, "tiles on the fast path: " + cleanTiles);
        assertTrue(noData > 0 && valid > noData, "no-data " + noData + ", valid " + valid);
    }
}
