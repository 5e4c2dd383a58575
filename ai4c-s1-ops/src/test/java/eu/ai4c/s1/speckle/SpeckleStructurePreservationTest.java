package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Edges and point targets: what the edge-aware filters keep and the boxcar smears.
 *
 * <p>Edge sharpness is measured as the blur width {@code Σ_x |p(x) − s(x)| / (μ2 − μ1)} in pixels,
 * where p is the filtered image averaged down each column (which averages the speckle away) and s the
 * ideal step, over the 16 columns around the edge. A boxcar of n columns spreads the step into a ramp of
 * blur width (n² − 1)/(4n): 0.67 px for 3×3, 1.71 px for 7×7; the unfiltered speckle already shows
 * a noise floor of a few tenths of a pixel (column means of 2048 speckled samples).</p>
 */
class SpeckleStructurePreservationTest {
    private static final int W = 64;
    private static final int H = 2048;
    private static final int EDGE = 32;

    @Test
    void refinedLeeAndLeeSigmaKeepEdgesSharperThanBoxcar() {
        for (int looks : new int[] {1, 4}) {
            float[] in = SyntheticSpeckle.verticalEdge(W, H, EDGE, 1.0, 8.0, looks, 100 + looks);
            double box3 = blur(in, SpeckleParameters.defaults().withFilter("Boxcar"), looks);
            double box7 = blur(in, SpeckleParameters.defaults().withFilter("Boxcar").withFilterSize(7, 7), looks);
            double refined = blur(in, SpeckleParameters.defaults().withFilter("Refined Lee"), looks);
            double sigma = blur(in, SpeckleParameters.defaults().withFilter("Lee Sigma"), looks);
            assertEquals(1.71, box7, 0.25, "boxcar 7x7 ramp");
            // Both use a 7x7 extent: compare with the boxcar of the same extent, and at 4 looks
            // (Sentinel-1 GRD) with the 3x3 boxcar too.
            assertTrue(refined < 0.5 * box7, "L=" + looks + " Refined Lee blur " + refined + " vs boxcar 7x7 " + box7);
            assertTrue(sigma < 0.6 * box7, "L=" + looks + " Lee Sigma blur " + sigma + " vs boxcar 7x7 " + box7);
            if (looks == 4) {
                assertTrue(refined < 0.5 * box3, "Refined Lee blur " + refined + " vs boxcar 3x3 " + box3);
                assertTrue(sigma < 0.5 * box3, "Lee Sigma blur " + sigma + " vs boxcar 3x3 " + box3);
            }
        }
    }

    @Test
    void leeSigmaPreservesPointTargetBoxcarSmearsIt() {
        int n = 101, c = 50 * n + 50;
        for (long seed = 1; seed <= 5; seed++) {
            float[] in = SyntheticSpeckle.homogeneous(n, n, 1.0, 4, seed);
            in[c] = 100f;
            SceneStatistics stats = SceneStatistics.measure(in, n, n);
            float[] sigma = SyntheticSpeckle.filterWhole(
                    SpeckleFilters.create(SpeckleParameters.defaults().withEnl(4), stats), in, n, n);
            float[] box = SyntheticSpeckle.filterWhole(
                    SpeckleFilters.create(SpeckleParameters.defaults().withFilter("Boxcar"), stats), in, n, n);
            assertTrue(sigma[c] > 50f, "Lee Sigma kept " + sigma[c] + " of 100");
            assertTrue(box[c] < 20f, "Boxcar kept " + box[c] + " of 100");
            // the boxcar spreads the target over its neighbours, Lee Sigma does not
            assertTrue(box[c + 1] > 10f && sigma[c + 1] < 5f, "neighbour " + box[c + 1] + " / " + sigma[c + 1]);
        }
    }

    @Test
    void leeSigmaKeepsBrightClusterPixelsAboveZ98() {
        int n = 61, c = 30;
        Random random = new Random(9);
        float[] in = SyntheticSpeckle.homogeneous(n, n, 1.0, 1, 17);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                in[(c + dy) * n + c + dx] = (float) (50 + 100 * random.nextDouble());
            }
        }
        SceneStatistics stats = SceneStatistics.measure(in, n, n);
        assertTrue(stats.z98() < 50, "Z98 " + stats.z98());
        SpeckleParameters p = SpeckleParameters.defaults().withEnl(1);
        float[] kept = SyntheticSpeckle.filterWhole(SpeckleFilters.create(p, stats), in, n, n);
        float[] plain = SyntheticSpeckle.filterWhole(
                SpeckleFilters.create(p, new SceneStatistics(stats.enl(), Double.POSITIVE_INFINITY)), in, n, n);
        // the 3x3 window on the cluster centre holds 9 >= K = 5 bright pixels: all 9 are a point target
        boolean anyDiffers = false;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int t = (c + dy) * n + c + dx;
                assertEquals(in[t], kept[t], 0f, "point target pixel " + dx + "," + dy + " must stay unfiltered");
                anyDiffers |= plain[t] != in[t];
            }
        }
        assertTrue(anyDiffers, "without point-target detection the sigma filter should alter the cluster");
    }

    @Test
    void leeSigmaFiltersBrightPairsBelowPointTargetCount() {
        int n = 61, c = 30 * n + 30;
        float[] in = SyntheticSpeckle.homogeneous(n, n, 1.0, 1, 23);
        in[c] = 80f;
        in[c + 1] = 20f;  // two bright pixels: fewer than K = 5 in any 3x3 window
        SceneStatistics stats = SceneStatistics.measure(in, n, n);
        float[] out = SyntheticSpeckle.filterWhole(SpeckleFilters.create(SpeckleParameters.defaults().withEnl(1), stats),
                in, n, n);
        assertTrue(out[c] != in[c] && out[c + 1] != in[c + 1], out[c] + ", " + out[c + 1]);
    }

    private static double blur(float[] in, SpeckleParameters p, int looks) {
        SpeckleFilter f = SpeckleFilters.create(p.withEnl(looks), SceneStatistics.measure(in, W, H));
        float[] out = SyntheticSpeckle.filterWhole(f, in, W, H);
        double b = 0;
        for (int x = EDGE - 8; x < EDGE + 8; x++) {
            double m = SyntheticSpeckle.mean(out, W, x, 0, x + 1, H);
            b += Math.abs(m - (x < EDGE ? 1.0 : 8.0)) / 7.0;
        }
        return b;
    }
}
