package eu.ai4c.s1.slc;

/**
 * Multilook kernel: the mean intensity of {@code azimuthLooks × rangeLooks} blocks of samples
 * (incoherent averaging, which lowers speckle variance by the number of looks; SNAP's Multilook
 * on intensity does the same). NaN samples (no data) are left out of a block's mean; a block with
 * none valid is NaN. Arrays in, arrays out. Stateless and thread-safe.
 */
public final class Multilook {
    private Multilook() {
    }

    /**
     * @param src          source intensities, row-major, {@code srcWidth} per row, at least
     *                     {@code dstHeight·azimuthLooks} rows of {@code dstWidth·rangeLooks} samples
     * @param srcWidth     source row length
     * @param dst          output, row-major, {@code dstWidth × dstHeight}
     */
    public static void mean(float[] src, int srcWidth, int azimuthLooks, int rangeLooks, float[] dst, int dstWidth,
                            int dstHeight) {
        for (int y = 0; y < dstHeight; y++) {
            for (int x = 0; x < dstWidth; x++) {
                double sum = 0;
                int n = 0;
                for (int a = 0; a < azimuthLooks; a++) {
                    int o = (y * azimuthLooks + a) * srcWidth + x * rangeLooks;
                    for (int r = 0; r < rangeLooks; r++) {
                        float v = src[o + r];
                        if (v == v) {
                            sum += v;
                            n++;
                        }
                    }
                }
                dst[y * dstWidth + x] = n == 0 ? Float.NaN : (float) (sum / n);
            }
        }
    }

    /**
     * Looks that make pixels about square at the output resolution: azimuth looks bring the azimuth
     * spacing nearest the resolution (at least 1), range looks then make the ground range spacing
     * nearest the multilooked azimuth spacing (for IW at 10 m: 1 × 4, SNAP's IW default).
     *
     * @param azimuthSpacing     azimuth pixel spacing, m
     * @param groundRangeSpacing slant range spacing / sin(incidence), m
     * @param resolution         output resolution, m
     * @return {azimuthLooks, rangeLooks}
     */
    public static int[] squareLooks(double azimuthSpacing, double groundRangeSpacing, double resolution) {
        int azimuth = (int) Math.max(1, Math.round(resolution / azimuthSpacing));
        int range = (int) Math.max(1, Math.round(azimuth * azimuthSpacing / groundRangeSpacing));
        return new int[] {azimuth, range};
    }
}
