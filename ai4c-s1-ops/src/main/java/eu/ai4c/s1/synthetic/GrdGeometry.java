package eu.ai4c.s1.synthetic;

/**
 * A self-consistent, simplified side-looking SAR geometry for synthetic GRD products: a circular
 * orbit (Earth-fixed, no Earth rotation) at Sentinel-1 altitude, zero-Doppler imaging of the WGS84
 * ellipsoid (height 0), right-looking, lines equally spaced in azimuth time and samples equally
 * spaced in ground range along the ellipsoid. Everything a synthetic annotation holds —
 * geolocation grid, state vectors, slant range times, incidence angles, SRGR polynomials — comes
 * from this one model, so that a terrain correction using the orbit and the range/azimuth times
 * lands on the grid's latitudes and longitudes.
 *
 * <p>The scene centre (line (H−1)/2, sample (W−1)/2) images the given latitude/longitude at the
 * given incidence angle. Immutable and thread-safe.</p>
 */
final class GrdGeometry {
    static final double A = eu.ai4c.kit.geo.Wgs84.A, F = eu.ai4c.kit.geo.Wgs84.F, B = eu.ai4c.kit.geo.Wgs84.B, E2 = eu.ai4c.kit.geo.Wgs84.E2;
    static final double GM = 3.986004418e14, C_LIGHT = 299792458.0, ALTITUDE = 693_000.0;
    private static final int TABLE = 4000;

    private final double[] s0 = new double[3], v0 = new double[3];
    private final double orbitRadius, omega;
    private final double centreLookAngle;
    private final double groundSpacing;
    private final double centreSample;
    private final double minLook, maxLook;

    /**
     * @param latDeg, lonDeg     scene centre
     * @param headingDeg         platform heading, degrees clockwise from north
     * @param centreIncidenceDeg incidence angle at the scene centre
     * @param width              samples per line
     * @param rangeSpacing       ground range sample spacing, metres
     */
    GrdGeometry(double latDeg, double lonDeg, double headingDeg, double centreIncidenceDeg, int width, double rangeSpacing) {
        double[] c = ecef(latDeg, lonDeg, 0);
        double phi = Math.toRadians(latDeg), lam = Math.toRadians(lonDeg), psi = Math.toRadians(headingDeg);
        double[] east = {-Math.sin(lam), Math.cos(lam), 0};
        double[] north = {-Math.sin(phi) * Math.cos(lam), -Math.sin(phi) * Math.sin(lam), Math.cos(phi)};
        double[] up = {Math.cos(phi) * Math.cos(lam), Math.cos(phi) * Math.sin(lam), Math.sin(phi)};
        double[] along = add(scale(east, Math.sin(psi)), scale(north, Math.cos(psi)));
        double[] right = add(scale(east, Math.cos(psi)), scale(north, -Math.sin(psi)));
        double th = Math.toRadians(centreIncidenceDeg);
        double[] los = add(scale(up, Math.cos(th)), scale(right, -Math.sin(th)));
        orbitRadius = A + ALTITUDE;
        double cl = dot(c, los);
        double rho = -cl + Math.sqrt(cl * cl - dot(c, c) + orbitRadius * orbitRadius);
        double[] s = add(c, scale(los, rho));
        double[] sHat = scale(s, 1 / norm(s));
        double[] toC = sub(c, s);
        double[] v = cross(sHat, toC);
        if (dot(v, along) < 0) v = scale(v, -1);
        v = scale(v, 1 / norm(v));
        System.arraycopy(sHat, 0, s0, 0, 3);
        System.arraycopy(v, 0, v0, 0, 3);
        omega = Math.sqrt(GM / (orbitRadius * orbitRadius * orbitRadius));
        double[] q = crossDirection(0);
        centreLookAngle = Math.atan2(dot(toC, q), dot(toC, scale(sHat, -1)));
        groundSpacing = rangeSpacing;
        centreSample = (width - 1) / 2.0;
        minLook = Math.toRadians(5);
        maxLook = Math.toRadians(60);
    }

    /** Satellite position (ECEF, m) at {@code tau} seconds from the centre line time. */
    double[] position(double tau) {
        double a = omega * tau;
        return add(scale(s0, orbitRadius * Math.cos(a)), scale(v0, orbitRadius * Math.sin(a)));
    }

    /** Satellite velocity (ECEF, m/s). */
    double[] velocity(double tau) {
        double a = omega * tau;
        double k = orbitRadius * omega;
        return add(scale(s0, -k * Math.sin(a)), scale(v0, k * Math.cos(a)));
    }

    /** Ground speed of the beam at the scene centre, m/s (for the azimuth time interval). */
    double groundSpeed() {
        double[] c = pointAtLook(0, centreLookAngle);
        return omega * norm(c);
    }

    /** Unit vector in the zero-Doppler plane, perpendicular to nadir, towards the imaged side. */
    private double[] crossDirection(double tau) {
        double[] p = position(tau), vel = velocity(tau);
        double[] q = cross(vel, p);
        // right-looking: the imaged side is to the right of the velocity, i.e. along v × up
        return scale(q, 1 / norm(q));
    }

    /** The ellipsoid point seen at look angle {@code alpha} (from nadir) at time {@code tau}. */
    double[] pointAtLook(double tau, double alpha) {
        double[] p = position(tau);
        double[] nadir = scale(p, -1 / norm(p));
        double[] d = add(scale(nadir, Math.cos(alpha)), scale(crossDirection(tau), Math.sin(alpha)));
        // ray–ellipsoid intersection in coordinates scaled to the unit sphere
        double[] ps = {p[0] / A, p[1] / A, p[2] / B}, ds = {d[0] / A, d[1] / A, d[2] / B};
        double qa = dot(ds, ds), qb = 2 * dot(ps, ds), qc = dot(ps, ps) - 1;
        double disc = qb * qb - 4 * qa * qc;
        if (disc < 0) throw new IllegalStateException("Look angle " + Math.toDegrees(alpha) + "° misses the Earth");
        double t = (-qb - Math.sqrt(disc)) / (2 * qa);
        return add(p, scale(d, t));
    }

    /**
     * For one line time, the ground points of a set of samples: a table of look angle against
     * ground distance from the centre look angle is built by summing short chords, then inverted.
     *
     * @return ECEF points, {@code [sample][xyz]}
     */
    double[][] groundPoints(double tau, double[] samples) {
        double[] alpha = new double[TABLE + 1], dist = new double[TABLE + 1];
        double step = (maxLook - minLook) / TABLE;
        int ic = (int) Math.round((centreLookAngle - minLook) / step);
        double startLook = centreLookAngle - ic * step;
        double[] prev = null;
        for (int i = 0; i <= TABLE; i++) {
            alpha[i] = startLook + i * step;
            double[] pt = pointAtLook(tau, alpha[i]);
            dist[i] = prev == null ? 0 : dist[i - 1] + norm(sub(pt, prev));
            prev = pt;
        }
        double offset = dist[ic];
        double[][] out = new double[samples.length][];
        for (int k = 0; k < samples.length; k++) {
            double want = offset + (samples[k] - centreSample) * groundSpacing;
            int j = java.util.Arrays.binarySearch(dist, want);
            if (j < 0) j = -j - 2;
            if (j < 0 || j >= TABLE) throw new IllegalStateException("Sample " + samples[k] + " is outside the modelled swath");
            double u = (want - dist[j]) / (dist[j + 1] - dist[j]);
            out[k] = pointAtLook(tau, alpha[j] + u * step);
        }
        return out;
    }

    /**
     * The ellipsoid point at one-way slant range {@code range} (m) in the zero-Doppler plane at time
     * {@code tau}: the look angle is found by bisection (range grows with the look angle).
     */
    double[] pointAtSlantRange(double tau, double range) {
        double[] p = position(tau);
        double lo = minLook, hi = maxLook;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (norm(sub(pointAtLook(tau, mid), p)) < range) lo = mid; else hi = mid;
        }
        return pointAtLook(tau, 0.5 * (lo + hi));
    }

    /** One-way slant range (m) from the satellite at {@code tau} to the scene centre seen at its incidence. */
    double centreSlantRange(double tau) {
        return norm(sub(pointAtLook(tau, centreLookAngle), position(tau)));
    }

    /** Incidence angle (degrees) at ground point {@code p} seen from satellite position {@code s}. */
    static double incidenceDeg(double[] p, double[] s) {
        double[] n = {p[0] / (A * A), p[1] / (A * A), p[2] / (B * B)};
        double[] los = sub(s, p);
        return Math.toDegrees(Math.acos(dot(n, los) / (norm(n) * norm(los))));
    }

    /** Look (elevation) angle from nadir, degrees. */
    static double elevationDeg(double[] p, double[] s) {
        double[] los = sub(p, s);
        return Math.toDegrees(Math.acos(-dot(los, s) / (norm(los) * norm(s))));
    }

    /** Heading (degrees clockwise from north) of the velocity at the sub-satellite point. */
    double platformHeadingDeg() {
        double[] p = position(0), v = velocity(0);
        double[] g = geodetic(p);
        double phi = Math.toRadians(g[0]), lam = Math.toRadians(g[1]);
        double[] east = {-Math.sin(lam), Math.cos(lam), 0};
        double[] north = {-Math.sin(phi) * Math.cos(lam), -Math.sin(phi) * Math.sin(lam), Math.cos(phi)};
        return Math.toDegrees(Math.atan2(dot(v, east), dot(v, north)));
    }

    static double[] ecef(double latDeg, double lonDeg, double h) {
        double phi = Math.toRadians(latDeg), lam = Math.toRadians(lonDeg);
        double n = A / Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        return new double[] {(n + h) * Math.cos(phi) * Math.cos(lam), (n + h) * Math.cos(phi) * Math.sin(lam),
                (n * (1 - E2) + h) * Math.sin(phi)};
    }

    /** ECEF to geodetic {@code [latDeg, lonDeg, h]} (fixed-point iteration on latitude). */
    static double[] geodetic(double[] p) {
        double lon = Math.atan2(p[1], p[0]);
        double r = Math.hypot(p[0], p[1]);
        double lat = Math.atan2(p[2], r * (1 - E2));
        double h = 0;
        for (int i = 0; i < 10; i++) {
            double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
            h = r / Math.cos(lat) - n;
            lat = Math.atan2(p[2], r * (1 - E2 * n / (n + h)));
        }
        return new double[] {Math.toDegrees(lat), Math.toDegrees(lon), h};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scale(double[] a, double k) {
        return new double[] {a[0] * k, a[1] * k, a[2] * k};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
