package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PredictorsTest {

    @Test
    void horizontalDifferencesEachRowFromItsFirstSample() {
        short[] a = {10, 12, 11, (short) 65535, 5, 5, 7, 4};
        Predictors.horizontal(a, 4, 2);
        assertArrayEquals(new short[] {10, 2, -1, (short) (65535 - 11), 5, 0, 2, -3}, a);
        byte[] b = {(byte) 200, 10, 0};
        Predictors.horizontal(b, 3, 1);
        assertArrayEquals(new byte[] {(byte) 200, (byte) (10 - 200), -10}, b);
        int[] c = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        Predictors.horizontal(c, 2, 1);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 1}, c);
    }

    @Test
    void floatingPointRegroupsBytesMostSignificantFirstThenDifferences() {
        // 1.0f = 3F 80 00 00, -2.0f = C0 00 00 00: planes 3F C0 | 80 00 | 00 00 | 00 00
        float[] a = {1.0f, -2.0f};
        byte[] out = new byte[8];
        Predictors.floatingPoint(a, 2, 1, out);
        byte[] planes = {0x3F, (byte) 0xC0, (byte) 0x80, 0, 0, 0, 0, 0};
        byte[] expected = new byte[8];
        expected[0] = planes[0];
        for (int i = 1; i < 8; i++) expected[i] = (byte) (planes[i] - planes[i - 1]);
        assertArrayEquals(expected, out);
    }

    @Test
    void floatingPointForDoublesUsesEightPlanesPerRow() {
        double[] a = {1.0, 2.0, 0.5, 0.5}; // two rows of two
        byte[] out = new byte[32];
        Predictors.floatingPoint(a, 2, 2, out);
        // row 0: 1.0 = 3FF0.., 2.0 = 4000..; planes 3F 40 | F0 00 | 0... ; then byte differences
        byte[] row0 = {0x3F, 0x40, (byte) 0xF0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] expected0 = new byte[16];
        expected0[0] = row0[0];
        for (int i = 1; i < 16; i++) expected0[i] = (byte) (row0[i] - row0[i - 1]);
        byte[] actual0 = java.util.Arrays.copyOf(out, 16);
        assertArrayEquals(expected0, actual0);
        // row 1: 0.5 = 3FE0..; planes 3F 3F | E0 E0 | 0...
        byte[] row1 = {0x3F, 0x3F, (byte) 0xE0, (byte) 0xE0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] expected1 = new byte[16];
        expected1[0] = row1[0];
        for (int i = 1; i < 16; i++) expected1[i] = (byte) (row1[i] - row1[i - 1]);
        assertArrayEquals(expected1, java.util.Arrays.copyOfRange(out, 16, 32));
    }
}
