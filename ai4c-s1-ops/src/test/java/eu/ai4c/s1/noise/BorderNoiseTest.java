package eu.ai4c.s1.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Border noise scans and masking on hand-made arrays. */
class BorderNoiseTest {

    @Test
    void rangeScansStopAtFirstValidSampleWithinLimit() {
        int w = 12, h = 3;
        float[] img = new float[w * h];
        java.util.Arrays.fill(img, 5f);
        // line 0: 3 low samples at near range, 2 at far range
        img[0] = 0f; img[1] = 0.2f; img[2] = 0.49f;
        img[10] = 0f; img[11] = 0.1f;
        // line 1: nothing low; line 2: all of the first 6 low (beyond a limit of 4) and NaN counts as low
        for (int c = 0; c < 6; c++) img[2 * w + c] = 0.1f;
        img[2 * w + 11] = Float.NaN;
        int[] near = new int[h], far = new int[h];
        BorderNoise.leadingTrim(img, 0, w, 1, 4, h, 0.5, near);
        BorderNoise.leadingTrim(img, w - 1, w, -1, 4, h, 0.5, far);
        assertArrayEquals(new int[] {3, 0, 4}, near);
        assertArrayEquals(new int[] {2, 0, 1}, far);
        long n = BorderNoise.apply(img, 0, 0, w, h, w, h, near, far, null, null, Float.NaN);
        assertEquals(3 + 2 + 4 + 1, n);
        assertEquals(Float.NaN, img[2], 0);
        assertEquals(5f, img[3]);
        assertEquals(0.1f, img[2 * w + 5]); // beyond the limit: left as is
    }

    @Test
    void azimuthScansPerColumnAndTiles() {
        int w = 4, h = 10;
        float[] img = new float[w * h];
        java.util.Arrays.fill(img, 9f);
        for (int r = 0; r < 3; r++) img[r * w + 1] = 0f; // column 1: 3 low lines at the top
        img[9 * w + 2] = 0f; // column 2: 1 low line at the bottom
        int[] top = new int[w], bottom = new int[w];
        BorderNoise.leadingTrim(img, 0, 1, w, 5, w, 0.5, top);
        BorderNoise.leadingTrim(img, (h - 1) * w, 1, -w, 5, w, 0.5, bottom);
        assertArrayEquals(new int[] {0, 3, 0, 0}, top);
        assertArrayEquals(new int[] {0, 0, 1, 0}, bottom);
        // apply to a 2 x 4 tile at (1, 1): rows 1..4, columns 1..2
        float[] tile = {9, 9, 9, 9, 9, 9, 9, 9};
        long n = BorderNoise.apply(tile, 1, 1, 2, 4, w, h, null, null, top, bottom, 0f);
        assertEquals(2, n); // column 1, lines 1 and 2
        assertArrayEquals(new float[] {0, 9, 0, 9, 9, 9, 9, 9}, tile);
    }
}
