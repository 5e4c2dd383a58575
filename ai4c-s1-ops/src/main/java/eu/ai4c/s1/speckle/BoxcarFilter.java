package eu.ai4c.s1.speckle;

/**
 * Boxcar (moving average): the mean of the valid samples of a {@code sizeX × sizeY} window
 * (columns {@code x-(sizeX-1)/2 … x+sizeX/2}, likewise rows). On independent L-look speckle in a
 * homogeneous area it raises the ENL to about {@code sizeX·sizeY·L}, at the price of blurring edges
 * and point targets. Immutable, thread-safe.
 */
final class BoxcarFilter implements SpeckleFilter {
    private final int sizeX;
    private final int sizeY;

    BoxcarFilter(int sizeX, int sizeY) {
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
        LocalStatistics stats = new LocalStatistics(sizeX, sizeY, srcW, dstW);
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            stats.computeRow(src, srcW, srcH, offX, dstW, cy);
            int s = cy * srcW + offX, d = j * dstW;
            for (int i = 0; i < dstW; i++) {
                float z = src[s + i];
                dst[d + i] = z != z ? Float.NaN : (float) stats.mean[i];
            }
        }
    }
}
