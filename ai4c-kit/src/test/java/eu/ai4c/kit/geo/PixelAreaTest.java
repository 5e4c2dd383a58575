package eu.ai4c.kit.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pixel ground areas checked against facts of the projections and the exact ellipsoidal cell area. */
class PixelAreaTest {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;

    @Test
    void utmPixelOnTheCentralMeridianIsEnlargedByTheScaleFactor() {
        // UTM's scale is k0 = 0.9996 on the central meridian: 10 m of map are 10/0.9996 m of ground
        MapGeoCoding g = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499_990, 5_100_010, 10, 10);
        double expected = 100 / (0.9996 * 0.9996);
        assertEquals(expected, PixelArea.squareMetres(g, 2, 2), expected * 2e-6);
    }

    @Test
    void equalAreaProjectionKeepsItsArea() {
        // ETRS89-LAEA is equal-area on the ellipsoid: a 100 m map pixel is 1 ha anywhere
        MapGeoCoding g = MapGeoCoding.northUp(Projections.parse("EPSG:3035", 10, 52), 4_321_000, 3_210_000, 100, 100);
        assertEquals(10_000, PixelArea.squareMetres(g, 1000, 1000), 10_000 * 1e-6);
    }

    @Test
    void geographicCellMatchesTheExactEllipsoidalFormula() {
        double d = 0.001;
        double lat0 = 45.0;
        MapGeoCoding g = MapGeoCoding.northUp(Projections.wgs84(), 7.0, lat0 + d, d, d);
        // area of a cell between two parallels on the ellipsoid (authalic latitude formula)
        double expected = Math.toRadians(d) * A * A * (1 - e2()) * (q(lat0 + d) - q(lat0)) / 2;
        assertEquals(expected, PixelArea.squareMetres(g, 1, 1), expected * 1e-6);
        assertTrue(expected > 8_700 && expected < 8_800, "about 0.001° x 0.001° at 45° N: " + expected);
    }

    @Test
    void webMercatorShrinksWithLatitudeAndNoGeocodingIsNaN() {
        // Mercator's scale at 60° N is about sec(60°) = 2: a 10 m map pixel covers about 25 m²
        double y60 = 8_399_737.89; // Web Mercator northing of 60° N
        MapGeoCoding g = MapGeoCoding.northUp(Projections.parse("EPSG:3857", 0, 60), 0, y60 + 5, 10, 10);
        assertEquals(25, PixelArea.squareMetres(g, 1, 1), 25 * 0.01);
        assertTrue(Double.isNaN(PixelArea.squareMetres(null, 10, 10)));
    }

    private static double e2() {
        return F * (2 - F);
    }

    /** q(φ) of the authalic latitude: sinφ/(1−e²sin²φ) + (1/2e)·ln((1+e sinφ)/(1−e sinφ)). */
    private static double q(double latDeg) {
        double e = Math.sqrt(e2());
        double s = Math.sin(Math.toRadians(latDeg));
        return s / (1 - e2() * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
    }
}
