package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Region;
import org.junit.jupiter.api.Test;

class PixelTransformTest {

    @Test
    void sameGridGivesPixelCentres() {
        MapGeoCoding g = WarpFixtures.utmGrid();
        PixelTransform pt = PixelTransform.between(g, g);
        Region r = new Region(10, 20, 70, 40);
        double[] sx = new double[2800], sy = new double[2800];
        pt.sourceCoordinates(r, PixelTransform.DEFAULT_MAX_ERROR, sx, sy);
        for (int i = 0; i < sx.length; i++) {
            assertEquals(10 + i % 70 + 0.5, sx[i], 1e-9);
            assertEquals(20 + i / 70 + 0.5, sy[i], 1e-9);
        }
    }

    @Test
    void shiftedGridIsAnOffset() {
        MapGeoCoding src = WarpFixtures.utmGrid();
        MapGeoCoding dst = src.shifted(5, -3);
        double[] sx = new double[1], sy = new double[1];
        PixelTransform.between(dst, src).sourceCoordinates(new Region(0, 0, 1, 1), 0, sx, sy);
        assertEquals(5.5, sx[0], 1e-9);
        assertEquals(-2.5, sy[0], 1e-9);
    }

    @Test
    void approximationStaysWithinTheThresholdForAnyRegionShape() {
        MapGeoCoding src = WarpFixtures.utmGrid();
        TargetGrid grid = TargetGrid.derive(src, 2000, 2000, Projections.wgs84(), 1.5e-4, 1.5e-4, null, false);
        PixelTransform pt = PixelTransform.between(grid.geoCoding(), src);
        for (Region r : new Region[] {new Region(0, 0, 512, 512), new Region(100, 7, 37, 1), new Region(3, 9, 1, 50),
                new Region(200, 300, 100, 77), new Region(0, 0, 2, 2)}) {
            int n = (int) r.area();
            double[] ax = new double[n], ay = new double[n], ex = new double[n], ey = new double[n];
            pt.sourceCoordinates(r, PixelTransform.DEFAULT_MAX_ERROR, ax, ay);
            pt.sourceCoordinates(r, 0, ex, ey);
            double max = 0;
            for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(ax[i] - ex[i]) + Math.abs(ay[i] - ey[i]));
            assertTrue(max <= PixelTransform.DEFAULT_MAX_ERROR, r + ": " + max);
            assertTrue(max < 0.01, r + ": a smooth UTM → WGS 84 mapping should interpolate far better (" + max + ")");
        }
    }

    @Test
    void tinyThresholdRefinesToExact() {
        MapGeoCoding src = WarpFixtures.utmGrid();
        TargetGrid grid = TargetGrid.derive(src, 2000, 2000, Projections.wgs84(), 1.5e-4, 1.5e-4, null, false);
        PixelTransform pt = PixelTransform.between(grid.geoCoding(), src);
        Region r = new Region(64, 64, 128, 96);
        int n = (int) r.area();
        double[] ax = new double[n], ay = new double[n], ex = new double[n], ey = new double[n];
        pt.sourceCoordinates(r, 1e-12, ax, ay);
        pt.sourceCoordinates(r, 0, ex, ey);
        for (int i = 0; i < n; i++) {
            assertEquals(ex[i], ax[i], 1e-9);
            assertEquals(ey[i], ay[i], 1e-9);
        }
    }
}
