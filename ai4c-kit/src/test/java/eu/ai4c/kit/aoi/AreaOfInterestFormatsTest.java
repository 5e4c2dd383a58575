package eu.ai4c.kit.aoi;

import static eu.ai4c.kit.aoi.AoiFixtures.EAST_BOX;
import static eu.ai4c.kit.aoi.AoiFixtures.WITH_HOLE;
import static eu.ai4c.kit.aoi.AoiFixtures.featureCollection;
import static eu.ai4c.kit.aoi.AoiFixtures.maxVertexOffset;
import static eu.ai4c.kit.aoi.AoiFixtures.vertexwise;
import static eu.ai4c.kit.aoi.AoiFixtures.wkt;
import static eu.ai4c.kit.aoi.AoiFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.Projections;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Each vector format, written by GDAL's ogr2ogr from one GeoJSON source (a polygon with a hole
 * plus a separate box), must give back the source area: exactly where the format stores
 * WGS84 coordinates, within the agreement of two projection libraries where ogr2ogr reprojected.
 */
class AreaOfInterestFormatsTest {

    /**
     * Relative area tolerance after GDAL (PROJ) and SIS each project the same vertices: their
     * transverse Mercator formulas agree to about a millimetre inside a zone, which on this
     * ~40 km polygon changes the area by ~1e-10 relatively; 1e-8 leaves margin.
     */
    private static final double PROJECTED_AREA_TOLERANCE = 1e-8;
    /** Vertex agreement between PROJ and SIS in metres (see above), with margin. */
    private static final double PROJECTED_VERTEX_TOLERANCE_M = 0.01;
    /** Relative tolerance where coordinates are stored as decimal WGS84 text or doubles. */
    private static final double EXACT_AREA_TOLERANCE = 1e-12;

    @TempDir
    static Path dir;
    static Path source;
    static Geometry expected;

    @BeforeAll
    static void writeSource() {
        source = write(dir.resolve("aoi.geojson"), featureCollection(WITH_HOLE, EAST_BOX));
        expected = wkt(WITH_HOLE).union(wkt(EAST_BOX));
    }

    private static CoordinateReferenceSystem epsg(int code) {
        return Projections.parse("EPSG:" + code, 0, 0);
    }

    private static void assertSameAsSourceInWgs84(AreaOfInterest aoi) {
        assertEquals(4326, Projections.epsgCode(aoi.crs()).getAsInt(), aoi.source());
        assertEquals(expected.getArea(), aoi.area(), expected.getArea() * EXACT_AREA_TOLERANCE, aoi.source());
        assertEquals(expected.getEnvelopeInternal().toString(), aoi.bounds().toString(), aoi.source());
        assertTopology(aoi.geometry());
    }

    /** Two parts, one with a hole, as in the source. */
    private static void assertTopology(Geometry g) {
        assertTrue(g instanceof MultiPolygon, g.getGeometryType());
        int holes = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) holes += ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
        assertEquals(2, g.getNumGeometries());
        assertEquals(1, holes);
    }

    /**
     * The AoI's CRS maps points like EPSG:{@code epsg} (an ESRI .prj carries no EPSG code, so
     * equivalence is checked by transforming the source's vertices from one to the other).
     */
    private static void assertSameAsSourceProjected(AreaOfInterest aoi, int epsg) throws Exception {
        Geometry viaEpsg = vertexwise(expected, Projections.wgs84(), epsg(epsg));
        Geometry viaFile = vertexwise(vertexwise(expected, Projections.wgs84(), aoi.crs()), aoi.crs(), epsg(epsg));
        assertTrue(maxVertexOffset(viaEpsg, viaFile) < 1e-6, "CRS of " + aoi.source() + " differs from EPSG:" + epsg);
        Geometry projected = vertexwise(expected, Projections.wgs84(), aoi.crs());
        assertEquals(projected.getArea(), aoi.area(), projected.getArea() * PROJECTED_AREA_TOLERANCE, aoi.source());
        assertTrue(maxVertexOffset(projected, aoi.geometry()) < PROJECTED_VERTEX_TOLERANCE_M, aoi.source());
        assertTopology(aoi.geometry());
    }

    @Test
    void geoJsonWrittenByHand() {
        assertSameAsSourceInWgs84(AreaOfInterest.parse(source.toString()));
    }

    @Test
    void shapefileInUtmWithPrj() throws Exception {
        Path shp = Ogr.convert(source, dir.resolve("utm.shp"), "ESRI Shapefile", "-t_srs", "EPSG:32633");
        assertTrue(Files.exists(dir.resolve("utm.prj")));
        AreaOfInterest aoi = AreaOfInterest.parse(shp.toString());
        assertSameAsSourceProjected(aoi, 32633);
    }

    /**
     * Back in WGS84 the shapefile's edges, straight in UTM, are curves (densified by toCrs)
     * while the source's are straight in longitude/latitude. The gap is the sagitta L²/(8R)
     * of an edge of length L on a map curve of radius R: here L ≤ 35 km and R ≥ 6400 km
     * (a parallel at 45° on transverse Mercator), so at most 24 m, i.e. 3.2e-4° of longitude
     * at 45°N: 4e-4° bounds the Hausdorff distance (measured 1.8e-4°). The area between chord
     * and arc is (2/3)·L·sagitta per edge: under 6.7e6 m² for 13 edges of at most 35 km, 5e-3 of the
     * 1.3e9 m² area (measured 1.2e-4, the edges' errors partly cancelling). The original vertices
     * themselves come back to 1e-7° (1 cm; measured 2e-11°).
     */
    @Test
    void shapefileBackToWgs84FollowsTheSource() {
        Path shp = Ogr.convert(source, dir.resolve("utm2.shp"), "ESRI Shapefile", "-t_srs", "EPSG:32633");
        AreaOfInterest back = AreaOfInterest.parse(shp.toString()).toCrs(Projections.wgs84());
        assertTrue(maxVertexOffset(expected, back.geometry()) < 1e-7);
        assertTrue(DiscreteHausdorffDistance.distance(expected, back.geometry()) < 4e-4);
        assertEquals(expected.getArea(), back.area(), expected.getArea() * 5e-3);
    }

    @Test
    void kml() {
        Path kml = Ogr.convert(source, dir.resolve("aoi.kml"), "KML");
        assertSameAsSourceInWgs84(AreaOfInterest.parse(kml.toString()));
    }

    @Test
    void kmzHoldingTheKml() throws IOException {
        Path kml = Ogr.convert(source, dir.resolve("forkmz.kml"), "KML");
        Path kmz = dir.resolve("aoi.kmz");
        try (OutputStream out = Files.newOutputStream(kmz); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("doc.kml"));
            zip.write(Files.readAllBytes(kml));
            zip.closeEntry();
        }
        assertSameAsSourceInWgs84(AreaOfInterest.parse(kmz.toString()));
    }

    /** GDAL's LIBKML driver writes a doc.kml linking to layers/aoi.kml inside the KMZ. */
    @Test
    void kmzWrittenByLibkml() {
        Path kmz = Ogr.convert(source, dir.resolve("libkml.kmz"), "LIBKML");
        assertSameAsSourceInWgs84(AreaOfInterest.parse(kmz.toString()));
    }

    /** The .prj of a WGS84 shapefile is ESRI WKT (GCS_WGS_1984): longitude first, same area. */
    @Test
    void shapefileInWgs84() {
        Path shp = Ogr.convert(source, dir.resolve("lonlat.shp"), "ESRI Shapefile");
        AreaOfInterest aoi = AreaOfInterest.parse(shp.toString());
        assertTrue(Projections.isGeographic(aoi.crs()));
        assertEquals(org.opengis.referencing.cs.AxisDirection.EAST, aoi.crs().getCoordinateSystem().getAxis(0).getDirection());
        assertEquals(expected.getArea(), aoi.area(), expected.getArea() * EXACT_AREA_TOLERANCE);
        assertEquals(expected.getEnvelopeInternal(), aoi.bounds());
        assertTopology(aoi.geometry());
    }

    @Test
    void geoPackageInWgs84() {
        Path gpkg = Ogr.convert(source, dir.resolve("wgs84.gpkg"), "GPKG");
        AreaOfInterest aoi = AreaOfInterest.parse(gpkg.toString());
        assertSameAsSourceInWgs84(aoi);
        assertTrue(aoi.source().contains("wgs84.gpkg"), aoi.source());
    }

    @Test
    void geoPackageInLambertEqualArea() throws Exception {
        Path gpkg = Ogr.convert(source, dir.resolve("laea.gpkg"), "GPKG", "-t_srs", "EPSG:3035");
        assertSameAsSourceProjected(AreaOfInterest.parse(gpkg.toString()), 3035);
    }

    @Test
    void geoJsonWithLegacyCrsMemberFromGdal() throws Exception {
        Path utm = Ogr.convert(source, dir.resolve("utm.geojson"), "GeoJSON", "-t_srs", "EPSG:32633");
        assertTrue(Files.readString(utm).contains("EPSG::32633"), "GDAL writes the crs member");
        assertSameAsSourceProjected(AreaOfInterest.parse(utm.toString()), 32633);
    }
}
