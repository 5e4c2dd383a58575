package eu.ai4c.s1.speckle;

/**
 * Mean and variance of the valid (non-NaN) samples of a rectangular window around every pixel of
 * one output row, by separable sums: first the column sums over the window's rows, then for each
 * pixel the sum of the column sums over the window's columns. This costs {@code sizeX + sizeY}
 * additions per pixel instead of {@code sizeX × sizeY}. Unlike a running sum or an integral image,
 * the result depends only on the samples of the window (always added in the same order), never on
 * where the source window starts, which keeps tiled filtering bit-identical to whole-image filtering.
 *
 * <p>Windows are clipped to the source window. Variance is the population variance
 * {@code Σz²/n − (Σz/n)²}, clamped at 0, accumulated in double.</p>
 *
 * <h2>Thread-safety</h2>
 * Mutable scratch space: one instance per thread and tile.
 */
final class LocalStatistics {
    private final int left;
    private final int right;
    private final int up;
    private final int down;
    private final double[] colSum;
    private final double[] colSq;
    private final int[] colCount;
    /** Window mean for each output column of the last {@link #computeRow} call (NaN when empty). */
    final double[] mean;
    /** Window population variance for each output column of the last row. */
    final double[] variance;
    /** Number of valid samples in the window of each output column of the last row. */
    final int[] count;

    /**
     * @param sizeX window width (columns {@code x - (sizeX-1)/2 .. x + sizeX/2})
     * @param sizeY window height (rows {@code y - (sizeY-1)/2 .. y + sizeY/2})
     */
    LocalStatistics(int sizeX, int sizeY, int srcW, int dstW) {
        left = (sizeX - 1) / 2;
        right = sizeX / 2;
        up = (sizeY - 1) / 2;
        down = sizeY / 2;
        colSum = new double[srcW];
        colSq = new double[srcW];
        colCount = new int[srcW];
        mean = new double[dstW];
        variance = new double[dstW];
        count = new int[dstW];
    }

    /** Computes the statistics of the windows centred on source row {@code cy}, columns {@code offX .. offX+dstW-1}. */
    void computeRow(float[] src, int srcW, int srcH, int offX, int dstW, int cy) {
        int y0 = Math.max(0, cy - up), y1 = Math.min(srcH - 1, cy + down);
        int xa = Math.max(0, offX - left), xb = Math.min(srcW - 1, offX + dstW - 1 + right);
        for (int x = xa; x <= xb; x++) {
            double s = 0, q = 0;
            int n = 0;
            for (int y = y0, k = y0 * srcW + x; y <= y1; y++, k += srcW) {
                float v = src[k];
                if (v == v) {
                    s += v;
                    q += (double) v * v;
                    n++;
                }
            }
            colSum[x] = s;
            colSq[x] = q;
            colCount[x] = n;
        }
        for (int i = 0; i < dstW; i++) {
            int x = offX + i;
            int x0 = Math.max(0, x - left), x1 = Math.min(srcW - 1, x + right);
            double s = 0, q = 0;
            int n = 0;
            for (int c = x0; c <= x1; c++) {
                s += colSum[c];
                q += colSq[c];
                n += colCount[c];
            }
            count[i] = n;
            if (n == 0) {
                mean[i] = Double.NaN;
                variance[i] = Double.NaN;
            } else {
                double m = s / n;
                mean[i] = m;
                variance[i] = Math.max(0.0, q / n - m * m);
            }
        }
    }
}
