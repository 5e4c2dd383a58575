package eu.ai4c.s1.geometry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A circular orbit around a rotating Earth, in closed form: exact ECEF positions and velocities for
 * tests and benchmarks. Defaults resemble Sentinel-1 (693 km altitude, 98.18° inclination).
 */
final class Kepler {
    static final double GM = 3.986004418e14;
    static final double OMEGA_EARTH = 7.2921158553e-5;

    final double radius;
    final double inclination;
    final double node;
    final double u0;
    final double meanMotion;

    /**
     * @param radius         orbit radius, m
     * @param inclinationDeg inclination, degrees
     * @param nodeDeg        longitude of the ascending node at t = 0 (Earth-fixed), degrees
     * @param u0Deg          argument of latitude at t = 0, degrees
     */
    Kepler(double radius, double inclinationDeg, double nodeDeg, double u0Deg) {
        this.radius = radius;
        this.inclination = Math.toRadians(inclinationDeg);
        this.node = Math.toRadians(nodeDeg);
        this.u0 = Math.toRadians(u0Deg);
        this.meanMotion = Math.sqrt(GM / (radius * radius * radius));
    }

    /** Sentinel-1-like orbit passing latitude {@code lat} northbound near longitude {@code lon} at t = 0. */
    static Kepler sentinel1Like(double lat, double lon) {
        double inc = 98.18;
        double u = Math.toDegrees(Math.asin(Math.sin(Math.toRadians(lat)) / Math.sin(Math.toRadians(inc))));
        // longitude of the sub-satellite point relative to the node at argument of latitude u
        double dl = Math.toDegrees(Math.atan2(Math.cos(Math.toRadians(inc)) * Math.sin(Math.toRadians(u)),
                Math.cos(Math.toRadians(u))));
        return new Kepler(7_071_000, inc, lon - dl, u);
    }

    /** {x, y, z, vx, vy, vz} in ECEF at time t (s). */
    double[] state(double t) {
        double u = u0 + meanMotion * t;
        double cu = Math.cos(u), su = Math.sin(u);
        double cO = Math.cos(node), sO = Math.sin(node), ci = Math.cos(inclination), si = Math.sin(inclination);
        // inertial frame aligned with ECEF at t = 0
        double px = cO, py = sO, qx = -ci * sO, qy = ci * cO, qz = si;
        double rx = radius * (cu * px + su * qx), ry = radius * (cu * py + su * qy), rz = radius * su * qz;
        double vn = radius * meanMotion;
        double vx = vn * (-su * px + cu * qx), vy = vn * (-su * py + cu * qy), vz = vn * cu * qz;
        // remove the Earth rotation: v_rel = v − ω × r, then rotate by −θ
        double wx = vx + OMEGA_EARTH * ry, wy = vy - OMEGA_EARTH * rx;
        double th = OMEGA_EARTH * t, c = Math.cos(th), s = Math.sin(th);
        return new double[] {c * rx + s * ry, -s * rx + c * ry, rz, c * wx + s * wy, -s * wx + c * wy, vz};
    }

    /** State vectors every {@code spacing} s from t0 to t1. */
    List<OrbitStateVector> vectors(double t0, double t1, double spacing) {
        List<OrbitStateVector> v = new ArrayList<>();
        for (double t = t0; t <= t1 + 1e-9; t += spacing) {
            double[] s = state(t);
            v.add(new OrbitStateVector(t, s[0], s[1], s[2], s[3], s[4], s[5]));
        }
        return v;
    }

    Orbit orbit(double t0, double t1) {
        return new Orbit(Instant.parse("2021-06-01T05:00:00Z"), vectors(t0, t1, 10));
    }
}
