package eu.ai4c.s1.safe;

import eu.ai4c.kit.geo.GeoCoding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SAR geometry of a Sentinel-1 image as a {@link GeoCoding}: zero-Doppler azimuth times of
 * lines, range of samples (slant range time of sample 0 and, for GRD, the SRGR/GRSR polynomials),
 * orbit state vectors and the geolocation grid — all from the image's {@link Annotation}, which
 * terrain correction and geolocation use. Immutable and thread-safe.
 *
 * @param annotation the annotation of the image (one swath and polarisation)
 */
public record SarGeoCoding(Annotation annotation) implements GeoCoding {

    /** Zero-Doppler time of line 0 (UTC). */
    public Instant firstLineTime() {
        return annotation.imageInformation().productFirstLineUtcTime();
    }

    /** Seconds between lines. */
    public double azimuthTimeInterval() {
        return annotation.imageInformation().azimuthTimeInterval();
    }

    /** Zero-Doppler time of a (fractional) line: {@code productFirstLineUtcTime + line·azimuthTimeInterval}. */
    public Instant lineTime(double line) {
        return firstLineTime().plusNanos(Math.round(line * azimuthTimeInterval() * 1e9));
    }

    /** Seconds from line 0 to {@code time}. */
    public double secondsSinceFirstLine(Instant time) {
        return Duration.between(firstLineTime(), time).toNanos() / 1e9;
    }

    /** Two-way slant range time of sample 0, seconds. */
    public double nearRangeSlantRangeTime() {
        return annotation.imageInformation().slantRangeTime();
    }

    /** True for ground range products (GRD), whose samples map to slant range through SRGR/GRSR polynomials. */
    public boolean isGroundRange() {
        return annotation.productInformation().projection().startsWith("Ground");
    }

    /** Metres between samples (ground range for GRD, slant range for SLC). */
    public double rangePixelSpacing() {
        return annotation.imageInformation().rangePixelSpacing();
    }

    public List<Annotation.OrbitStateVector> orbit() {
        return annotation.orbitList();
    }

    public List<Annotation.GeolocationGridPoint> geolocationGrid() {
        return annotation.geolocationGrid();
    }

    public List<Annotation.CoordinateConversion> coordinateConversions() {
        return annotation.coordinateConversionList();
    }
}
