package eu.ai4c.aq.data;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;

/**
 * A low-resolution (LR) grid and the high-resolution (HR) grid that subdivides each LR cell into
 * {@code factor × factor} cells, both regular lat-lon, canonical order. Immutable.
 *
 * @param lr     the LR grid
 * @param hr     the HR grid (same extent, {@code factor} times finer)
 * @param factor HR cells per LR cell along each axis
 */
public record DownscalingGrid(CfGrid lr, CfGrid hr, int factor) {

    /** The HR grid that subdivides {@code lr} by {@code factor}. */
    public static DownscalingGrid subdividing(CfGrid lr, int factor) {
        double dLat = lr.latStep() / factor;
        double dLon = lr.lonStep() / factor;
        double north = lr.north() + lr.latStep() / 2 - dLat / 2;
        double west = lr.west() - lr.lonStep() / 2 + dLon / 2;
        return new DownscalingGrid(lr, CfGrid.regular(lr.width() * factor, lr.height() * factor, north, west, dLat, dLon),
                factor);
    }

    /**
     * The largest window of {@code hr} inside the bounding box whose size is a whole number of
     * {@code frame} cells ({@code frame} = HR frame, a multiple of {@code factor}), with its LR
     * grid obtained by coarsening.
     *
     * @return {@code {grid, firstRow, firstCol}} of the window in {@code hr}
     */
    public static Window window(CfGrid hr, AqConfig.BoundingBox aoi, int[] frame, int factor, String what) {
        int r0 = -1;
        int r1 = -1;
        for (int r = 0; r < hr.height(); r++) {
            double lat = hr.latitude(r);
            if (lat <= aoi.latMax() && lat >= aoi.latMin()) {
                if (r0 < 0) r0 = r;
                r1 = r;
            }
        }
        int c0 = -1;
        int c1 = -1;
        for (int c = 0; c < hr.width(); c++) {
            double lon = hr.longitude(c);
            if (lon <= aoi.lonMax() && lon >= aoi.lonMin()) {
                if (c0 < 0) c0 = c;
                c1 = c;
            }
        }
        int rows = r0 < 0 ? 0 : (r1 - r0 + 1) / frame[0] * frame[0];
        int cols = c0 < 0 ? 0 : (c1 - c0 + 1) / frame[1] * frame[1];
        if (rows == 0 || cols == 0) {
            throw new Ai4cException(what + ": the area of interest (" + aoi + ") holds "
                    + (r0 < 0 ? 0 : r1 - r0 + 1) + " × " + (c0 < 0 ? 0 : c1 - c0 + 1) + " cells of the high-resolution grid ("
                    + hr + "), fewer than one output frame of " + frame[0] + " × " + frame[1]
                    + ". Enlarge the aoi in the config or use a smaller output_frame.");
        }
        CfGrid hrWin = CfGrid.regular(cols, rows, hr.latitude(r0), hr.longitude(c0), hr.latStep(), hr.lonStep());
        CfGrid lrWin = CfGrid.regular(cols / factor, rows / factor,
                hr.latitude(r0) + hr.latStep() / 2 - hr.latStep() * factor / 2,
                hr.longitude(c0) - hr.lonStep() / 2 + hr.lonStep() * factor / 2, hr.latStep() * factor,
                hr.lonStep() * factor);
        return new Window(new DownscalingGrid(lrWin, hrWin, factor), r0, c0);
    }

    /**
     * The LR cells of {@code lr} whose centres lie inside the bounding box, and their subdivision.
     *
     * @return the window and its first row and column in {@code lr}
     */
    public static Window lrWindow(CfGrid lr, AqConfig.BoundingBox aoi, int factor, String what) {
        Window w = window(lr, aoi, new int[] {1, 1}, 1, what);
        CfGrid g = w.grid().hr();
        return new Window(subdividing(g, factor), w.firstRow(), w.firstCol());
    }

    /** A window of a larger grid. */
    public record Window(DownscalingGrid grid, int firstRow, int firstCol) {
        /** Copies the window out of a canonical field of the larger grid of width {@code width}. */
        public float[] crop(float[] field, int width, CfGrid window) {
            float[] out = new float[window.width() * window.height()];
            for (int r = 0; r < window.height(); r++) {
                System.arraycopy(field, (firstRow + r) * width + firstCol, out, r * window.width(), window.width());
            }
            return out;
        }
    }
}
