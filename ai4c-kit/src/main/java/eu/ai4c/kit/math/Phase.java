package eu.ai4c.kit.math;

/**
 * Sine and cosine of a phase in radians for the per-pixel phase rotations of interferometry
 * (deramping, reramping, removing the reference phase), several times faster than
 * {@link Math#sin}/{@link Math#cos}: the phase is reduced to the nearest of 4096 table angles
 * k·2π/4096 and a remainder |r| ≤ π/4096, and sin(a + r) = sin a·cos r + cos a·sin r with cos r
 * and sin r from their Taylor series to r⁴ and r³ (truncation below 1e-17). The error is that of
 * the reduction, about |φ|·2⁻⁵² (1e-12 rad at φ = 10⁴ rad, far below the phase errors of any
 * geometry). NaN and infinite phases give NaN. Pure functions; thread-safe.
 */
public final class Phase {
    private static final int STEPS = 4096;
    private static final double PER_RADIAN = STEPS / (2 * Math.PI), RADIANS_PER_STEP = 2 * Math.PI / STEPS;
    private static final double[] SIN = new double[STEPS], COS = new double[STEPS];

    static {
        for (int k = 0; k < STEPS; k++) {
            SIN[k] = Math.sin(k * RADIANS_PER_STEP);
            COS[k] = Math.cos(k * RADIANS_PER_STEP);
        }
    }

    private Phase() {
    }

    /** sin φ. */
    public static double sin(double phase) {
        if (!(Math.abs(phase) < 1e15)) return Double.NaN;
        double x = phase * PER_RADIAN, n = Math.rint(x);
        double r = (x - n) * RADIANS_PER_STEP, r2 = r * r;
        int k = (int) ((long) n & (STEPS - 1));
        return SIN[k] * (1 - r2 * (0.5 - r2 * (1.0 / 24))) + COS[k] * (r * (1 - r2 * (1.0 / 6)));
    }

    /** cos φ. */
    public static double cos(double phase) {
        if (!(Math.abs(phase) < 1e15)) return Double.NaN;
        double x = phase * PER_RADIAN, n = Math.rint(x);
        double r = (x - n) * RADIANS_PER_STEP, r2 = r * r;
        int k = (int) ((long) n & (STEPS - 1));
        return COS[k] * (1 - r2 * (0.5 - r2 * (1.0 / 24))) - SIN[k] * (r * (1 - r2 * (1.0 / 6)));
    }
}
