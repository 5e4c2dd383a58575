package eu.ai4c.s1.safe;

import java.time.Instant;

/**
 * One burst of a TOPS (IW/EW) SLC image, as the annotation's {@code swathTiming/burstList} gives
 * it: its zero-Doppler azimuth time of the first line, sensing time, position in the measurement
 * TIFF, and per line the first and last valid sample (−1 on the invalid lines at the burst's
 * start and end). Lines are counted within the burst (0 … linesPerBurst−1); the burst's line
 * {@code l} is image line {@code index·linesPerBurst + l}. Immutable (arrays shared: read-only).
 *
 * @param index            0-based position in the burst list
 * @param azimuthTime      zero-Doppler time of the burst's first line
 * @param azimuthAnxTime   that time counted from the ascending node crossing, seconds
 * @param sensingTime      sensing time of the burst's first line
 * @param byteOffset       position of the burst's first line in the measurement TIFF
 * @param firstValidSample first valid sample per line, −1 on invalid lines
 * @param lastValidSample  last valid sample per line, −1 on invalid lines
 */
public record Burst(int index, Instant azimuthTime, double azimuthAnxTime, Instant sensingTime, long byteOffset,
                    int[] firstValidSample, int[] lastValidSample) {

    /** First line (within the burst) whose samples are valid, or −1 when no line is. */
    public int firstValidLine() {
        for (int l = 0; l < firstValidSample.length; l++) if (firstValidSample[l] >= 0) return l;
        return -1;
    }

    /** Last line (within the burst) whose samples are valid, or −1 when no line is. */
    public int lastValidLine() {
        for (int l = firstValidSample.length - 1; l >= 0; l--) if (firstValidSample[l] >= 0) return l;
        return -1;
    }

    /**
     * The first sample that is valid on every valid line (the largest {@code firstValidSample}):
     * the near-range edge of the burst's valid rectangle, as deburst keeps it.
     */
    public int firstValidSampleOfRectangle() {
        int m = -1;
        for (int v : firstValidSample) if (v >= 0) m = Math.max(m, v);
        return m;
    }

    /** The last sample valid on every valid line (the smallest non-negative {@code lastValidSample}). */
    public int lastValidSampleOfRectangle() {
        int m = Integer.MAX_VALUE;
        for (int i = 0; i < lastValidSample.length; i++) if (firstValidSample[i] >= 0) m = Math.min(m, lastValidSample[i]);
        return m == Integer.MAX_VALUE ? -1 : m;
    }
}
