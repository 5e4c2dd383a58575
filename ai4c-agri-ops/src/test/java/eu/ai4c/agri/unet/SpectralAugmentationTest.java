package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SpectralAugmentation}: shapes, seeding, and the bounds of its radiometric changes. */
class SpectralAugmentationTest {
    private static final int BANDS = 4;
    private static final int SIZE = 32;

    @Test
    void viewsKeepTheShapeAndDependOnlyOnTheGeneratorState() {
        float[] x = random(3, 1);
        float[] meanOverStd = {2.5f, 3f, 1.5f, 4f};
        float[] a = new float[2 * BANDS * SIZE * SIZE];
        float[] b = new float[a.length];
        SplittableRandom ra = new SplittableRandom(5);
        SplittableRandom rb = new SplittableRandom(5);
        for (int slot = 0; slot < 2; slot++) {
            SpectralAugmentation.view(x, 2, BANDS, SIZE, meanOverStd, a, slot, ra);
            SpectralAugmentation.view(x, 2, BANDS, SIZE, meanOverStd, b, slot, rb);
        }
        assertArrayEquals(a, b, 0f, "same seed, same views");
        for (float v : a) assertTrue(Float.isFinite(v));
        float[] first = Arrays.copyOfRange(a, 0, BANDS * SIZE * SIZE);
        float[] second = Arrays.copyOfRange(a, BANDS * SIZE * SIZE, a.length);
        assertFalse(Arrays.equals(first, second), "two draws of one patch differ");
        float[] c = new float[a.length];
        SpectralAugmentation.view(x, 2, BANDS, SIZE, meanOverStd, c, 0, new SplittableRandom(6));
        assertFalse(Arrays.equals(first, Arrays.copyOfRange(c, 0, first.length)), "another seed, another view");
        // the source patches are left alone
        assertArrayEquals(random(3, 1), x, 0f);
    }

    /**
     * A band of constant normalised value v stays constant under crop and symmetries; brightness
     * makes it g·v + (g - 1)·mean/std with |g - 1| ≤ 0.05; contrast leaves a constant alone; noise
     * adds 0.02 σ per pixel (bound: 6 σ). A dropped band is 0. Over 200 views every band must
     * stay within those bounds, and the dropout rate is near its probability 0.2.
     */
    @Test
    void radiometricChangesStayWithinAFewPercent() {
        float[] values = {1.5f, -0.5f, 0f, 2f};
        float[] meanOverStd = {2.5f, 3f, 1.5f, 4f};
        float[] x = new float[BANDS * SIZE * SIZE];
        for (int b = 0; b < BANDS; b++) Arrays.fill(x, b * SIZE * SIZE, (b + 1) * SIZE * SIZE, values[b]);
        float[] out = new float[x.length];
        SplittableRandom rng = new SplittableRandom(11);
        int dropped = 0;
        int views = 200;
        for (int v = 0; v < views; v++) {
            SpectralAugmentation.view(x, 0, BANDS, SIZE, meanOverStd, out, 0, rng);
            for (int b = 0; b < BANDS; b++) {
                int from = b * SIZE * SIZE;
                boolean zero = true;
                for (int i = 0; i < SIZE * SIZE; i++) zero &= out[from + i] == 0f;
                if (zero) {
                    dropped++;
                    continue;
                }
                double bound = SpectralAugmentation.BRIGHTNESS * (Math.abs(values[b]) + meanOverStd[b])
                        + 6 * SpectralAugmentation.NOISE + 1e-5;
                double sum = 0;
                for (int i = 0; i < SIZE * SIZE; i++) {
                    assertEquals(values[b], out[from + i], bound, "band " + b + " view " + v);
                    sum += out[from + i];
                }
                // the per-view offset is one value for the whole band: the band mean moves by it alone
                double shift = sum / (SIZE * SIZE) - values[b];
                assertTrue(Math.abs(shift) <= SpectralAugmentation.BRIGHTNESS * (Math.abs(values[b]) + meanOverStd[b])
                        + 6 * SpectralAugmentation.NOISE / SIZE + 1e-5, "band mean shift " + shift);
            }
        }
        double rate = (double) dropped / views;
        assertTrue(rate > 0.1 && rate < 0.3, "band dropout rate " + rate + " for probability 0.2");
    }

    private static float[] random(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * BANDS * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }
}
