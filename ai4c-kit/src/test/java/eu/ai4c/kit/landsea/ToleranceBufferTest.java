package eu.ai4c.kit.landsea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ToleranceBufferTest {

    /** Reference: a pixel is kept when marked or some marked centre lies within the radius (O(n²)). */
    static byte[] bruteForce(byte[] marked, int w, int h, double px, double py, double radius) {
        double a = px * px, b = py * py, limit = radius * radius * (1 + ToleranceBuffer.SLACK);
        byte[] out = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
            if (marked[i] != 0) {
                out[i] = 1;
                continue;
            }
            int x = i % w, y = i / w;
            for (int j = 0; j < w * h && out[i] == 0; j++) {
                if (marked[j] == 0) continue;
                double dx = j % w - x, dy = j / w - y;
                if (a * (dx * dx) + b * (dy * dy) <= limit) out[i] = 1;
            }
        }
        return out;
    }

    @Test
    void matchesBruteForceOnRandomMasksAnisotropicAndFractional() {
        Random rnd = new Random(42);
        ToleranceBuffer buffer = new ToleranceBuffer();
        double[][] cases = {{10, 10, 0}, {10, 10, 10}, {10, 10, 25}, {10, 20, 35.5}, {12.5, 7.3, 29.2},
                {10, 10, 20}, {3, 4, 5}, {10, 10, 1000}};
        for (double[] c : cases) {
            for (double density : new double[] {0.002, 0.02, 0.3}) {
                int w = 37 + rnd.nextInt(20), h = 23 + rnd.nextInt(30);
                byte[] m = new byte[w * h];
                for (int i = 0; i < m.length; i++) m[i] = rnd.nextDouble() < density ? (byte) 1 : 0;
                byte[] out = new byte[w * h];
                buffer.buffer(m, w, h, c[0], c[1], c[2], out);
                assertArrayEquals(bruteForce(m, w, h, c[0], c[1], c[2]), out,
                        "pixel " + c[0] + "x" + c[1] + " m, radius " + c[2] + " m, density " + density);
            }
        }
    }

    @Test
    void exactRadiusCountsAsWithinAndEmptyMaskStaysEmpty() {
        ToleranceBuffer buffer = new ToleranceBuffer();
        int w = 9, h = 9;
        byte[] m = new byte[w * h];
        m[4 * w + 4] = 1;
        byte[] out = new byte[w * h];
        buffer.buffer(m, w, h, 3, 4, 5, out); // (1,1) step is exactly 5 m away
        assertEquals(1, out[3 * w + 3]);
        assertEquals(0, out[4 * w + 2]); // two columns: 6 m > 5 m
        assertEquals(0, out[2 * w + 4]); // two rows: 8 m > 5 m
        assertEquals(1, out[4 * w + 3]);
        assertEquals(1, out[5 * w + 4]);
        buffer.buffer(new byte[w * h], w, h, 3, 4, 50, out);
        assertArrayEquals(new byte[w * h], out);
    }
}
