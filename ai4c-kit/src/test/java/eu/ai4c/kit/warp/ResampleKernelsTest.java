package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kernels on hand-computed tiny arrays (values at pixel centres, coordinates pixel-corner). */
class ResampleKernelsTest {
    /** 3×3: 1 2 3 / 4 5 6 / 7 8 9, i.e. v = 1 + col + 3·row. */
    static final double[] NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    static double one(Resampling m, SourceWindow s, double x, double y) {
        double[] out = new double[1];
        ResampleKernels.resample(m, s, new double[] {x}, new double[] {y}, 1, out);
        return out[0];
    }

    @Test
    void nearestTakesThePixelContainingThePoint() {
        SourceWindow s = SourceWindow.ofValues(NINE, 3, 3);
        assertEquals(8, one(Resampling.NEAREST, s, 1.2, 2.7));
        assertEquals(1, one(Resampling.NEAREST, s, 0, 0));
        assertEquals(6, one(Resampling.NEAREST, s, 2.0 - 1e-11, 1.5), "within 1e-10 of an edge counts as the next pixel");
        assertTrue(Double.isNaN(one(Resampling.NEAREST, s, -0.01, 1)), "left of the raster");
        assertTrue(Double.isNaN(one(Resampling.NEAREST, s, 3.0, 1)), "right of the raster");
        assertTrue(Double.isNaN(one(Resampling.NEAREST, s, Double.NaN, 1)), "untransformable point");
    }

    @Test
    void bilinearIsExactOnALinearFieldAndExtendsEdges() {
        SourceWindow s = SourceWindow.ofValues(NINE, 3, 3);
        assertEquals(5, one(Resampling.BILINEAR, s, 1.5, 1.5), 1e-12);
        assertEquals(3, one(Resampling.BILINEAR, s, 1.0, 1.0), 1e-12);
        // v(x, y) = 1 + (x - 0.5) + 3 (y - 0.5) between pixel centres
        assertEquals(1 + 0.8 + 3 * 1.7, one(Resampling.BILINEAR, s, 1.3, 2.2), 1e-12);
        // left of the first centre: the edge column is extended (weights renormalised)
        assertEquals(4, one(Resampling.BILINEAR, s, 0.2, 1.5), 1e-12);
        assertEquals(4 + 3 * 0.3, one(Resampling.BILINEAR, s, 0.1, 1.8), 1e-12);
    }

    @Test
    void bilinearRenormalisesAroundNoData() {
        double[] v = NINE.clone();
        v[4] = Double.NaN; // centre pixel (1,1)
        SourceWindow s = SourceWindow.ofValues(v, 3, 3);
        assertTrue(s.hasInvalid());
        // point (0.9, 0.9): neighbours (0,0)=1 w .36, (1,0)=2 w .24, (0,1)=4 w .24, (1,1)=NaN w .16
        assertEquals((0.36 * 1 + 0.24 * 2 + 0.24 * 4) / 0.84, one(Resampling.BILINEAR, s, 0.9, 0.9), 1e-12);
        assertTrue(Double.isNaN(one(Resampling.BILINEAR, s, 1.1, 1.9)), "containing pixel is no-data");
        double[] allNaN = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        assertTrue(Double.isNaN(one(Resampling.BILINEAR, SourceWindow.ofValues(allNaN, 2, 2), 1, 1)));
    }

    /** 6×6 window of a quadratic f = u² + 2v at pixel centres (u = col, v = row). */
    static SourceWindow quadratic(int nanCol, int nanRow) {
        double[] v = new double[36];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 6; c++) v[r * 6 + c] = c * c + 2 * r;
        if (nanCol >= 0) v[nanRow * 6 + nanCol] = Double.NaN;
        return SourceWindow.ofValues(v, 6, 6);
    }

    @Test
    void bicubicReproducesQuadratics() {
        // Keys' a = -0.5 kernel is exact for polynomials up to degree 2: u = 2.2, v = 2.6
        assertEquals(2.2 * 2.2 + 2 * 2.6, one(Resampling.BICUBIC, quadratic(-1, -1), 2.7, 3.1), 1e-12);
        // with no-data far from the kernel the masked path gives the same value
        assertEquals(2.2 * 2.2 + 2 * 2.6, one(Resampling.BICUBIC, quadratic(5, 0), 2.7, 3.1), 1e-12);
    }

    @Test
    void bicubicFallsBackToBilinearAtEdgesAndNoData() {
        SourceWindow clean = quadratic(-1, -1);
        assertEquals(one(Resampling.BILINEAR, clean, 1.2, 3.1), one(Resampling.BICUBIC, clean, 1.2, 3.1), 1e-12,
                "within two pixels of the left edge");
        SourceWindow holed = quadratic(4, 4);    // inside the 4×4 neighbourhood of (2.7, 3.1), not the containing pixel
        double bicubic = one(Resampling.BICUBIC, holed, 2.7, 3.1);
        assertEquals(one(Resampling.BILINEAR, holed, 2.7, 3.1), bicubic, 1e-12);
        assertTrue(Math.abs(bicubic - (2.2 * 2.2 + 2 * 2.6)) > 1e-3, "bilinear is not exact on the quadratic");
    }
}
