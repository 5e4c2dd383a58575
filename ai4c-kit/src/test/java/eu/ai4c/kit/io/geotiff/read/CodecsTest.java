package eu.ai4c.kit.io.geotiff.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The decompression and predictor kernels on hand-made inputs. */
class CodecsTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    @Test
    void packBitsExampleOfTheTiffSpecification() {
        byte[] packed = bytes(0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA);
        byte[] expected = bytes(0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22,
                0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA);
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, PackBits.decode(packed, out));
        assertArrayEquals(expected, out);
    }

    /** Packs 9-bit codes most significant bit first. */
    private static byte[] codes9(int... codes) {
        long bits = 0;
        int n = 0;
        ByteBuffer out = ByteBuffer.allocate(codes.length * 2 + 2);
        for (int c : codes) {
            bits = (bits << 9) | c;
            n += 9;
            while (n >= 8) {
                out.put((byte) (bits >>> (n - 8)));
                n -= 8;
            }
        }
        if (n > 0) out.put((byte) (bits << (8 - n)));
        byte[] b = new byte[out.position()];
        out.flip().get(b);
        return b;
    }

    @Test
    void lzwDecodesTableCodesAndTheKwKwKCase() {
        // "ABABABA": A B <AB=258> <ABA=260, defined by this very code (KwKwK)>; then Clear, "C", EOI
        byte[] stream = codes9(256, 'A', 'B', 258, 260, 256, 'C', 257);
        byte[] out = new byte[8];
        assertEquals(8, Lzw.decode(stream, out));
        assertArrayEquals("ABABABAC".getBytes(), out);
    }

    /** Packs codes least significant bit first, widening without early change (the old libtiff LZW). */
    private static byte[] oldStyleCodes(int... codes) {
        long bits = 0;
        int n = 0, width = 9, next = 257;
        ByteBuffer out = ByteBuffer.allocate(codes.length * 2 + 2);
        for (int c : codes) {
            bits |= (long) c << n;
            n += width;
            while (n >= 8) {
                out.put((byte) bits);
                bits >>>= 8;
                n -= 8;
            }
            if (c == 256) {
                width = 9;
                next = 257; // the first code after Clear adds no entry
            } else if (c != 257 && ++next == (1 << width)) {
                width++;
            }
        }
        if (n > 0) out.put((byte) bits);
        byte[] b = new byte[out.position()];
        out.flip().get(b);
        return b;
    }

    @Test
    void oldStyleLzwIsRecognisedAndCrossesTheTenBitBoundaryLate() {
        // 300 literals add 299 entries, past code 511: the width must grow at 512, not at 511
        int literals = 300;
        int[] codes = new int[literals + 2];
        codes[0] = 256;
        byte[] expected = new byte[literals];
        for (int i = 0; i < literals; i++) {
            codes[i + 1] = (i * 7) & 0xFF;
            expected[i] = (byte) codes[i + 1];
        }
        codes[literals + 1] = 257;
        byte[] stream = oldStyleCodes(codes);
        assertEquals(0, stream[0]);
        byte[] out = new byte[literals];
        assertEquals(literals, Lzw.decode(stream, out));
        assertArrayEquals(expected, out);
    }

    @Test
    void lzwRejectsCodesBeyondTheTable() {
        assertEquals(-1, Lzw.decode(codes9(256, 'A', 300, 257), new byte[4]));
    }

    @Test
    void horizontalPredictorAddsAlongRowsPerSample() {
        short[] a = {10, 100, 1, -1, 2, 5, /* row 2 */ 7, 8, 1, 1, 1, 1};
        Predictors.undoHorizontal(a, 2, 6, 2); // two samples per pixel
        assertArrayEquals(new short[] {10, 100, 11, 99, 13, 104, 7, 8, 8, 9, 9, 10}, a);
        byte[] b = bytes(250, 10, 10);
        Predictors.undoHorizontal(b, 1, 3, 1);
        assertArrayEquals(bytes(250, 4, 14), b); // wraps modulo 256 like the writer
    }

    @Test
    void floatingPointPredictorRebuildsBigEndianSamples() {
        float[] values = {1.5f, -2.25f};
        // byte planes, most significant first, then byte differences along the row
        byte[] be = ByteBuffer.allocate(8).putFloat(values[0]).putFloat(values[1]).array();
        byte[] planes = new byte[8];
        for (int i = 0; i < 2; i++) for (int k = 0; k < 4; k++) planes[k * 2 + i] = be[i * 4 + k];
        for (int i = 7; i > 0; i--) planes[i] -= planes[i - 1];
        byte[] out = Predictors.undoFloatingPoint(planes, 1, 2, 4, 1);
        ByteBuffer bb = ByteBuffer.wrap(out);
        assertEquals(values[0], bb.getFloat());
        assertEquals(values[1], bb.getFloat());
    }

    @Test
    void float32PredictorDecodeEqualsTheGeneralPathInBothByteOrders() {
        java.util.Random random = new java.util.Random(3);
        int rows = 5;
        for (int stride : new int[] {1, 3}) {
            int rowSamples = 12 * stride;
            byte[] encoded = new byte[rows * rowSamples * 4];
            random.nextBytes(encoded);
            for (boolean littleEndianFile : new boolean[] {true, false}) {
                byte[] planes = Predictors.undoFloatingPoint(encoded.clone(), rows, rowSamples, 4, stride);
                java.nio.ByteOrder order = littleEndianFile ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN;
                float[] expected = new float[rows * rowSamples];
                ByteBuffer.wrap(planes).order(order).asFloatBuffer().get(expected);
                float[] fast = Predictors.undoFloatingPoint32(encoded.clone(), rows, rowSamples, stride, littleEndianFile);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(fast[i]), "sample " + i);
                }
            }
        }
    }
}
