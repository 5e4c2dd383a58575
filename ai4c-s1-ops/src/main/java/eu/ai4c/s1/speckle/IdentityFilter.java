package eu.ai4c.s1.speckle;

/** SNAP's {@code "None"}: copies the intensities unchanged. Immutable, thread-safe. */
final class IdentityFilter implements SpeckleFilter {

    @Override
    public int halo() {
        return 0;
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        for (int j = 0; j < dstH; j++) {
            System.arraycopy(src, (offY + j) * srcW + offX, dst, j * dstW, dstW);
        }
    }
}
