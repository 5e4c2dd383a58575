package eu.ai4c.agri.lstm;

import eu.ai4c.agri.timeseries.TimeSeriesSet;

/**
 * Per-band normalisation of pixel time series: mean and (population) standard deviation of each
 * band over all series and steps of the training set; {@code x' = (x - mean) / std}. A band of
 * constant value gets std 1 so it maps to 0 instead of dividing by zero. Stateless.
 */
final class Normalisation {
    private Normalisation() {
    }

    /** {mean[bands], std[bands]} of {@code set}. */
    static float[][] of(TimeSeriesSet set) {
        int b = set.bands();
        double[] sum = new double[b];
        double[] sq = new double[b];
        float[] v = set.values();
        // two passes for accuracy: mean first, then squared deviations
        for (int i = 0; i < v.length; i++) sum[i % b] += v[i];
        long count = (long) set.count() * set.timesteps();
        float[] mean = new float[b];
        for (int j = 0; j < b; j++) mean[j] = (float) (sum[j] / count);
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - mean[i % b];
            sq[i % b] += d * d;
        }
        float[] std = new float[b];
        for (int j = 0; j < b; j++) {
            double s = Math.sqrt(sq[j] / count);
            std[j] = s > 1e-6 * Math.max(1.0, Math.abs(mean[j])) ? (float) s : 1f;
        }
        return new float[][] {mean, std};
    }

    /** A normalised copy of {@code set}'s values. */
    static float[] apply(TimeSeriesSet set, float[] mean, float[] std) {
        float[] v = set.values();
        int b = set.bands();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int j = i % b;
            out[i] = (v[i] - mean[j]) / std[j];
        }
        return out;
    }

    /**
     * The normalisation as one multiply-add per value for the forward passes,
     * {@code x' = x·scale + shift} with {@code scale = 1/std}, {@code shift = -mean/std}:
     * {scale[bands], shift[bands]}.
     */
    static float[][] multiplyAdd(float[] mean, float[] std) {
        int b = mean.length;
        float[] scale = new float[b];
        float[] shift = new float[b];
        for (int i = 0; i < b; i++) {
            scale[i] = 1f / std[i];
            shift[i] = -mean[i] / std[i];
        }
        return new float[][] {scale, shift};
    }
}
