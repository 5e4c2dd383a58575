package eu.ai4c.kit.geo;

/**
 * The WGS 84 ellipsoid (EPSG:7030): the one place its constants are written, and the ground
 * length of a degree on it. Pure static functions; thread-safe.
 */
public final class Wgs84 {
    /** Semi-major axis a, metres. */
    public static final double A = 6378137.0;
    /** Inverse flattening 1/f. */
    public static final double INVERSE_FLATTENING = 298.257223563;
    /** Flattening f. */
    public static final double F = 1 / INVERSE_FLATTENING;
    /** Semi-minor axis b = a(1 − f), metres. */
    public static final double B = A * (1 - F);
    /** First eccentricity squared e² = f(2 − f). */
    public static final double E2 = F * (2 - F);
    /** Second eccentricity squared e'² = e²/(1 − e²). */
    public static final double EP2 = E2 / (1 - E2);

    private Wgs84() {
    }

    /**
     * Ground lengths in metres of one degree at latitude {@code latDeg}: {along the parallel, along
     * the meridian} = {N·cos φ·π/180, M·π/180} with N = a/√(1 − e² sin² φ) and
     * M = a(1 − e²)/(1 − e² sin² φ)^{3/2}.
     */
    public static double[] metresPerDegree(double latDeg) {
        double phi = Math.toRadians(latDeg);
        double s = Math.sin(phi);
        double w = 1 - E2 * s * s;
        double n = A / Math.sqrt(w);
        double m = A * (1 - E2) / (w * Math.sqrt(w));
        return new double[] {n * Math.cos(phi) * Math.PI / 180, m * Math.PI / 180};
    }
}
