package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.raster.Region;

/**
 * Copies the part of one band of a decoded chunk that overlaps a window into the window's
 * array. The loop is chosen once per chunk by array type and interleaving (a plain row copy when
 * the chunk holds one sample per pixel). Pure kernel; thread-safe.
 */
final class ChunkCopy {
    private ChunkCopy() {
    }

    /**
     * @param src       decoded chunk, {@code spp} interleaved samples per pixel, {@code vps} values per sample
     * @param srcRegion pixel region the chunk covers (its width is the chunk's row length)
     * @param spp       samples per pixel in the chunk
     * @param sample    which of those samples to copy
     * @param vps       array values per sample (2 for complex)
     * @param dst       window array, one sample per pixel
     * @param dstRegion pixel region of the window
     * @param overlap   region to copy, inside both
     */
    static void copy(Object src, Region srcRegion, int spp, int sample, int vps, Object dst, Region dstRegion,
                     Region overlap) {
        int w = overlap.width();
        for (int row = overlap.y(); row < overlap.maxY(); row++) {
            int si = (((row - srcRegion.y()) * srcRegion.width() + overlap.x() - srcRegion.x()) * spp + sample) * vps;
            int di = ((row - dstRegion.y()) * dstRegion.width() + overlap.x() - dstRegion.x()) * vps;
            if (spp == 1) {
                System.arraycopy(src, si, dst, di, w * vps);
            } else if (src instanceof byte[] s) {
                byte[] d = (byte[]) dst;
                for (int i = 0; i < w; i++, si += spp) d[di + i] = s[si];
            } else if (src instanceof short[] s) {
                short[] d = (short[]) dst;
                for (int i = 0; i < w; i++, si += spp) d[di + i] = s[si];
            } else if (src instanceof int[] s) {
                int[] d = (int[]) dst;
                for (int i = 0; i < w; i++, si += spp) d[di + i] = s[si];
            } else if (src instanceof double[] s) {
                double[] d = (double[]) dst;
                for (int i = 0; i < w; i++, si += spp) d[di + i] = s[si];
            } else if (vps == 1) {
                float[] s = (float[]) src, d = (float[]) dst;
                for (int i = 0; i < w; i++, si += spp) d[di + i] = s[si];
            } else {
                float[] s = (float[]) src, d = (float[]) dst;
                int step = spp * 2;
                for (int i = 0; i < w; i++, si += step) {
                    d[di + 2 * i] = s[si];
                    d[di + 2 * i + 1] = s[si + 1];
                }
            }
        }
    }
}
