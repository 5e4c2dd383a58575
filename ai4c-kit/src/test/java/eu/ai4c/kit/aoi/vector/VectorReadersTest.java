package eu.ai4c.kit.aoi.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.Ogr;
import eu.ai4c.kit.geo.Projections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** Format details of the vector readers: shape types, ring orientation, heights, bad content. */
class VectorReadersTest {

    /** A triangle with heights (becomes PolygonZ / PolygonM in shapefiles, EPSG:4979 in GeoPackage). */
    private static final String TRIANGLE_3D = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[14,45,100],[14.1,45,100],[14.1,45.1,120],[14,45,100]]]}}]}";
    private static final double TRIANGLE_AREA = 0.005;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Coordinate[] ring(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        return c;
    }

    @Test
    void shapefilePolygonZAndPolygonM() throws Exception {
        Path src = write("z.geojson", TRIANGLE_3D);
        Path z = Ogr.convert(src, dir.resolve("z.shp"), "ESRI Shapefile");
        Path m = Ogr.convert(src, dir.resolve("m.shp"), "ESRI Shapefile", "-dim", "XYM");
        assertEquals(ShapefileReader.POLYGON_Z, shapeType(z));
        assertEquals(ShapefileReader.POLYGON_M, shapeType(m));
        for (Path p : List.of(z, m)) {
            VectorGeometry v = ShapefileReader.read(p);
            assertEquals(TRIANGLE_AREA, v.geometry().getArea(), 1e-15, p.toString());
            assertEquals(2, v.crs().getCoordinateSystem().getDimension());
        }
    }

    private static int shapeType(Path shp) throws Exception {
        byte[] b = Files.readAllBytes(shp);
        return (b[32] & 0xFF) | (b[33] & 0xFF) << 8;
    }

    @Test
    void geoPackageWithHeightsUsesTheHorizontalCrs() throws Exception {
        Path gpkg = Ogr.convert(write("h.geojson", TRIANGLE_3D), dir.resolve("h.gpkg"), "GPKG");
        VectorGeometry v = GeoPackageReader.read(gpkg);
        assertEquals(TRIANGLE_AREA, v.geometry().getArea(), 1e-15);
        assertEquals(2, v.crs().getCoordinateSystem().getDimension());
        assertTrue(Projections.isGeographic(v.crs()));
    }

    @Test
    void clockwiseRingsAreOuterAndCounterClockwiseRingsAreHoles() {
        Coordinate[] outerA = ring(0, 0, 0, 10, 10, 10, 10, 0, 0, 0);          // clockwise
        Coordinate[] outerB = ring(20, 0, 20, 10, 30, 10, 30, 0, 20, 0);       // clockwise
        Coordinate[] holeInB = ring(22, 2, 28, 2, 28, 8, 22, 8, 22, 2);        // counter-clockwise
        Coordinate[] islandInHole = ring(24, 4, 24, 6, 26, 6, 26, 4, 24, 4);   // clockwise, inside the hole
        List<Polygon> polygons = ShapefileReader.assemble(List.of(outerA, holeInB, outerB, islandInHole), "test");
        assertEquals(3, polygons.size());
        assertEquals(0, polygons.get(0).getNumInteriorRing());
        assertEquals(1, polygons.get(1).getNumInteriorRing(), "hole goes to the ring containing it");
        assertEquals(100 - 36, polygons.get(1).getArea(), 1e-12);
        assertEquals(4, polygons.get(2).getArea(), 1e-12);
    }

    @Test
    void counterClockwiseRingOutsideEveryOuterRingIsAnOuterRing() {
        Coordinate[] ccw = ring(0, 0, 10, 0, 10, 10, 0, 10, 0, 0);
        List<Polygon> polygons = ShapefileReader.assemble(List.<Coordinate[]>of(ccw), "test");
        assertEquals(1, polygons.size());
        assertEquals(100, polygons.get(0).getArea(), 1e-12);
    }

    @Test
    void shapefileOfLinesIsRejected() throws Exception {
        Path src = write("line.geojson", "{\"type\":\"LineString\",\"coordinates\":[[14,45],[15,46]]}");
        Path shp = Ogr.convert(src, dir.resolve("line.shp"), "ESRI Shapefile");
        Ai4cException e = assertThrows(Ai4cException.class, () -> ShapefileReader.read(shp));
        assertTrue(e.getMessage().contains("polyline") && e.getMessage().contains(shp.toString()), e.getMessage());
    }

    @Test
    void truncatedShapefileIsNamed() throws Exception {
        Path shp = Ogr.convert(write("t.geojson", TRIANGLE_3D), dir.resolve("t.shp"), "ESRI Shapefile");
        byte[] b = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(b, b.length - 20));
        Ai4cException e = assertThrows(Ai4cException.class, () -> ShapefileReader.read(shp));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("record #1"), e.getMessage());
        Path notShp = write("fake.shp", "not a shapefile at all".repeat(10));
        assertTrue(assertThrows(Ai4cException.class, () -> ShapefileReader.read(notShp)).getMessage().contains("9994"));
    }

    @Test
    void kmlWithAPointIsRejected() throws Exception {
        Path kml = write("p.kml", "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><Point>"
                + "<coordinates>14,45</coordinates></Point></Placemark></Document></kml>");
        Ai4cException e = assertThrows(Ai4cException.class, () -> KmlReader.read(kml));
        assertTrue(e.getMessage().contains("Point") && e.getMessage().contains("polygons"), e.getMessage());
    }

    @Test
    void kmlWrittenByHandWithHoleAndAltitudes() throws Exception {
        Path kml = write("h.kml", "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark>"
                + "<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>\n 0,0,5 4,0,5\n4,4,5 0,4,5 0,0,5 "
                + "</coordinates></LinearRing></outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>1,1 1,2 2,2 2,1"
                + "</coordinates></LinearRing></innerBoundaryIs></Polygon></MultiGeometry></Placemark></kml>");
        assertEquals(15, KmlReader.read(kml).geometry().getArea(), 1e-12, "unclosed inner ring is closed");
    }

    @Test
    void kmlWithDoctypeIsRefused() throws Exception {
        Path kml = write("x.kml", "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<kml><Placemark><name>&e;</name></Placemark></kml>");
        Ai4cException e = assertThrows(Ai4cException.class, () -> KmlReader.read(kml));
        assertTrue(e.getMessage().contains(kml.toString()), e.getMessage());
    }

    @Test
    void geoPackageWithTwoLayersAsksForOne() throws Exception {
        Path a = write("a.geojson", TRIANGLE_3D);
        Path gpkg = Ogr.convert(a, dir.resolve("two.gpkg"), "GPKG", "-nln", "first");
        Ogr.convert(a, gpkg, "GPKG", "-update", "-nln", "second");
        Ai4cException e = assertThrows(Ai4cException.class, () -> GeoPackageReader.read(gpkg));
        assertTrue(e.getMessage().contains("2 feature tables") && e.getMessage().contains("first"), e.getMessage());
    }

    @Test
    void geoPackageOfPointsIsRejected() throws Exception {
        Path src = write("pt.geojson", "{\"type\":\"Point\",\"coordinates\":[14,45]}");
        Path gpkg = Ogr.convert(src, dir.resolve("pt.gpkg"), "GPKG");
        Ai4cException e = assertThrows(Ai4cException.class, () -> GeoPackageReader.read(gpkg));
        assertTrue(e.getMessage().contains("Point") && e.getMessage().contains("row #1"), e.getMessage());
    }

    @Test
    void fileThatIsNotAGeoPackage() throws Exception {
        Path fake = write("fake.gpkg", "hello");
        Ai4cException e = assertThrows(Ai4cException.class, () -> GeoPackageReader.read(fake));
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
    }

    @Test
    void geoPackageBlobHeader() throws Exception {
        byte[] wkb = new org.locationtech.jts.io.WKBWriter().write(Polygons.FACTORY.createPolygon(ring(0, 0, 1, 0, 1, 1, 0, 0)));
        byte[] blob = new byte[8 + 32 + wkb.length];
        blob[0] = 'G';
        blob[1] = 'P';
        blob[3] = 0b0000_0011; // little-endian header, envelope [minx, maxx, miny, maxy]
        System.arraycopy(wkb, 0, blob, 40, wkb.length);
        org.locationtech.jts.io.WKBReader reader = new org.locationtech.jts.io.WKBReader();
        assertEquals(0.5, GeoPackageGeometry.decode(blob, reader, "t").getArea(), 1e-15);
        blob[3] = 0b0001_0011; // empty flag
        assertEquals(null, GeoPackageGeometry.decode(blob, reader, "t"));
        blob[0] = 'X';
        assertThrows(Ai4cException.class, () -> GeoPackageGeometry.decode(blob, reader, "t"));
    }
}
