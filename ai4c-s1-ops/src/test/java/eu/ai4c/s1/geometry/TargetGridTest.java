package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

class TargetGridTest {
    // a tilted IW-like footprint around Rome
    private static final double[] LON = {11.2, 14.3, 13.8, 10.8};
    private static final double[] LAT = {41.0, 41.4, 42.9, 42.5};

    @Test
    void utmGridCoversTheFootprintOnWholePixels() throws Exception {
        CoordinateReferenceSystem utm = Projections.utm(12.5, 41.9);
        TargetGrid g = TargetGrid.covering(LON, LAT, utm, 10);
        MapGeoCoding gc = g.geoCoding();
        assertEquals(10, gc.pixelSizeX());
        assertEquals(0, gc.x(0, 0) % 10, 1e-9);
        assertEquals(0, gc.y(0, 0) % 10, 1e-9);
        MathTransform t = CRS.findOperation(Projections.wgs84(), utm, null).getMathTransform();
        for (int i = 0; i < 4; i++) {
            for (double f = 0; f < 1; f += 0.05) {
                double[] p = {LON[i] + f * (LON[(i + 1) % 4] - LON[i]), LAT[i] + f * (LAT[(i + 1) % 4] - LAT[i])};
                t.transform(p, 0, p, 0, 1);
                double[] px = gc.toPixel(p[0], p[1]);
                assertTrue(px[0] >= 0 && px[0] <= g.width() && px[1] >= 0 && px[1] <= g.height());
            }
        }
        // about 270 km x 210 km at 10 m
        assertTrue(g.width() > 25000 && g.width() < 30000 && g.height() > 18000 && g.height() < 22000,
                g.width() + "x" + g.height());
    }

    @Test
    void geographicGridUsesDegreesAtTheSceneCentre() {
        TargetGrid g = TargetGrid.covering(LON, LAT, Projections.wgs84(), 10);
        // one degree of latitude at 42° N is about 111,073 m
        assertEquals(10 / 111_073.0, g.geoCoding().pixelSizeX(), 0.0005e-5);
        assertEquals(g.geoCoding().pixelSizeX(), g.geoCoding().pixelSizeY(), 0);
        assertTrue(g.geoCoding().x(0, 0) <= 10.8 && g.geoCoding().x(g.width(), 0) >= 14.3);
    }

    @Test
    void badResolutionIsAUsageError() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> TargetGrid.covering(LON, LAT, Projections.wgs84(), 0));
        assertTrue(e.isUsageError());
    }
}
