package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The image geometry of a Sentinel-1 product in zero-Doppler azimuth time and range, enough to map
 * (azimuth time, slant range) to (line, sample) and back. Lines are spaced by the azimuth time
 * interval from the first line's zero-Doppler time; samples are either slant range (SLC: spaced by
 * the slant range pixel spacing from the two-way slant range time of the first sample) or ground
 * range (GRD: spaced by the ground range pixel spacing, converted with the annotation's SRGR
 * (slant → ground) and GRSR (ground → slant) polynomials, interpolated linearly in azimuth time between entries and
 * extrapolated linearly from the first two / last two entries outside them, so that the mapping
 * has no kink at the image edges).
 *
 * <p>Conventions: integer line/sample coordinates are pixel centres (line 0 at
 * {@link #firstLineTime()}, sample 0 at the near range). Times are seconds since the epoch of the
 * {@link Orbit} used with this geometry; ranges in metres; the slant range time is two-way, in
 * seconds. Maps from the annotation: {@code imageInformation/productFirstLineUtcTime},
 * {@code azimuthTimeInterval}, {@code numberOfLines}, {@code numberOfSamples},
 * {@code slantRangeTime}, {@code rangePixelSpacing}, {@code coordinateConversionList}.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; safe for concurrent use.
 */
public final class SarGeometry {
    /** Speed of light in vacuum, m/s. */
    public static final double SPEED_OF_LIGHT = 299_792_458.0;

    private final double firstLineTime;
    private final double azimuthTimeInterval;
    private final int lines;
    private final int samples;
    private final double slantRangeTime;
    private final double rangePixelSpacing;
    private final SrgrConversion[] conversions;
    private final double[] conversionTimes;

    private SarGeometry(double firstLineTime, double azimuthTimeInterval, int lines, int samples,
                        double slantRangeTime, double rangePixelSpacing, List<SrgrConversion> conversions) {
        if (!(azimuthTimeInterval > 0) || !(rangePixelSpacing > 0) || lines < 1 || samples < 1) {
            throw new Ai4cException("Invalid SAR image geometry: azimuth time interval " + azimuthTimeInterval
                    + " s, range pixel spacing " + rangePixelSpacing + " m, " + lines + " lines x " + samples
                    + " samples; the product annotation is damaged.");
        }
        this.firstLineTime = firstLineTime;
        this.azimuthTimeInterval = azimuthTimeInterval;
        this.lines = lines;
        this.samples = samples;
        this.slantRangeTime = slantRangeTime;
        this.rangePixelSpacing = rangePixelSpacing;
        if (conversions == null) {
            this.conversions = null;
            this.conversionTimes = null;
        } else {
            List<SrgrConversion> c = new ArrayList<>(conversions);
            c.sort(Comparator.comparingDouble(SrgrConversion::azimuthTime));
            this.conversions = c.toArray(new SrgrConversion[0]);
            this.conversionTimes = c.stream().mapToDouble(SrgrConversion::azimuthTime).toArray();
        }
    }

    /**
     * A ground-range (GRD) geometry.
     *
     * @param firstLineTime       zero-Doppler time of line 0, s since the orbit epoch
     * @param azimuthTimeInterval time between lines, s
     * @param lines               number of lines
     * @param samples             number of samples per line
     * @param slantRangeTime      two-way slant range time of sample 0, s
     * @param groundPixelSpacing  ground range pixel spacing, m
     * @param conversions         the SRGR/GRSR entries (at least one)
     */
    public static SarGeometry groundRange(double firstLineTime, double azimuthTimeInterval, int lines, int samples,
                                          double slantRangeTime, double groundPixelSpacing,
                                          List<SrgrConversion> conversions) {
        if (conversions == null || conversions.isEmpty()) {
            throw new Ai4cException("The GRD annotation has no coordinateConversionList entry (SRGR/GRSR "
                    + "polynomials), which terrain correction needs: the annotation is incomplete.");
        }
        return new SarGeometry(firstLineTime, azimuthTimeInterval, lines, samples, slantRangeTime,
                groundPixelSpacing, conversions);
    }

    /**
     * A slant-range (SLC) geometry.
     *
     * @param slantPixelSpacing slant range pixel spacing, m (c / (2 · range sampling rate))
     */
    public static SarGeometry slantRange(double firstLineTime, double azimuthTimeInterval, int lines, int samples,
                                         double slantRangeTime, double slantPixelSpacing) {
        return new SarGeometry(firstLineTime, azimuthTimeInterval, lines, samples, slantRangeTime,
                slantPixelSpacing, null);
    }

    public boolean isGroundRange() {
        return conversions != null;
    }

    public double firstLineTime() {
        return firstLineTime;
    }

    /** Zero-Doppler time of the last line, s. */
    public double lastLineTime() {
        return firstLineTime + (lines - 1) * azimuthTimeInterval;
    }

    public double azimuthTimeInterval() {
        return azimuthTimeInterval;
    }

    public int lines() {
        return lines;
    }

    public int samples() {
        return samples;
    }

    /** Two-way slant range time of sample 0, s. */
    public double slantRangeTime() {
        return slantRangeTime;
    }

    /** Ground (GRD) or slant (SLC) range pixel spacing, m. */
    public double rangePixelSpacing() {
        return rangePixelSpacing;
    }

    /** The SRGR/GRSR entries by azimuth time (empty for SLC). */
    public List<SrgrConversion> conversions() {
        return conversions == null ? List.of() : List.of(conversions);
    }

    /** Fractional line of a zero-Doppler time. */
    public double line(double azimuthTime) {
        return (azimuthTime - firstLineTime) / azimuthTimeInterval;
    }

    /** Zero-Doppler time of a fractional line. */
    public double azimuthTime(double line) {
        return firstLineTime + line * azimuthTimeInterval;
    }

    /**
     * Fractional sample of a slant range at an azimuth time.
     *
     * @param azimuthTime s since the epoch (chooses the SRGR entries)
     * @param slantRange  one-way slant range, m
     */
    public double sample(double azimuthTime, double slantRange) {
        if (conversions == null) {
            return (slantRange - slantRangeTime * SPEED_OF_LIGHT / 2) / rangePixelSpacing;
        }
        if (conversions.length == 1) {
            return conversions[0].groundRange(slantRange) / rangePixelSpacing;
        }
        int k = bracket(azimuthTime);
        double w = (azimuthTime - conversionTimes[k]) / (conversionTimes[k + 1] - conversionTimes[k]);
        double g0 = conversions[k].groundRange(slantRange), g1 = conversions[k + 1].groundRange(slantRange);
        return (g0 + w * (g1 - g0)) / rangePixelSpacing;
    }

    /** One-way slant range (m) of a fractional sample at an azimuth time (inverse of {@link #sample}). */
    public double slantRange(double azimuthTime, double sample) {
        if (conversions == null) {
            return slantRangeTime * SPEED_OF_LIGHT / 2 + sample * rangePixelSpacing;
        }
        double gr = sample * rangePixelSpacing;
        if (conversions.length == 1) return conversions[0].slantRange(gr);
        int k = bracket(azimuthTime);
        double w = (azimuthTime - conversionTimes[k]) / (conversionTimes[k + 1] - conversionTimes[k]);
        double s0 = conversions[k].slantRange(gr), s1 = conversions[k + 1].slantRange(gr);
        return s0 + w * (s1 - s0);
    }

    private int bracket(double t) {
        int lo = 0, hi = conversionTimes.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (conversionTimes[mid] <= t) lo = mid; else hi = mid;
        }
        return lo;
    }
}
