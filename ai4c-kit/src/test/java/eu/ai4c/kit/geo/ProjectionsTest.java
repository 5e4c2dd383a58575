package eu.ai4c.kit.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.cs.AxisDirection;

class ProjectionsTest {

    @Test
    void wgs84FormsAreLongitudeFirst() {
        for (String s : new String[] {"WGS84", "WGS84(DD)", "EPSG:4326", "epsg:4326"}) {
            CoordinateReferenceSystem crs = Projections.parse(s, 0, 0);
            assertEquals(AxisDirection.EAST, crs.getCoordinateSystem().getAxis(0).getDirection(), s);
            assertEquals(4326, Projections.epsgCode(crs).getAsInt(), s);
        }
    }

    @Test
    void utmAutoPicksZoneAndHemisphere() {
        assertEquals(32633, Projections.epsgCode(Projections.parse("UTM(Auto)", 12.5, 41.9)).getAsInt());
        assertEquals(32723, Projections.epsgCode(Projections.parse("AUTO:42001", -46.6, -23.5)).getAsInt());
        assertEquals(32601, Projections.epsgCode(Projections.parse("UTM(Auto)", -180, 10)).getAsInt());
    }

    @Test
    void epsgCodeFromTheFullDatabase() {
        // EPSG:3035 (ETRS89-extended / LAEA Europe) is not one of SIS's built-in codes: needs the database.
        CoordinateReferenceSystem crs = Projections.parse("EPSG:3035", 0, 0);
        assertEquals(3035, Projections.epsgCode(crs).getAsInt());
        assertEquals(AxisDirection.EAST, crs.getCoordinateSystem().getAxis(0).getDirection());
    }

    @Test
    void wktIsParsed() {
        String wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
        assertTrue(Projections.isGeographic(Projections.parse(wkt, 0, 0)));
    }

    @Test
    void unknownCodeListsAcceptedForms() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> Projections.parse("EPSG:999999", 0, 0));
        assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
        assertTrue(e.getMessage().contains("UTM(Auto)"), e.getMessage());
        assertTrue(e.isUsageError());
        assertThrows(Ai4cException.class, () -> Projections.parse("Mercator please", 0, 0));
    }
}
