package eu.ai4c.s1.geometry;

/**
 * Interpolation from a grid of nodes (pixel offsets {@code nx} × {@code ny}, including the first
 * and last pixel of each axis) to every pixel of a {@code width}-wide region. Pure functions on
 * arrays; thread-safe.
 */
final class CellInterpolation {

    private CellInterpolation() {
    }

    /** Bilinear interpolation of node values {@code v} (row-major nodes) to {@code out} (row-major pixels). */
    static void bilinear(int[] nx, int[] ny, double[] v, int width, double[] out) {
        int cols = nx.length;
        for (int j = 0; j < ny.length - 1; j++) {
            int y0 = ny[j], y1 = ny[j + 1];
            int yEnd = j == ny.length - 2 ? y1 : y1 - 1;
            double dy = Math.max(1, y1 - y0);
            for (int i = 0; i < cols - 1; i++) {
                int x0 = nx[i], x1 = nx[i + 1];
                int xEnd = i == cols - 2 ? x1 : x1 - 1;
                double dx = Math.max(1, x1 - x0);
                double a = v[j * cols + i], b = v[j * cols + i + 1];
                double c = v[(j + 1) * cols + i], d = v[(j + 1) * cols + i + 1];
                for (int y = y0; y <= yEnd; y++) {
                    double wy = (y - y0) / dy;
                    double left = a + wy * (c - a), right = b + wy * (d - b);
                    int o = y * width;
                    for (int x = x0; x <= xEnd; x++) {
                        out[o + x] = left + (x - x0) / dx * (right - left);
                    }
                }
            }
        }
    }

    /**
     * Evaluates, at every pixel, {@code c0 + c1·dh + c2·dh²} with the coefficients interpolated
     * bilinearly from the nodes and {@code dh} the pixel's height minus the bilinear node height.
     * Pixels in cells with a NaN node, or with {@code |dh| > maxResidual}, get NaN.
     *
     * @param h      pixel heights
     * @param nh     node heights
     */
    static void heightQuadratic(int[] nx, int[] ny, int width, double[] h, double[] nh, double[] c0, double[] c1,
                                double[] c2, double[] out, double maxResidual) {
        int cols = nx.length;
        for (int j = 0; j < ny.length - 1; j++) {
            int y0 = ny[j], y1 = ny[j + 1];
            int yEnd = j == ny.length - 2 ? y1 : y1 - 1;
            double dy = Math.max(1, y1 - y0);
            for (int i = 0; i < cols - 1; i++) {
                int x0 = nx[i], x1 = nx[i + 1];
                int xEnd = i == cols - 2 ? x1 : x1 - 1;
                double dx = Math.max(1, x1 - x0);
                int ka = j * cols + i, kb = ka + 1, kc = ka + cols, kd = kc + 1;
                double ha = nh[ka], hb = nh[kb], hc = nh[kc], hd = nh[kd];
                double a0 = c0[ka], b0 = c0[kb], cc0 = c0[kc], d0 = c0[kd];
                double a1 = c1[ka], b1 = c1[kb], cc1 = c1[kc], d1 = c1[kd];
                double a2 = c2[ka], b2 = c2[kb], cc2 = c2[kc], d2 = c2[kd];
                boolean valid = !Double.isNaN(a0 + b0 + cc0 + d0 + a1 + b1 + cc1 + d1 + a2 + b2 + cc2 + d2);
                for (int y = y0; y <= yEnd; y++) {
                    double wy = (y - y0) / dy;
                    int o = y * width;
                    if (!valid) {
                        for (int x = x0; x <= xEnd; x++) out[o + x] = Double.NaN;
                        continue;
                    }
                    double hl = ha + wy * (hc - ha), hr = hb + wy * (hd - hb);
                    double l0 = a0 + wy * (cc0 - a0), r0 = b0 + wy * (d0 - b0);
                    double l1 = a1 + wy * (cc1 - a1), r1 = b1 + wy * (d1 - b1);
                    double l2 = a2 + wy * (cc2 - a2), r2 = b2 + wy * (d2 - b2);
                    for (int x = x0; x <= xEnd; x++) {
                        double wx = (x - x0) / dx;
                        double dh = h[o + x] - (hl + wx * (hr - hl));
                        if (Math.abs(dh) > maxResidual) {
                            out[o + x] = Double.NaN;
                            continue;
                        }
                        double q0 = l0 + wx * (r0 - l0), q1 = l1 + wx * (r1 - l1), q2 = l2 + wx * (r2 - l2);
                        out[o + x] = q0 + dh * (q1 + dh * q2);
                    }
                }
            }
        }
    }
}
