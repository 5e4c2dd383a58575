package eu.ai4c.kit.aoi;

import static eu.ai4c.kit.aoi.AoiFixtures.EAST_BOX;
import static eu.ai4c.kit.aoi.AoiFixtures.OVERLAPPING_BOX;
import static eu.ai4c.kit.aoi.AoiFixtures.WITH_HOLE;
import static eu.ai4c.kit.aoi.AoiFixtures.featureCollection;
import static eu.ai4c.kit.aoi.AoiFixtures.wkt;
import static eu.ai4c.kit.aoi.AoiFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

class AreaOfInterestTest {

    @TempDir
    Path dir;

    private static Ai4cException usageError(String text) {
        Ai4cException e = assertThrows(Ai4cException.class, () -> AreaOfInterest.parse(text));
        assertTrue(e.isUsageError(), e.getMessage());
        return e;
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "\"" + p + "\" missing in: " + message);
    }

    @Test
    void wktPolygonIsWgs84LongitudeLatitude() {
        AreaOfInterest aoi = AreaOfInterest.parse("  " + WITH_HOLE + "\n");
        assertEquals(4326, Projections.epsgCode(aoi.crs()).getAsInt());
        assertEquals(wkt(WITH_HOLE).getArea(), aoi.area(), 1e-15);
        assertEquals(13.98, aoi.bounds().getMinX());
        assertEquals(45.35, aoi.bounds().getMaxY());
        assertTrue(aoi.source().startsWith("WKT POLYGON"), aoi.source());
    }

    @Test
    void boxWestSouthEastNorthIsAWgs84Polygon() {
        AreaOfInterest aoi = AreaOfInterest.parse(" 1.5, 42.49,1.55 ,42.52 ");
        assertEquals(4326, Projections.epsgCode(aoi.crs()).getAsInt());
        assertEquals(0.05 * 0.03, aoi.area(), 1e-12);
        assertEquals(1.5, aoi.bounds().getMinX());
        assertEquals(42.52, aoi.bounds().getMaxY());
        assertContains(usageError("1.55,42.49,1.5,42.52").getMessage(), "1.55,42.49,1.5,42.52", "west < east");
        assertContains(usageError("1.5,42.49,1.55,92").getMessage(), "[-90, 90]");
        assertContains(usageError("1.5,42.49,1.55,4.2.52").getMessage(), "not four numbers");
    }

    @Test
    void wktMultiPolygonAndEwktSrid() {
        String multi = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 0)))";
        assertEquals(150, AreaOfInterest.parse(multi).area(), 1e-12);
        AreaOfInterest utm = AreaOfInterest.parse("SRID=32633;POLYGON ((500000 5000000, 501000 5000000, "
                + "501000 5002000, 500000 5000000))");
        assertEquals(32633, Projections.epsgCode(utm.crs()).getAsInt());
        assertEquals(1e6, utm.area(), 1e-6);
    }

    @Test
    void wktThatIsNotAPolygonIsRejected() {
        for (String text : new String[] {"POINT (14 45)", "LINESTRING (14 45, 15 46)", "point(1 2)"}) {
            assertContains(usageError(text).getMessage(), text.substring(0, 5).toUpperCase(), "polygon is needed",
                    text.contains("(") ? text.substring(text.indexOf('(')) : text);
        }
    }

    @Test
    void wktSyntaxErrorNamesTheValue() {
        String broken = "POLYGON ((14 45, 15 45, 15 46";
        assertContains(usageError(broken).getMessage(), broken, "not valid WKT", "POLYGON((");
    }

    @Test
    void overlappingFeaturesAreUnioned() {
        Path file = write(dir.resolve("two.geojson"), featureCollection(WITH_HOLE, OVERLAPPING_BOX));
        AreaOfInterest aoi = AreaOfInterest.parse(file.toString());
        Geometry expected = wkt(WITH_HOLE).union(wkt(OVERLAPPING_BOX));
        assertTrue(aoi.geometry() instanceof Polygon, "overlapping parts merge into one polygon");
        assertEquals(expected.getArea(), aoi.area(), 1e-12);
        assertTrue(aoi.area() < wkt(WITH_HOLE).getArea() + wkt(OVERLAPPING_BOX).getArea() - 1e-3);
        assertTrue(expected.equalsTopo(aoi.geometry()));
    }

    @Test
    void geoJsonFeatureAndBareGeometry() {
        String geometry = AoiFixtures.geometry((Polygon) wkt(EAST_BOX));
        Path feature = write(dir.resolve("f.json"), "{\"type\":\"Feature\",\"properties\":null,\"geometry\":" + geometry + "}");
        Path bare = write(dir.resolve("g.geojson"), geometry);
        assertEquals(wkt(EAST_BOX).getArea(), AreaOfInterest.parse(feature.toString()).area(), 1e-15);
        assertEquals(wkt(EAST_BOX).getArea(), AreaOfInterest.parse(bare.toString()).area(), 1e-15);
    }

    @Test
    void brokenGeoJsonNamesTheFileAndPosition() {
        Path file = write(dir.resolve("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [\n {\"type\": ");
        assertContains(usageError(file.toString()).getMessage(), file.toString(), "not valid JSON", "line 2");
    }

    @Test
    void geoJsonLineStringIsRejected() {
        Path file = write(dir.resolve("line.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[14,45],[15,46]]}}]}");
        assertContains(usageError(file.toString()).getMessage(), file.toString(), "feature #1", "LineString", "polygon");
    }

    @Test
    void geoJsonWithoutPolygonIsRejected() {
        Path file = write(dir.resolve("empty.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertContains(usageError(file.toString()).getMessage(), file.toString(), "no polygon");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nowhere/aoi.geojson");
        assertContains(usageError(missing.toString()).getMessage(), missing.toString(), "does not exist", "GeoJSON");
    }

    @Test
    void unknownExtensionListsAcceptedFormats() throws Exception {
        Path csv = Files.writeString(dir.resolve("aoi.csv"), "lon,lat\n14,45\n");
        assertContains(usageError(csv.toString()).getMessage(), csv.toString(), ".csv", ".geojson", ".shp", ".kml",
                ".gpkg", "WKT");
    }

    @Test
    void shapefileWithoutPrj() throws Exception {
        Path source = write(dir.resolve("src.geojson"), featureCollection(EAST_BOX));
        Path lonLat = Ogr.convert(source, dir.resolve("lonlat.shp"), "ESRI Shapefile");
        Files.delete(dir.resolve("lonlat.prj"));
        AreaOfInterest aoi = AreaOfInterest.parse(lonLat.toString());
        assertEquals(wkt(EAST_BOX).getArea(), aoi.area(), 1e-12);
        assertContains(aoi.source(), "WGS84 assumed");

        Path utm = Ogr.convert(source, dir.resolve("utm.shp"), "ESRI Shapefile", "-t_srs", "EPSG:32633");
        Files.delete(dir.resolve("utm.prj"));
        assertContains(usageError(utm.toString()).getMessage(), utm.toString(), "no .prj");
    }

    @Test
    void toCrsIsIdentityForTheSameCrsAndKeepsTheSource() {
        AreaOfInterest aoi = AreaOfInterest.parse(EAST_BOX);
        assertSame(aoi, aoi.toCrs(Projections.parse("EPSG:4326", 0, 0)));
        AreaOfInterest utm = aoi.toCrs(Projections.parse("EPSG:32633", 0, 0));
        assertNotSame(aoi, utm);
        assertEquals(aoi.source(), utm.source());
    }

    /**
     * A 10°-long edge along the 60th parallel: in UTM the parallel is a curve, so the
     * reprojected boundary must pass through the projected midpoint (15°E, 60°N). With only the
     * two end vertices transformed the chord would miss it by ~ L²/(8R) = (557 km)²/(8·3200 km)
     * ≈ 12 km; with the densification (1/256 of the extent) the remaining sagitta is ~0.2 m.
     */
    @Test
    void reprojectionDensifiesLongEdges() throws Exception {
        AreaOfInterest aoi = AreaOfInterest.parse("POLYGON ((10 59, 20 59, 20 60, 10 60, 10 59))");
        CoordinateReferenceSystem utm = Projections.parse("EPSG:32633", 0, 0);
        Geometry projected = aoi.toCrs(utm).geometry();
        Geometry mid = AoiFixtures.vertexwise(point(15, 60), Projections.wgs84(), utm);
        double gap = projected.getBoundary().distance(mid);
        assertTrue(gap < 1.0, "boundary misses the projected parallel by " + gap + " m");
        Geometry chordOnly = AoiFixtures.vertexwise(aoi.geometry(), Projections.wgs84(), utm);
        assertTrue(chordOnly.getBoundary().distance(mid) > 5000, "test geometry must have a curved edge");
        Coordinate[] back = aoi.toCrs(utm).toCrs(Projections.wgs84()).geometry().getCoordinates();
        for (Coordinate c : back) {
            assertTrue(c.x >= 10 - 1e-9 && c.x <= 20 + 1e-9 && c.y >= 59 - 1e-9 && c.y <= 60 + 1e-9, c.toString());
        }
    }

    @Test
    void geometryIsCopiedOutSoTheAoiStaysImmutable() {
        AreaOfInterest aoi = AreaOfInterest.parse(EAST_BOX);
        Geometry g = aoi.geometry();
        g.apply((Coordinate c) -> c.x += 100);
        g.geometryChanged();
        assertEquals(14.6, aoi.bounds().getMinX());
    }

    private static Geometry point(double x, double y) {
        return eu.ai4c.kit.aoi.vector.Polygons.FACTORY.createPoint(new Coordinate(x, y));
    }
}
