package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void regressionByHandAndOutlierExclusion() {
        // y = 2x + 1 + e over x = 0..19 with e = (+a, −a, −a, +a) per block of four (a = 0.1, 0.05, 0.1, 0.05, 0.1):
        // Σe = 0 and Σ(x − x̄)e = 0, so S_yy = 4·S_xx + Σe² with S_xx = 665, Σe² = 4·(3·0.01 + 2·0.0025) = 0.14;
        // plus one gross outlier
        int n = 21;
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n - 1; i++) {
            double a = (i / 4) % 2 == 0 ? 0.1 : 0.05;
            int pos = i % 4;
            x[i] = i;
            y[i] = (float) (2 * i + 1 + (pos == 0 || pos == 3 ? a : -a));
        }
        x[n - 1] = 10;
        y[n - 1] = 100;
        RadiometricNormalisation.Fit fit = RadiometricNormalisation.fit(new float[][] {x}, new float[][] {y});
        assertFalse(fit.kept()[n - 1]);
        assertEquals(n - 1, fit.keptCount());
        // reduced major axis by hand: gain = √(S_yy/S_xx) = √(4 + 0.14/665), offset = ȳ − gain·x̄ = 20 − 9.5·gain
        double gain = Math.sqrt(4 + 0.14 / 665);
        assertEquals(gain, fit.gains()[0], 1e-6);
        assertEquals(20 - 9.5 * gain, fit.offsets()[0], 1e-5);
        assertTrue(fit.iterations() >= 2);
        // difference std: (y − o)/g − x over the kept pixels, √(0.14/20)/2 = 0.0418, divided by the
        // square root of the 1-dof χ² truncation factor at 99 %
        double[] std = RadiometricNormalisation.differenceStd(new float[][] {x}, new float[][] {y}, fit);
        double factor = ChiSquare.cdf(ChiSquare.quantile(0.99, 1), 3) / 0.99;
        assertEquals(Math.sqrt(0.14 / 20) / gain / Math.sqrt(factor), std[0], 2e-4);
    }

    @Test
    void changedMajorityDoesNotDragTheLine() {
        // 30 % invariant pixels on x2 = 0.9·x1 + 0.02 with small noise, 70 % changed to an unrelated value:
        // least squares over all pixels gives a gain of about 0.3·0.9 here, and a median-centred clip keeps most of them
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int n = 20_000, nb = 2;
        float[][] x1 = new float[nb][n], x2 = new float[nb][n];
        for (int i = 0; i < n; i++) {
            boolean invariant = i % 10 < 3;
            for (int b = 0; b < nb; b++) {
                double base = 0.05 + 0.4 * r.nextDouble();
                x1[b][i] = (float) (base + 0.002 * r.nextGaussian());
                x2[b][i] = (float) (invariant ? 0.9 * (base + 0.002 * r.nextGaussian()) + 0.02 : 0.05 + 0.4 * r.nextDouble());
            }
        }
        RadiometricNormalisation.Fit fit = RadiometricNormalisation.fit(x1, x2);
        for (int b = 0; b < nb; b++) {
            assertEquals(0.9, fit.gains()[b], 0.01, "gain " + b);
            assertEquals(0.02, fit.offsets()[b], 0.003, "offset " + b);
        }
        int wrong = 0;
        for (int i = 0; i < n; i++) if (fit.kept()[i] != (i % 10 < 3)) wrong++;
        // changed pixels that land near the line by chance (a few %) may be kept
        assertTrue(wrong < 0.05 * n, "misclassified invariant pixels " + wrong);
    }

    @Test
    void changeVectorMagnitudeAndAngle() {
        ChangeVector cv = new ChangeVector(new double[] {2, 1}, new double[] {0.5, 0}, new double[] {0.5, 0.25},
                new double[] {1, 0});
        float[][] x1 = {{1, 1, 1, Float.NaN}, {0, 0, 0, 0}};
        // pixel 0: band 1 normalised (3.5 − 0.5)/2 − 1 = 0.5 → /0.5 = 1; band 2: 0.25/0.25 = 1 → |d| = √2, 45°
        // pixel 1: band 1 difference −0.5 → −1, band 2 0 → 180°; pixel 2: no change → 0, 0
        float[][] x2 = {{3.5f, 1.5f, 2.5f, 1}, {0.25f, 0, 0, 0}};
        float[] mag = new float[4], ang = new float[4];
        cv.compute(x1, x2, 4, mag, ang);
        assertEquals(Math.sqrt(2), mag[0], 1e-6);
        assertEquals(45, ang[0], 1e-4);
        assertEquals(1, mag[1], 1e-6);
        assertEquals(180, ang[1], 1e-4);
        assertEquals(0, mag[2], 1e-6);
        assertEquals(0, ang[2], 0);
        assertTrue(Float.isNaN(mag[3]) && Float.isNaN(ang[3]));
    }

    @Test
    void kMeansSeparatesBlobsAndOrdersByMagnitude() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        int n = 3000;
        float[] m = new float[n], a = new float[n];
        double[][] centres = {{20, 10}, {5, 90}, {12, 170}};
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % 3];
            m[i] = (float) (c[0] + r.nextGaussian() * 0.5);
            a[i] = (float) (c[1] + r.nextGaussian() * 3);
        }
        KMeans km = KMeans.fit(m, a, n, 3, 7);
        assertArrayEquals(new double[] {5, 12, 20}, km.centreMagnitudes(), 0.1);
        assertArrayEquals(new double[] {90, 170, 10}, km.centreAngles(), 0.5);
        assertEquals(0, km.classify(5, 90));
        assertEquals(2, km.classify(19, 15));
        // same seed → same result
        assertArrayEquals(km.centreAngles(), KMeans.fit(m, a, n, 3, 7).centreAngles(), 0);
    }

    @Test
    void sceneClassInvariance() {
        assertTrue(SceneClassification.invariant(4, 4)); // vegetation both dates
        assertTrue(SceneClassification.invariant(5, 5)); // bare soil
        assertFalse(SceneClassification.invariant(4, 5)); // class changed
        for (float c : new float[] {0, 1, 3, 6, 8, 9, 10, 11}) assertFalse(SceneClassification.invariant(c, c), "class " + c);
        assertFalse(SceneClassification.invariant(Float.NaN, Float.NaN));
    }

    @Test
    void ineligiblePixelsNeverEnterTheFit() {
        // pixels 0..9 on y = 2x, pixels 10..19 on y = 3x; only the first half eligible
        float[] x = new float[20], y = new float[20];
        boolean[] eligible = new boolean[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i % 10 + 1;
            y[i] = (i < 10 ? 2 : 3) * x[i];
            eligible[i] = i < 10;
        }
        RadiometricNormalisation.Fit fit = RadiometricNormalisation.fit(new float[][] {x}, new float[][] {y}, eligible);
        assertEquals(2, fit.gains()[0], 1e-6);
        assertEquals(0, fit.offsets()[0], 1e-5);
        assertEquals(10, fit.keptCount());
        for (int i = 10; i < 20; i++) assertFalse(fit.kept()[i]);
    }
}
