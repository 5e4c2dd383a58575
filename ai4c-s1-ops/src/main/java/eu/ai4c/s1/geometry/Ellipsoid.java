package eu.ai4c.s1.geometry;

import eu.ai4c.kit.geo.Wgs84;

/**
 * The WGS 84 ellipsoid: geodetic (longitude, latitude, ellipsoid height) ↔ Earth-centred
 * Earth-fixed Cartesian coordinates. Geodetic → ECEF is the closed form; ECEF → geodetic is
 * Bowring's method with one refinement step (sub-millimetre from the Earth's centre region to
 * beyond satellite altitude). Pure static functions on arrays; thread-safe.
 *
 * <p>Angles in degrees, lengths in metres.</p>
 */
public final class Ellipsoid {
    /** Semi-major axis a, metres. */
    public static final double A = Wgs84.A;
    /** Flattening f. */
    public static final double F = Wgs84.F;
    /** Semi-minor axis b, metres. */
    public static final double B = Wgs84.B;
    /** First eccentricity squared e². */
    public static final double E2 = Wgs84.E2;
    /** Second eccentricity squared e'². */
    public static final double EP2 = Wgs84.EP2;

    private Ellipsoid() {
    }

    /**
     * Geodetic → ECEF for {@code count} points.
     *
     * @param lon degrees
     * @param lat degrees
     * @param h   ellipsoid height, metres
     * @param x   receives X, metres (the output arrays may be the input arrays: element i is read
     *            before it is written)
     * @param y   receives Y, metres
     * @param z   receives Z, metres
     */
    public static void toEcef(double[] lon, double[] lat, double[] h, double[] x, double[] y, double[] z, int count) {
        for (int i = 0; i < count; i++) {
            double phi = Math.toRadians(lat[i]), lam = Math.toRadians(lon[i]);
            double sp = Math.sin(phi), cp = Math.cos(phi);
            double n = A / Math.sqrt(1 - E2 * sp * sp);
            double r = (n + h[i]) * cp;
            x[i] = r * Math.cos(lam);
            y[i] = r * Math.sin(lam);
            z[i] = (n * (1 - E2) + h[i]) * sp;
        }
    }

    /** Geodetic → ECEF of one point, returned as {x, y, z} (allocates; for set-up code and tests). */
    public static double[] toEcef(double lon, double lat, double h) {
        double[] x = new double[1], y = new double[1], z = new double[1];
        toEcef(new double[] {lon}, new double[] {lat}, new double[] {h}, x, y, z, 1);
        return new double[] {x[0], y[0], z[0]};
    }

    /**
     * ECEF → geodetic for {@code count} points (Bowring, one refinement).
     *
     * @param lon receives degrees in (-180, 180]
     * @param lat receives degrees
     * @param h   receives ellipsoid height, metres
     */
    public static void toGeodetic(double[] x, double[] y, double[] z, double[] lon, double[] lat, double[] h, int count) {
        for (int i = 0; i < count; i++) {
            double px = x[i], py = y[i], pz = z[i];
            double p = Math.hypot(px, py);
            double lam = Math.atan2(py, px);
            double phi;
            if (p < 1e-9) {
                phi = pz >= 0 ? Math.PI / 2 : -Math.PI / 2;
            } else {
                // Bowring's parametric-latitude start, then one update of the parametric latitude
                double beta = Math.atan2(pz * A, p * B);
                for (int it = 0; it < 2; it++) {
                    double sb = Math.sin(beta), cb = Math.cos(beta);
                    phi = Math.atan2(pz + EP2 * B * sb * sb * sb, p - E2 * A * cb * cb * cb);
                    beta = Math.atan2((1 - F) * Math.sin(phi), Math.cos(phi));
                }
                double sb = Math.sin(beta), cb = Math.cos(beta);
                phi = Math.atan2(pz + EP2 * B * sb * sb * sb, p - E2 * A * cb * cb * cb);
            }
            double sp = Math.sin(phi), cp = Math.cos(phi);
            double n = A / Math.sqrt(1 - E2 * sp * sp);
            double height = Math.abs(cp) > 1e-10 ? p / cp - n : Math.abs(pz) - B;
            lon[i] = Math.toDegrees(lam);
            lat[i] = Math.toDegrees(phi);
            h[i] = height;
        }
    }

    /** ECEF → geodetic of one point, returned as {lon, lat, h} (allocates). */
    public static double[] toGeodetic(double x, double y, double z) {
        double[] lon = new double[1], lat = new double[1], h = new double[1];
        toGeodetic(new double[] {x}, new double[] {y}, new double[] {z}, lon, lat, h, 1);
        return new double[] {lon[0], lat[0], h[0]};
    }
}
