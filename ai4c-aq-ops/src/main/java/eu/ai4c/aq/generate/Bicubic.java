package eu.ai4c.aq.generate;

/**
 * Bicubic interpolation of an LR field onto the HR grid that subdivides each LR cell into
 * {@code factor × factor} cells (cell centres), with Keys' cubic convolution kernel (a = −0.5, the
 * kernel of GDAL's and most image libraries' "cubic") and edge cells repeated outside the field.
 * The baseline the SRGAN has to beat (issue: "compared with bicubic interpolation of the LR
 * field"). Pure function; NaN LR cells propagate.
 */
public final class Bicubic {
    private Bicubic() {
    }

    /** Keys' kernel with a = −0.5. */
    static double kernel(double x) {
        double t = Math.abs(x);
        if (t <= 1) return (1.5 * t - 2.5) * t * t + 1;
        if (t < 2) return ((-0.5 * t + 2.5) * t - 4) * t + 2;
        return 0;
    }

    /**
     * @param lr     LR values, row-major {@code h × w}
     * @param factor HR cells per LR cell along each axis
     * @return HR values, row-major {@code (h·factor) × (w·factor)}
     */
    public static float[] upsample(float[] lr, int w, int h, int factor) {
        int hw = w * factor;
        int hh = h * factor;
        float[] out = new float[hw * hh];
        // HR centre x → LR coordinate (LR centres at integers): (x + 0.5)/factor − 0.5
        int[] x0 = new int[hw];
        double[][] wx = new double[hw][4];
        for (int x = 0; x < hw; x++) {
            double u = (x + 0.5) / factor - 0.5;
            int f = (int) Math.floor(u);
            x0[x] = f;
            for (int k = 0; k < 4; k++) wx[x][k] = kernel(u - (f - 1 + k));
        }
        double[] wy = new double[4];
        for (int y = 0; y < hh; y++) {
            double v = (y + 0.5) / factor - 0.5;
            int fy = (int) Math.floor(v);
            for (int k = 0; k < 4; k++) wy[k] = kernel(v - (fy - 1 + k));
            for (int x = 0; x < hw; x++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    int row = clamp(fy - 1 + j, h) * w;
                    double r = 0;
                    for (int k = 0; k < 4; k++) r += wx[x][k] * lr[row + clamp(x0[x] - 1 + k, w)];
                    s += wy[j] * r;
                }
                out[y * hw + x] = (float) s;
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
