package eu.ai4c.s1.cd;

/**
 * The byte bands of the ACD and MTC colour composites. A backscatter band is stretched linearly
 * between two percentiles of its valid values over the whole output (2.5 and 97.5 by default: the
 * specification's "2.5 and 7.5" read as 97.5, since a 7.5th-percentile maximum would saturate
 * almost every pixel); coherence maps (0, 1) → (0, 255). No-data becomes 0.
 * ACD: R = backscatter 1, G = backscatter 2, B = backscatter 2. MTC: R = backscatter 1,
 * G = backscatter 2, B = coherence.
 */
public final class ColourComposite {
    public static final double DEFAULT_LOW_PERCENTILE = 2.5, DEFAULT_HIGH_PERCENTILE = 97.5;

    private ColourComposite() {
    }

    /** round(255 · (v − low) / (high − low)), clamped to 0 … 255; NaN → 0. */
    public static byte[] stretch(float[] values, double low, double high) {
        byte[] out = new byte[values.length];
        double scale = high > low ? 255 / (high - low) : 0;
        for (int i = 0; i < out.length; i++) {
            float v = values[i];
            if (Float.isNaN(v)) continue;
            long b = Math.round((v - low) * scale);
            out[i] = (byte) (b < 0 ? 0 : b > 255 ? 255 : b);
        }
        return out;
    }

    /** Coherence (0, 1) → (0, 255). */
    public static byte[] coherence(float[] gamma) {
        return stretch(gamma, 0, 1);
    }
}
