package eu.ai4c.kit.warp;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;

/**
 * The source samples one target tile needs: a window of one band as {@code double} values with
 * no-data (and NaN) marked as NaN, plus where the window sits in the source raster. Built once
 * per tile and band; read by {@link ResampleKernels}.
 *
 * @param values       row-major samples of the window, NaN where the source is no-data
 * @param x            column of the window's first sample in the source raster
 * @param y            row of the window's first sample in the source raster
 * @param width        window width in pixels
 * @param height       window height in pixels
 * @param rasterWidth  width of the whole source raster (pixels beyond it do not exist)
 * @param rasterHeight height of the whole source raster
 * @param hasInvalid   true when the masked kernels must run: some value is NaN, or the band
 *                     declares a no-data value (gdalwarp takes its masked path whenever one is set,
 *                     and the two paths differ in the last bits)
 * @param hasNaN       true when some value may be NaN; false lets the masked kernels skip their
 *                     per-sample no-data tests (same arithmetic, so the same results)
 */
public record SourceWindow(double[] values, int x, int y, int width, int height, int rasterWidth,
                           int rasterHeight, boolean hasInvalid, boolean hasNaN) {

    /** A window whose values may hold NaN exactly when {@code hasInvalid} is true. */
    public SourceWindow(double[] values, int x, int y, int width, int height, int rasterWidth, int rasterHeight,
                        boolean hasInvalid) {
        this(values, x, y, width, height, rasterWidth, rasterHeight, hasInvalid, hasInvalid);
    }

    /**
     * Converts a block read from the source into a window; unsigned types are read unsigned.
     *
     * @param block        the samples read
     * @param band         the band, for its no-data value
     * @param rasterWidth  source raster width
     * @param rasterHeight source raster height
     */
    public static SourceWindow of(Block block, Band band, int rasterWidth, int rasterHeight) {
        return of(block, band, rasterWidth, rasterHeight, null);
    }

    /**
     * As {@link #of(Block, Band, int, int)}, filling {@code buffer} when it holds the block's
     * samples (the window then owns it until the caller reuses it), else a new array.
     */
    public static SourceWindow of(Block block, Band band, int rasterWidth, int rasterHeight, double[] buffer) {
        int n = Math.toIntExact(block.region().area());
        double[] v = buffer != null && buffer.length >= n ? buffer : new double[n];
        switch (block.type()) {
            case BYTE -> { byte[] a = block.bytes(); for (int i = 0; i < n; i++) v[i] = a[i] & 0xFF; }
            case INT16 -> { short[] a = block.shorts(); for (int i = 0; i < n; i++) v[i] = a[i]; }
            case UINT16 -> { short[] a = block.shorts(); for (int i = 0; i < n; i++) v[i] = a[i] & 0xFFFF; }
            case INT32 -> { int[] a = block.ints(); for (int i = 0; i < n; i++) v[i] = a[i]; }
            case FLOAT32 -> { float[] a = block.floats(); for (int i = 0; i < n; i++) v[i] = a[i]; }
            case FLOAT64 -> System.arraycopy(block.doubles(), 0, v, 0, n);
            case CFLOAT32 -> throw new IllegalArgumentException("Complex band " + band.name() + " cannot be warped");
        }
        boolean invalid = false;
        if (band.hasNoData() && !Double.isNaN(band.noData())) {
            double nd = band.noData();
            for (int i = 0; i < n; i++) {
                if (v[i] == nd) {
                    v[i] = Double.NaN;
                    invalid = true;
                }
            }
        }
        if (!invalid && block.type().isFloating()) {
            for (int i = 0; i < n && !invalid; i++) invalid = Double.isNaN(v[i]);
        }
        // GDAL takes the masked (renormalising) path whenever the band declares a no-data value.
        boolean masked = invalid || band.hasNoData();
        return new SourceWindow(v, block.region().x(), block.region().y(), block.width(), block.height(),
                rasterWidth, rasterHeight, masked, invalid);
    }

    /** A window over a plain array (tests and callers that already hold doubles). */
    public static SourceWindow ofValues(double[] values, int width, int height) {
        boolean invalid = false;
        for (double d : values) if (Double.isNaN(d)) { invalid = true; break; }
        return new SourceWindow(values, 0, 0, width, height, width, height, invalid);
    }
}
