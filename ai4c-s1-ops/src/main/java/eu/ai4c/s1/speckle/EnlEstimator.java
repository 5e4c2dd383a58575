package eu.ai4c.s1.speckle;

import java.util.Arrays;

/**
 * Estimates the equivalent number of looks (ENL) of SAR intensity from the statistics of small
 * blocks: for fully speckled homogeneous ground {@code ENL = z̄² / var(z)}. The samples are cut into
 * non-overlapping {@value #BLOCK}×{@value #BLOCK} blocks; each block wholly valid (no NaN) with a
 * positive mean gives {@code r = s² / z̄²} (unbiased sample variance); the estimate is
 * {@code 1 / median(r)}. Heterogeneous blocks (edges, texture, targets) have larger r and fall in
 * the upper half, so the median follows the homogeneous majority; on a scene mostly made of
 * texture the estimate is low, and the filters then take part of the texture for speckle and
 * smooth more. On pure L-look speckle the median of r lies slightly below its mean 1/L (r is
 * right-skewed), so the estimate is a few percent high (measured with 8×8 blocks: +5 % for L = 1,
 * +2 to 3 % for L = 4). Estimates are clamped to [{@value #MIN_ENL}, {@value #MAX_ENL}].
 *
 * <h2>Thread-safety</h2>
 * An accumulator: mutable, confined to one thread. {@link #estimate(float[], int, int)} is a
 * stateless shortcut.
 */
public final class EnlEstimator {
    /** Block side in pixels. */
    public static final int BLOCK = 8;
    public static final double MIN_ENL = 0.5;
    public static final double MAX_ENL = 1000;

    private double[] ratios = new double[256];
    private int count;

    /** ENL of one array of intensities ({@code width × height}, row-major, NaN = no-data); NaN when no block is usable. */
    public static double estimate(float[] intensity, int width, int height) {
        EnlEstimator e = new EnlEstimator();
        e.add(intensity, width, height);
        return e.estimate();
    }

    /** Adds the blocks of one window of intensities ({@code width × height}, row-major). */
    public void add(float[] intensity, int width, int height) {
        if (intensity.length < width * height) {
            throw new IllegalArgumentException(intensity.length + " samples for " + width + "x" + height);
        }
        for (int by = 0; by + BLOCK <= height; by += BLOCK) {
            blocks:
            for (int bx = 0; bx + BLOCK <= width; bx += BLOCK) {
                double s = 0, q = 0;
                for (int y = by; y < by + BLOCK; y++) {
                    for (int k = y * width + bx, e = k + BLOCK; k < e; k++) {
                        float v = intensity[k];
                        if (v != v) continue blocks;
                        s += v;
                        q += (double) v * v;
                    }
                }
                int n = BLOCK * BLOCK;
                double mean = s / n;
                if (!(mean > 0)) continue;
                double variance = Math.max(0.0, (q - s * mean) / (n - 1));
                if (count == ratios.length) ratios = Arrays.copyOf(ratios, 2 * count);
                ratios[count++] = variance / (mean * mean);
            }
        }
    }

    /** Number of usable blocks so far. */
    public int blocks() {
        return count;
    }

    /** The ENL estimate, or NaN when no block was usable. */
    public double estimate() {
        if (count == 0) return Double.NaN;
        double[] r = Arrays.copyOf(ratios, count);
        Arrays.sort(r);
        double median = (count & 1) == 1 ? r[count / 2] : 0.5 * (r[count / 2 - 1] + r[count / 2]);
        if (!(median > 0)) return MAX_ENL;
        return Math.max(MIN_ENL, Math.min(MAX_ENL, 1 / median));
    }
}
