package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangeMaskTest {

    /** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /**
     * Two well separated Gaussian classes (means 1 and 6, deviations 0.5 and 1, priors 0.9 and 0.1),
     * as exact expected bin counts. The minimum-error threshold must lie at the Bayes decision point
     * p₁N(x; 1, 0.5) = p₂N(x; 6, 1), found here by solving that quadratic. Kittler–Illingworth fits
     * Gaussians to the truncated parts of the histogram; with the classes 5 deviations apart the
     * truncated tails hold under 1e-4 of either class, so the fit is nearly exact and a tolerance of
     * two bins (0.1) is enough.
     */
    @Test
    void thresholdIsTheBayesDecisionPointOfAGaussianMixture() {
        double m1 = 1, s1 = 0.5, p1 = 0.9, m2 = 6, s2 = 1, p2 = 0.1, bin = 0.05;
        long[] counts = new long[300];
        for (int b = 0; b < counts.length; b++) {
            double lo = b * bin, hi = lo + bin;
            double mass = p1 * (phi((hi - m1) / s1) - phi((lo - m1) / s1)) + p2 * (phi((hi - m2) / s2) - phi((lo - m2) / s2));
            counts[b] = Math.round(1e8 * mass);
        }
        // ln p1 − ln s1 − (x−m1)²/2s1² = ln p2 − ln s2 − (x−m2)²/2s2²  →  a x² + b x + c = 0
        double a = 1 / (2 * s2 * s2) - 1 / (2 * s1 * s1);
        double bq = m1 / (s1 * s1) - m2 / (s2 * s2);
        double c = m2 * m2 / (2 * s2 * s2) - m1 * m1 / (2 * s1 * s1) + Math.log(p1 / s1) - Math.log(p2 / s2);
        double root = (-bq - Math.sqrt(bq * bq - 4 * a * c)) / (2 * a);
        if (root < m1 || root > m2) root = (-bq + Math.sqrt(bq * bq - 4 * a * c)) / (2 * a);
        assertTrue(root > m1 && root < m2, "Bayes point between the means: " + root);
        assertEquals(root, MinimumErrorThreshold.threshold(counts, 0, bin), 0.1);
    }

    @Test
    void noSplitWithoutTwoSpreadClasses() {
        long[] one = new long[10];
        one[4] = 1000;
        assertTrue(Double.isNaN(MinimumErrorThreshold.threshold(one, 0, 1)));
    }

    /**
     * A pair of 16-look backscatter images (gamma speckle, as after a speckle filter) with planted
     * changes of ±6 dB: the automatic threshold, then a minimum mapping unit of 9 pixels, finds at
     * least 95 % of the changed pixels and flags under 1 % of the unchanged ones. (The threshold
     * alone cannot: the log-ratio of two 16-look images spreads by about 1.6 dB, so a 6 dB change
     * falls below a 3.6 dB threshold for 6 % of its pixels, scattered as holes.)
     */
    @Test
    void plantedChangesAreFoundWithFewFalseAlarms() {
        int w = 300, h = 200, looks = 16;
        SplittableRandom r = new SplittableRandom(42);
        float[] b1 = new float[w * h], b2 = new float[w * h];
        boolean[] planted = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double level = 0.05 + 0.1 * (x / (double) w);
                double change = 1;
                if (x >= 40 && x < 80 && y >= 30 && y < 70) change = 4; // a new building: +6 dB
                if (x >= 200 && x < 260 && y >= 120 && y < 150) change = 0.25; // a ship gone: −6 dB
                planted[i] = change != 1;
                b1[i] = (float) (level * gammaLooks(r, looks));
                b2[i] = (float) (level * change * gammaLooks(r, looks));
            }
        }
        b1[7] = Float.NaN;
        float[] lr = ChangeMask.absoluteLogRatio(b1, b2);
        long[] hist = ChangeMask.histogram();
        ChangeMask.accumulate(lr, hist);
        double t = ChangeMask.threshold(hist);
        assertTrue(t > 0.5 && t < 6, "threshold " + t + " dB");
        byte[] mask = ChangeMask.classify(lr, t, null, 0);
        SmallRegions.apply(mask, w, h, 9);
        long hits = 0, changed = 0, falseAlarms = 0, unchanged = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == ChangeMask.NO_DATA) continue;
            if (planted[i]) {
                changed++;
                if (mask[i] == ChangeMask.CHANGE) hits++;
            } else {
                unchanged++;
                if (mask[i] == ChangeMask.CHANGE) falseAlarms++;
            }
        }
        assertEquals(ChangeMask.NO_DATA, mask[7]);
        assertTrue(hits >= 0.95 * changed, "detected " + hits + " of " + changed + " (threshold " + t + " dB)");
        assertTrue(falseAlarms < 0.01 * unchanged, "false alarms " + falseAlarms + " of " + unchanged + " (threshold " + t + " dB)");
    }

    /** Mean-one gamma variate of {@code looks} looks: the mean of that many unit exponentials. */
    static double gammaLooks(SplittableRandom r, int looks) {
        double s = 0;
        for (int k = 0; k < looks; k++) s -= Math.log(1 - r.nextDouble());
        return s / looks;
    }

    @Test
    void smallRegionsGoLargeOnesStayWithDiagonalNeighbours() {
        int w = 20, h = 10;
        byte[] m = new byte[w * h];
        m[1 * w + 1] = ChangeMask.CHANGE; // single pixel
        for (int k = 0; k < 4; k++) m[(2 + k) * w + 5 + k] = ChangeMask.CHANGE; // diagonal line of 4
        for (int y = 4; y < 7; y++) for (int x = 12; x < 14; x++) m[y * w + x] = ChangeMask.CHANGE; // 6 pixels
        m[0] = ChangeMask.NO_DATA;
        int removed = SmallRegions.remove(m, w, h, 5);
        assertEquals(5, removed);
        byte[] holed = new byte[w * h];
        for (int y = 2; y < 8; y++) for (int x = 2; x < 8; x++) holed[y * w + x] = ChangeMask.CHANGE;
        holed[4 * w + 4] = ChangeMask.NO_CHANGE; // a speckle hole inside a changed object
        assertEquals(1, SmallRegions.apply(holed, w, h, 5));
        assertEquals(ChangeMask.CHANGE, holed[4 * w + 4]);
        assertEquals(ChangeMask.NO_CHANGE, holed[0], "the large unchanged background stays");
        assertEquals(ChangeMask.NO_CHANGE, m[w + 1]);
        assertEquals(ChangeMask.NO_CHANGE, m[2 * w + 5]);
        assertEquals(ChangeMask.CHANGE, m[5 * w + 13]);
        assertEquals(ChangeMask.NO_DATA, m[0]);
        assertEquals(0, SmallRegions.remove(m, w, h, 1));
    }
}
