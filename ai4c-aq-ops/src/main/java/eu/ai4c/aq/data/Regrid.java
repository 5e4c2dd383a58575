package eu.ai4c.aq.data;

import eu.ai4c.kit.io.netcdf.CfGrid;

/**
 * Regridding between regular lat-lon grids in canonical order (north first, west to east), as
 * pure array functions. Two methods:
 * <ul>
 * <li>{@link #bilinear}: the value at each target cell centre interpolated from the four nearest
 * source cell centres (clamped to the edge cells outside the source). For inputs that are smooth
 * at the target scale (meteorology, coarse model fields); exact where centres coincide.</li>
 * <li>{@link #conservative}: area-weighted average of the source cells overlapping each target
 * cell, first order, with the areas of cells on the sphere (weight = longitude overlap ×
 * (sin φ<sub>north</sub> − sin φ<sub>south</sub>) of the overlap). Preserves the area integral;
 * for finer sources (a DEM, urban maps) onto a coarser grid. NaN source cells are left out of
 * the average; a target cell with no valid overlap is NaN.</li>
 * </ul>
 * Stateless.
 */
public final class Regrid {
    private Regrid() {
    }

    /**
     * Bilinear interpolation of {@code values} on {@code src} at the cell centres of {@code dst}. A
     * {@code dst} whose centres are centres of {@code src} (a window of it, to 1e-6 of a cell) gets
     * the values copied: bilinear weights there are 1 and 0, but with coordinates rounded
     * differently (a grid from a file's coordinates, or from a product's geotransform) a weight of
     * 1e-14 goes to a neighbour, so that a no-data cell would take the neighbour's value and a value
     * on a rounding boundary would change in its last bit (two front ends reading the same field
     * must downscale it identically: {@code AqDownscaleOperatorTest}).
     */
    public static float[] bilinear(CfGrid src, float[] values, CfGrid dst) {
        int sw = src.width();
        int sh = src.height();
        float[] window = windowOf(src, values, dst);
        if (window != null) return window;
        float[] out = new float[dst.width() * dst.height()];
        int[] x0 = new int[dst.width()];
        double[] fx = new double[dst.width()];
        for (int c = 0; c < dst.width(); c++) {
            double x = (dst.longitude(c) - src.west()) / src.lonStep();
            x = Math.max(0, Math.min(sw - 1, x));
            x0[c] = Math.min(sw - 2, (int) Math.floor(x));
            if (sw == 1) x0[c] = 0;
            fx[c] = sw == 1 ? 0 : x - x0[c];
        }
        for (int r = 0; r < dst.height(); r++) {
            double y = (src.north() - dst.latitude(r)) / src.latStep();
            y = Math.max(0, Math.min(sh - 1, y));
            int y0 = sh == 1 ? 0 : Math.min(sh - 2, (int) Math.floor(y));
            double fy = sh == 1 ? 0 : y - y0;
            int y1 = sh == 1 ? 0 : y0 + 1;
            for (int c = 0; c < dst.width(); c++) {
                int xa = x0[c];
                int xb = sw == 1 ? xa : xa + 1;
                double a = fx[c];
                out[r * dst.width() + c] = mix(values[y0 * sw + xa], values[y0 * sw + xb], values[y1 * sw + xa],
                        values[y1 * sw + xb], a, fy);
            }
        }
        return out;
    }

    /** The values of {@code dst}'s cells when they are cells of {@code src}, else null. */
    static float[] windowOf(CfGrid src, float[] values, CfGrid dst) {
        double tol = 1e-6;
        if (Math.abs(dst.latStep() - src.latStep()) > tol * src.latStep()
                || Math.abs(dst.lonStep() - src.lonStep()) > tol * src.lonStep()) {
            return null;
        }
        double y = (src.north() - dst.north()) / src.latStep();
        double x = (dst.west() - src.west()) / src.lonStep();
        long r0 = Math.round(y);
        long c0 = Math.round(x);
        if (Math.abs(y - r0) > tol || Math.abs(x - c0) > tol || r0 < 0 || c0 < 0 || r0 + dst.height() > src.height()
                || c0 + dst.width() > src.width()) {
            return null;
        }
        float[] out = new float[dst.width() * dst.height()];
        for (int r = 0; r < dst.height(); r++) {
            System.arraycopy(values, (int) ((r0 + r) * src.width() + c0), out, r * dst.width(), dst.width());
        }
        return out;
    }

    /** Weighted mean of four corners leaving NaN corners out. */
    private static float mix(float v00, float v01, float v10, float v11, double fx, double fy) {
        double w00 = (1 - fx) * (1 - fy);
        double w01 = fx * (1 - fy);
        double w10 = (1 - fx) * fy;
        double w11 = fx * fy;
        double s = 0;
        double w = 0;
        if (!Float.isNaN(v00)) { s += w00 * v00; w += w00; }
        if (!Float.isNaN(v01)) { s += w01 * v01; w += w01; }
        if (!Float.isNaN(v10)) { s += w10 * v10; w += w10; }
        if (!Float.isNaN(v11)) { s += w11 * v11; w += w11; }
        return w > 0 ? (float) (s / w) : Float.NaN;
    }

    /** First-order conservative (area-weighted) regridding of {@code values} on {@code src} onto {@code dst}. */
    public static float[] conservative(CfGrid src, float[] values, CfGrid dst) {
        int sw = src.width();
        // per target column: the overlapping source columns and their longitude overlaps
        int[][] cols = new int[dst.width()][];
        double[][] colW = new double[dst.width()][];
        for (int c = 0; c < dst.width(); c++) {
            double w0 = dst.longitude(c) - dst.lonStep() / 2;
            double w1 = dst.longitude(c) + dst.lonStep() / 2;
            int first = (int) Math.floor((w0 - (src.west() - src.lonStep() / 2)) / src.lonStep());
            int last = (int) Math.floor((w1 - (src.west() - src.lonStep() / 2)) / src.lonStep());
            first = Math.max(0, first);
            last = Math.min(sw - 1, last);
            int n = Math.max(0, last - first + 1);
            cols[c] = new int[n];
            colW[c] = new double[n];
            for (int k = 0; k < n; k++) {
                int sc = first + k;
                double s0 = src.longitude(sc) - src.lonStep() / 2;
                double s1 = s0 + src.lonStep();
                cols[c][k] = sc;
                colW[c][k] = Math.max(0, Math.min(w1, s1) - Math.max(w0, s0));
            }
        }
        float[] out = new float[dst.width() * dst.height()];
        for (int r = 0; r < dst.height(); r++) {
            double n0 = dst.latitude(r) + dst.latStep() / 2;
            double s0 = dst.latitude(r) - dst.latStep() / 2;
            int first = (int) Math.floor(((src.north() + src.latStep() / 2) - n0) / src.latStep());
            int last = (int) Math.floor(((src.north() + src.latStep() / 2) - s0) / src.latStep());
            first = Math.max(0, first);
            last = Math.min(src.height() - 1, last);
            int nr = Math.max(0, last - first + 1);
            int[] rows = new int[nr];
            double[] rowW = new double[nr];
            for (int k = 0; k < nr; k++) {
                int sr = first + k;
                double top = Math.min(n0, src.latitude(sr) + src.latStep() / 2);
                double bottom = Math.max(s0, src.latitude(sr) - src.latStep() / 2);
                rows[k] = sr;
                rowW[k] = top > bottom ? Math.sin(Math.toRadians(top)) - Math.sin(Math.toRadians(bottom)) : 0;
            }
            for (int c = 0; c < dst.width(); c++) {
                double s = 0;
                double w = 0;
                for (int a = 0; a < nr; a++) {
                    if (rowW[a] == 0) continue;
                    int base = rows[a] * sw;
                    for (int b = 0; b < cols[c].length; b++) {
                        float v = values[base + cols[c][b]];
                        double weight = rowW[a] * colW[c][b];
                        if (Float.isNaN(v) || weight == 0) continue;
                        s += weight * v;
                        w += weight;
                    }
                }
                out[r * dst.width() + c] = w > 0 ? (float) (s / w) : Float.NaN;
            }
        }
        return out;
    }
}
