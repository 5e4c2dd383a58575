package eu.ai4c.agri.lstm;

import eu.ai4c.agri.timeseries.TimeSeriesSet;
import java.util.Random;

/**
 * Learnable synthetic crop series for tests: each class has its own phenology per band (a
 * seasonal bump with class-specific peak month, width and amplitude on a class-specific
 * reflectance level, in reflectance-like units 0–5000), plus Gaussian noise per value.
 */
final class SyntheticCrops {
    static final int TIMESTEPS = 12;
    static final int BANDS = 9;

    private final double[][] level;
    private final double[][] amplitude;
    private final double[] peak;
    private final double[] width;
    private final double noise;

    SyntheticCrops(int classes, long seed, double noise) {
        Random r = new Random(seed);
        level = new double[classes][BANDS];
        amplitude = new double[classes][BANDS];
        peak = new double[classes];
        width = new double[classes];
        for (int c = 0; c < classes; c++) {
            peak[c] = 1 + r.nextDouble() * 10;
            width[c] = 1 + r.nextDouble() * 2.5;
            for (int b = 0; b < BANDS; b++) {
                level[c][b] = 500 + r.nextDouble() * 1500;
                amplitude[c][b] = (r.nextBoolean() ? 1 : -1) * (300 + r.nextDouble() * 2000);
            }
        }
        this.noise = noise;
    }

    /** {@code perClass[c]} series of class c, shuffled with {@code seed}. */
    TimeSeriesSet sample(int[] perClass, long seed) {
        Random r = new Random(seed);
        int n = 0;
        for (int p : perClass) n += p;
        int[] labels = new int[n];
        for (int c = 0, i = 0; c < perClass.length; c++) {
            for (int j = 0; j < perClass[c]; j++) labels[i++] = c;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        float[] v = new float[n * TIMESTEPS * BANDS];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            double shift = r.nextGaussian() * 0.5; // sowing date varies by field
            for (int t = 0; t < TIMESTEPS; t++) {
                double d = (t - peak[c] - shift) / width[c];
                double bump = Math.exp(-0.5 * d * d);
                for (int b = 0; b < BANDS; b++) {
                    v[(i * TIMESTEPS + t) * BANDS + b] = (float) (level[c][b] + amplitude[c][b] * bump
                            + noise * r.nextGaussian());
                }
            }
        }
        return new TimeSeriesSet(v, labels, n, TIMESTEPS, BANDS);
    }

    static int[] uniform(int classes, int each) {
        int[] p = new int[classes];
        java.util.Arrays.fill(p, each);
        return p;
    }
}
