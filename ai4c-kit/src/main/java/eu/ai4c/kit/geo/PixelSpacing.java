package eu.ai4c.kit.geo;

import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * The one rule by which every AI4C service turns a resolution in metres into the pixel size of a
 * geographic (degree) grid, and back: square pixels of {@code metres / a · 180/π} degrees, a being
 * the WGS 84 semi-major axis, whatever the latitude. It is SNAP's rule (microwave-toolbox 13.0.2,
 * {@code SARGeocoding.getPixelSpacingInDegree}), so an AI4C product at "10 m" in WGS84 has the
 * same pixel size as SNAP's: 8.983e-5°. On the ground such a pixel is 10 m along the equator,
 * 9.9 to 10.0 m north–south everywhere, and 10·cos φ m east–west at latitude φ. Projected CRSs
 * take the resolution as it is (their unit is the metre). Pure static functions; thread-safe.
 */
public final class PixelSpacing {
    private PixelSpacing() {
    }

    /** Degrees of a geographic pixel for {@code metres}. */
    public static double degrees(double metres) {
        return Math.toDegrees(metres / Wgs84.A);
    }

    /** Metres of a geographic pixel of {@code degrees} (the inverse of {@link #degrees}). */
    public static double metres(double degrees) {
        return Math.toRadians(degrees) * Wgs84.A;
    }

    /** The pixel size in the units of {@code crs} for a resolution in metres: degrees by this rule, or metres. */
    public static double inUnitsOf(CoordinateReferenceSystem crs, double metres) {
        return Projections.isGeographic(crs) ? degrees(metres) : metres;
    }
}
