package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.util.Objects;

/**
 * Forward range-Doppler geolocation: the ground point seen at a zero-Doppler azimuth time and slant
 * range, at a given height above the WGS 84 ellipsoid, to the right of the flight direction (all
 * Sentinel-1 modes look right). Used for scene footprints and tests; the per-pixel direction of
 * terrain correction is {@link ZeroDoppler}.
 *
 * <p>Method: Newton's method on the three equations {@code (P − S)·V = 0}, {@code |P − S| = R} and
 * P on the ellipsoid grown by the height ({@code a + h, b + h}); the growth is then corrected until
 * the geodetic height of P equals the requested height to 1 mm.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; thread-safe.
 */
public final class SarLocator {
    private final Orbit orbit;
    private final SarGeometry geometry;

    public SarLocator(Orbit orbit, SarGeometry geometry) {
        this.orbit = Objects.requireNonNull(orbit, "orbit");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    /**
     * ECEF point seen at (t, R) at ellipsoid height h.
     *
     * @param azimuthTime zero-Doppler time, s since the orbit epoch
     * @param slantRange  one-way slant range, m
     * @param height      ellipsoid height, m
     * @return {x, y, z} in metres
     * @throws Ai4cException when the range does not reach the surface
     */
    public double[] ecef(double azimuthTime, double slantRange, double height) {
        double[] s = orbit.stateAt(azimuthTime);
        double grow = height;
        double[] p = null;
        for (int outer = 0; outer < 6; outer++) {
            p = onGrownEllipsoid(s, slantRange, grow, p);
            double h = Ellipsoid.toGeodetic(p[0], p[1], p[2])[2];
            if (Math.abs(h - height) < 1e-3) return p;
            grow += height - h;
        }
        return p;
    }

    /** {lon, lat} in degrees of fractional (line, sample) at ellipsoid height h (m). */
    public double[] lonLat(double line, double sample, double height) {
        double t = geometry.azimuthTime(line);
        double[] p = ecef(t, geometry.slantRange(t, sample), height);
        double[] g = Ellipsoid.toGeodetic(p[0], p[1], p[2]);
        return new double[] {g[0], g[1]};
    }

    /**
     * The image corners at height h, in polygon order: (first line, first sample), (first line, last
     * sample), (last line, last sample), (last line, first sample).
     *
     * @return {lon[4], lat[4]} in degrees
     */
    public double[][] footprint(double height) {
        int l1 = geometry.lines() - 1, s1 = geometry.samples() - 1;
        double[][] corners = {lonLat(0, 0, height), lonLat(0, s1, height), lonLat(l1, s1, height),
                lonLat(l1, 0, height)};
        double[] lon = new double[4], lat = new double[4];
        for (int i = 0; i < 4; i++) {
            lon[i] = corners[i][0];
            lat[i] = corners[i][1];
        }
        return new double[][] {lon, lat};
    }

    private static double[] onGrownEllipsoid(double[] s, double r, double grow, double[] start) {
        double a = Ellipsoid.A + grow, b = Ellipsoid.B + grow;
        double sx = s[0], sy = s[1], sz = s[2];
        double vx = s[3], vy = s[4], vz = s[5];
        double[] p = start;
        if (p == null) {
            double rs = Math.sqrt(sx * sx + sy * sy + sz * sz);
            double vn = Math.sqrt(vx * vx + vy * vy + vz * vz);
            double ux = sx / rs, uy = sy / rs, uz = sz / rs;
            double ex = vx / vn, ey = vy / vn, ez = vz / vn;
            // down, made perpendicular to the velocity
            double dd = -(ux * ex + uy * ey + uz * ez);
            double dx = -ux - dd * ex, dy = -uy - dd * ey, dz = -uz - dd * ez;
            double dn = Math.sqrt(dx * dx + dy * dy + dz * dz);
            dx /= dn; dy /= dn; dz /= dn;
            // right = velocity × up
            double qx = ey * uz - ez * uy, qy = ez * ux - ex * uz, qz = ex * uy - ey * ux;
            double qn = Math.sqrt(qx * qx + qy * qy + qz * qz);
            qx /= qn; qy /= qn; qz /= qn;
            double re = (a + b) / 2;
            double cos = (rs * rs + r * r - re * re) / (2 * rs * r);
            if (!(cos <= 1 && cos >= -1)) {
                throw new Ai4cException("Slant range " + r + " m does not reach the Earth's surface from the orbit "
                        + "(satellite " + rs + " m from the Earth's centre): the geometry is inconsistent.");
            }
            double sin = Math.sqrt(1 - cos * cos);
            p = new double[] {sx + r * (cos * dx + sin * qx), sy + r * (cos * dy + sin * qy),
                    sz + r * (cos * dz + sin * qz)};
        } else {
            p = p.clone();
        }
        for (int it = 0; it < 30; it++) {
            double px = p[0] - sx, py = p[1] - sy, pz = p[2] - sz;
            double f1 = px * vx + py * vy + pz * vz;
            double f2 = px * px + py * py + pz * pz - r * r;
            double f3 = (p[0] * p[0] + p[1] * p[1]) / (a * a) + p[2] * p[2] / (b * b) - 1;
            double[][] j = {{vx, vy, vz}, {2 * px, 2 * py, 2 * pz},
                    {2 * p[0] / (a * a), 2 * p[1] / (a * a), 2 * p[2] / (b * b)}};
            double[] d = solve3(j, -f1, -f2, -f3);
            p[0] += d[0];
            p[1] += d[1];
            p[2] += d[2];
            if (Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]) < 1e-6) break;
        }
        return p;
    }

    /** Solves the 3x3 system J d = (r0, r1, r2) by Cramer's rule. */
    private static double[] solve3(double[][] m, double r0, double r1, double r2) {
        double det = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        double d0 = det3(r0, m[0][1], m[0][2], r1, m[1][1], m[1][2], r2, m[2][1], m[2][2]);
        double d1 = det3(m[0][0], r0, m[0][2], m[1][0], r1, m[1][2], m[2][0], r2, m[2][2]);
        double d2 = det3(m[0][0], m[0][1], r0, m[1][0], m[1][1], r1, m[2][0], m[2][1], r2);
        return new double[] {d0 / det, d1 / det, d2 / det};
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h,
                               double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
