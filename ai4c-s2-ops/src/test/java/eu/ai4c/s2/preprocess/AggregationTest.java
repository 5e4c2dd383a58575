package eu.ai4c.s2.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Downsampling kernels against their definitions on hand-computed arrays. */
class AggregationTest {
    private static final float N = Float.NaN;

    /** 4×4 source, 2×2 blocks (10 → 20 m). */
    private static final float[] SRC = {
        1, 2, 10, 40,
        3, 9, 20, 30,
        5, N, N, N,
        7, 6, N, N};

    private static float[] down(Downsampling m) {
        float[] out = new float[4];
        Aggregation.downsample(SRC, 4, 4, 0, 0, 2, out, 2, 2, m);
        return out;
    }

    @Test
    void blockAggregationsSkipNoData() {
        assertArrayEquals(new float[] {1, 10, 5, N}, down(Downsampling.First));
        assertArrayEquals(new float[] {1, 10, 5, N}, down(Downsampling.Min));
        assertArrayEquals(new float[] {9, 40, 7, N}, down(Downsampling.Max));
        assertArrayEquals(new float[] {15 / 4f, 25, 6, N}, down(Downsampling.Mean));
        // medians: {1,2,3,9} → (2+3)/2; {10,20,30,40} → 25; {5,6,7} → 6
        assertArrayEquals(new float[] {2.5f, 25, 6, N}, down(Downsampling.Median));
    }

    @Test
    void firstKeepsNoDataOfTheUpperLeftPixel() {
        float[] src = {N, 4, 8, 8};
        float[] out = new float[1];
        Aggregation.downsample(src, 2, 2, 0, 0, 2, out, 1, 1, Downsampling.First);
        assertEquals(N, out[0]);
        Aggregation.downsample(src, 2, 2, 0, 0, 2, out, 1, 1, Downsampling.Mean);
        assertEquals(20 / 3f, out[0], 1e-6);
    }

    @Test
    void sixBySixBlocksAndOffsetOrigin() {
        // 10 → 60 m: one target pixel over 6×6 source pixels valued row*6+col
        float[] src = new float[12 * 6];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 12; c++) src[r * 12 + c] = r * 100 + c;
        float[] out = new float[2];
        Aggregation.downsample(src, 12, 6, 0, 0, 6, out, 2, 1, Downsampling.Mean);
        assertArrayEquals(new float[] {250 + 2.5f, 250 + 8.5f}, out, 1e-4f);
        // origin one source pixel in: target pixel 0 covers columns 1..6, pixel 1 columns 7..11 (12 does not exist)
        Aggregation.downsample(src, 12, 6, 1, 0, 6, out, 2, 1, Downsampling.Max);
        assertArrayEquals(new float[] {506, 511}, out);
        // a target pixel entirely outside the source is no-data
        float[] far = new float[1];
        Aggregation.downsample(src, 12, 6, 30, 0, 6, far, 1, 1, Downsampling.Mean);
        assertEquals(N, far[0]);
    }

    @Test
    void flagMethodsBitByBit() {
        // bits: 0b01 = cloud, 0b10 = shadow; block of four
        byte[] src = {0b01, 0b11, 0b01, 0b00};
        assertEquals(0b01, flags(src, FlagDownsampling.First));
        assertEquals(0b00, flags(src, FlagDownsampling.FlagAnd));
        assertEquals(0b11, flags(src, FlagDownsampling.FlagOr));
        // bit 0 set in 3 of 4 → set by both medians; bit 1 in 1 of 4 → set by neither
        assertEquals(0b01, flags(src, FlagDownsampling.FlagMedianAnd));
        assertEquals(0b01, flags(src, FlagDownsampling.FlagMedianOr));
        // exact tie (2 of 4): And-median clears, Or-median sets
        byte[] tie = {1, 1, 0, 0};
        assertEquals(0, flags(tie, FlagDownsampling.FlagMedianAnd));
        assertEquals(1, flags(tie, FlagDownsampling.FlagMedianOr));
    }

    private static int flags(byte[] src, FlagDownsampling m) {
        byte[] out = new byte[1];
        Aggregation.downsampleFlags(src, 2, 2, 0, 0, 2, out, 1, 1, m);
        return out[0];
    }
}
