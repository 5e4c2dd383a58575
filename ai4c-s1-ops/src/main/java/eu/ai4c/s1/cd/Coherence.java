package eu.ai4c.s1.cd;

import eu.ai4c.kit.math.Phase;

/**
 * Interferometric coherence of two co-registered complex images over a sliding window:
 * γ = |Σ s1·s2*·e^(−iφ)| / √(Σ|s1|² · Σ|s2|²), φ the reference (flat-earth and topographic) phase
 * removed from the interferogram first. The window is centred, {@code azimuthWindow} lines by
 * {@code rangeWindow} samples, and shrinks at the borders; no-data (NaN) samples are left out of
 * the sums. Values lie in [0, 1]; NaN where the window holds no valid sample. Separable running
 * sums: O(1) per pixel whatever the window.
 */
public final class Coherence {

    private Coherence() {
    }

    /**
     * @param s1            reference image, complex samples interleaved (re, im), {@code 2·width·height}
     * @param s2            secondary image on the same grid, same layout
     * @param phase         reference phase to remove (radians, {@code width·height}), or null
     * @param azimuthWindow window lines (SNAP 13's default: 10)
     * @param rangeWindow   window samples (SNAP 13's default: 10)
     * @return γ, {@code width·height}
     */
    public static float[] estimate(float[] s1, float[] s2, float[] phase, int width, int height,
                                   int azimuthWindow, int rangeWindow) {
        int n = width * height;
        if (s1.length < 2 * n || s2.length < 2 * n || (phase != null && phase.length < n)) {
            throw new IllegalArgumentException("Coherence: arrays shorter than " + width + "×" + height);
        }
        if (azimuthWindow < 1 || rangeWindow < 1) {
            throw new IllegalArgumentException("Coherence: window " + azimuthWindow + "×" + rangeWindow + " must be at least 1×1");
        }
        // per pixel: the cross product (re, im), both powers and whether it counts
        double[] cr = new double[n], ci = new double[n], p1 = new double[n], p2 = new double[n];
        for (int i = 0; i < n; i++) {
            double a = s1[2 * i], b = s1[2 * i + 1], c = s2[2 * i], d = s2[2 * i + 1];
            if (Double.isNaN(a + b + c + d) || (phase != null && Float.isNaN(phase[i]))) continue;
            // s1·conj(s2) = (a + ib)(c − id)
            double re = a * c + b * d, im = b * c - a * d;
            if (phase != null) {
                double cos = Phase.cos(phase[i]), sin = Phase.sin(phase[i]);
                double r = re * cos + im * sin;
                im = im * cos - re * sin;
                re = r;
            }
            cr[i] = re;
            ci[i] = im;
            p1[i] = a * a + b * b;
            p2[i] = c * c + d * d;
        }
        double[] row = new double[Math.max(width, height) + 1];
        for (double[] plane : new double[][] {cr, ci, p1, p2}) {
            boxSum(plane, width, height, rangeWindow, azimuthWindow, row);
        }
        float[] gamma = new float[n];
        for (int i = 0; i < n; i++) {
            double denominator = Math.sqrt(p1[i] * p2[i]);
            if (!(denominator > 0)) {
                gamma[i] = Float.NaN;
                continue;
            }
            double g = Math.sqrt(cr[i] * cr[i] + ci[i] * ci[i]) / denominator; // sums of float products: no overflow for hypot to guard
            gamma[i] = (float) Math.min(1.0, g); // Cauchy–Schwarz bounds it by 1; rounding may not
        }
        return gamma;
    }

    /**
     * In-place centred box sum, first along rows (window {@code wx}, prefix sums), then along columns
     * (window {@code wy}): a running sum per column, moved down row by row, so that the column pass
     * also reads memory in row order; the rows it must subtract after overwriting them are kept in a
     * ring of {@code wy + 1} rows.
     */
    static void boxSum(double[] v, int width, int height, int wx, int wy, double[] prefix) {
        int bx = wx / 2, ax = wx - 1 - bx, by = wy / 2, ay = wy - 1 - by;
        for (int y = 0; y < height; y++) {
            int o = y * width;
            prefix[0] = 0;
            for (int x = 0; x < width; x++) prefix[x + 1] = prefix[x] + v[o + x];
            for (int x = 0; x < width; x++) {
                v[o + x] = prefix[Math.min(width, x + ax + 1)] - prefix[Math.max(0, x - bx)];
            }
        }
        int ringRows = wy + 1;
        double[] sum = new double[width], ring = new double[ringRows * width];
        for (int r = 0; r <= Math.min(ay, height - 1); r++) {
            for (int x = 0, o = r * width; x < width; x++) sum[x] += v[o + x];
        }
        for (int y = 0; y < height; y++) {
            int o = y * width;
            if (y > 0) {
                int add = y + ay, remove = y - 1 - by;
                if (add < height) {
                    for (int x = 0, a = add * width; x < width; x++) sum[x] += v[a + x];
                }
                if (remove >= 0) {
                    for (int x = 0, q = (remove % ringRows) * width; x < width; x++) sum[x] -= ring[q + x];
                }
            }
            System.arraycopy(v, o, ring, (y % ringRows) * width, width);
            System.arraycopy(sum, 0, v, o, width);
        }
    }
}
