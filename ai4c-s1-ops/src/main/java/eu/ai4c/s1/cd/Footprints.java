package eu.ai4c.s1.cd;

import eu.ai4c.s1.safe.Manifest.LatLon;
import java.util.List;

/**
 * Overlap of two convex footprints in longitude/latitude (the four corners of a Sentinel-1
 * manifest), by the separating-axis theorem: two convex polygons are disjoint exactly when an
 * edge normal of one of them separates their projections. Footprints that cross the antimeridian
 * are shifted to one side first.
 */
final class Footprints {

    private Footprints() {
    }

    static boolean overlap(List<LatLon> a, List<LatLon> b) {
        double[][] pa = lonLat(a, 0), pb = lonLat(b, 0);
        double shift = unwrapShift(pa, pb);
        if (shift != 0) pb = lonLat(b, shift);
        return !separated(pa, pb) && !separated(pb, pa);
    }

    /** Corners as {x = longitude, y = latitude}, longitudes of one footprint made continuous, plus a shift. */
    private static double[][] lonLat(List<LatLon> corners, double shift) {
        double[][] p = new double[corners.size()][2];
        double first = corners.get(0).longitude();
        for (int i = 0; i < p.length; i++) {
            double lon = corners.get(i).longitude();
            while (lon - first > 180) lon -= 360;
            while (lon - first < -180) lon += 360;
            p[i][0] = lon + shift;
            p[i][1] = corners.get(i).latitude();
        }
        return p;
    }

    /** ±360 when the second footprint lies across the antimeridian from the first. */
    private static double unwrapShift(double[][] a, double[][] b) {
        double d = b[0][0] - a[0][0];
        return d > 180 ? -360 : d < -180 ? 360 : 0;
    }

    /** Whether one edge normal of {@code p} separates the projections of {@code p} and {@code q}. */
    private static boolean separated(double[][] p, double[][] q) {
        for (int i = 0; i < p.length; i++) {
            double[] s = p[i], e = p[(i + 1) % p.length];
            double nx = -(e[1] - s[1]), ny = e[0] - s[0];
            double pMin = Double.MAX_VALUE, pMax = -Double.MAX_VALUE, qMin = Double.MAX_VALUE, qMax = -Double.MAX_VALUE;
            for (double[] v : p) {
                double t = v[0] * nx + v[1] * ny;
                pMin = Math.min(pMin, t);
                pMax = Math.max(pMax, t);
            }
            for (double[] v : q) {
                double t = v[0] * nx + v[1] * ny;
                qMin = Math.min(qMin, t);
                qMax = Math.max(qMax, t);
            }
            if (pMax < qMin || qMax < pMin) return true;
        }
        return false;
    }
}
