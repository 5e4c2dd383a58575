package eu.ai4c.s1.speckle;

import eu.ai4c.kit.math.Select;

/**
 * Median of the valid samples of a {@code sizeX × sizeY} window (mean of the two middle values when
 * their number is even, e.g. in windows clipped at the image edge or holding no-data). Robust to
 * isolated bright speckle but removes point targets smaller than half the window. Uses one scratch
 * array per tile and quickselect (expected linear time) per pixel. Immutable, thread-safe.
 */
final class MedianFilter implements SpeckleFilter {
    private final int sizeX;
    private final int sizeY;

    MedianFilter(int sizeX, int sizeY) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
    }

    @Override
    public int halo() {
        return Math.max(sizeX / 2, sizeY / 2);
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        float[] scratch = new float[sizeX * sizeY];
        int left = (sizeX - 1) / 2, right = sizeX / 2, up = (sizeY - 1) / 2, down = sizeY / 2;
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            int y0 = Math.max(0, cy - up), y1 = Math.min(srcH - 1, cy + down);
            for (int i = 0; i < dstW; i++) {
                int cx = offX + i;
                float z = src[cy * srcW + cx];
                if (z != z) {
                    dst[j * dstW + i] = Float.NaN;
                    continue;
                }
                int x0 = Math.max(0, cx - left), x1 = Math.min(srcW - 1, cx + right);
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int k = y * srcW + x0, e = y * srcW + x1; k <= e; k++) {
                        float v = src[k];
                        if (v == v) scratch[n++] = v;
                    }
                }
                dst[j * dstW + i] = median(scratch, n);
            }
        }
    }

    /** Median of {@code a[0..n)} (n ≥ 1), reordering the array. */
    static float median(float[] a, int n) {
        int k = n >>> 1;
        float upper = Select.kth(a, n, k);
        if ((n & 1) == 1) return upper;
        // after selection, a[0..k) holds the k smallest values: the lower middle is their maximum
        float lower = a[0];
        for (int i = 1; i < k; i++) {
            if (a[i] > lower) lower = a[i];
        }
        return (float) (0.5 * ((double) lower + upper));
    }
}
