package eu.ai4c.cd.cva;

/**
 * Everything the statistics pass of {@code S2-CD} learns, enough to classify any pixel:
 * normalisation, change-vector geometry, threshold and the k-means classes. Immutable.
 *
 * @param bandNames      band names, in order
 * @param gains          per-band gain of image 2 against image 1
 * @param offsets        per-band offset (reflectance)
 * @param differenceStd  per-band standard deviation of the normalised difference over invariant pixels
 * @param reference      reference vector, one value per band
 * @param confidence     confidence level in percent
 * @param threshold      χ² quantile: a pixel changed when its squared magnitude exceeds it
 * @param classes        k-means on (magnitude, angle) of changed pixels; null when no pixel changed
 * @param samplePixels   valid pixels in the statistics sample
 * @param invariantPixels sample pixels kept as invariant by the regression
 */
public record CvaModel(String[] bandNames, double[] gains, double[] offsets, double[] differenceStd,
                       double[] reference, double confidence, double threshold, KMeans classes,
                       int samplePixels, int invariantPixels) {

    /** The change-vector kernel of this model. */
    public ChangeVector changeVector() {
        return new ChangeVector(gains, offsets, differenceStd, reference);
    }

    /**
     * The output class of a pixel: {@link CvaRaster#NO_DATA} for NaN, 0 when the squared magnitude
     * does not exceed the threshold (or no class was fitted), else 1 + the k-means class.
     */
    public int classOf(float magnitude, float angle) {
        if (Float.isNaN(magnitude)) return CvaRaster.NO_DATA;
        if ((double) magnitude * magnitude <= threshold || classes == null) return 0;
        return 1 + classes.classify(magnitude, angle);
    }
}
