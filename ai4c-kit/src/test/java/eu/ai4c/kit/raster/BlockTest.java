package eu.ai4c.kit.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void unsignedTypesReadUnsigned() {
        Block b = Block.allocate(DataType.UINT16, Region.of(2, 1));
        b.shorts()[0] = (short) 65535;
        b.setDouble(1, 40000.4);
        assertEquals(65535, b.getDouble(0));
        assertEquals(40000, b.getDouble(1));
        Block u8 = Block.allocate(DataType.BYTE, Region.of(1, 1));
        u8.setDouble(0, 300);
        assertEquals(255, u8.getDouble(0), "clamped to the byte range");
    }

    @Test
    void complexMagnitude() {
        Block c = new Block(Region.of(1, 1), DataType.CFLOAT32, new float[] {3, 4});
        assertEquals(5.0, c.getDouble(0), 1e-12);
    }

    @Test
    void copyFromCopiesOnlyTheOverlap() {
        Block dst = Block.filled(DataType.FLOAT32, new Region(10, 10, 4, 3), -1);
        float[] src = new float[3 * 3];
        for (int i = 0; i < src.length; i++) src[i] = i;
        dst.copyFrom(new Block(new Region(12, 11, 3, 3), DataType.FLOAT32, src));
        float[] expected = {
            -1, -1, -1, -1,
            -1, -1, 0, 1,
            -1, -1, 3, 4};
        assertArrayEquals(expected, dst.floats());
    }

    @Test
    void cropAndConversion() {
        short[] v = {1, 2, 3, 4, 5, 6};
        Block b = new Block(new Region(5, 5, 3, 2), DataType.INT16, v);
        Block c = b.crop(new Region(6, 5, 2, 2));
        assertArrayEquals(new short[] {2, 3, 5, 6}, c.shorts());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, b.toFloats());
        assertThrows(IllegalArgumentException.class, () -> b.crop(new Region(0, 0, 2, 2)));
    }

    @Test
    void fillWhereZeroSetsOnlyMaskedSamples() {
        Block u16 = new Block(Region.of(3, 1), DataType.UINT16, new short[] {1, 2, 3});
        u16.fillWhereZero(new byte[] {1, 0, 1}, 65535);
        assertArrayEquals(new short[] {1, (short) 65535, 3}, u16.shorts());
        Block c = new Block(Region.of(2, 1), DataType.CFLOAT32, new float[] {1, 2, 3, 4});
        c.fillWhereZero(new byte[] {0, 1}, Float.NaN);
        assertTrue(Float.isNaN(c.floats()[0]) && Float.isNaN(c.floats()[1]));
        assertEquals(3f, c.floats()[2]);
        assertThrows(IllegalArgumentException.class, () -> c.fillWhereZero(new byte[1], 0));
    }

    @Test
    void arrayTooSmallIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Block(Region.of(3, 3), DataType.FLOAT32, new float[8]));
    }

    @Test
    void regionArithmetic() {
        Region a = new Region(0, 0, 10, 10), b = new Region(5, 8, 10, 10);
        assertEquals(new Region(5, 8, 5, 2), a.intersect(b));
        assertTrue(a.intersect(new Region(20, 20, 1, 1)).isEmpty());
        assertEquals(new Region(-2, -2, 14, 14), a.expand(2));
        assertEquals(new Region(0, 0, 15, 18), a.union(b));
    }

    @Test
    void bandNoDataMatchesNaN() {
        Band b = Band.of("x", DataType.FLOAT32, Double.NaN);
        assertTrue(b.isNoData(Double.NaN));
        assertTrue(!b.isNoData(0));
        assertTrue(!Band.of("y", DataType.FLOAT32).isNoData(Double.NaN));
    }
}
