package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** CRSs with and without EPSG codes, checked by what gdalinfo reads back. */
class GeoTiffGeoreferencingTest {
    @TempDir
    Path dir;

    private JsonNode writeAndInfo(String name, CoordinateReferenceSystem crs, double[] gt) throws Exception {
        Path out = dir.resolve(name + ".tif");
        new GeoTiffWriter().write(Product.of(name, TestRasters.random(DataType.INT16, 40, 30, 1, 1,
                new MapGeoCoding(crs, gt))), out, ProcessingContext.defaults());
        JsonNode info = GdalTools.info(out);
        assertArrayEquals(gt, GeoTiffWriterTest.geoTransform(info), 1e-9);
        return info;
    }

    private static String wkt(JsonNode info) {
        return info.get("coordinateSystem").get("wkt").asText();
    }

    @Test
    void geographicEpsgCode() throws Exception {
        JsonNode info = writeAndInfo("wgs84", Projections.wgs84(), new double[] {10, 0.001, 0, 50, 0, -0.001});
        assertTrue(wkt(info).contains("ID[\"EPSG\",4326]"), wkt(info));
    }

    @Test
    void userDefinedTransverseMercator() throws Exception {
        CoordinateReferenceSystem crs = Projections.parse("PROJCS[\"Custom TM\",GEOGCS[\"WGS 84\","
                + "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",10.5],"
                + "PARAMETER[\"scale_factor\",0.9995],PARAMETER[\"false_easting\",400000],"
                + "PARAMETER[\"false_northing\",100],UNIT[\"metre\",1]]", 0, 0);
        JsonNode info = writeAndInfo("tm", crs, new double[] {400000, 20, 0, 5500000, 0, -20});
        String wkt = wkt(info);
        assertTrue(wkt.contains("Transverse Mercator"), wkt);
        assertTrue(wkt.contains("\"Longitude of natural origin\",10.5"), wkt);
        assertTrue(wkt.contains("\"Scale factor at natural origin\",0.9995"), wkt);
        assertTrue(wkt.contains("\"False easting\",400000"), wkt);
        assertTrue(wkt.contains("\"False northing\",100"), wkt);
        assertTrue(wkt.contains("DATUM[\"World Geodetic System 1984\"") && wkt.contains("ID[\"EPSG\",4326]"),
                "the WGS 84 base is recognised without an authority in the WKT: " + wkt);
    }

    @Test
    void userDefinedGeographicOnOwnEllipsoid() throws Exception {
        CoordinateReferenceSystem crs = Projections.parse("GEOGCS[\"Test sphere\",DATUM[\"Test_datum\","
                + "SPHEROID[\"Test ellipsoid\",6377000,299.5]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433]]", 0, 0);
        JsonNode info = writeAndInfo("geog", crs, new double[] {-5, 0.01, 0, 45, 0, -0.01});
        String wkt = wkt(info);
        assertTrue(wkt.startsWith("GEOGCRS"), wkt);
        assertTrue(wkt.contains("6377000,299.5"), wkt);
    }

    @Test
    void userDefinedLambertAzimuthalEqualArea() throws Exception {
        CoordinateReferenceSystem crs = Projections.parse("PROJCS[\"LAEA custom\",GEOGCS[\"WGS 84\","
                + "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],"
                + "PARAMETER[\"latitude_of_center\",48],PARAMETER[\"longitude_of_center\",9],"
                + "PARAMETER[\"false_easting\",1000],PARAMETER[\"false_northing\",2000],UNIT[\"metre\",1]]", 0, 0);
        String wkt = wkt(writeAndInfo("laea", crs, new double[] {0, 100, 0, 0, 0, -100}));
        assertTrue(wkt.contains("Lambert Azimuthal Equal Area"), wkt);
        assertTrue(wkt.contains("\"Latitude of natural origin\",48"), wkt);
        assertTrue(wkt.contains("\"Longitude of natural origin\",9"), wkt);
    }

    @Test
    void otherProjectionsFallBackToWktCitation() throws Exception {
        CoordinateReferenceSystem crs = Projections.parse("PROJCS[\"Sinusoidal custom\",GEOGCS[\"WGS 84\","
                + "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Sinusoidal\"],"
                + "PARAMETER[\"central_meridian\",7],"
                + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]", 0, 0);
        String wkt = wkt(writeAndInfo("sinu", crs, new double[] {0, 100, 0, 0, 0, -100}));
        assertTrue(wkt.contains("Sinusoidal"), wkt);
        assertTrue(wkt.contains("\"Longitude of natural origin\",7"), wkt);
    }
}
