package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Radiometric behaviour of every filter on synthetic homogeneous speckle: the mean is kept, the
 * ENL (mean²/variance) rises by the amount the filter's window and weights allow.
 *
 * <p>Bounds. Boxcar n×n on independent pixels divides the variance by n² exactly (the pixels of one
 * window are independent; neighbouring outputs are correlated, which does not change the marginal
 * variance), so ENL_out = n²·L. The adaptive filters cannot beat the boxcar of their own window on
 * pure speckle and lose some of it to their adaptivity; their lower bounds are about 70 % of the
 * values measured with these seeds on 512×512 pixels (the sampling error of an ENL over 262 144
 * correlated pixels is about 2 %): L = 1 — Lee 3×3 8.2, Frost 3×3 K=2 2.6 (an exp(−2|t|) kernel
 * at Ci ≈ 1: (Σw)²/Σw² ≈ 2.9), Gamma Map 5.2, Median 4.8, Refined Lee 17.8 (of at most 28 for its
 * 28-pixel windows), Lee Sigma 7×7 18.2; L = 4 — Lee 28, Frost 32, Gamma Map 20, Median 23,
 * Refined Lee 61, Lee Sigma 67.</p>
 *
 * <p>Means. Boxcar, Lee and Frost are unbiased by construction (weights sum to one, independent of
 * the centre's value in expectation): within 1 %. Refined Lee and Lee Sigma choose their pixels from
 * the data, which biases them slightly low on 1-look speckle (measured −1.5 %, bound 2.5 %) and
 * hardly at 4 looks (−0.3 %, bound 1 %). Gamma-MAP returns the posterior mode, low by construction
 * (−3.4 % at L = 1, −1.6 % at L = 4; bounds 4.5 % and 2.5 %). The median of exponential speckle is
 * not its mean at all: for a 3×3 window its expectation is the 5th of 9 order statistics,
 * μ·(1/9+1/8+1/7+1/6+1/5) = 0.7456 μ, checked to 1 %.</p>
 */
class SpeckleFilterStatisticsTest {
    private static final int W = 512;
    private static final int H = 512;
    private static final double MU = 5.0;

    /** {label, min ENL gain at L=1, max |mean error| at L=1, min ENL gain at L=4, max |mean error| at L=4}. */
    private static final Object[][] EXPECTED = {
        {"Lee", 5.7, 0.01, 19.6 / 4, 0.01},
        {"Frost", 2.0, 0.01, 22.0 / 4, 0.01},
        {"Gamma Map", 3.6, 0.045, 14.0 / 4, 0.025},
        {"Refined Lee", 12.5, 0.025, 42.0 / 4, 0.01},
        {"Lee Sigma", 12.7, 0.025, 47.0 / 4, 0.01},
    };

    @Test
    void boxcarRaisesEnlBySquareOfWindow() {
        for (int looks : new int[] {1, 4}) {
            float[] in = SyntheticSpeckle.homogeneous(W, H, MU, looks, 11);
            double enlIn = SyntheticSpeckle.enl(in, W, 0, 0, W, H);
            for (int n : new int[] {3, 5}) {
                float[] out = filter(SpeckleParameters.defaults().withFilter("Boxcar").withFilterSize(n, n), looks, in);
                double gain = SyntheticSpeckle.enl(out, W, n, n, W - n, H - n) / enlIn;
                assertEquals(n * n, gain, 0.15 * n * n, "Boxcar " + n + "x" + n + " ENL gain, L=" + looks);
                assertMeanKept("Boxcar", in, out, 0.01);
            }
        }
    }

    @Test
    void adaptiveFiltersKeepMeanAndRaiseEnl() {
        for (int li = 0; li < 2; li++) {
            int looks = li == 0 ? 1 : 4;
            float[] in = SyntheticSpeckle.homogeneous(W, H, MU, looks, 12 + looks);
            double enlIn = SyntheticSpeckle.enl(in, W, 0, 0, W, H);
            assertEquals(looks, enlIn, 0.03 * looks, "generator ENL");
            for (Object[] e : EXPECTED) {
                String name = (String) e[0];
                double minGain = (Double) e[1 + 2 * li], maxBias = (Double) e[2 + 2 * li];
                float[] out = filter(SpeckleParameters.defaults().withFilter(name), looks, in);
                double gain = SyntheticSpeckle.enl(out, W, 0, 0, W, H) / enlIn;
                assertTrue(gain > minGain, name + " L=" + looks + ": ENL gain " + gain + " <= " + minGain);
                assertTrue(gain < 60, name + " L=" + looks + ": ENL gain " + gain + " beyond any 7x7 window");
                assertMeanKept(name + " L=" + looks, in, out, maxBias);
            }
        }
    }

    @Test
    void medianFollowsOrderStatisticOfExponentialSpeckle() {
        float[] in = SyntheticSpeckle.homogeneous(W, H, MU, 1, 21);
        float[] out = filter(SpeckleParameters.defaults().withFilter("Median"), 1, in);
        double expected = 1.0 / 9 + 1.0 / 8 + 1.0 / 7 + 1.0 / 6 + 1.0 / 5;
        double ratio = SyntheticSpeckle.mean(out, W, 1, 1, W - 1, H - 1) / SyntheticSpeckle.mean(in, W, 0, 0, W, H);
        assertEquals(expected, ratio, 0.01 * expected, "median of 9 exponentials");
        double gain = SyntheticSpeckle.enl(out, W, 1, 1, W - 1, H - 1) / SyntheticSpeckle.enl(in, W, 0, 0, W, H);
        assertTrue(gain > 3.3, "Median ENL gain " + gain);
    }

    @Test
    void noneLeavesTheImageUnchanged() {
        float[] in = SyntheticSpeckle.homogeneous(64, 48, MU, 1, 5);
        float[] out = new float[in.length];
        SpeckleFilters.create(SpeckleParameters.defaults().withFilter("None"), null).filter(in, 64, 48, 0, 0, out, 64, 48);
        org.junit.jupiter.api.Assertions.assertArrayEquals(in, out);
    }

    private static float[] filter(SpeckleParameters p, int looks, float[] in) {
        SpeckleFilter f = SpeckleFilters.create(p.withEnl(looks), SceneStatistics.measure(in, W, H));
        return SyntheticSpeckle.filterWhole(f, in, W, H);
    }

    private static void assertMeanKept(String name, float[] in, float[] out, double tolerance) {
        double mIn = SyntheticSpeckle.mean(in, W, 0, 0, W, H), mOut = SyntheticSpeckle.mean(out, W, 0, 0, W, H);
        assertEquals(1.0, mOut / mIn, tolerance, name + ": mean " + mOut + " vs input " + mIn);
    }
}
