package eu.ai4c.s1.calibration;

/**
 * Conversion of linear backscatter to decibels, {@code dB = 10·log10(value)}.
 * A value of 0 (e.g. fully denoised, or trimmed border) has no logarithm: it becomes the
 * caller's {@code zeroValue} — {@code NaN} to mark it no-data (the AI4C convention for float
 * outputs), or {@code Float.NEGATIVE_INFINITY} for the mathematical limit. Negative and NaN inputs
 * also become {@code zeroValue}. Stateless and thread-safe.
 */
public final class Decibel {
    private Decibel() {
    }

    /** {@code 10·log10(linear)}, or {@code zeroValue} when {@code linear ≤ 0} or NaN. */
    public static double fromLinear(double linear, double zeroValue) {
        return linear > 0 ? 10 * Math.log10(linear) : zeroValue;
    }

    /** In place or not: {@code out[i] = 10·log10(in[i])}, {@code zeroValue} for values ≤ 0 or NaN. */
    public static void fromLinear(float[] in, float[] out, int n, float zeroValue) {
        for (int i = 0; i < n; i++) {
            float v = in[i];
            out[i] = v > 0 ? (float) (10 * Math.log10(v)) : zeroValue;
        }
    }

    /** {@code 10^(dB/10)}; NaN stays NaN. */
    public static double toLinear(double db) {
        return Math.pow(10, db / 10);
    }
}
