package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void averageSkipsNoDataAndHandlesOddEdges() {
        // 3x3 → 2x2: blocks {1,2,4,5}, {3,6}, {7,8}, {9}; 0 is no-data
        short[] in = {1, 2, 3,
                      4, 0, 6,
                      7, 8, 0};
        Block b = new Block(Region.of(3, 3), DataType.UINT16, in);
        short[] out = (short[]) Downsampler.halve(b, true, true, 0);
        // (1+2+4)/3 = 2.33 → 2; (3+6)/2 = 4.5 → 5 (half up); (7+8)/2 = 7.5 → 8; all no-data → 0
        assertArrayEquals(new short[] {2, 5, 8, 0}, out);
    }

    @Test
    void averageOfFloatsIgnoresNaN() {
        float[] in = {1, Float.NaN, 2, 4,
                      3, 5, 6, 8};
        float[] out = (float[]) Downsampler.halve(new Block(Region.of(4, 2), DataType.FLOAT32, in), true, false, 0);
        assertArrayEquals(new float[] {3f, 5f}, out);
    }

    @Test
    void unsignedAverageAboveSignedRange() {
        short[] in = {(short) 65000, (short) 65002, (short) 65004, (short) 65006};
        short[] out = (short[]) Downsampler.halve(new Block(Region.of(2, 2), DataType.UINT16, in), true, false, 0);
        assertArrayEquals(new short[] {(short) 65003}, out);
    }

    @Test
    void complexAveragesRealAndImaginaryParts() {
        float[] in = {1, 10, 3, 30,
                      5, 50, 7, 70};
        float[] out = (float[]) Downsampler.halve(new Block(Region.of(2, 2), DataType.CFLOAT32, in), true, false, 0);
        assertArrayEquals(new float[] {4, 40}, out);
    }

    @Test
    void nearestTakesTheUpperLeftPixel() {
        byte[] in = {1, 2, 3,
                     4, 5, 6,
                     7, 8, 9};
        byte[] out = (byte[]) Downsampler.halve(new Block(Region.of(3, 3), DataType.BYTE, in), false, true, 1);
        assertArrayEquals(new byte[] {1, 3, 7, 9}, out);
    }
}
