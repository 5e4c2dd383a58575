package eu.ai4c.s1.speckle;

/**
 * Improved Lee sigma filter (J.-S. Lee, J.-H. Wen, T. L. Ainsworth, K.-S. Chen, A. J. Chen 2009,
 * "Improved Sigma Filter for Speckle Filtering of SAR Imagery", IEEE TGRS 47(1):202–213), for
 * L-look intensity. For each pixel z:
 * <ol>
 *   <li><b>Point target</b> (paper III.C): a target window with at least K pixels ≥ Z98, the
 *       scene's 98th percentile, marks a point target, and its pixels ≥ Z98 are kept unfiltered. The
 *       paper uses a 3×3 window and K = 5; for the 5×5 target window K keeps the same fraction,
 *       ⌈25·5/9⌉ = 14.</li>
 *   <li><b>A-priori mean</b> (paper III.B): x̂ = Lee MMSE of the target window (3×3 or 5×5) with
 *       σv² = 1/L.</li>
 *   <li><b>Sigma range</b>: the pixels of the filter window (5×5 … 17×17) within
 *       {@code [i1·x̂, i2·x̂]}, the unbiased range of {@link SigmaRange} holding the fraction
 *       {@code sigma} of the speckle distribution.</li>
 *   <li><b>MMSE</b> over the selected pixels with the truncated speckle variance ηv² in place of
 *       1/L: {@code x = z̄ + b (z − z̄)}, see {@link LeeFilter#mmse}.</li>
 * </ol>
 * Simplifications: Z98 is computed once per scene by the caller (e.g. from a sample, see
 * {@link SceneStatistics}), not per tile, so that tiles are independent; a pixel whose sigma range
 * selects nothing gets x̂. Immutable, thread-safe.
 */
final class LeeSigmaFilter implements SpeckleFilter {
    private final int window;
    private final int targetWindow;
    private final double looks;
    private final SigmaRange range;
    private final float z98;
    private final int pointTargetCount;

    /**
     * @param window       filter window side (odd)
     * @param targetWindow target window side, 3 or 5
     * @param looks        number of looks L
     * @param sigma        probability mass of the sigma range (0.5 … 0.9)
     * @param z98          98th percentile of the scene's intensities; +∞ disables point-target detection
     */
    LeeSigmaFilter(int window, int targetWindow, double looks, double sigma, double z98) {
        this.window = window;
        this.targetWindow = targetWindow;
        this.looks = looks;
        this.range = SigmaRange.of(looks, sigma);
        this.z98 = (float) z98;
        this.pointTargetCount = (5 * targetWindow * targetWindow + 8) / 9;
    }

    /** The sigma range in use. */
    SigmaRange range() {
        return range;
    }

    @Override
    public int halo() {
        // point-target detection looks at target windows centred up to tHalf away
        return Math.max(window / 2, 2 * (targetWindow / 2));
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        LocalStatistics target = new LocalStatistics(targetWindow, targetWindow, srcW, dstW);
        double priorNoise = 1.0 / looks, etaV2 = range.etaV2(), i1 = range.i1(), i2 = range.i2();
        int half = window / 2, tHalf = targetWindow / 2;
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            target.computeRow(src, srcW, srcH, offX, dstW, cy);
            int y0 = Math.max(0, cy - half), y1 = Math.min(srcH - 1, cy + half);
            for (int i = 0; i < dstW; i++) {
                int cx = offX + i;
                float z = src[cy * srcW + cx];
                if (z != z) {
                    dst[j * dstW + i] = Float.NaN;
                    continue;
                }
                if (z >= z98 && inPointTarget(src, srcW, srcH, cx, cy, tHalf)) {
                    dst[j * dstW + i] = z;
                    continue;
                }
                double prior = LeeFilter.mmse(z, target.mean[i], target.variance[i], priorNoise);
                float lo = (float) (i1 * prior), hi = (float) (i2 * prior);
                int x0 = Math.max(0, cx - half), x1 = Math.min(srcW - 1, cx + half);
                double s = 0, q = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int k = y * srcW + x0, e = y * srcW + x1; k <= e; k++) {
                        float v = src[k];
                        int in = inRange(v, lo, hi);
                        double sel = Float.intBitsToFloat(Float.floatToRawIntBits(v) & -in);
                        s += sel;
                        q += sel * sel;
                        n += in;
                    }
                }
                double x;
                if (n == 0) {
                    x = prior;
                } else {
                    double mean = s / n;
                    x = LeeFilter.mmse(z, mean, Math.max(0.0, q / n - mean * mean), etaV2);
                }
                dst[j * dstW + i] = (float) x;
            }
        }
    }

    /**
     * 1 when {@code lo ≤ v ≤ hi} and v is not NaN, else 0, without a branch: whether a speckled pixel
     * falls in the sigma range is a coin toss for the branch predictor, and mispredictions cost more
     * than the rest of the loop. A difference {@code a − b} of floats is negative exactly when
     * {@code a < b} (gradual underflow), so the sign bits of {@code v − lo} and {@code hi − v} say
     * whether v is out of range (bounds are finite here; −0.0 counts as below a zero bound); NaN has
     * all exponent bits set and a non-zero mantissa.
     */
    static int inRange(float v, float lo, float hi) {
        int bits = Float.floatToRawIntBits(v);
        int out = (Float.floatToRawIntBits(v - lo) | Float.floatToRawIntBits(hi - v)
                | (0x7f800000 - (bits & 0x7fffffff))) >>> 31;
        return out ^ 1;
    }

    /**
     * Whether the bright pixel (cx, cy) belongs to a point target: some target window that contains it
     * (centred on it or on a neighbour within {@code tHalf}) holds at least K pixels ≥ Z98.
     */
    private boolean inPointTarget(float[] src, int srcW, int srcH, int cx, int cy, int tHalf) {
        for (int y = Math.max(0, cy - tHalf), y1 = Math.min(srcH - 1, cy + tHalf); y <= y1; y++) {
            for (int x = Math.max(0, cx - tHalf), x1 = Math.min(srcW - 1, cx + tHalf); x <= x1; x++) {
                if (brightCount(src, srcW, srcH, x, y, tHalf) >= pointTargetCount) return true;
            }
        }
        return false;
    }

    /** Pixels ≥ Z98 in the target window around (cx, cy), clipped to the source. */
    private int brightCount(float[] src, int srcW, int srcH, int cx, int cy, int tHalf) {
        int n = 0;
        for (int y = Math.max(0, cy - tHalf), y1 = Math.min(srcH - 1, cy + tHalf); y <= y1; y++) {
            for (int x = Math.max(0, cx - tHalf), x1 = Math.min(srcW - 1, cx + tHalf); x <= x1; x++) {
                if (src[y * srcW + x] >= z98) n++;
            }
        }
        return n;
    }
}
