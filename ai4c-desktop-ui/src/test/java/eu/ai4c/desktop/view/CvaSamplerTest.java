package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sampling of change vectors for the interactive CVA scatter. */
class CvaSamplerTest {
    @Test
    void cvaStridesKeepTheBudgetAndRareClasses() {
        long[] counts = new long[256];
        counts[1] = 3_000_000;
        counts[2] = 40;
        counts[3] = 900_000;
        int[] s = CvaSampler.strides(counts, 50_000);
        long total = 0;
        for (int c = 0; c < 256; c++) if (counts[c] > 0) total += (counts[c] + s[c] - 1) / s[c];
        assertTrue(total <= 50_000 && total > 45_000, "points " + total);
        assertEquals(1, s[2], "a rare class keeps all its pixels");
        assertEquals(0, s[0]);
        // selection kernel: every stride-th pixel of each class in scan order
        byte[] cls = {1, 1, 2, 1, 1, 2, 1, (byte) 255};
        int[] strides = new int[256];
        strides[1] = 2;
        strides[2] = 1;
        int[] picked = new int[8];
        int k = CvaSampler.select(cls, 8, strides, new long[256], picked);
        assertArrayEquals(new int[] {0, 2, 3, 5, 6}, Arrays.copyOf(picked, k));
    }
}
