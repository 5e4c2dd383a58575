package eu.ai4c.agri.cropmap;

/**
 * Majority (mode) filter of a class image: the morphological clean-up applied to the crop-type map
 * (specification section 3.2.5.3) that removes isolated misclassified pixels. Each classified
 * pixel takes the most frequent class among the classified pixels of the {@code size × size}
 * window centred on it (window clipped to the image); ties keep the pixel's own class when it is
 * among the most frequent, else the smallest class id. Unclassified pixels (values ≥ {@code classes},
 * e.g. 255) are not counted and stay as they are, so the crop mask is never grown.
 *
 * <p>Pure kernel: a sliding histogram per row (one column in, one out) costs O(size) per pixel
 * plus a scan of {@code classes} bins. Stateless and thread-safe.</p>
 */
public final class MajorityFilter {

    private MajorityFilter() {
    }

    /**
     * Filters the window {@code [dstX, dstX+dstW) × [dstY, dstY+dstH)} of {@code src}.
     *
     * @param src     classes, row-major {@code srcW × srcH} (unsigned bytes): the target window plus
     *                whatever halo of up to {@code size/2} pixels the image has around it
     * @param radius  half the window size ({@code size = 2·radius+1}); 0 copies
     * @param classes number of class ids; values ≥ classes are unclassified
     * @param dst     output, row-major {@code dstW × dstH}
     */
    public static void filter(byte[] src, int srcW, int srcH, int radius, int classes,
                              int dstX, int dstY, int dstW, int dstH, byte[] dst) {
        int[] hist = new int[Math.max(classes, 1)];
        for (int j = 0; j < dstH; j++) {
            int sy = dstY + j;
            int y0 = Math.max(0, sy - radius), y1 = Math.min(srcH - 1, sy + radius);
            java.util.Arrays.fill(hist, 0);
            // window columns of the first pixel, except its last column which the loop adds
            for (int x = Math.max(0, dstX - radius); x < Math.min(srcW, dstX + radius); x++) {
                addColumn(src, srcW, x, y0, y1, classes, hist, 1);
            }
            for (int i = 0; i < dstW; i++) {
                int sx = dstX + i;
                int in = sx + radius, out = sx - radius - 1;
                if (in < srcW) addColumn(src, srcW, in, y0, y1, classes, hist, 1);
                if (out >= 0) addColumn(src, srcW, out, y0, y1, classes, hist, -1);
                int centre = src[sy * srcW + sx] & 0xFF;
                if (centre >= classes) {
                    dst[j * dstW + i] = (byte) centre;
                    continue;
                }
                int best = centre, bestCount = hist[centre];
                for (int c = 0; c < classes; c++) {
                    if (hist[c] > bestCount) {
                        best = c;
                        bestCount = hist[c];
                    }
                }
                dst[j * dstW + i] = (byte) best;
            }
        }
    }

    private static void addColumn(byte[] src, int srcW, int x, int y0, int y1, int classes, int[] hist, int delta) {
        for (int y = y0; y <= y1; y++) {
            int v = src[y * srcW + x] & 0xFF;
            if (v < classes) hist[v] += delta;
        }
    }
}
