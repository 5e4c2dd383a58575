package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics gathered while the stack is written equal those of one pass over the whole image. */
class StatisticsTapTest {
    static final int W = 700, H = 500;
    @TempDir
    Path dir;

    private static MemoryRaster stack() {
        Random random = new Random(21);
        float[][] bands = new float[3][W * H];
        for (int i = 0; i < W * H; i++) {
            boolean noData = i % 97 == 0;
            bands[0][i] = noData ? Float.NaN : random.nextFloat();
            bands[1][i] = noData ? Float.NaN : (float) Math.exp(random.nextGaussian() - 3);
            bands[2][i] = noData ? Float.NaN : (float) Math.exp(random.nextGaussian() - 3);
        }
        Region all = new Region(0, 0, W, H);
        Block[] blocks = new Block[3];
        for (int b = 0; b < 3; b++) blocks[b] = new Block(all, DataType.FLOAT32, bands[b]);
        List<Band> names = List.of(new Band("coherence", DataType.FLOAT32, Double.NaN, true, "", ""),
                new Band("Sigma0_VV_1", DataType.FLOAT32, Double.NaN, true, "intensity", ""),
                new Band("Sigma0_VV_2", DataType.FLOAT32, Double.NaN, true, "intensity", ""));
        return new MemoryRaster(names, blocks, MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 4e5, 5e6, 10, 10));
    }

    @Test
    void statisticsTakenWhileWritingEqualOnePassOverTheImage() throws Exception {
        MemoryRaster stack = stack();
        StatisticsTap tap = new StatisticsTap(stack);
        new GeoTiffWriter().write(Product.of("cd", tap), dir.resolve("cd.tif"),
                GeoTiffWriteOptions.defaults().withTileSize(128), ProcessingContext.defaults().withThreads(3));
        assertTrue(tap.complete());

        Region all = new Region(0, 0, W, H);
        StackStatistics whole = new StackStatistics();
        whole.add(stack.read(0, all).toFloats(), stack.read(1, all).toFloats(), stack.read(2, all).toFloats());
        StackStatistics tiles = tap.statistics();
        assertArrayEquals(whole.logRatioHistogram, tiles.logRatioHistogram);
        for (double p : new double[] {0, 2.5, 50, 97.5, 100}) {
            assertEquals(whole.backscatter1.percentile(p), tiles.backscatter1.percentile(p), 0, "percentile " + p);
            assertEquals(whole.backscatter2.percentile(p), tiles.backscatter2.percentile(p), 0, "percentile " + p);
        }
        assertEquals(whole.coherence()[1], tiles.coherence()[1], 0);
        // the sum differs only by the order of the additions
        assertEquals(whole.coherence()[0], tiles.coherence()[0], 1e-9 * whole.coherence()[0]);
    }

    @Test
    void windowsReadTwiceOrOverlappingAreNotCountedTwice() throws Exception {
        MemoryRaster stack = stack();
        StatisticsTap tap = new StatisticsTap(stack);
        Region first = new Region(0, 0, 300, 200), overlapping = new Region(200, 100, 300, 200);
        for (Region r : List.of(first, first, overlapping)) {
            for (int b = 0; b < 3; b++) tap.read(b, r);
        }
        long valid = 0;
        for (float v : stack.read(1, first).toFloats()) if (!Float.isNaN(v)) valid++;
        assertEquals(valid, tap.statistics().backscatter1.count(), "only the first window counts, once");
        assertFalse(tap.complete());
        // a band read out of order does not count either
        StatisticsTap other = new StatisticsTap(stack());
        Region all = new Region(0, 0, W, H);
        other.read(1, all);
        other.read(0, all);
        other.read(2, all);
        assertFalse(other.complete());
        assertEquals(0, other.statistics().backscatter1.count());
    }
}
