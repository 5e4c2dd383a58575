package eu.ai4c.kit.render;

/**
 * A linear contrast stretch: values at or below {@code low} map to the first colour of a ramp,
 * values at or above {@code high} to the last. Immutable value.
 *
 * @param low  value mapped to 0 (sample units)
 * @param high value mapped to 1 (sample units); {@code high > low} except for a constant band
 */
public record Stretch(double low, double high) {
    /** Default lower percentile of a quick-look stretch. */
    public static final double DEFAULT_LOW_PERCENT = 2;
    /** Default upper percentile of a quick-look stretch. */
    public static final double DEFAULT_HIGH_PERCENT = 98;

    /**
     * The stretch between two percentiles of a histogram; a constant band (or one without valid
     * samples) gets the unit interval around its value so that the mapping stays defined.
     */
    public static Stretch ofPercentiles(BandHistogram histogram, double lowPercent, double highPercent) {
        double lo = histogram.percentile(Math.min(lowPercent, highPercent));
        double hi = histogram.percentile(Math.max(lowPercent, highPercent));
        if (Double.isNaN(lo)) return new Stretch(0, 1);
        if (!(hi > lo)) return new Stretch(lo - 0.5, lo + 0.5);
        return new Stretch(lo, hi);
    }

    /**
     * The stretch between the exact quantiles {@code qLow} and {@code qHigh} (0 … 1) of the finite
     * samples (sorting a copy: for decimated quick-looks, where the sample count is small), widened
     * to a non-empty range for a constant band.
     *
     * @throws eu.ai4c.kit.Ai4cException when no sample is finite
     */
    public static Stretch ofSamples(float[] samples, double qLow, double qHigh) {
        float[] valid = new float[samples.length];
        int n = 0;
        for (float f : samples) if (Float.isFinite(f)) valid[n++] = f;
        if (n == 0) throw new eu.ai4c.kit.Ai4cException("Quick-look: the band has only no-data samples; nothing to show.");
        java.util.Arrays.sort(valid, 0, n);
        float lo = valid[(int) Math.floor(qLow * (n - 1))];
        float hi = valid[(int) Math.ceil(qHigh * (n - 1))];
        if (!(hi > lo)) hi = lo + Math.max(1e-6f, Math.abs(lo) * 1e-6f);
        return new Stretch(lo, hi);
    }

    /** The 2–98 % stretch. */
    public static Stretch ofPercentiles(BandHistogram histogram) {
        return ofPercentiles(histogram, DEFAULT_LOW_PERCENT, DEFAULT_HIGH_PERCENT);
    }

    /** Position of {@code v} in the stretch, clamped to 0 … 1 (NaN stays NaN). */
    public double normalise(double v) {
        double t = (v - low) / (high - low);
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }
}
