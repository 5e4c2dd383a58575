package eu.ai4c.kit.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Histogram percentiles against a full sort, stretch, ramps and the ARGB kernels on small arrays. */
class KernelsTest {

    @Test
    void percentilesMatchSortedReferenceWithinOneBin() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 5; trial++) {
            int n = 50_000 + trial * 3_333;
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                // skewed data (log-normal-like) with 5 % no-data
                v[i] = rnd.nextDouble() < 0.05 ? Float.NaN : (float) Math.exp(rnd.nextGaussian() * (1 + trial) * 0.5);
            }
            float[] valid = new float[n];
            int m = 0;
            for (float x : v) if (!Float.isNaN(x)) valid[m++] = x;
            float[] sorted = Arrays.copyOf(valid, m);
            Arrays.sort(sorted);
            BandHistogram h = BandHistogram.of(v);
            assertEquals(m, h.total());
            assertEquals(sorted[0], h.min(), 0);
            assertEquals(sorted[m - 1], h.max(), 0);
            for (double p : new double[] {0, 0.5, 2, 10, 25, 50, 75, 90, 98, 99.5, 100}) {
                double rank = p / 100 * (m - 1);
                double ref = sorted[(int) Math.round(rank)];
                assertEquals(ref, h.percentile(p), h.binWidth() * 1.0001, "percentile " + p + " trial " + trial);
            }
        }
    }

    @Test
    void stretchOfConstantAndEmptyBands() {
        Stretch s = Stretch.ofPercentiles(BandHistogram.of(new float[] {3, 3, 3, Float.NaN}));
        assertEquals(2.5, s.low(), 0);
        assertEquals(3.5, s.high(), 0);
        Stretch e = Stretch.ofPercentiles(BandHistogram.of(new float[] {Float.NaN}));
        assertEquals(new Stretch(0, 1), e);
    }

    @Test
    void rampEndpointsAndMidpoint() {
        for (ColourRamp r : ColourRamp.values()) {
            int[] t = r.table();
            assertEquals(256, t.length);
            int[] out = new int[5];
            ArgbKernels.ramp(new float[] {-5, 10, 20, 30, Float.NaN}, new Stretch(10, 30), t, out);
            assertEquals(t[0], out[0], "below low clamps to the first colour");
            assertEquals(t[0], out[1]);
            assertEquals(t[128], out[2], "midpoint: round(0.5 · 255) = 128");
            assertEquals(t[255], out[3]);
            assertEquals(ArgbKernels.NO_DATA, out[4]);
            for (int c : t) assertEquals(0xFF, c >>> 24, "opaque");
        }
        assertEquals(0xFF000000, ColourRamp.GREY.table()[0]);
        assertEquals(0xFFFFFFFF, ColourRamp.GREY.table()[255]);
        assertEquals(0xFF440154, ColourRamp.VIRIDIS.table()[0]);
        assertEquals(0xFFFDE725, ColourRamp.VIRIDIS.table()[255]);
        // viridis lightness rises monotonically (green channel as a proxy)
        int[] v = ColourRamp.VIRIDIS.table();
        for (int i = 1; i < 256; i++) assertTrue((v[i] >> 8 & 0xFF) >= (v[i - 1] >> 8 & 0xFF), "green at " + i);
    }

    @Test
    void rgbAndPaletteKernels() {
        int[] out = new int[3];
        Stretch s = new Stretch(0, 255);
        ArgbKernels.rgb(new float[] {-3, 255, 50}, new float[] {255, 0, Float.NaN}, new float[] {128, 300, 1}, s, s, s, out);
        assertArrayEquals(new int[] {0xFF00FF80, 0xFFFF00FF, 0}, out);
        int[] pal = {0xFFD9D9D9, 0xFFE6194B, 0x00000000};
        int[] p = new int[5];
        ArgbKernels.palette(new float[] {0, 1, 2, 7, Float.NaN}, pal, 0xFFFF00FF, p);
        assertArrayEquals(new int[] {0xFFD9D9D9, 0xFFE6194B, 0, 0xFFFF00FF, 0}, p);
    }
}
