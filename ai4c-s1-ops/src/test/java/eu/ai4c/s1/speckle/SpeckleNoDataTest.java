package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NaN no-data: excluded from statistics, kept as NaN, never spread to valid pixels, for every filter. */
class SpeckleNoDataTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void nanStaysNanAndDoesNotSpread() {
        float[] in = SyntheticSpeckle.homogeneous(W, H, 2.0, 1, 8);
        for (int y = 10; y < 20; y++) {
            for (int x = 0; x < 15; x++) in[y * W + x] = Float.NaN;  // a no-data block on the image edge
        }
        for (int i = 3; i < in.length; i += 37) in[i] = Float.NaN;    // scattered holes
        for (String name : SpeckleFilterType.labels()) {
            SpeckleFilter f = SpeckleFilters.create(SpeckleParameters.defaults().withFilter(name).withEnl(1),
                    SceneStatistics.measure(in, W, H));
            float[] out = SyntheticSpeckle.filterWhole(f, in, W, H);
            for (int i = 0; i < in.length; i++) {
                if (Float.isNaN(in[i])) {
                    assertTrue(Float.isNaN(out[i]), name + ": pixel " + i + " must stay NaN");
                } else {
                    assertTrue(Float.isFinite(out[i]) && out[i] >= 0, name + ": pixel " + i + " = " + out[i]);
                }
            }
        }
    }

    @Test
    void boxcarAveragesOnlyValidNeighbours() {
        float[] in = {
            1, 2, Float.NaN,
            4, 5, 6,
            Float.NaN, 8, 9};
        float[] out = new float[9];
        new BoxcarFilter(3, 3).filter(in, 3, 3, 0, 0, out, 3, 3);
        assertEquals((1 + 2 + 4 + 5 + 6 + 8 + 9) / 7f, out[4], 1e-6f);
        assertEquals((1 + 2 + 4 + 5) / 4f, out[0], 1e-6f);     // clipped corner window
        assertEquals((5 + 6 + 8 + 9) / 4f, out[8], 1e-6f);
        assertTrue(Float.isNaN(out[2]) && Float.isNaN(out[6]));
    }

    @Test
    void isolatedValidPixelKeepsItsValue() {
        float nan = Float.NaN;
        float[] in = {nan, nan, nan, nan, 7, nan, nan, nan, nan};
        for (String name : SpeckleFilterType.labels()) {
            float[] out = new float[9];
            SpeckleFilters.create(SpeckleParameters.defaults().withFilter(name).withEnl(1),
                    new SceneStatistics(1, Double.POSITIVE_INFINITY)).filter(in, 3, 3, 0, 0, out, 3, 3);
            assertEquals(7f, out[4], 1e-6f, name);
        }
    }
}
