package eu.ai4c.agri.unet;

/**
 * Pixel kernels shared by the patch readers of {@code extract_data} and {@code pretrain}, on bands
 * read as {@code float[band][pixel]} with no-data as NaN: which pixels are valid (no band NaN),
 * per-band sums for the mean and standard deviation, and normalisation. Pure functions.
 */
final class BandPixels {
    private BandPixels() {
    }

    /** True where no band is NaN. */
    static boolean[] validMask(float[][] v) {
        boolean[] ok = new boolean[v[0].length];
        java.util.Arrays.fill(ok, true);
        for (float[] band : v) for (int i = 0; i < ok.length; i++) if (Float.isNaN(band[i])) ok[i] = false;
        return ok;
    }

    /** Adds each band's sum and sum of squares over the valid pixels (in float64); the number of valid pixels. */
    static long accumulate(float[][] v, boolean[] ok, double[] sum, double[] sumSq) {
        for (int b = 0; b < v.length; b++) {
            double s = 0;
            double sq = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i]) {
                    s += v[b][i];
                    sq += (double) v[b][i] * v[b][i];
                }
            }
            sum[b] += s;
            sumSq[b] += sq;
        }
        long valid = 0;
        for (boolean o : ok) if (o) valid++;
        return valid;
    }

    /** {@code x[b·px + i] = (v[b][i] − mean[b]) / std[b]}, 0 at invalid pixels; true when any pixel is valid. */
    static boolean normalise(float[][] v, boolean[] ok, float[] mean, float[] std, float[] x) {
        int px = ok.length;
        boolean any = false;
        for (boolean o : ok) any |= o;
        for (int b = 0; b < v.length; b++) {
            float m = mean[b];
            float s = std[b];
            for (int i = 0; i < px; i++) x[b * px + i] = ok[i] ? (v[b][i] - m) / s : 0f;
        }
        return any;
    }
}
