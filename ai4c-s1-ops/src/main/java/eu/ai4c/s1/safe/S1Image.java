package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;

/**
 * One image of a Sentinel-1 product — a swath in a polarisation — with its annotation,
 * calibration and noise LUTs and the path of its measurement TIFF. A GRD product has one image
 * per polarisation (swath {@code IW}, {@code EW} or {@code S1}…{@code S6}); an IW SLC has three
 * per polarisation. Immutable.
 */
public final class S1Image {
    private final Annotation annotation;
    private final TopsTiming topsTiming;
    private final CalibrationLuts calibration;
    private final NoiseLuts noise;
    private final String annotationHref;
    private final String calibrationHref;
    private final String noiseHref;
    private final String measurementHref;

    /**
     * @param calibration may be null when the file is absent (then {@link #calibration()} fails)
     * @param noise       may be null when the file is absent (then {@link #noise()} fails)
     * @param topsTiming  the burst layout, FM rates and Doppler centroids of the annotation
     */
    public S1Image(Annotation annotation, TopsTiming topsTiming, CalibrationLuts calibration, NoiseLuts noise, String annotationHref,
                   String calibrationHref, String noiseHref, String measurementHref) {
        this.annotation = annotation;
        this.topsTiming = topsTiming;
        this.calibration = calibration;
        this.noise = noise;
        this.annotationHref = annotationHref;
        this.calibrationHref = calibrationHref;
        this.noiseHref = noiseHref;
        this.measurementHref = measurementHref;
    }

    /** {@code IW}, {@code IW1}, … */
    public String swath() {
        return annotation.adsHeader().swath();
    }

    /** {@code VV}, {@code VH}, {@code HH}, {@code HV}. */
    public String polarisation() {
        return annotation.adsHeader().polarisation();
    }

    public Annotation annotation() {
        return annotation;
    }

    /** Burst layout (TOPS SLC; empty {@code swathTiming} for stripmap and GRD), FM rates, Doppler centroids. */
    public TopsTiming topsTiming() {
        return topsTiming;
    }

    public boolean hasCalibration() {
        return calibration != null;
    }

    public boolean hasNoise() {
        return noise != null;
    }

    /** The calibration LUTs; fails when the product lacks the file. */
    public CalibrationLuts calibration() {
        if (calibration == null) throw missing(calibrationHref, "calibration");
        return calibration;
    }

    /** The noise LUTs; fails when the product lacks the file. */
    public NoiseLuts noise() {
        if (noise == null) throw missing(noiseHref, "thermal noise removal");
        return noise;
    }

    public String annotationHref() {
        return annotationHref;
    }

    /** Path of the measurement TIFF relative to the {@code .SAFE} folder. */
    public String measurementHref() {
        return measurementHref;
    }

    private Ai4cException missing(String href, String purpose) {
        return new Ai4cException("The Sentinel-1 product lacks " + href + ", needed for " + purpose + " of "
                + swath() + " " + polarisation() + ": the product is incomplete; download it again.");
    }

    @Override
    public String toString() {
        return swath() + "_" + polarisation();
    }
}
