package eu.ai4c.kit.aoi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

class PolygonMaskTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final CoordinateReferenceSystem UTM33 = Projections.parse("EPSG:32633", 0, 0);

    /** A 23-point star (concave) with a hexagonal hole, plus a separate triangle: a MultiPolygon in UTM 33. */
    static Geometry starWithHoleAndTriangle(double cx, double cy, double radius) {
        int n = 23;
        Coordinate[] star = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n + 0.1234;
            double r = radius * (i % 2 == 0 ? 1 : 0.55 + 0.1 * Math.sin(i));
            star[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        star[n] = star[0].copy();
        Coordinate[] hole = new Coordinate[7];
        for (int i = 0; i < 6; i++) {
            double a = -2 * Math.PI * i / 6 + 0.3;
            hole[i] = new Coordinate(cx + 0.3 * radius * Math.cos(a), cy + 0.3 * radius * Math.sin(a));
        }
        hole[6] = hole[0].copy();
        Polygon p = GF.createPolygon(GF.createLinearRing(star), new org.locationtech.jts.geom.LinearRing[] {
                GF.createLinearRing(hole)});
        double tx = cx + 1.4 * radius, ty = cy - 0.7 * radius;
        Polygon triangle = GF.createPolygon(new Coordinate[] {new Coordinate(tx, ty),
                new Coordinate(tx + 0.37 * radius, ty + 0.11 * radius), new Coordinate(tx + 0.05 * radius, ty + 0.61 * radius),
                new Coordinate(tx, ty)});
        return GF.createMultiPolygon(new Polygon[] {p, triangle});
    }

    /**
     * Compares the scanline mask with JTS point-in-polygon at every pixel centre; a difference
     * is only allowed for a centre within 1e-6 pixel of an edge (rounding decides those).
     * Returns the number of inside pixels.
     */
    static int assertMatchesBruteForce(byte[] mask, Geometry inGridCrs, MapGeoCoding grid, Region region) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(inGridCrs);
        double pixel = Math.hypot(grid.geoTransform()[1], grid.geoTransform()[4]);
        Geometry boundary = inGridCrs.getBoundary();
        int inside = 0;
        int i = 0;
        for (int row = region.y(); row < region.maxY(); row++) {
            for (int col = region.x(); col < region.maxX(); col++, i++) {
                Coordinate centre = new Coordinate(grid.x(col + 0.5, row + 0.5), grid.y(col + 0.5, row + 0.5));
                boolean expected = locator.locate(centre) == Location.INTERIOR;
                if (expected != (mask[i] == 1)) {
                    double d = boundary.distance(GF.createPoint(centre)) / pixel;
                    assertTrue(d < 1e-6, "pixel (" + col + "," + row + ") mask " + mask[i] + " but JTS says "
                            + expected + ", " + d + " px from the boundary");
                }
                inside += mask[i];
                assertTrue(mask[i] == 0 || mask[i] == 1);
            }
        }
        return inside;
    }

    @Test
    void northUpGridMatchesPointInPolygon() {
        MapGeoCoding grid = MapGeoCoding.northUp(UTM33, 499_000, 5_001_500, 10, 10);
        Geometry g = starWithHoleAndTriangle(500_000, 5_000_700, 600);
        AreaOfInterest aoi = AreaOfInterest.of(g, UTM33, "star");
        Region region = Region.of(260, 180);
        byte[] mask = PolygonMask.mask(aoi, grid, region);
        int inside = assertMatchesBruteForce(mask, g, grid, region);
        // The pixel count approximates the area (boundary pixels cancel on average): within 2 %.
        assertEquals(g.getArea() / 100, inside, 0.02 * g.getArea() / 100);
    }

    @Test
    void rotatedGridMatchesPointInPolygon() {
        double a = Math.toRadians(17);
        double[] gt = {498_500, 7 * Math.cos(a), 7 * Math.sin(a), 5_001_800, 7 * Math.sin(a), -7 * Math.cos(a)};
        MapGeoCoding grid = new MapGeoCoding(UTM33, gt);
        Geometry g = starWithHoleAndTriangle(500_000, 5_000_700, 600);
        Region region = new Region(20, 10, 300, 260);
        byte[] mask = PolygonMask.of(AreaOfInterest.of(g, UTM33, "star"), grid).rasterize(region);
        assertTrue(assertMatchesBruteForce(mask, g, grid, region) > 1000);
    }

    @Test
    void aoiInAnotherCrsIsReprojectedFirst() {
        AreaOfInterest lonLat = AreaOfInterest.parse(AoiFixtures.WITH_HOLE);
        MapGeoCoding grid = MapGeoCoding.northUp(UTM33, 415_000, 5_027_000, 250, 250);
        Region region = Region.of(160, 160);
        byte[] mask = PolygonMask.mask(lonLat, grid, region);
        int inside = assertMatchesBruteForce(mask, lonLat.toCrs(UTM33).geometry(), grid, region);
        assertTrue(inside > 10_000, "inside " + inside);
    }

    @Test
    void tilesAgreeWithTheWholeMask() {
        MapGeoCoding grid = MapGeoCoding.northUp(UTM33, 499_000, 5_001_500, 10, 10);
        PolygonMask pm = PolygonMask.of(AreaOfInterest.of(starWithHoleAndTriangle(500_000, 5_000_700, 600), UTM33, "s"), grid);
        Region whole = Region.of(260, 180);
        byte[] all = pm.rasterize(whole);
        for (int y = 0; y < whole.height(); y += 23) {
            for (int x = 0; x < whole.width(); x += 37) {
                Region tile = new Region(x, y, Math.min(37, whole.width() - x), Math.min(23, whole.height() - y));
                byte[] part = pm.rasterize(tile);
                for (int r = 0; r < tile.height(); r++) {
                    for (int c = 0; c < tile.width(); c++) {
                        assertEquals(all[(y + r) * whole.width() + x + c], part[r * tile.width() + c], tile + " " + c + "," + r);
                    }
                }
            }
        }
        // Regions outside the raster and outside the polygon are all zero.
        byte[] outside = pm.rasterize(new Region(-500, -500, 40, 40));
        assertEquals(0, sum(outside));
    }

    @Test
    void holeIsMaskedExactly() {
        // Pixel corners: outer square [2,12]², hole [5,9]²: 100 - 16 pixels inside.
        Geometry g = wkt("POLYGON ((2 2, 12 2, 12 12, 2 12, 2 2), (5 5, 5 9, 9 9, 9 5, 5 5))");
        byte[] mask = PolygonMask.inPixels(g).rasterize(Region.of(14, 14));
        assertEquals(84, sum(mask));
        for (int r = 0; r < 14; r++) {
            for (int c = 0; c < 14; c++) {
                boolean inOuter = c >= 2 && c < 12 && r >= 2 && r < 12;
                boolean inHole = c >= 5 && c < 9 && r >= 5 && r < 9;
                assertEquals(inOuter && !inHole ? 1 : 0, mask[r * 14 + c], c + "," + r);
            }
        }
    }

    @Test
    void edgesThroughPixelCentresAreHalfOpen() {
        // Two polygons sharing the edge x = 5.5 (through pixel centres of column 5) and y = 3.5.
        Region region = Region.of(12, 8);
        byte[] left = PolygonMask.inPixels(wkt("POLYGON ((0.5 0.5, 5.5 0.5, 5.5 7.5, 0.5 7.5, 0.5 0.5))")).rasterize(region);
        byte[] right = PolygonMask.inPixels(wkt("POLYGON ((5.5 0.5, 11.5 0.5, 11.5 7.5, 5.5 7.5, 5.5 0.5))")).rasterize(region);
        byte[] both = PolygonMask.inPixels(wkt("POLYGON ((0.5 0.5, 11.5 0.5, 11.5 7.5, 0.5 7.5, 0.5 0.5))")).rasterize(region);
        for (int i = 0; i < both.length; i++) {
            assertEquals(both[i], left[i] + right[i], "pixel " + i + " counted once");
        }
        // Centres on the left edge x = 0.5 and top edge y = 0.5 count, right/bottom ones do not.
        assertEquals(11 * 7, sum(both));
        assertEquals(1, both[0]);
        assertEquals(0, both[11]);
    }

    @Test
    void touchedPixelsCoverTheBounds() {
        PolygonMask pm = PolygonMask.inPixels(wkt("POLYGON ((2.2 3.7, 9.1 3.7, 9.1 8.0, 2.2 8.0, 2.2 3.7))"));
        assertEquals(new Region(2, 3, 8, 5), pm.touchedPixels(1e-6));
    }

    @Test
    void reusedOutputArrayIsCleared() {
        PolygonMask pm = PolygonMask.inPixels(wkt("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"));
        byte[] out = new byte[25];
        java.util.Arrays.fill(out, (byte) 7);
        pm.rasterize(Region.of(5, 5), out);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, out);
    }

    static int sum(byte[] mask) {
        int s = 0;
        for (byte b : mask) s += b;
        return s;
    }

    private static Geometry wkt(String text) {
        return AoiFixtures.wkt(text);
    }
}
