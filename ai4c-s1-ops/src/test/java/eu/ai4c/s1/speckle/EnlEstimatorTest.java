package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ENL estimation: on pure L-look speckle the estimate is within 8 % of L (the median of the block
 * ratios sits a few percent below their mean, measured +5 % at L = 1 and +2 % at L = 4); texture in
 * part of the scene (here a third of it) barely moves the median.
 */
class EnlEstimatorTest {

    @Test
    void estimatesLooksOfHomogeneousSpeckle() {
        for (int looks : new int[] {1, 2, 4, 8}) {
            float[] v = SyntheticSpeckle.homogeneous(512, 512, 0.03, looks, 40 + looks);
            double enl = EnlEstimator.estimate(v, 512, 512);
            assertEquals(looks, enl, 0.08 * looks, "L=" + looks);
            assertTrue(enl >= looks * 0.99, "the median-based estimate leans high: " + enl);
        }
    }

    @Test
    void robustToTexturedPartOfScene() {
        int w = 384, h = 384, looks = 4;
        float[] v = SyntheticSpeckle.homogeneous(w, h, 1.0, looks, 3);
        Random random = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 3; x++) {
                // gamma texture of order 2 multiplying the speckle (K-distributed clutter)
                v[y * w + x] *= (float) SyntheticSpeckle.speckle(random, 2);
            }
        }
        double enl = EnlEstimator.estimate(v, w, h);
        assertEquals(looks, enl, 0.15 * looks, "estimate " + enl);
    }

    @Test
    void noDataBlocksAreSkippedAndEmptyGivesNaN() {
        float[] v = SyntheticSpeckle.homogeneous(64, 64, 1.0, 2, 9);
        for (int i = 0; i < v.length; i += 9) v[i] = Float.NaN;  // every 8x8 block has a hole
        assertTrue(Double.isNaN(EnlEstimator.estimate(v, 64, 64)));
        EnlEstimator e = new EnlEstimator();
        e.add(SyntheticSpeckle.homogeneous(16, 16, 1.0, 2, 9), 16, 16);
        assertEquals(4, e.blocks());
    }
}
