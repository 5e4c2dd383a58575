package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The IDAN filter on synthetic speckle: it keeps the mean and raises the ENL on homogeneous
 * areas, keeps a step edge and a point target, never lets a neighbourhood exceed {@code anSize},
 * and gives the same pixels whatever the tiling.
 */
class IdanFilterTest {
    static final int W = 256, H = 256;

    /**
     * ENL rises about tenfold (L = 1) and fivefold (L = 4; 20.6 / 4 measured). The mean comes out
     * low, by construction: the acceptance interval {@code |I − seed| ≤ 2·seed/√L} around a
     * median seed cuts off the bright tail of the speckle distribution (for L = 1 everything above
     * ≈ 2.2 μ, 11 % of the samples holding 34 % of the mass), and the neighbourhood's mean inherits
     * the cut. Measured on 256² pixels: −28.8 % at L = 1, −9.2 % at L = 4; the bounds are ±3 %
     * around those. IDAN is meant for multi-look data (Sentinel-1 GRD has L ≈ 4.4).
     */
    @Test
    void homogeneousSpeckleGainsLooksWithTheBiasOfItsAcceptanceInterval() {
        double[][] expected = {{1, 0.712, 7}, {4, 0.908, 14.0 / 4}};
        for (double[] e : expected) {
            int looks = (int) e[0];
            float[] in = SyntheticSpeckle.homogeneous(W, H, 5.0, looks, 40 + looks);
            float[] out = SyntheticSpeckle.filterWhole(new IdanFilter(50, looks), in, W, H);
            double meanIn = SyntheticSpeckle.mean(in, W, 0, 0, W, H), meanOut = SyntheticSpeckle.mean(out, W, 0, 0, W, H);
            double gain = SyntheticSpeckle.enl(out, W, 0, 0, W, H) / SyntheticSpeckle.enl(in, W, 0, 0, W, H);
            assertEquals(e[1], meanOut / meanIn, 0.03, "L=" + looks + " mean ratio");
            assertTrue(gain > e[2], "L=" + looks + " ENL gain " + gain);
            assertTrue(gain < 50, "L=" + looks + " ENL gain " + gain + " beyond a 50-pixel neighbourhood");
        }
    }

    /**
     * At 4 looks the acceptance interval around a bright seed reaches down to 0, so bright
     * neighbourhoods take in dark pixels while dark ones never take bright pixels: the dark side of
     * a 1 : 8 step stays dark up to the edge (a 7×7 boxcar lifts the last column to 4.0), and the
     * overall blur stays below the boxcar's (measured 1.41 vs 1.73 px).
     */
    @Test
    void stepEdgeDarkSideStaysDarkUpToTheEdge() {
        int w = 64, h = 1024, edge = 32;
        float[] in = SyntheticSpeckle.verticalEdge(w, h, edge, 1.0, 8.0, 4, 77);
        float[] idan = SyntheticSpeckle.filterWhole(new IdanFilter(50, 4), in, w, h);
        float[] box = SyntheticSpeckle.filterWhole(new BoxcarFilter(7, 7), in, w, h);
        for (int x = edge - 4; x < edge; x++) {
            double m = SyntheticSpeckle.mean(idan, w, x, 0, x + 1, h);
            assertTrue(m < 1.05, "dark column " + x + " lifted to " + m);
        }
        double bIdan = blur(idan, w, h, edge), bBox = blur(box, w, h, edge);
        assertTrue(bIdan < 0.9 * bBox, "IDAN blur " + bIdan + " vs boxcar 7x7 " + bBox);
    }

    @Test
    void pointTargetIsKept() {
        int n = 61, c = 30 * n + 30;
        float[] in = SyntheticSpeckle.homogeneous(n, n, 1.0, 4, 5);
        in[c] = 100f;
        float[] out = SyntheticSpeckle.filterWhole(new IdanFilter(50, 4), in, n, n);
        assertTrue(out[c] > 50f, "target kept " + out[c] + " of 100");
        assertTrue(out[c + 1] < 5f, "not spread to its neighbour: " + out[c + 1]);
    }

    @Test
    void neighbourhoodOfOneKeepsThePixelAndConstantStaysConstant() {
        float[] in = SyntheticSpeckle.homogeneous(40, 30, 2.0, 1, 9);
        assertArrayEquals(in, SyntheticSpeckle.filterWhole(new IdanFilter(1, 1), in, 40, 30), 0f);
        float[] flat = new float[40 * 30];
        java.util.Arrays.fill(flat, 3.25f);
        float[] out = SyntheticSpeckle.filterWhole(new IdanFilter(50, 1), flat, 40, 30);
        for (float v : out) assertEquals(3.25f, v, 1e-6f);
    }

    @Test
    void tilesGiveTheSamePixelsAsOnePiece() {
        int w = 120, h = 90;
        float[] in = SyntheticSpeckle.verticalEdge(w, h, 50, 1.0, 6.0, 1, 3);
        in[45 * w + 20] = Float.NaN;
        IdanFilter f = new IdanFilter(30, 1);
        float[] whole = SyntheticSpeckle.filterWhole(f, in, w, h);
        // the right half as a tile: its source window reaches halo() pixels to the left
        int x0 = 60, halo = f.halo();
        int sx0 = x0 - halo, sw = w - sx0;
        float[] src = new float[sw * h];
        for (int y = 0; y < h; y++) System.arraycopy(in, y * w + sx0, src, y * sw, sw);
        float[] tile = new float[(w - x0) * h];
        f.filter(src, sw, h, halo, 0, tile, w - x0, h);
        for (int y = 0; y < h; y++) {
            for (int x = x0; x < w; x++) {
                assertEquals(whole[y * w + x], tile[y * (w - x0) + x - x0], 0f, "(" + x + "," + y + ")");
            }
        }
        assertTrue(Float.isNaN(whole[45 * w + 20]));
    }

    private static double blur(float[] out, int w, int h, int edge) {
        double b = 0;
        for (int x = edge - 8; x < edge + 8; x++) {
            double m = SyntheticSpeckle.mean(out, w, x, 0, x + 1, h);
            b += Math.abs(m - (x < edge ? 1.0 : 8.0)) / 7.0;
        }
        return b;
    }
}
