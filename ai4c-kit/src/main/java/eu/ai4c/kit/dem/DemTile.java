package eu.ai4c.kit.dem;

/**
 * One DEM tile in memory: a regular latitude/longitude grid of orthometric heights whose posts
 * (pixel-is-point) run from {@code northLat} southwards and from {@code westLon} eastwards with
 * spacings {@code dLat}, {@code dLon} degrees. Heights are int16 (SRTM, void -32768) or float32
 * (void NaN). Immutable; thread-safe.
 */
public final class DemTile {
    /** The SRTM void value of int16 tiles. */
    public static final short INT16_VOID = -32768;

    private final double northLat;
    private final double westLon;
    private final double dLat;
    private final double dLon;
    private final int rows;
    private final int cols;
    private final short[] shorts;
    private final float[] floats;

    private DemTile(double northLat, double westLon, double dLat, double dLon, int rows, int cols,
                    short[] shorts, float[] floats) {
        if (rows < 2 || cols < 2) throw new IllegalArgumentException("A DEM tile needs at least 2x2 posts");
        this.northLat = northLat;
        this.westLon = westLon;
        this.dLat = dLat;
        this.dLon = dLon;
        this.rows = rows;
        this.cols = cols;
        this.shorts = shorts;
        this.floats = floats;
    }

    /** An int16 tile (void {@value #INT16_VOID}); the array is kept, not copied. */
    public static DemTile ofShorts(double northLat, double westLon, double dLat, double dLon, int rows, int cols,
                                  short[] heights) {
        if (heights.length != rows * cols) throw new IllegalArgumentException("Need rows*cols heights");
        return new DemTile(northLat, westLon, dLat, dLon, rows, cols, heights, null);
    }

    /** A float32 tile (void NaN); the array is kept, not copied. */
    public static DemTile ofFloats(double northLat, double westLon, double dLat, double dLon, int rows, int cols,
                                  float[] heights) {
        if (heights.length != rows * cols) throw new IllegalArgumentException("Need rows*cols heights");
        return new DemTile(northLat, westLon, dLat, dLon, rows, cols, null, heights);
    }

    /** Bytes held, for the tile cache budget. */
    public long bytes() {
        return shorts != null ? 2L * shorts.length : 4L * floats.length;
    }

    /** True when (lat, lon) lies within the posts' extent. */
    public boolean covers(double lat, double lon) {
        double r = (northLat - lat) / dLat, c = (lon - westLon) / dLon;
        return r >= 0 && r <= rows - 1 && c >= 0 && c <= cols - 1;
    }

    /**
     * Orthometric height at (lat, lon), bilinear between posts, voids left out.
     *
     * @return metres above MSL, or NaN outside the tile or where all four posts are void
     */
    public double height(double lat, double lon) {
        double r = (northLat - lat) / dLat, c = (lon - westLon) / dLon;
        if (!(r >= 0 && r <= rows - 1 && c >= 0 && c <= cols - 1)) return Double.NaN;
        int ir = Math.min((int) r, rows - 2), ic = Math.min((int) c, cols - 2);
        double wy = r - ir, wx = c - ic;
        int i = ir * cols + ic;
        if (shorts != null) {
            return DemInterpolation.bilinear(shorts[i], shorts[i + 1], shorts[i + cols], shorts[i + cols + 1],
                    wx, wy, true, INT16_VOID);
        }
        return DemInterpolation.bilinear(floats[i], floats[i + 1], floats[i + cols], floats[i + cols + 1],
                wx, wy, false, 0f);
    }
}
