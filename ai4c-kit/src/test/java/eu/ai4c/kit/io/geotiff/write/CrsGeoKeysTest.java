package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.TiffTags;
import org.junit.jupiter.api.Test;

/** Which GeoKeys each kind of CRS gets (GDAL's reading of them is checked in GeoTiffGeoreferencingTest). */
class CrsGeoKeysTest {
    static final String GEOGCS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    private static GeoKeyDirectory keys(String projection, String parameters) {
        return CrsGeoKeys.of(Projections.parse("PROJCS[\"custom\"," + GEOGCS + ",PROJECTION[\"" + projection + "\"],"
                + parameters + ",UNIT[\"metre\",1]]", 0, 0));
    }

    private static void assertUserDefinedProjection(GeoKeyDirectory k, int coordTrans) {
        assertEquals(TiffTags.MODEL_TYPE_PROJECTED, k.shortValue(TiffTags.GT_MODEL_TYPE));
        assertEquals(TiffTags.USER_DEFINED, k.shortValue(TiffTags.PROJECTED_CS_TYPE));
        assertEquals(coordTrans, k.shortValue(TiffTags.PROJ_COORD_TRANS));
        assertEquals(GeoKeyDirectory.LINEAR_METER, k.shortValue(TiffTags.PROJ_LINEAR_UNITS));
        assertEquals(TiffTags.RASTER_PIXEL_IS_AREA, k.shortValue(TiffTags.GT_RASTER_TYPE));
    }

    @Test
    void epsgCodesAreWrittenAsCodes() {
        GeoKeyDirectory utm = CrsGeoKeys.of(Projections.parse("EPSG:32633", 0, 0));
        assertEquals(32633, utm.shortValue(TiffTags.PROJECTED_CS_TYPE));
        assertEquals(TiffTags.MODEL_TYPE_PROJECTED, utm.shortValue(TiffTags.GT_MODEL_TYPE));
        GeoKeyDirectory wgs = CrsGeoKeys.of(Projections.wgs84());
        assertEquals(4326, wgs.shortValue(TiffTags.GEOGRAPHIC_TYPE));
        assertEquals(TiffTags.MODEL_TYPE_GEOGRAPHIC, wgs.shortValue(TiffTags.GT_MODEL_TYPE));
    }

    @Test
    void supportedMethodsGetUserDefinedKeys() {
        assertUserDefinedProjection(keys("Transverse_Mercator", "PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",10.5],PARAMETER[\"scale_factor\",0.9995],"
                + "PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",0]"), 1);
        assertUserDefinedProjection(keys("Lambert_Conformal_Conic_2SP", "PARAMETER[\"standard_parallel_1\",44],"
                + "PARAMETER[\"standard_parallel_2\",49],PARAMETER[\"latitude_of_origin\",46.5],"
                + "PARAMETER[\"central_meridian\",3],PARAMETER[\"false_easting\",700000],"
                + "PARAMETER[\"false_northing\",6600001]"), 8);
        assertUserDefinedProjection(keys("Lambert_Azimuthal_Equal_Area", "PARAMETER[\"latitude_of_center\",52],"
                + "PARAMETER[\"longitude_of_center\",11],PARAMETER[\"false_easting\",1],"
                + "PARAMETER[\"false_northing\",2]"), 10);
        assertUserDefinedProjection(keys("Polar_Stereographic", "PARAMETER[\"latitude_of_origin\",90],"
                + "PARAMETER[\"central_meridian\",-45],PARAMETER[\"scale_factor\",0.994],"
                + "PARAMETER[\"false_easting\",2000000],PARAMETER[\"false_northing\",2000000]"), 15);
        assertUserDefinedProjection(keys("Mercator_1SP", "PARAMETER[\"central_meridian\",20],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0]"), 7);
    }

    @Test
    void wgs84WithoutAuthorityIsRecognised() {
        GeoKeyDirectory geographic = CrsGeoKeys.of(Projections.parse(GEOGCS, 0, 0));
        assertEquals(4326, geographic.shortValue(TiffTags.GEOGRAPHIC_TYPE));
        GeoKeyDirectory tm = keys("Transverse_Mercator", "PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",10.5],PARAMETER[\"scale_factor\",0.9995],"
                + "PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",0]");
        assertEquals(4326, tm.shortValue(TiffTags.GEOGRAPHIC_TYPE));
    }

    @Test
    void otherMethodsFallBackToTheWktCitation() {
        GeoKeyDirectory k = keys("Sinusoidal", "PARAMETER[\"central_meridian\",7],PARAMETER[\"false_easting\",0],"
                + "PARAMETER[\"false_northing\",0]");
        assertEquals(TiffTags.USER_DEFINED, k.shortValue(TiffTags.GT_MODEL_TYPE));
        assertTrue(k.contains(TiffTags.PROJ_CITATION));
        assertFalse(k.contains(TiffTags.PROJECTED_CS_TYPE));
    }
}
