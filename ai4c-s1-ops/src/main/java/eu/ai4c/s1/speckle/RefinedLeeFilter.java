package eu.ai4c.s1.speckle;

/**
 * Refined Lee filter (J.-S. Lee 1981, "Refined filtering of image noise using local statistics",
 * Computer Graphics and Image Processing 15(4)): the Lee MMSE estimate (see {@link LeeFilter})
 * computed from an edge-aligned half of a 7×7 window instead of the whole window.
 *
 * <ol>
 *   <li>The 7×7 window is covered by 3×3 overlapping sub-windows of 3×3 pixels (centres at offsets
 *       −2, 0, +2); their means form a 3×3 array M.</li>
 *   <li>Four gradient masks on M (horizontal, vertical and the two diagonals) give the edge
 *       orientation: the largest absolute gradient.</li>
 *   <li>Of the two sides of that edge, the one whose sub-window mean is closer to the centre
 *       sub-window mean is taken: 8 directional windows of 28 pixels (a 7×4 half for the axis
 *       directions, the triangle including the diagonal for the diagonal ones).</li>
 *   <li>Lee MMSE with σv² = 1/L from the mean and variance of that directional window.</li>
 * </ol>
 * Simplifications: the directional window is always used (no separate homogeneity test); a
 * sub-window without valid samples (image edge, no-data) takes the centre sub-window's mean, so
 * it adds no gradient. Immutable, thread-safe.
 */
final class RefinedLeeFilter implements SpeckleFilter {
    private static final int HALF = 3;
    /** Window offsets {dx, dy} of the 8 directional windows, 28 each. */
    private static final int[][] DX = new int[8][];
    private static final int[][] DY = new int[8][];

    static {
        for (int dir = 0; dir < 8; dir++) {
            int[] dx = new int[28], dy = new int[28];
            int n = 0;
            for (int y = -HALF; y <= HALF; y++) {
                for (int x = -HALF; x <= HALF; x++) {
                    boolean in = switch (dir) {
                        case 0 -> x <= 0;       // vertical edge, left side
                        case 1 -> x >= 0;       // vertical edge, right side
                        case 2 -> y <= 0;       // horizontal edge, upper side
                        case 3 -> y >= 0;       // horizontal edge, lower side
                        case 4 -> x - y >= 0;   // edge along "\", upper-right side
                        case 5 -> x - y <= 0;   // edge along "\", lower-left side
                        case 6 -> x + y <= 0;   // edge along "/", upper-left side
                        default -> x + y >= 0;  // edge along "/", lower-right side
                    };
                    if (in) {
                        dx[n] = x;
                        dy[n] = y;
                        n++;
                    }
                }
            }
            DX[dir] = dx;
            DY[dir] = dy;
        }
    }

    private final double noiseVariance;

    RefinedLeeFilter(double looks) {
        this.noiseVariance = 1.0 / looks;
    }

    @Override
    public int halo() {
        return HALF;
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        // 3×3 means on a grid covering every sub-window centre; a centre one pixel outside the source
        // still sees valid samples, two pixels outside none.
        int bx0 = Math.max(-1, offX - 2), bx1 = Math.min(srcW, offX + dstW + 1);
        int by0 = Math.max(-1, offY - 2), by1 = Math.min(srcH, offY + dstH + 1);
        int bw = bx1 - bx0 + 1, bh = by1 - by0 + 1;
        double[] box = boxMeans(src, srcW, srcH, bx0, by0, bw, bh);
        double[] m = new double[9];
        int[][] offsets = linearOffsets(srcW);
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            for (int i = 0; i < dstW; i++) {
                int cx = offX + i;
                float z = src[cy * srcW + cx];
                if (z != z) {
                    dst[j * dstW + i] = Float.NaN;
                    continue;
                }
                double centre = box[(cy - by0) * bw + (cx - bx0)];
                for (int r = 0; r < 3; r++) {
                    int y = cy + 2 * (r - 1) - by0;
                    for (int c = 0; c < 3; c++) {
                        int x = cx + 2 * (c - 1) - bx0;
                        double v = (x >= 0 && x < bw && y >= 0 && y < bh) ? box[y * bw + x] : Double.NaN;
                        m[3 * r + c] = v == v ? v : centre;
                    }
                }
                int dir = direction(m);
                boolean inside = cx >= HALF && cy >= HALF && cx + HALF < srcW && cy + HALF < srcH;
                dst[j * dstW + i] = (float) (inside ? directionalLee(src, cy * srcW + cx, z, offsets[dir])
                        : directionalLee(src, srcW, srcH, cx, cy, z, dir));
            }
        }
    }

    /** One of the 8 directional windows from the 3×3 sub-window means {@code m} (row-major). */
    static int direction(double[] m) {
        double g0 = Math.abs((m[2] + m[5] + m[8]) - (m[0] + m[3] + m[6]));  // across a vertical edge
        double g1 = Math.abs((m[6] + m[7] + m[8]) - (m[0] + m[1] + m[2]));  // across a horizontal edge
        double g2 = Math.abs((m[1] + m[2] + m[5]) - (m[3] + m[6] + m[7]));  // across an edge along "\"
        double g3 = Math.abs((m[0] + m[1] + m[3]) - (m[5] + m[7] + m[8]));  // across an edge along "/"
        double c = m[4];
        int orientation = 0;
        double g = g0;
        if (g1 > g) { g = g1; orientation = 1; }
        if (g2 > g) { g = g2; orientation = 2; }
        if (g3 > g) { orientation = 3; }
        return switch (orientation) {
            case 0 -> Math.abs(c - m[3]) <= Math.abs(c - m[5]) ? 0 : 1;
            case 1 -> Math.abs(c - m[1]) <= Math.abs(c - m[7]) ? 2 : 3;
            case 2 -> Math.abs(c - m[2]) <= Math.abs(c - m[6]) ? 4 : 5;
            default -> Math.abs(c - m[0]) <= Math.abs(c - m[8]) ? 6 : 7;
        };
    }

    /** The directional windows as offsets into a source row-major array of width {@code srcW}. */
    private static int[][] linearOffsets(int srcW) {
        int[][] out = new int[8][];
        for (int dir = 0; dir < 8; dir++) {
            out[dir] = new int[DX[dir].length];
            for (int k = 0; k < DX[dir].length; k++) out[dir][k] = DY[dir][k] * srcW + DX[dir][k];
        }
        return out;
    }

    /** Lee MMSE over a directional window wholly inside the source (same order of summation as below). */
    private double directionalLee(float[] src, int centre, float z, int[] offsets) {
        double s = 0, q = 0;
        int n = 0;
        for (int off : offsets) {
            float v = src[centre + off];
            if (v == v) {
                s += v;
                q += (double) v * v;
                n++;
            }
        }
        double mean = s / n;
        return LeeFilter.mmse(z, mean, Math.max(0.0, q / n - mean * mean), noiseVariance);
    }

    /** Lee MMSE over a directional window clipped to the source. */
    private double directionalLee(float[] src, int srcW, int srcH, int cx, int cy, float z, int dir) {
        int[] dx = DX[dir], dy = DY[dir];
        double s = 0, q = 0;
        int n = 0;
        for (int k = 0; k < dx.length; k++) {
            int x = cx + dx[k], y = cy + dy[k];
            if (x < 0 || x >= srcW || y < 0 || y >= srcH) continue;
            float v = src[y * srcW + x];
            if (v == v) {
                s += v;
                q += (double) v * v;
                n++;
            }
        }
        double mean = s / n;  // n ≥ 1: the centre pixel is in every directional window
        return LeeFilter.mmse(z, mean, Math.max(0.0, q / n - mean * mean), noiseVariance);
    }

    /**
     * Means of the valid samples of the 3×3 windows centred on the grid {@code [bx0, bx0+bw) × [by0, by0+bh)}
     * of source coordinates (which may reach one pixel outside the source); NaN where empty.
     */
    private static double[] boxMeans(float[] src, int srcW, int srcH, int bx0, int by0, int bw, int bh) {
        double[] out = new double[bw * bh];
        double[] colSum = new double[bw + 2];
        int[] colCount = new int[bw + 2];
        for (int by = 0; by < bh; by++) {
            int cy = by0 + by;
            int y0 = Math.max(0, cy - 1), y1 = Math.min(srcH - 1, cy + 1);
            // column sums for source columns bx0-1 … bx0+bw, stored at index x - (bx0 - 1)
            for (int c = 0; c < bw + 2; c++) {
                int x = bx0 - 1 + c;
                double s = 0;
                int n = 0;
                if (x >= 0 && x < srcW) {
                    for (int y = y0; y <= y1; y++) {
                        float v = src[y * srcW + x];
                        if (v == v) {
                            s += v;
                            n++;
                        }
                    }
                }
                colSum[c] = s;
                colCount[c] = n;
            }
            for (int bx = 0; bx < bw; bx++) {
                double s = colSum[bx] + colSum[bx + 1] + colSum[bx + 2];
                int n = colCount[bx] + colCount[bx + 1] + colCount[bx + 2];
                out[by * bw + bx] = n == 0 ? Double.NaN : s / n;
            }
        }
        return out;
    }
}
