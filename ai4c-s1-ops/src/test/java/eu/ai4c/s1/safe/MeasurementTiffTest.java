package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal measurement reader on hand-built TIFFs: complex int16 SLC samples, multi-row strips, byte orders. */
class MeasurementTiffTest {
    @TempDir
    Path dir;

    /**
     * Builds a one-IFD TIFF: {@code bits} per sample, SampleFormat {@code format}, {@code rowsPerStrip},
     * pixel (x, y) holding the bytes of {@code value(x, y)} (one or two 16-bit integers).
     */
    static byte[] tiff(int w, int h, int bits, int format, int rowsPerStrip, ByteOrder order, int compression) {
        int bpp = bits / 8, strips = (h + rowsPerStrip - 1) / rowsPerStrip;
        int entries = 10, ifdSize = 2 + entries * 12 + 4;
        int tables = 8, offsetsAt = tables + ifdSize, dataAt = offsetsAt + 8 * strips;
        ByteBuffer b = ByteBuffer.allocate(dataAt + w * h * bpp).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(8).putShort((short) entries);
        short3(b, 256, 4, 1, w);
        short3(b, 257, 4, 1, h);
        short3(b, 258, 3, 1, bits);
        short3(b, 259, 3, 1, compression);
        short3(b, 262, 3, 1, 1);
        short3(b, 273, 4, strips, strips == 1 ? dataAt : offsetsAt);
        short3(b, 277, 3, 1, 1);
        short3(b, 278, 4, 1, rowsPerStrip);
        short3(b, 279, 4, strips, strips == 1 ? rowsPerStrip * w * bpp : offsetsAt + 4 * strips);
        short3(b, 339, 3, 1, format);
        b.putInt(0);
        for (int s = 0; s < strips; s++) b.putInt(dataAt + s * rowsPerStrip * w * bpp);
        for (int s = 0; s < strips; s++) b.putInt(Math.min(rowsPerStrip, h - s * rowsPerStrip) * w * bpp);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (bits == 16) b.putShort((short) (1000 + y * w + x));
                else {
                    b.putShort((short) (x - y));
                    b.putShort((short) (-3 * x + y));
                }
            }
        }
        return b.array();
    }

    private static void short3(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    private MeasurementTiff open(byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve("m" + System.nanoTime() + ".tiff"), bytes);
        return MeasurementTiff.open(new SafeArchive.ByteRange(f, 0, bytes.length), f.getFileName().toString());
    }

    @Test
    void complexInt16SlcSamples() throws Exception {
        try (MeasurementTiff t = open(tiff(37, 23, 32, 5, 1, ByteOrder.LITTLE_ENDIAN, 1))) {
            assertEquals(DataType.CFLOAT32, t.dataType());
            Block b = t.read(new Region(30, 4, 7, 19));
            float[] f = b.floats();
            for (int y = 0; y < 19; y++) {
                for (int x = 0; x < 7; x++) {
                    int i = y * 7 + x, gx = 30 + x, gy = 4 + y;
                    assertEquals(gx - gy, f[2 * i]);
                    assertEquals(-3 * gx + gy, f[2 * i + 1]);
                }
            }
        }
    }

    @Test
    void multiRowStripsBothByteOrdersWideAndNarrowWindows() throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (int rps : new int[] {1, 4, 23}) {
                try (MeasurementTiff t = open(tiff(50, 23, 16, 1, rps, order, 1))) {
                    for (Region r : new Region[] {Region.of(50, 23), new Region(3, 2, 45, 19), new Region(10, 5, 3, 17)}) {
                        short[] s = t.read(r).shorts();
                        for (int y = 0; y < r.height(); y++) {
                            for (int x = 0; x < r.width(); x++) {
                                int v = 1000 + (r.y() + y) * 50 + r.x() + x;
                                assertEquals(v, s[y * r.width() + x] & 0xFFFF, order + " rps " + rps + " " + r);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void refusesWhatSentinel1DoesNotUse() throws Exception {
        Ai4cException zstd = assertThrows(Ai4cException.class, () -> open(tiff(8, 8, 16, 1, 8, ByteOrder.LITTLE_ENDIAN, 50000)));
        assertTrue(zstd.getMessage().startsWith("Measurement m") && zstd.getMessage().contains("ZSTD compression (50000)"),
                zstd.getMessage());
        Ai4cException signed = assertThrows(Ai4cException.class, () -> open(tiff(8, 8, 16, 2, 8, ByteOrder.LITTLE_ENDIAN, 1)));
        assertTrue(signed.getMessage().contains("1 band(s) of INT16"), signed.getMessage());
        Ai4cException notTiff = assertThrows(Ai4cException.class, () -> open(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0}));
        assertTrue(notTiff.getMessage().contains("is not a TIFF file"), notTiff.getMessage());
    }

    /** A TIFF inside a larger file (a STORED zip member): offsets count from the member's start. */
    @Test
    void tiffInsideALargerFile() throws Exception {
        byte[] tiff = tiff(50, 23, 16, 1, 4, ByteOrder.BIG_ENDIAN, 1);
        byte[] padded = new byte[tiff.length + 1234 + 99];
        java.util.Arrays.fill(padded, (byte) 0x5A);
        System.arraycopy(tiff, 0, padded, 1234, tiff.length);
        Path f = Files.write(dir.resolve("archive.bin"), padded);
        try (MeasurementTiff t = MeasurementTiff.open(new SafeArchive.ByteRange(f, 1234, tiff.length), "member.tiff")) {
            Region r = new Region(3, 2, 45, 19);
            short[] s = t.read(r).shorts();
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) assertEquals(1000 + (r.y() + y) * 50 + r.x() + x, s[y * r.width() + x] & 0xFFFF);
            }
        }
        // a member shorter than its TIFF claims is refused, not read past its end
        Ai4cException cut = assertThrows(Ai4cException.class,
                () -> MeasurementTiff.open(new SafeArchive.ByteRange(f, 1234, tiff.length - 200), "member.tiff"));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }
}
