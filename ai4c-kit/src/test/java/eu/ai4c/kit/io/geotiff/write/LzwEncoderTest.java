package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LzwEncoderTest {

    /** A TIFF 6.0 LZW decoder written from the specification (early change), for checking only. */
    static byte[] decode(byte[] in, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] table = new byte[4096][];
        for (int i = 0; i < 256; i++) table[i] = new byte[] {(byte) i};
        int next = 258, nbits = 9;
        long buffer = 0;
        int bits = 0, pos = 0;
        byte[] previous = null;
        while (true) {
            while (bits < nbits) {
                buffer = (buffer << 8) | (pos < length ? in[pos] & 0xFF : 0);
                pos++;
                bits += 8;
            }
            int code = (int) ((buffer >>> (bits - nbits)) & ((1 << nbits) - 1));
            bits -= nbits;
            if (code == 257) break;
            if (code == 256) {
                next = 258;
                nbits = 9;
                previous = null;
                continue;
            }
            byte[] entry;
            if (code < next && table[code] != null) {
                entry = table[code];
            } else {
                entry = Arrays.copyOf(previous, previous.length + 1);
                entry[previous.length] = previous[0];
            }
            out.write(entry, 0, entry.length);
            if (previous != null) {
                byte[] added = Arrays.copyOf(previous, previous.length + 1);
                added[previous.length] = entry[0];
                table[next++] = added;
            }
            previous = entry;
            if (next + 1 >= (1 << nbits) && nbits < 12) nbits++;
        }
        return out.toByteArray();
    }

    private static void checkRoundTrip(byte[] data) {
        LzwEncoder encoder = new LzwEncoder();
        byte[] code = encoder.encode(data, data.length);
        assertArrayEquals(data, decode(code, encoder.length()));
    }

    @Test
    void randomBytesSurviveSeveralTableResets() {
        byte[] data = new byte[200_000];
        new Random(1).nextBytes(data);
        checkRoundTrip(data);
    }

    @Test
    void repetitiveDataCompresses() {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 7);
        LzwEncoder encoder = new LzwEncoder();
        encoder.encode(data, data.length);
        assertTrue(encoder.length() < data.length / 20, "length " + encoder.length());
        checkRoundTrip(data);
    }

    @Test
    void shortInputs() {
        checkRoundTrip(new byte[0]);
        checkRoundTrip(new byte[] {42});
        checkRoundTrip(new byte[] {1, 1, 1, 1, 1, 1, 1});
        // Clear (256) then 'A' (65) then EOI (257), 9 bits each, MSB first.
        LzwEncoder encoder = new LzwEncoder();
        byte[] code = encoder.encode(new byte[] {65}, 1);
        assertEquals(4, encoder.length());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x10, 0x60, 0x20}, Arrays.copyOf(code, 4));
    }

    @Test
    void everyCodeWidthBoundary() {
        // Lengths around the points where the code width grows (511, 1023, 2047 codes) and the table resets.
        Random rnd = new Random(3);
        for (int n : new int[] {300, 600, 1100, 2200, 4500, 9000}) {
            for (int k = -3; k <= 3; k++) {
                byte[] data = new byte[n + k * 37];
                for (int i = 0; i < data.length; i++) data[i] = (byte) rnd.nextInt(6);
                checkRoundTrip(data);
            }
        }
    }
}
