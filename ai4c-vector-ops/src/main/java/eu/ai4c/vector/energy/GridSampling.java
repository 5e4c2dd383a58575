package eu.ai4c.vector.energy;

import eu.ai4c.kit.io.netcdf.CfGrid;

/**
 * Where points fall in a regular lat-lon grid (the kit's {@link CfGrid} in canonical order: rows
 * north to south, columns west to east) and the weights that sample it: for each point four cell
 * indexes and four weights, so sampling a plane is {@code Σ w·v} over primitive arrays (the kernel,
 * {@link #sample}). Longitudes are taken modulo 360° (points may be given in −180…180 for a grid in
 * 0…360 and the other way round); a grid spanning 360° wraps around between its last and first
 * column. Immutable.
 *
 * <ul>
 * <li>{@link Method#NEAREST}: the cell whose centre is nearest in longitude and latitude (halves
 *     round up: towards the south and the east); a point may lie up to half a cell beyond the
 *     outermost centres.</li>
 * <li>{@link Method#BILINEAR}: bilinear in longitude and latitude between the four surrounding
 *     cell centres; a point must lie within the outermost centres (or anywhere in longitude for
 *     a grid spanning 360°). A missing value (NaN) among the corners with a weight above zero
 *     makes the result missing.</li>
 * </ul>
 */
public final class GridSampling {

    /** How values are taken at a point. */
    public enum Method {
        NEAREST, BILINEAR
    }

    /** Four cell indexes (canonical order, row-major) per point. */
    private final int[] index;
    /** Four weights per point, summing to 1. */
    private final double[] weight;

    private GridSampling(int[] index, double[] weight) {
        this.index = index;
        this.weight = weight;
    }

    /**
     * The sampling of {@code grid} at the points.
     *
     * @param lon longitudes, degrees east
     * @param lat latitudes, degrees north
     * @throws Outside naming the first point outside the grid
     */
    public static GridSampling of(CfGrid grid, double[] lon, double[] lat, Method method) {
        int n = lon.length;
        int[] index = new int[4 * n];
        double[] weight = new double[4 * n];
        int w = grid.width();
        int h = grid.height();
        boolean global = Math.abs(w * grid.lonStep() - 360) <= 1e-3 * grid.lonStep();
        for (int p = 0; p < n; p++) {
            double row = (grid.north() - lat[p]) / grid.latStep();
            double col = floorModDeg(lon[p] - grid.west()) / grid.lonStep();
            if (!global && col > w - 0.5) {
                double west = col - 360 / grid.lonStep(); // just west of the first column
                if (west >= -0.5) col = west;
            }
            if (method == Method.NEAREST) {
                long r = Math.round(row);
                long c = Math.round(col);
                if (global) c = Math.floorMod(c, w);
                if (r < 0 || r >= h || c < 0 || c >= w) throw new Outside(p);
                index[4 * p] = (int) (r * w + c);
                weight[4 * p] = 1;
                for (int k = 1; k < 4; k++) index[4 * p + k] = index[4 * p];
                continue;
            }
            if (row < -1e-9 || row > h - 1 + 1e-9 || (!global && (col < -1e-9 || col > w - 1 + 1e-9))) {
                throw new Outside(p);
            }
            col = Math.max(col, 0);
            row = Math.min(Math.max(row, 0), h - 1);
            int r0 = (int) Math.floor(row);
            int r1 = Math.min(r0 + 1, h - 1);
            double fr = row - r0;
            int c0 = (int) Math.floor(col);
            double fc = col - c0;
            int c1 = c0 + 1;
            if (global) {
                c0 = Math.floorMod(c0, w);
                c1 = Math.floorMod(c1, w);
            } else {
                c0 = Math.min(c0, w - 1);
                c1 = Math.min(c1, w - 1);
            }
            index[4 * p] = r0 * w + c0;
            index[4 * p + 1] = r0 * w + c1;
            index[4 * p + 2] = r1 * w + c0;
            index[4 * p + 3] = r1 * w + c1;
            weight[4 * p] = (1 - fr) * (1 - fc);
            weight[4 * p + 1] = (1 - fr) * fc;
            weight[4 * p + 2] = fr * (1 - fc);
            weight[4 * p + 3] = fr * fc;
        }
        return new GridSampling(index, weight);
    }

    /** {@code d} brought into [0, 360). */
    private static double floorModDeg(double d) {
        double m = d % 360;
        return m < 0 ? m + 360 : m;
    }

    /** Number of points. */
    public int points() {
        return index.length / 4;
    }

    /**
     * The values of one plane (canonical order) at the points, into {@code out[offset + p *
     * stride]}; NaN where a corner with a weight above zero is missing.
     */
    public void sample(float[] plane, float[] out, int offset, int stride) {
        for (int p = 0, k = 0; k < index.length; p++, k += 4) {
            double s = 0;
            for (int j = k; j < k + 4; j++) {
                double wj = weight[j];
                if (wj > 0) s += wj * plane[index[j]];
            }
            out[offset + p * stride] = (float) s;
        }
    }

    /** Thrown by {@link #of} for a point outside the grid. */
    public static final class Outside extends RuntimeException {
        private final int point;

        Outside(int point) {
            super("point #" + point + " lies outside the grid", null, false, false);
            this.point = point;
        }

        /** The index of the point. */
        public int point() {
            return point;
        }
    }
}
