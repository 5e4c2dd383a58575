package eu.ai4c.aq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.io.netcdf.CfGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bilinear regridding onto a window of the source grid copies the cells even when the window's
 * coordinates are rounded differently (a grid from a geotransform rather than from the file's
 * coordinates: 1e-14° off; a no-data cell stays no-data instead of taking the 1e-14 weighted
 * neighbour's value); between cell centres it interpolates (half a cell off in both
 * directions: the mean of the four neighbours).
 */
class RegridTest {
    @Test
    void windowIsCopiedAndHalfCellIsTheMeanOfFour() {
        CfGrid src = CfGrid.regular(16, 12, 47.0, 5.0, 0.8, 0.8);
        float[] v = new float[16 * 12];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextDouble() * 100);
        v[4 * 16 + 7] = Float.NaN; // a no-data cell inside the window stays no-data (not its neighbour's value)
        CfGrid window = CfGrid.regular(6, 4, src.latitude(3) + 1e-14, src.longitude(5) - 1e-14, 0.8 * (1 + 1e-15), 0.8);
        float[] out = Regrid.bilinear(src, v, window);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(Float.floatToIntBits(v[(3 + r) * 16 + 5 + c]), Float.floatToIntBits(out[r * 6 + c]),
                        "cell " + r + "," + c);
            }
        }
        CfGrid between = CfGrid.regular(3, 2, src.latitude(2) - 0.4, src.longitude(4) + 0.4, 0.8, 0.8);
        v[4 * 16 + 7] = 1; // (only the window case is about no-data)
        float[] mid = Regrid.bilinear(src, v, between);
        float[] expected = new float[6];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                int i = (2 + r) * 16 + 4 + c;
                expected[r * 3 + c] = (float) ((v[i] + (double) v[i + 1] + v[i + 16] + v[i + 17]) / 4);
            }
        }
        assertArrayEquals(expected, mid, 1e-4f);
    }
}
