package eu.ai4c.cd.cva;

/**
 * The change vector of one pixel set: per band, the difference between the radiometrically
 * normalised image 2 ({@code (x2 − offset)/gain}) and image 1, divided by the band's standard
 * deviation of differences over invariant pixels. Its magnitude (Euclidean norm, in those
 * normalised units) and its angle to a reference direction (degrees, 0…180) describe the
 * change. Under no change the normalised components are about standard normal, so the squared
 * magnitude follows χ² with one degree of freedom per band. Pure kernel, immutable, thread-safe.
 */
public final class ChangeVector {
    private final double[] gains;
    private final double[] offsets;
    private final double[] invStd;
    private final double[] unitReference;

    /**
     * @param gains     per-band gain of image 2 against image 1
     * @param offsets   per-band offset
     * @param std       per-band standard deviation of the normalised difference (positive)
     * @param reference reference direction, one component per band, not all zero
     */
    public ChangeVector(double[] gains, double[] offsets, double[] std, double[] reference) {
        int nb = gains.length;
        if (offsets.length != nb || std.length != nb || reference.length != nb) {
            throw new IllegalArgumentException("gains, offsets, std and reference must have one value per band");
        }
        double norm = 0;
        for (double r : reference) norm += r * r;
        if (!(norm > 0)) throw new IllegalArgumentException("the reference vector is zero");
        this.gains = gains.clone();
        this.offsets = offsets.clone();
        this.invStd = new double[nb];
        this.unitReference = new double[nb];
        for (int b = 0; b < nb; b++) {
            invStd[b] = std[b] > 0 ? 1 / std[b] : 0;
            unitReference[b] = reference[b] / Math.sqrt(norm);
        }
    }

    public int bandCount() {
        return gains.length;
    }

    /**
     * Magnitude and angle of n pixels. {@code x1[b]}, {@code x2[b]} hold band b; a pixel with a
     * NaN in any band gets NaN magnitude and angle.
     *
     * @param magnitude out: normalised magnitude
     * @param angle     out: angle to the reference in degrees (0 for a zero vector)
     */
    public void compute(float[][] x1, float[][] x2, int n, float[] magnitude, float[] angle) {
        int nb = gains.length;
        for (int i = 0; i < n; i++) {
            double m2 = 0, dot = 0;
            for (int b = 0; b < nb; b++) {
                double d = ((x2[b][i] - offsets[b]) / gains[b] - x1[b][i]) * invStd[b];
                m2 += d * d;
                dot += d * unitReference[b];
            }
            if (Double.isNaN(m2)) {
                magnitude[i] = Float.NaN;
                angle[i] = Float.NaN;
                continue;
            }
            double m = Math.sqrt(m2);
            magnitude[i] = (float) m;
            angle[i] = m > 0 ? (float) Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / m)))) : 0f;
        }
    }
}
