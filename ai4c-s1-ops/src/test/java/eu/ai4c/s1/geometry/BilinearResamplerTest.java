package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BilinearResamplerTest {
    // a 3x3 image window at image position (10, 20) of a 30 x 12 image (lines x samples)
    private static final float[] SRC = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static float at(double line, double sample, float[] src, boolean hasNoData, float noData) {
        float[] out = new float[1];
        BilinearResampler.resample(src, 10, 20, 3, 3, 30, 13, new double[] {line}, new double[] {sample}, out, 0, 1,
                1, 1, hasNoData, noData);
        return out[0];
    }

    @Test
    void interpolatesBetweenPixelCentres() {
        assertEquals(5f, at(21, 11, SRC, false, 0), 1e-6);
        // (line 20.5, sample 10.25): rows 1-2-3 / 4-5-6 → 0.5·(1.25) + 0.5·(4.25)
        assertEquals(2.75f, at(20.5, 10.25, SRC, false, 0), 1e-6);
    }

    @Test
    void leavesNoDataOutAndRenormalises() {
        float[] s = SRC.clone();
        s[1] = -1; // value 2 is no-data
        assertEquals((1 + 4 + 5) / 3.0, at(20.5, 10.5, s, true, -1), 1e-6);
        float[] n = SRC.clone();
        n[0] = Float.NaN;
        n[1] = Float.NaN;
        n[3] = Float.NaN;
        n[4] = Float.NaN;
        assertTrue(Float.isNaN(at(20.5, 10.5, n, false, 0)));
    }

    @Test
    void outsideTheImageIsNaN() {
        float[] out = new float[2];
        BilinearResampler.resample(new float[] {1, 2, 3, 4}, 0, 0, 2, 2, 2, 2, new double[] {-0.6, 1.4},
                new double[] {0, 0}, out, 0, 2, 1, 2, false, 0);
        assertTrue(Float.isNaN(out[0]));
        assertEquals(3f, out[1], 1e-6); // within half a pixel of the last line: edge value
    }
}
