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
     * Evaluates, at every pixel, line and sample as {@code c0 + c1·dh + c2·dh²} with the
     * coefficients interpolated bilinearly from the nodes and {@code dh} the pixel's height minus the
     * bilinear node height. Pixels in cells with a NaN node, or with {@code |dh| > maxResidual},
     * get NaN.
     *
     * @param h   pixel heights
     * @param nh  node heights
     * @param l   node line coefficients {c0[], c1[], c2[]}
     * @param s   node sample coefficients {c0[], c1[], c2[]}
     */
    static void heightQuadratic(int[] nx, int[] ny, int width, double[] h, double[] nh, double[][] l, double[][] s,
                                double[] outLine, double[] outSample, double maxResidual) {
        int cols = nx.length;
        double[] la = new double[3], lb = new double[3], lc = new double[3], ld = new double[3];
        double[] sa = new double[3], sb = new double[3], sc = new double[3], sd = new double[3];
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
                double sum = 0;
                for (int m = 0; m < 3; m++) {
                    la[m] = l[m][ka]; lb[m] = l[m][kb]; lc[m] = l[m][kc]; ld[m] = l[m][kd];
                    sa[m] = s[m][ka]; sb[m] = s[m][kb]; sc[m] = s[m][kc]; sd[m] = s[m][kd];
                    sum += la[m] + lb[m] + lc[m] + ld[m] + sa[m] + sb[m] + sc[m] + sd[m];
                }
                boolean valid = !Double.isNaN(sum);
                for (int y = y0; y <= yEnd; y++) {
                    int o = y * width;
                    if (!valid) {
                        java.util.Arrays.fill(outLine, o + x0, o + xEnd + 1, Double.NaN);
                        java.util.Arrays.fill(outSample, o + x0, o + xEnd + 1, Double.NaN);
                        continue;
                    }
                    double wy = (y - y0) / dy;
                    double hl = ha + wy * (hc - ha), hr = hb + wy * (hd - hb);
                    double l0l = la[0] + wy * (lc[0] - la[0]), l0r = lb[0] + wy * (ld[0] - lb[0]);
                    double l1l = la[1] + wy * (lc[1] - la[1]), l1r = lb[1] + wy * (ld[1] - lb[1]);
                    double l2l = la[2] + wy * (lc[2] - la[2]), l2r = lb[2] + wy * (ld[2] - lb[2]);
                    double s0l = sa[0] + wy * (sc[0] - sa[0]), s0r = sb[0] + wy * (sd[0] - sb[0]);
                    double s1l = sa[1] + wy * (sc[1] - sa[1]), s1r = sb[1] + wy * (sd[1] - sb[1]);
                    double s2l = sa[2] + wy * (sc[2] - sa[2]), s2r = sb[2] + wy * (sd[2] - sb[2]);
                    for (int x = x0; x <= xEnd; x++) {
                        double wx = (x - x0) / dx;
                        double dh = h[o + x] - (hl + wx * (hr - hl));
                        if (Math.abs(dh) > maxResidual) {
                            outLine[o + x] = outSample[o + x] = Double.NaN;
                            continue;
                        }
                        double q0 = l0l + wx * (l0r - l0l), q1 = l1l + wx * (l1r - l1l), q2 = l2l + wx * (l2r - l2l);
                        outLine[o + x] = q0 + dh * (q1 + dh * q2);
                        double p0 = s0l + wx * (s0r - s0l), p1 = s1l + wx * (s1r - s1l), p2 = s2l + wx * (s2r - s2l);
                        outSample[o + x] = p0 + dh * (p1 + dh * p2);
                    }
                }
            }
        }
    }
}
