package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampled-rows view and the statistics pass that uses it (images above the sample cap). */
class SampledRowsTest {
    @Test
    void keepsEveryStrideRow() throws IOException {
        float[] v = new float[7 * 10];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Raster rows = new SampledRows(MemoryRaster.ofFloats("b", 7, 10, v, null), 3);
        assertEquals(4, rows.height()); // rows 0, 3, 6, 9
        float[] got = rows.read(0, new Region(2, 1, 3, 3)).floats();
        assertArrayEquals(new float[] {23, 24, 25, 44, 45, 46, 65, 66, 67}, got);
    }

    @Test
    void statisticsOnStridedRowsRecoverThePlantedNormalisation() throws IOException {
        int w = 1200, h = 1000; // 1.2 M px > MAX_SAMPLE: stride 2, only even rows are read
        double[] gains = {1.08, 0.95, 1.12, 0.9}, offsets = {0.02, -0.015, 0.03, 0.025};
        SplittableRandom rnd = new SplittableRandom(7);
        List<Raster> b1 = new ArrayList<>(), b2 = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            float[] x = new float[w * h], y = new float[w * h];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.05 + 0.35 * rnd.nextDouble());
                y[i] = (float) (gains[b] * x[i] + offsets[b] + 0.002 * (rnd.nextDouble() - 0.5));
                if (i % w >= 1100) x[i] = Float.NaN; // a no-data strip in image 1 only
            }
            b1.add(MemoryRaster.ofFloats("B" + b, w, h, x, null));
            b2.add(MemoryRaster.ofFloats("B" + b, w, h, y, null));
        }
        CvaModel m = CvaStatistics.compute(new StackRaster(b1), new StackRaster(b2), new String[] {"a", "b", "c", "d"},
                new double[] {1, 0, 0, 0}, 99, 3, ProcessingContext.defaults().withThreads(2));
        // sample = even rows × even columns below column 1100
        assertEquals((h / 2) * (1100 / 2), m.samplePixels());
        for (int b = 0; b < 4; b++) {
            assertEquals(gains[b], m.gains()[b], 0.01 * gains[b], "gain " + b);
            assertEquals(offsets[b], m.offsets()[b], 0.01 * Math.abs(offsets[b]) + 1e-4, "offset " + b);
        }
    }
}
