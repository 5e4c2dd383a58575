package eu.ai4c.vector.etl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the area of a multipolygon relation from its member ways: ways are joined end to end
 * (by shared node id, reversing where needed) into closed rings; rings are nested by containment
 * (a ring inside an even number of others is an outer ring, inside an odd number an inner ring,
 * a hole of the smallest ring containing it), so member roles are not trusted — they are often
 * wrong or missing. Pure function of the member geometries.
 */
final class MultipolygonAssembler {

    /** A member way: node ids and coordinates (10⁻⁷ degree, lon/lat interleaved). */
    record MemberWay(long[] nodeIds, int[] lonLat) {
    }

    /** The outcome: the geometry, or null with the reason. */
    record Result(Geometry geometry, CleanseReason failure) {
    }

    private MultipolygonAssembler() {
    }

    static Result assemble(List<MemberWay> ways, GeometryFactory gf) {
        List<long[]> ringIds = new ArrayList<>();
        List<int[]> ringCoords = new ArrayList<>();
        // already-closed ways are rings by themselves; the others are joined
        Map<Long, List<Integer>> byEnd = new HashMap<>();
        List<MemberWay> open = new ArrayList<>();
        for (MemberWay w : ways) {
            int n = w.nodeIds.length;
            if (n < 2) continue;
            if (w.nodeIds[0] == w.nodeIds[n - 1]) {
                ringIds.add(w.nodeIds);
                ringCoords.add(w.lonLat);
            } else {
                int idx = open.size();
                open.add(w);
                byEnd.computeIfAbsent(w.nodeIds[0], k -> new ArrayList<>()).add(idx);
                byEnd.computeIfAbsent(w.nodeIds[n - 1], k -> new ArrayList<>()).add(idx);
            }
        }
        boolean[] used = new boolean[open.size()];
        for (int start = 0; start < open.size(); start++) {
            if (used[start]) continue;
            used[start] = true;
            LongList ids = new LongList();
            IntList coords = new IntList();
            append(ids, coords, open.get(start), false, false);
            while (ids.last() != ids.first()) {
                long end = ids.last();
                int next = -1;
                for (int cand : byEnd.getOrDefault(end, List.of())) {
                    if (!used[cand]) {
                        next = cand;
                        break;
                    }
                }
                if (next < 0) return new Result(null, CleanseReason.UNCLOSED_RING);
                used[next] = true;
                MemberWay w = open.get(next);
                append(ids, coords, w, w.nodeIds[0] != end, true);
            }
            ringIds.add(ids.toArray());
            ringCoords.add(coords.toArray());
        }
        List<LinearRing> rings = new ArrayList<>();
        for (int[] c : ringCoords) {
            int n = c.length / 2;
            if (n < 4) return new Result(null, CleanseReason.UNCLOSED_RING);
            Coordinate[] pts = new Coordinate[n];
            for (int i = 0; i < n; i++) pts[i] = new Coordinate(c[2 * i] * 1e-7, c[2 * i + 1] * 1e-7);
            rings.add(gf.createLinearRing(pts));
        }
        if (rings.isEmpty()) return new Result(null, CleanseReason.UNCLOSED_RING);
        return new Result(nest(rings, gf), null);
    }

    /** Nests rings by containment: depth even = shell, odd = hole of its nearest container. */
    private static Geometry nest(List<LinearRing> rings, GeometryFactory gf) {
        List<LinearRing> sorted = new ArrayList<>(rings);
        double[] areas = new double[sorted.size()];
        sorted.sort(Comparator.comparingDouble((LinearRing r) -> -Math.abs(
                org.locationtech.jts.algorithm.Area.ofRingSigned(r.getCoordinates()))));
        for (int i = 0; i < sorted.size(); i++) {
            areas[i] = Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(sorted.get(i).getCoordinates()));
        }
        int n = sorted.size();
        int[] parent = new int[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            // the smallest larger ring containing a vertex of ring i not on its boundary
            for (int j = i - 1; j >= 0; j--) {
                if (areas[j] > areas[i] && inside(sorted.get(i), sorted.get(j))) {
                    parent[i] = j;
                    depth[i] = depth[j] + 1;
                    break;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (depth[i] % 2 != 0) continue;
            List<LinearRing> holes = new ArrayList<>();
            for (int k = i + 1; k < n; k++) {
                if (parent[k] == i && depth[k] % 2 == 1) holes.add(sorted.get(k));
            }
            polygons.add(gf.createPolygon(sorted.get(i), holes.toArray(LinearRing[]::new)));
        }
        return gf.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** Whether {@code inner} lies inside {@code outer}: decided by its first vertex not on outer's boundary. */
    private static boolean inside(LinearRing inner, LinearRing outer) {
        Coordinate[] ring = outer.getCoordinates();
        if (!outer.getEnvelopeInternal().contains(inner.getEnvelopeInternal())) return false;
        for (Coordinate c : inner.getCoordinates()) {
            int loc = PointLocation.locateInRing(c, ring);
            if (loc == Location.INTERIOR) return true;
            if (loc == Location.EXTERIOR) return false;
        }
        return false;
    }

    private static void append(LongList ids, IntList coords, MemberWay w, boolean reversed, boolean skipFirst) {
        int n = w.nodeIds.length;
        for (int k = skipFirst ? 1 : 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            ids.add(w.nodeIds[i]);
            coords.add(w.lonLat[2 * i]);
            coords.add(w.lonLat[2 * i + 1]);
        }
    }

    /** A growable long array. */
    private static final class LongList {
        private long[] a = new long[64];
        private int n;

        void add(long v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        long first() {
            return a[0];
        }

        long last() {
            return a[n - 1];
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[128];
        private int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
