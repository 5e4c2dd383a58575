package eu.ai4c.s1.coreg;

/**
 * The interpolation kernel of complex co-registration: a 16-tap Hann-windowed sinc, tabulated at
 * 1/4096 of a sample and normalised to unit sum at every fraction (a constant stays constant). A
 * baseband SLC occupies about 80 % of its sampling band (Sentinel-1 IW: 56.5 MHz of 64.3 MHz in
 * range, 327 Hz of 486 Hz in azimuth after deramping); over that band this kernel's gain departs
 * from 1 by less than about 0.3 %, so resampling keeps the coherence of the pair. Immutable.
 */
public final class SincKernel {
    /** Taps on each side of the interpolation point. */
    public static final int HALF = 8;
    private static final int STEPS = 4096;
    private static final float[] TABLE = table();

    private SincKernel() {
    }

    /**
     * Copies the {@code 2·HALF} weights for a point {@code fraction} ∈ [0, 1) beyond a sample
     * {@code a0}; weight i belongs to sample {@code a0 − HALF + 1 + i}.
     */
    public static void weights(double fraction, float[] out) {
        int f = (int) Math.round(fraction * STEPS);
        System.arraycopy(TABLE, Math.min(STEPS, Math.max(0, f)) * 2 * HALF, out, 0, 2 * HALF);
    }

    private static float[] table() {
        float[] t = new float[(STEPS + 1) * 2 * HALF];
        double[] w = new double[2 * HALF];
        for (int f = 0; f <= STEPS; f++) {
            double frac = f / (double) STEPS, sum = 0;
            for (int i = 0; i < 2 * HALF; i++) {
                double d = frac + HALF - 1 - i;
                double x = Math.PI * d;
                double sinc = Math.abs(x) < 1e-12 ? 1 : Math.sin(x) / x;
                w[i] = Math.abs(d) >= HALF ? 0 : sinc * 0.5 * (1 + Math.cos(Math.PI * d / HALF));
                sum += w[i];
            }
            for (int i = 0; i < 2 * HALF; i++) t[f * 2 * HALF + i] = (float) (w[i] / sum);
        }
        return t;
    }
}
