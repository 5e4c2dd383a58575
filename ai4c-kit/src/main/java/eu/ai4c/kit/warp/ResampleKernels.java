package eu.ai4c.kit.warp;

/**
 * Pure resampling kernels: given a {@link SourceWindow} and the source pixel coordinates of
 * target pixels, they compute the target values. No I/O, no allocation.
 *
 * <h2>Conventions</h2>
 * Coordinates are fractional source pixel coordinates in the <em>corner</em> convention of the
 * whole source raster: (0,0) is the upper-left corner of the upper-left pixel, so the centre of
 * pixel (i,j) is (i+0.5, j+0.5) and samples are taken to sit at pixel centres. Results are
 * {@code double}, NaN meaning no-data.
 *
 * <h2>No-data (the rules of gdalwarp 3.x, checked against it in the tests)</h2>
 * <ul>
 * <li>A target pixel is no-data when its source point lies outside the source raster
 *     ({@code x < 0}, {@code y < 0}, or the pixel containing it is beyond the last column/row).</li>
 * <li>Nearest: the value of the pixel containing the point (floor with a 1e-10 px tolerance);
 *     no-data when that pixel is no-data.</li>
 * <li>Bilinear and bicubic: no-data when the pixel containing the point is no-data (as gdalwarp,
 *     which skips "transparent" source pixels). Otherwise bilinear renormalises the weights of
 *     the 2×2 neighbours that exist and are valid to sum 1 (no-data below a weight sum of 1e-5);
 *     at the raster edge this extends the edge pixel.</li>
 * <li>Bicubic (Keys cubic convolution, a = -0.5): when any of the 4×4 neighbours is missing
 *     (raster edge) or no-data, the pixel falls back to the bilinear rule above.</li>
 * </ul>
 * <p>Known difference: when downsampling by more than about 5 % (target pixels larger than
 * source pixels), gdalwarp widens its bilinear/cubic kernels by the scale factor (an
 * anti-aliasing filter); these kernels keep their 2×2 / 4×4 support, as SNAP's reprojection
 * does, so coarse targets can alias where gdalwarp would smooth.</p>
 *
 * <p>The "no-mask" loops (bands without no-data) use the same arithmetic order as gdalwarp's
 * fast paths, the masked loops that of its general path, so results agree to the last bits.</p>
 *
 * <h2>Thread-safety</h2>
 * Stateless; safe from any thread.
 */
public final class ResampleKernels {

    /** Below this sum of bilinear weights a pixel is no-data (gdalwarp's threshold). */
    static final double MIN_WEIGHT = 0.00001;
    /** Tolerance when flooring a coordinate to its pixel (gdalwarp uses the same). */
    static final double FLOOR_EPS = 1e-10;

    private ResampleKernels() {
    }

    /**
     * Resamples {@code n} points.
     *
     * @param method resampling method
     * @param src    source samples (NaN = no-data)
     * @param sx     source x of each point (pixel-corner convention), NaN when it has none
     * @param sy     source y of each point
     * @param n      number of points
     * @param out    receives the values, NaN for no-data
     */
    public static void resample(Resampling method, SourceWindow src, double[] sx, double[] sy, int n, double[] out) {
        switch (method) {
            case NEAREST -> nearest(src, sx, sy, n, out);
            case BILINEAR -> {
                if (!src.hasInvalid()) bilinearNoMask(src, sx, sy, n, out);
                else if (src.hasNaN()) bilinearMasked(src, sx, sy, n, out);
                else bilinearMaskedClean(src, sx, sy, n, out);
            }
            case BICUBIC -> {
                if (src.hasInvalid()) bicubicMasked(src, sx, sy, n, out);
                else bicubicNoMask(src, sx, sy, n, out);
            }
        }
    }

    /** True when point (x, y) falls inside the source raster (gdalwarp's test). */
    static boolean inside(SourceWindow s, double x, double y) {
        return x >= 0 && y >= 0 && (int) (x + FLOOR_EPS) < s.rasterWidth() && (int) (y + FLOOR_EPS) < s.rasterHeight();
    }

    /** Nearest neighbour. */
    public static void nearest(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y)) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = v[((int) (y + FLOOR_EPS) - oy) * w + ((int) (x + FLOOR_EPS) - ox)];
        }
    }

    /** Bilinear over a window without no-data. */
    public static void bilinearNoMask(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        int rw = s.rasterWidth(), rh = s.rasterHeight();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y)) {
                out[i] = Double.NaN;
                continue;
            }
            int ix = (int) Math.floor(x - 0.5), iy = (int) Math.floor(y - 0.5);
            double rx = 1.5 - (x - ix), ry = 1.5 - (y - iy);
            if (ix >= 0 && ix + 1 < rw && iy >= 0 && iy + 1 < rh) {
                int k = (iy - oy) * w + (ix - ox);
                out[i] = (v[k] * rx + v[k + 1] * (1.0 - rx)) * ry
                        + (v[k + w] * rx + v[k + w + 1] * (1.0 - rx)) * (1.0 - ry);
            } else {
                out[i] = bilinearEdge(s, ix, iy, rx, ry);
            }
        }
    }

    /** Bilinear at the raster edge, no no-data: existing neighbours renormalised (order UL, UR, LR, LL). */
    private static double bilinearEdge(SourceWindow s, int ix, int iy, double rx, double ry) {
        double acc = 0, div = 0;
        if (exists(s, ix, iy)) { double m = rx * ry; div += m; acc += at(s, ix, iy) * m; }
        if (exists(s, ix + 1, iy)) { double m = (1.0 - rx) * ry; div += m; acc += at(s, ix + 1, iy) * m; }
        if (exists(s, ix + 1, iy + 1)) { double m = (1.0 - rx) * (1.0 - ry); div += m; acc += at(s, ix + 1, iy + 1) * m; }
        if (exists(s, ix, iy + 1)) { double m = rx * (1.0 - ry); div += m; acc += at(s, ix, iy + 1) * m; }
        if (div < MIN_WEIGHT) return Double.NaN;
        return div == 1.0 ? acc : acc / div;
    }

    /** Bilinear with no-data: valid neighbours renormalised (order UL, UR, LL, LR). */
    public static void bilinearMasked(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        int rw = s.rasterWidth(), rh = s.rasterHeight();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y) || Double.isNaN(v[((int) (y + FLOOR_EPS) - oy) * w + ((int) (x + FLOOR_EPS) - ox)])) {
                out[i] = Double.NaN;
                continue;
            }
            int ix = (int) Math.floor(x - 0.5), iy = (int) Math.floor(y - 0.5);
            if (ix < 0 || ix + 1 >= rw || iy < 0 || iy + 1 >= rh) {
                out[i] = bilinearMaskedAt(s, x, y);
                continue;
            }
            // Interior: all four neighbours exist; skip the invalid ones and renormalise.
            double rx = 1.5 - (x - ix), ry = 1.5 - (y - iy);
            int k = (iy - oy) * w + (ix - ox);
            double p00 = v[k], p01 = v[k + 1], p10 = v[k + w], p11 = v[k + w + 1];
            double acc = 0, div = 0, m;
            if (p00 == p00) { m = rx * ry; div += m; acc += p00 * m; }
            if (p01 == p01) { m = (1.0 - rx) * ry; div += m; acc += p01 * m; }
            if (p10 == p10) { m = rx * (1.0 - ry); div += m; acc += p10 * m; }
            if (p11 == p11) { m = (1.0 - rx) * (1.0 - ry); div += m; acc += p11 * m; }
            out[i] = div == 1.0 ? acc : div < MIN_WEIGHT ? Double.NaN : acc / div;
        }
    }

    /**
     * {@link #bilinearMasked} over a window holding no NaN (a band with a no-data value, none of it
     * in this window: the common case of a tile inside the scene). Same arithmetic in the same
     * order — weights summed and the sum divided out as the masked path does — so the same bits,
     * without the per-sample validity tests and the lookup of the containing pixel.
     */
    public static void bilinearMaskedClean(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        int rw = s.rasterWidth(), rh = s.rasterHeight();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y)) {
                out[i] = Double.NaN;
                continue;
            }
            int ix = (int) Math.floor(x - 0.5), iy = (int) Math.floor(y - 0.5);
            if (ix < 0 || ix + 1 >= rw || iy < 0 || iy + 1 >= rh) {
                out[i] = bilinearMaskedAt(s, x, y);
                continue;
            }
            double rx = 1.5 - (x - ix), ry = 1.5 - (y - iy);
            int k = (iy - oy) * w + (ix - ox);
            double m00 = rx * ry, m01 = (1.0 - rx) * ry, m10 = rx * (1.0 - ry), m11 = (1.0 - rx) * (1.0 - ry);
            // 0.0 + first term as the masked loop's accumulators start at 0 (keeps -0.0 → 0.0 identical)
            double div = 0.0 + m00 + m01 + m10 + m11;
            double acc = 0.0 + v[k] * m00 + v[k + 1] * m01 + v[k + w] * m10 + v[k + w + 1] * m11;
            out[i] = div == 1.0 ? acc : div < MIN_WEIGHT ? Double.NaN : acc / div;
        }
    }

    /** The general masked bilinear at one point (raster edges included). */
    private static double bilinearMaskedAt(SourceWindow s, double x, double y) {
        int ix = (int) Math.floor(x - 0.5), iy = (int) Math.floor(y - 0.5);
        double rx = 1.5 - (x - ix), ry = 1.5 - (y - iy);
        // Left of the first pixel centre the first pixel takes the whole weight (as gdalwarp).
        if (ix == -1) { ix = 0; rx = 1; }
        if (iy == -1) { iy = 0; ry = 1; }
        double acc = 0, div = 0, p;
        if (exists(s, ix, iy) && !Double.isNaN(p = at(s, ix, iy))) { double m = rx * ry; div += m; acc += p * m; }
        if (exists(s, ix + 1, iy) && !Double.isNaN(p = at(s, ix + 1, iy))) { double m = (1.0 - rx) * ry; div += m; acc += p * m; }
        if (exists(s, ix, iy + 1) && !Double.isNaN(p = at(s, ix, iy + 1))) { double m = rx * (1.0 - ry); div += m; acc += p * m; }
        if (exists(s, ix + 1, iy + 1) && !Double.isNaN(p = at(s, ix + 1, iy + 1))) {
            double m = (1.0 - rx) * (1.0 - ry); div += m; acc += p * m;
        }
        if (div == 1.0) return acc;
        if (div < MIN_WEIGHT) return Double.NaN;
        return acc / div;
    }

    /** Cubic convolution over a window without no-data; bilinear within 2 pixels of the edge. */
    public static void bicubicNoMask(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        int rw = s.rasterWidth(), rh = s.rasterHeight();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y)) {
                out[i] = Double.NaN;
                continue;
            }
            int ix = (int) (x - 0.5), iy = (int) (y - 0.5);
            if (ix - 1 < 0 || ix + 2 >= rw || iy - 1 < 0 || iy + 2 >= rh) {
                int bx = (int) Math.floor(x - 0.5), by = (int) Math.floor(y - 0.5);
                double rx = 1.5 - (x - bx), ry = 1.5 - (y - by);
                if (bx >= 0 && bx + 1 < rw && by >= 0 && by + 1 < rh) {
                    int k = (by - oy) * w + (bx - ox);
                    out[i] = (v[k] * rx + v[k + 1] * (1.0 - rx)) * ry
                            + (v[k + w] * rx + v[k + w + 1] * (1.0 - rx)) * (1.0 - ry);
                } else {
                    out[i] = bilinearEdge(s, bx, by, rx, ry);
                }
                continue;
            }
            double dx = x - 0.5 - ix, dy = y - 0.5 - iy;
            // Keys (1981) weights for a = -0.5 at offsets -1, 0, 1, 2.
            double hx = 0.5 * dx, hx2 = hx * dx, tx = 3.0 * dx;
            double c0 = hx * (-1 + dx * (2 - dx)), c1 = 1 + hx2 * (-5 + tx);
            double c2 = hx * (1 + dx * (4 - tx)), c3 = hx2 * (-1 + dx);
            int k = (iy - 1 - oy) * w + (ix - 1 - ox);
            double f0 = c0 * v[k] + c1 * v[k + 1] + c2 * v[k + 2] + c3 * v[k + 3];
            k += w;
            double f1 = c0 * v[k] + c1 * v[k + 1] + c2 * v[k + 2] + c3 * v[k + 3];
            k += w;
            double f2 = c0 * v[k] + c1 * v[k + 1] + c2 * v[k + 2] + c3 * v[k + 3];
            k += w;
            double f3 = c0 * v[k] + c1 * v[k + 1] + c2 * v[k + 2] + c3 * v[k + 3];
            double dy2 = dy * dy, dy3 = dy2 * dy;
            out[i] = f1 + 0.5 * (dy * (f2 - f0) + dy2 * (2.0 * f0 - 5.0 * f1 + 4.0 * f2 - f3)
                    + dy3 * (3.0 * (f1 - f2) + f3 - f0));
        }
    }

    /** Cubic convolution with no-data: bilinear (renormalised) when a neighbour is missing or invalid. */
    public static void bicubicMasked(SourceWindow s, double[] sx, double[] sy, int n, double[] out) {
        double[] v = s.values();
        int w = s.width(), ox = s.x(), oy = s.y();
        int rw = s.rasterWidth(), rh = s.rasterHeight();
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (!inside(s, x, y) || containingIsNoData(s, x, y)) {
                out[i] = Double.NaN;
                continue;
            }
            int ix = (int) (x - 0.5), iy = (int) (y - 0.5);
            if (ix - 1 < 0 || ix + 2 >= rw || iy - 1 < 0 || iy + 2 >= rh) {
                out[i] = bilinearMaskedAt(s, x, y);
                continue;
            }
            double dx = x - 0.5 - ix, dy = y - 0.5 - iy;
            double hx = 0.5 * dx, hx2 = hx * dx, tx = 3.0 * dx;
            double c0 = hx * (-1 + dx * (2 - dx)), c1 = 1 + hx2 * (-5 + tx);
            double c2 = hx * (1 + dx * (4 - tx)), c3 = hx2 * (-1 + dx);
            double hy = 0.5 * dy, hy2 = hy * dy, ty = 3.0 * dy;
            double d0 = hy * (-1 + dy * (2 - dy)), d1 = 1 + hy2 * (-5 + ty);
            double d2 = hy * (1 + dy * (4 - ty)), d3 = hy2 * (-1 + dy);
            int k = (iy - 1 - oy) * w + (ix - 1 - ox);
            double acc = 0;
            boolean valid = true;
            for (int r = 0; r < 4 && valid; r++, k += w) {
                double a = v[k], b = v[k + 1], c = v[k + 2], d = v[k + 3];
                // NaN propagates through the sum: one test per row finds any invalid neighbour.
                double row = c0 * a + c1 * b + c2 * c + c3 * d;
                if (Double.isNaN(a + b + c + d)) valid = false;
                acc += (r == 0 ? d0 : r == 1 ? d1 : r == 2 ? d2 : d3) * row;
            }
            out[i] = valid ? acc : bilinearMaskedAt(s, x, y);
        }
    }

    /** True when the pixel containing (x, y), a point inside the raster, is no-data. */
    private static boolean containingIsNoData(SourceWindow s, double x, double y) {
        return Double.isNaN(at(s, (int) (x + FLOOR_EPS), (int) (y + FLOOR_EPS)));
    }

    private static boolean exists(SourceWindow s, int col, int row) {
        return col >= 0 && col < s.rasterWidth() && row >= 0 && row < s.rasterHeight();
    }

    private static double at(SourceWindow s, int col, int row) {
        return s.values()[(row - s.y()) * s.width() + (col - s.x())];
    }
}
