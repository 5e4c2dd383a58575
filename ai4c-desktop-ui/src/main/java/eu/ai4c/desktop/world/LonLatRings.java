package eu.ai4c.desktop.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rings of longitude/latitude points as the world map draws them: each ring a {@code double[]}
 * {@code lon0, lat0, lon1, lat1, …} (not repeated at the end). Splits rings that cross the
 * antimeridian into parts inside [−180°, 180°], reads the rings of WKT polygons, and tests points.
 * Stateless; pure functions on arrays.
 */
public final class LonLatRings {
    private LonLatRings() {
    }

    /**
     * The ring as parts inside [−180°, 180°]. The longitudes are first made continuous (each step
     * between neighbours taken as the shorter way round, so 179° → −179° is 2° east); a ring that
     * then leaves [−180°, 180°] crosses the antimeridian and is cut there into the part on each side
     * (each part clipped to the half-plane, the other shifted by 360°). A ring that goes once round
     * the globe (it contains a pole) cannot be drawn as a polygon in longitude/latitude and is
     * returned as it is, clipped to [−180°, 180°]. Rings of fewer than 3 points give no part.
     *
     * @param ring lon, lat pairs; a closing point equal to the first is allowed
     */
    public static List<double[]> splitAtAntimeridian(double[] ring) {
        double[] r = open(ring);
        if (r.length < 6) return List.of();
        double[] u = r.clone();
        for (int i = 2; i < u.length; i += 2) {
            double d = u[i] - u[i - 2];
            u[i] -= 360 * Math.round(d / 360); // the shorter way round
        }
        double closing = u[0] - u[u.length - 2];
        boolean aroundPole = Math.abs(closing) > 180;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < u.length; i += 2) {
            min = Math.min(min, u[i]);
            max = Math.max(max, u[i]);
        }
        if (aroundPole) {
            List<double[]> one = new ArrayList<>();
            double[] c = clipLon(clipLon(r, -180, true), 180, false);
            if (c.length >= 6) one.add(c);
            return one;
        }
        // the continuous ring may lie in [−540°, 540°]: bring its west end into [−180°, 180°)
        double shift0 = -360 * Math.floor((min + 180) / 360);
        if (shift0 != 0) {
            for (int i = 0; i < u.length; i += 2) u[i] += shift0;
            min += shift0;
            max += shift0;
        }
        if (max <= 180) return List.of(u);
        List<double[]> parts = new ArrayList<>();
        for (double shift : new double[] {0, -360}) {
            double[] s = u.clone();
            for (int i = 0; i < s.length; i += 2) s[i] += shift;
            double[] c = clipLon(clipLon(s, -180, true), 180, false);
            if (c.length >= 6 && Math.abs(signedArea(c)) > 0) parts.add(c);
        }
        return parts;
    }

    /**
     * Sutherland–Hodgman clip of a ring to the half-plane lon ≥ {@code limit} ({@code keepEast})
     * or lon ≤ {@code limit}; the points on the cut get exactly {@code limit}.
     */
    static double[] clipLon(double[] ring, double limit, boolean keepEast) {
        int n = ring.length / 2;
        double[] out = new double[4 * n + 4];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double ax = ring[2 * i], ay = ring[2 * i + 1];
            int j = (i + 1) % n;
            double bx = ring[2 * j], by = ring[2 * j + 1];
            boolean aIn = keepEast ? ax >= limit : ax <= limit;
            boolean bIn = keepEast ? bx >= limit : bx <= limit;
            if (aIn) {
                out[k++] = ax;
                out[k++] = ay;
            }
            if (aIn != bIn) {
                double t = (limit - ax) / (bx - ax);
                out[k++] = limit;
                out[k++] = ay + t * (by - ay);
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Shoelace area of a ring (positive when counter-clockwise with latitude up), square degrees. */
    static double signedArea(double[] ring) {
        double a = 0;
        int n = ring.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            a += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
        }
        return a / 2;
    }

    /** The ring without a closing point that repeats the first. */
    static double[] open(double[] ring) {
        int n = ring.length;
        if (n >= 4 && ring[0] == ring[n - 2] && ring[1] == ring[n - 1]) return Arrays.copyOf(ring, n - 2);
        return ring;
    }

    /** west, south, east, north of the rings (NaN when there are none). */
    public static double[] bounds(List<double[]> rings) {
        double w = Double.POSITIVE_INFINITY, s = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY, n = Double.NEGATIVE_INFINITY;
        for (double[] r : rings) {
            for (int i = 0; i + 1 < r.length; i += 2) {
                w = Math.min(w, r[i]);
                e = Math.max(e, r[i]);
                s = Math.min(s, r[i + 1]);
                n = Math.max(n, r[i + 1]);
            }
        }
        if (w > e) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        return new double[] {w, s, e, n};
    }

    /** Whether (lon, lat) lies inside the ring (even–odd rule; a point on an edge may go either way). */
    public static boolean contains(double[] ring, double lon, double lat) {
        boolean inside = false;
        int n = ring.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    /**
     * The rings of a WKT {@code POLYGON} or {@code MULTIPOLYGON} (outer rings and holes alike, in
     * the order written; the even–odd fill of all rings of a polygon draws its holes), each split at
     * the antimeridian. This reads the kit's WKT output ({@code AreaOfInterest.toWgs84Wkt}); it is not
     * a validating parser.
     *
     * @throws IllegalArgumentException when the text holds no ring of numbers
     */
    public static List<double[]> ofWkt(String wkt) {
        List<double[]> rings = new ArrayList<>();
        int depth = 0;
        StringBuilder ring = null;
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '(') {
                depth++;
                ring = new StringBuilder();
            } else if (c == ')') {
                if (ring != null && !ring.toString().isBlank()) rings.addAll(splitAtAntimeridian(numbers(ring.toString())));
                ring = null;
                depth--;
            } else if (ring != null) {
                ring.append(c);
            }
        }
        if (depth != 0 || rings.isEmpty()) throw new IllegalArgumentException("no polygon ring in WKT " + abbreviated(wkt));
        return rings;
    }

    private static double[] numbers(String coordinates) {
        String[] points = coordinates.split(",");
        double[] out = new double[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            String[] xy = points[i].strip().split("\\s+");
            if (xy.length < 2) throw new IllegalArgumentException("not a point: \"" + points[i].strip() + "\"");
            out[2 * i] = Double.parseDouble(xy[0]);
            out[2 * i + 1] = Double.parseDouble(xy[1]);
        }
        return out;
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
