package eu.ai4c.s1.geometry;

/**
 * Bilinear resampling of a SAR image window at fractional (line, sample) positions, aware of
 * no-data: invalid neighbours (NaN or the no-data value) are left out and the weights renormalised;
 * positions outside the image ({@code line ∉ [−0.5, lines − 0.5]}, same for samples) or with no
 * valid neighbour give NaN. Integer positions are pixel centres. Pure function; thread-safe.
 */
final class BilinearResampler {

    private BilinearResampler() {
    }

    /**
     * @param src       the window's samples, row-major
     * @param srcX      image column of the window's first sample
     * @param srcY      image line of the window's first row
     * @param srcW      window width
     * @param srcH      window height
     * @param lines     image height (for the outside test)
     * @param samples   image width
     * @param line      fractional lines, indexed like {@code out}
     * @param sample    fractional samples
     * @param out       receives the values
     * @param offset    index of the first position to do
     * @param width     positions per row to do
     * @param height    rows to do
     * @param stride    index step between rows
     * @param hasNoData whether {@code noData} marks invalid source samples
     * @param noData    the source no-data value
     */
    static void resample(float[] src, int srcX, int srcY, int srcW, int srcH, int lines, int samples,
                         double[] line, double[] sample, float[] out, int offset, int width, int height, int stride,
                         boolean hasNoData, float noData) {
        int maxL = lines - 1, maxS = samples - 1;
        for (int r = 0; r < height; r++) {
            int i = offset + r * stride;
            for (int c = 0; c < width; c++, i++) {
                double l = line[i], s = sample[i];
                if (!(l >= -0.5 && l <= lines - 0.5 && s >= -0.5 && s <= samples - 0.5)) {
                    out[i] = Float.NaN;
                    continue;
                }
                l = Math.max(0, Math.min(maxL, l));
                s = Math.max(0, Math.min(maxS, s));
                int l0 = (int) l, s0 = (int) s;
                int l1 = Math.min(l0 + 1, maxL), s1 = Math.min(s0 + 1, maxS);
                double wy = l - l0, wx = s - s0;
                int row0 = (l0 - srcY) * srcW, row1 = (l1 - srcY) * srcW;
                int c0 = s0 - srcX, c1 = s1 - srcX;
                float a = src[row0 + c0], b = src[row0 + c1], cc = src[row1 + c0], d = src[row1 + c1];
                boolean va = a == a && !(hasNoData && a == noData), vb = b == b && !(hasNoData && b == noData);
                boolean vc = cc == cc && !(hasNoData && cc == noData), vd = d == d && !(hasNoData && d == noData);
                double w00 = (1 - wx) * (1 - wy), w10 = wx * (1 - wy), w01 = (1 - wx) * wy, w11 = wx * wy;
                if (va && vb && vc && vd) {
                    out[i] = (float) (w00 * a + w10 * b + w01 * cc + w11 * d);
                } else {
                    double sum = 0, ws = 0;
                    if (va) { sum += w00 * a; ws += w00; }
                    if (vb) { sum += w10 * b; ws += w10; }
                    if (vc) { sum += w01 * cc; ws += w01; }
                    if (vd) { sum += w11 * d; ws += w11; }
                    out[i] = ws > 0 ? (float) (sum / ws) : Float.NaN;
                }
            }
        }
    }
}
