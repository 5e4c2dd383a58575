package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rings on the map: antimeridian splitting, WKT rings, bounds and point tests. */
class LonLatRingsTest {

    @Test
    void aRingAcrossTheAntimeridianIsCutIntoOnePartOnEachSide() {
        // 20° wide box from 170°E to 170°W, closing point included
        double[] ring = {170, -10, -170, -10, -170, 10, 170, 10, 170, -10};
        List<double[]> parts = LonLatRings.splitAtAntimeridian(ring);
        assertEquals(2, parts.size());
        assertArrayEquals(new double[] {170, -10, 180, 10}, LonLatRings.bounds(List.of(parts.get(0))), 0);
        assertArrayEquals(new double[] {-180, -10, -170, 10}, LonLatRings.bounds(List.of(parts.get(1))), 0);
        assertEquals(200, Math.abs(LonLatRings.signedArea(parts.get(0))), 1e-9);
        assertEquals(200, Math.abs(LonLatRings.signedArea(parts.get(1))), 1e-9);
    }

    @Test
    void aSlantedEdgeIsCutWhereItMeetsTheAntimeridian() {
        // the edge from (178, 0) to (−176, 6) crosses 180° a third of the way: at latitude 2
        double[] ring = {178, 0, -176, 6, -176, 10, 178, 10};
        List<double[]> parts = LonLatRings.splitAtAntimeridian(ring);
        assertEquals(2, parts.size());
        assertTrue(hasPoint(parts.get(0), 180, 2), "east part ends at (180°, 2°)");
        assertTrue(hasPoint(parts.get(1), -180, 2), "west part begins at (−180°, 2°)");
        double total = Math.abs(LonLatRings.signedArea(parts.get(0))) + Math.abs(LonLatRings.signedArea(parts.get(1)));
        double whole = Math.abs(LonLatRings.signedArea(new double[] {178, 0, 184, 6, 184, 10, 178, 10}));
        assertEquals(whole, total, 1e-9, "no area lost or doubled");
    }

    @Test
    void ringsThatDoNotCrossAreKeptAndRingsBeyond180AreBroughtBack() {
        double[] ring = {10, 40, 20, 40, 20, 50, 10, 50};
        List<double[]> parts = LonLatRings.splitAtAntimeridian(ring);
        assertEquals(1, parts.size());
        assertArrayEquals(ring, parts.get(0), 0);
        // a ring written in 0…360° longitudes, wholly east of 180°
        List<double[]> shifted = LonLatRings.splitAtAntimeridian(new double[] {190, 0, 200, 0, 200, 5, 190, 5});
        assertEquals(1, shifted.size());
        assertArrayEquals(new double[] {-170, 0, -160, 5}, LonLatRings.bounds(shifted), 0);
        assertEquals(0, LonLatRings.splitAtAntimeridian(new double[] {0, 0, 1, 1}).size(), "two points are no ring");
    }

    @Test
    void aRingAroundAPoleIsKeptWithinTheWorld() {
        double[] cap = {-180, 80, -90, 80, 0, 80, 90, 80, 179, 80};
        List<double[]> parts = LonLatRings.splitAtAntimeridian(cap);
        assertEquals(1, parts.size());
        double[] b = LonLatRings.bounds(parts);
        assertTrue(b[0] >= -180 && b[2] <= 180, java.util.Arrays.toString(b));
    }

    @Test
    void wktPolygonsAndMultipolygonsGiveTheirRings() {
        List<double[]> rings = LonLatRings.ofWkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2)), "
                + "((20 20, 30 20, 30 30, 20 20)))");
        assertEquals(3, rings.size());
        assertArrayEquals(new double[] {0, 0, 10, 0, 10, 10, 0, 10}, rings.get(0), 0);
        assertArrayEquals(new double[] {20, 20, 30, 20, 30, 30}, rings.get(2), 0);
        assertEquals(1, LonLatRings.ofWkt("POLYGON ((1.5 -2.25, 3 -2.25, 3 4e-1, 1.5 -2.25))").size());
        assertThrows(IllegalArgumentException.class, () -> LonLatRings.ofWkt("POINT EMPTY"));
    }

    @Test
    void pointsInsideAndOutside() {
        double[] ring = {0, 0, 10, 0, 10, 10, 0, 10};
        assertTrue(LonLatRings.contains(ring, 5, 5));
        assertFalse(LonLatRings.contains(ring, 15, 5));
        assertFalse(LonLatRings.contains(ring, 5, -0.1));
    }

    private static boolean hasPoint(double[] ring, double lon, double lat) {
        for (int i = 0; i < ring.length; i += 2) {
            if (Math.abs(ring[i] - lon) < 1e-9 && Math.abs(ring[i + 1] - lat) < 1e-9) return true;
        }
        return false;
    }
}
