package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Boxcar, Lee and Median kernels against naive double-precision references that loop over each
 * (clipped) window directly, on a small random array with no-data holes, an asymmetric window and an
 * output window offset inside the source window.
 *
 * <p>Tolerance 1e-4 relative: the kernels accumulate float inputs in double as the references do, but in
 * another order (column sums first), and round the result to float once (relative error ≤ 6e-8). The
 * Lee weight {@code (var − z̄²/L)/(1 + 1/L)/var} subtracts nearly equal numbers where var ≈ z̄²/L,
 * which can amplify the 1e-16 summation differences by the ratio var/|var − z̄²/L|, still far below 1e-4
 * for any window not exactly at the threshold.</p>
 */
class SpeckleKernelReferenceTest {
    private static final int SW = 23;
    private static final int SH = 17;
    private static final int SX = 5;
    private static final int SY = 3;

    @Test
    void boxcarMatchesReference() {
        check("Boxcar", new BoxcarFilter(SX, SY), (src, x, y) -> {
            double[] w = window(src, x, y);
            return Arrays.stream(w).average().orElse(Double.NaN);
        });
    }

    @Test
    void leeMatchesReference() {
        double looks = 1.7;
        check("Lee", new LeeFilter(SX, SY, looks), (src, x, y) -> {
            double[] w = window(src, x, y);
            double m = Arrays.stream(w).average().orElseThrow();
            double var = Arrays.stream(w).map(v -> (v - m) * (v - m)).sum() / w.length;
            double s2 = 1 / looks;
            double b = var == 0 ? 0 : (var - m * m * s2) / (1 + s2) / var;
            b = Math.max(0, Math.min(1, b));
            return m + b * (src[y * SW + x] - m);
        });
    }

    @Test
    void medianMatchesReference() {
        check("Median", new MedianFilter(SX, SY), (src, x, y) -> {
            double[] w = window(src, x, y);
            Arrays.sort(w);
            int n = w.length;
            return n % 2 == 1 ? w[n / 2] : 0.5 * (w[n / 2 - 1] + w[n / 2]);
        });
    }

    @Test
    void medianSelectionHandlesTiesAndSmallArrays() {
        Random random = new Random(4);
        for (int n = 1; n < 40; n++) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = random.nextInt(5);
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertEquals(expected, MedianFilter.median(a, n), 0.0, "n=" + n);
        }
    }

    @Test
    void branchFreeSigmaRangeTestAgreesWithComparisons() {
        Random random = new Random(8);
        float[] special = {0f, Float.MIN_VALUE, 1e-38f, 1f, 2f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN,
            -1f, Math.nextUp(1f), Math.nextDown(2f)};
        for (int k = 0; k < 200_000; k++) {
            float lo = k < 1000 ? 1f : (float) random.nextDouble() * 3;
            float hi = k < 1000 ? 2f : lo * (float) (1 + 4 * random.nextDouble());
            float v = k < 1000 ? special[k % special.length] : (float) (random.nextDouble() * 8);
            if (k % 97 == 0) v = lo;
            if (k % 89 == 0) v = hi;
            int want = (v >= lo && v <= hi) ? 1 : 0;
            assertEquals(want, LeeSigmaFilter.inRange(v, lo, hi), "v=" + v + " in [" + lo + ", " + hi + "]");
        }
    }

    interface Reference {
        double at(float[] src, int x, int y);
    }

    private static void check(String name, SpeckleFilter f, Reference ref) {
        Random random = new Random(31);
        float[] src = new float[SW * SH];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) (3 * SyntheticSpeckle.speckle(random, 1) * (1 + (i % 7)));
            if (random.nextDouble() < 0.08) src[i] = Float.NaN;
        }
        // whole array, then an inner output window of a larger source window
        int[][] windows = {{0, 0, SW, SH}, {2, 3, 15, 10}};
        int compared = 0;
        for (int[] win : windows) {
            int offX = win[0], offY = win[1], dw = win[2], dh = win[3];
            float[] dst = new float[dw * dh];
            f.filter(src, SW, SH, offX, offY, dst, dw, dh);
            for (int j = 0; j < dh; j++) {
                for (int i = 0; i < dw; i++) {
                    int x = offX + i, y = offY + j;
                    float got = dst[j * dw + i];
                    if (Float.isNaN(src[y * SW + x])) {
                        assertTrue(Float.isNaN(got), name + " NaN stays NaN at " + x + "," + y);
                        continue;
                    }
                    double want = ref.at(src, x, y);
                    assertEquals(want, got, 1e-4 * Math.abs(want) + 1e-30, name + " at " + x + "," + y);
                    compared++;
                }
            }
        }
        assertTrue(compared > 400, "compared " + compared);
    }

    /** Valid samples of the clipped SX × SY window around (x, y). */
    private static double[] window(float[] src, int x, int y) {
        double[] w = new double[SX * SY];
        int n = 0;
        for (int yy = y - (SY - 1) / 2; yy <= y + SY / 2; yy++) {
            for (int xx = x - (SX - 1) / 2; xx <= x + SX / 2; xx++) {
                if (xx < 0 || yy < 0 || xx >= SW || yy >= SH) continue;
                float v = src[yy * SW + xx];
                if (!Float.isNaN(v)) w[n++] = v;
            }
        }
        return Arrays.copyOf(w, n);
    }
}
