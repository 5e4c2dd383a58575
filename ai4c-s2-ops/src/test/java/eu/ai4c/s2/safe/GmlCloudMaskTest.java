package eu.ai4c.s2.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.aoi.PolygonMask;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** The real pre-04.00 L1C vector cloud mask of the s2reader fixture. */
class GmlCloudMaskTest {
    private static final String TILE = "s2reader/tests/data/compact_safe/S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE/"
            + "GRANULE/L1C_T32TNM_A008785_20170226T102458/";

    @Test
    void parsesPolygonsAndRasterizesThemOnTheTileGrid() throws IOException {
        Path gml = Fixtures.file(TILE + "QI_DATA/MSK_CLOUDS_B00.gml");
        GmlCloudMask mask;
        try (InputStream in = Files.newInputStream(gml)) {
            mask = GmlCloudMask.parse(in, gml.toString());
        }
        assertTrue(mask.opaque().size() + mask.cirrus().size() > 0);
        Polygon first = mask.opaque().get(0);
        // first vertex of OPAQUE.0 as written in the file
        assertEquals(502440, first.getExteriorRing().getCoordinateN(0).x);
        assertEquals(4672440, first.getExteriorRing().getCoordinateN(0).y);
        // all polygons lie inside the envelope declared by the file
        for (Polygon p : mask.all()) {
            assertTrue(p.getEnvelopeInternal().getMinX() >= 501840 && p.getEnvelopeInternal().getMaxY() <= 4687860);
        }
        S2SafeReader.Metadata md = S2SafeReader.readMetadata(Fixtures.file(
                "s2reader/tests/data/compact_safe/S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE"));
        TileGrid g60 = md.tile().orElseThrow().grid(60).orElseThrow();
        MapGeoCoding grid = new MapGeoCoding(eu.ai4c.kit.geo.Projections.parse("EPSG:32632", 0, 0), g60.geoTransform());
        Geometry union = eu.ai4c.kit.aoi.vector.Polygons.union(mask.all(), "clouds");
        AreaOfInterest clouds = AreaOfInterest.of(union, grid.crs(), "clouds");
        byte[] m = PolygonMask.of(clouds, grid).rasterize(Region.of(g60.cols(), g60.rows()));
        int count = 0;
        for (byte b : m) count += b;
        // the polygons follow 60 m pixel edges: the rasterized area equals the polygon area
        assertEquals(union.getArea() / 3600.0, count, 1e-6);
        assertTrue(count > 0);
    }
}
