package eu.ai4c.s1.cd;

import eu.ai4c.kit.math.Log10;

/**
 * The binary change mask of two speckle-filtered backscatters: the absolute log-ratio
 * |10·log₁₀(b₂/b₁)| in dB, thresholded by {@link MinimumErrorThreshold} on its histogram (or a
 * given threshold), optionally only where the coherence is below a limit (coherence loss), then a
 * minimum mapping unit applied to both classes ({@link SmallRegions}: isolated detections removed,
 * speckle holes in changed objects filled). Codes: 1 change,
 * 0 no change, 255 no-data.
 */
public final class ChangeMask {
    public static final byte CHANGE = 1, NO_CHANGE = 0, NO_DATA = (byte) 255;
    /** Histogram of the absolute log-ratio: 0 … 30 dB in 0.05 dB bins (larger ratios fall in the last bin). */
    static final double HISTOGRAM_MAX_DB = 30, BIN_DB = 0.05;

    private ChangeMask() {
    }

    /**
     * |10·log₁₀(b₂/b₁)| in dB; NaN where either is no-data or not positive. The table logarithm
     * ({@link Log10}, 1e-7 dB) keeps this per-pixel step, run over every output pixel twice (for the
     * threshold's histogram and for the mask), from costing more than the rest of the mask.
     */
    public static float[] absoluteLogRatio(float[] b1, float[] b2) {
        float[] lr = new float[b1.length];
        for (int i = 0; i < lr.length; i++) {
            float a = b1[i], b = b2[i];
            lr[i] = a > 0 && b > 0 ? (float) Math.abs(10 * (Log10.of(b) - Log10.of(a))) : Float.NaN;
        }
        return lr;
    }

    /** Histogram of valid log-ratio values for {@link MinimumErrorThreshold}; adds into {@code counts}. */
    public static void accumulate(float[] logRatio, long[] counts) {
        for (float v : logRatio) {
            if (Float.isNaN(v)) continue;
            int b = (int) (v / BIN_DB);
            counts[Math.min(counts.length - 1, Math.max(0, b))]++;
        }
    }

    /** An empty histogram of the size {@link #accumulate} expects. */
    public static long[] histogram() {
        return new long[(int) Math.round(HISTOGRAM_MAX_DB / BIN_DB)];
    }

    /** The automatic threshold in dB from a histogram made by {@link #accumulate}. */
    public static double threshold(long[] counts) {
        return MinimumErrorThreshold.threshold(counts, 0, BIN_DB);
    }

    /**
     * @param coherence      γ per pixel, or null to use the log-ratio only
     * @param coherenceLimit a pixel counts as changed only where γ is below this (ignored without coherence)
     */
    public static byte[] classify(float[] logRatio, double thresholdDb, float[] coherence, double coherenceLimit) {
        byte[] mask = new byte[logRatio.length];
        for (int i = 0; i < mask.length; i++) {
            float v = logRatio[i];
            if (Float.isNaN(v) || (coherence != null && Float.isNaN(coherence[i]))) {
                mask[i] = NO_DATA;
            } else {
                boolean changed = v > thresholdDb && (coherence == null || coherence[i] < coherenceLimit);
                mask[i] = changed ? CHANGE : NO_CHANGE;
            }
        }
        return mask;
    }
}
