package eu.ai4c.s1.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The ground scene that both acquisitions of a synthetic repeat-pass pair image: per sub-swath, two
 * band-limited complex reflectivity fields on the reference's sampling lattice (azimuth lattice
 * rows {@code u} = reference lines from the sub-swath's first burst start, without burst
 * repetition; columns = reference samples), one shared by both dates and one independent, mixed per
 * area with the area's coherence γ: {@code s2 = γ·F₀ + √(1 − γ²)·F₁}. A field is complex white
 * Gaussian noise on the lattice filtered by a windowed sinc that keeps {@link #BAND} of the sampling
 * band in each direction, so it can be evaluated anywhere between lattice points (the secondary
 * images it at fractional reference positions). In a TOPS burst the azimuth kernel is modulated at
 * the burst's local Doppler frequency, as a focused TOPS burst's impulse response is. Areas carry
 * σ⁰ per date (planted changes) and γ. Immutable and thread-safe.
 */
final class PairScene {
    /** Kernel taps on each side of the evaluation point. */
    static final int HALF = 8;
    /** Fraction of the sampling band the fields occupy (the rest is the margin that interpolation needs). */
    static final double BAND = 0.8;
    /** First lattice column of every row: the secondary may image the lattice this far left of the reference. */
    static final int FIRST_COLUMN = -512;
    private static final int STEPS = 4096;
    private static final float[] WEIGHTS = weights();

    /**
     * A rectangle of the scene in reference lattice coordinates of one sub-swath.
     *
     * @param swath     sub-swath, 0-based
     * @param u0,u1     azimuth lattice rows [u0, u1)
     * @param x0,x1     lattice columns [x0, x1)
     * @param sigma0    σ⁰ (linear) at the first date, the reference
     * @param sigma0Second σ⁰ at the second date
     * @param coherence γ between the dates
     */
    record Area(int swath, double u0, double u1, double x0, double x1, double sigma0, double sigma0Second, double coherence) {
        boolean contains(int s, double u, double x) {
            return s == swath && u >= u0 && u < u1 && x >= x0 && x < x1;
        }
    }

    private final long seed;
    private final double backgroundSigma0, backgroundCoherence;
    private final List<Area> areas;
    private final int columns;

    PairScene(long seed, double backgroundSigma0, double backgroundCoherence, List<Area> areas, int samples) {
        this.seed = seed;
        this.backgroundSigma0 = backgroundSigma0;
        this.backgroundCoherence = backgroundCoherence;
        this.areas = List.copyOf(areas);
        this.columns = samples - 2 * FIRST_COLUMN;
    }

    /** Lattice columns per row, from {@link #FIRST_COLUMN}. */
    int columns() {
        return columns;
    }

    /** σ⁰ at a lattice point for date 0 (reference) or 1. */
    double sigma0(int swath, double u, double x, int date) {
        for (Area a : areas) {
            if (a.contains(swath, u, x)) return date == 0 ? a.sigma0() : a.sigma0Second();
        }
        return backgroundSigma0;
    }

    /** γ between the dates at a lattice point. */
    double coherence(int swath, double u, double x) {
        for (Area a : areas) {
            if (a.contains(swath, u, x)) return a.coherence();
        }
        return backgroundCoherence;
    }

    /**
     * White complex Gaussian lattice row {@code k} of field {@code field} (0 shared, 1 independent)
     * of a sub-swath, unit mean power, {@link #columns} samples interleaved (re, im). The same
     * numbers whichever product or block asks.
     */
    void latticeRow(int field, int swath, long k, float[] out) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (k * 31 + swath) * 7 + field * 0x5DEECE66DL);
        double sd = Math.sqrt(0.5);
        for (int i = 0; i < 2 * columns; i++) out[i] = (float) (r.nextGaussian() * sd);
    }

    /**
     * The {@code 2·HALF} kernel weights for a point {@code fraction} ∈ [0, 1) beyond lattice point
     * {@code a0}: weight i belongs to lattice point {@code a0 − HALF + 1 + i}.
     */
    static void weights(double fraction, float[] out) {
        double p = fraction * STEPS;
        int i0 = Math.min(STEPS - 1, (int) p);
        float t = (float) (p - i0);
        int o0 = i0 * 2 * HALF, o1 = o0 + 2 * HALF;
        for (int i = 0; i < 2 * HALF; i++) out[i] = WEIGHTS[o0 + i] + t * (WEIGHTS[o1 + i] - WEIGHTS[o0 + i]);
    }

    /**
     * Hann-windowed sinc of band {@link #BAND}, normalised so that white unit-power lattice values
     * give a unit-power field at lattice points: g(t) = B·sinc(B·t)·½(1 + cos(π·t/HALF)) / √(Σₙ g(n)²).
     */
    private static float[] weights() {
        double norm = 0;
        for (int n = -HALF; n <= HALF; n++) norm += sq(raw(n));
        norm = Math.sqrt(norm);
        float[] w = new float[(STEPS + 1) * 2 * HALF];
        for (int f = 0; f <= STEPS; f++) {
            double frac = f / (double) STEPS;
            for (int i = 0; i < 2 * HALF; i++) w[f * 2 * HALF + i] = (float) (raw(frac + HALF - 1 - i) / norm);
        }
        return w;
    }

    private static double raw(double t) {
        if (Math.abs(t) >= HALF) return 0;
        double x = Math.PI * BAND * t;
        double sinc = Math.abs(x) < 1e-12 ? 1 : Math.sin(x) / x;
        return BAND * sinc * 0.5 * (1 + Math.cos(Math.PI * t / HALF));
    }

    private static double sq(double v) {
        return v * v;
    }
}
