package eu.ai4c.kit.warp;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source raster resampled onto a {@link TargetGrid} (reprojection). For each requested target
 * region it maps the target pixel centres to source pixel coordinates ({@link PixelTransform},
 * exact or approximated), reads the covering source window plus the kernel halo once, and
 * resamples every pixel with {@link ResampleKernels}.
 *
 * <h2>Output</h2>
 * Bands keep their names and sample types (integer results rounded half up and clamped, as
 * gdalwarp). Target pixels whose source point falls outside the source raster, or whose kernel
 * sees only no-data, get the band's no-data value: the source no-data value when there is one,
 * otherwise NaN for floating types and 0 for integer types (declared as no-data).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe. Source coordinates of the last region read are kept per thread, so the bands of
 * one tile (read one after the other by the tile engine) share one coordinate computation.
 */
public final class WarpRaster implements Raster {
    private final Raster source;
    private final TargetGrid grid;
    private final Resampling resampling;
    private final double maxErrorPx;
    private final PixelTransform transform;
    private final List<Band> bands;
    private final ThreadLocal<TileCoordinates> lastTile = new ThreadLocal<>();
    /** Per-thread doubles reused from read to read: allocated per band read they were most of the warp's garbage. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Largest scratch array kept between reads (8 MiB of doubles); bigger windows allocate. */
    private static final int MAX_KEPT = 1 << 20;
    /** Largest source window read at once (4 Mi pixels, 32 MiB as doubles); bigger needs split the region. */
    static final long MAX_WINDOW_PIXELS = 1L << 22;

    private static final class Scratch {
        double[] window = new double[0];
        double[] values = new double[0];
    }

    /** Source coordinates of one target region and the source window they need. */
    private record TileCoordinates(Region region, double[] sx, double[] sy, Region window) {
    }

    /**
     * @param source     raster with a {@link MapGeoCoding}
     * @param grid       the target grid
     * @param resampling kernel
     * @param maxErrorPx error threshold of the coordinate approximation in source pixels
     *                   ({@link PixelTransform#DEFAULT_MAX_ERROR} as gdalwarp; 0 = exact)
     * @throws Ai4cException when the source has no map geocoding or has complex bands
     */
    public WarpRaster(Raster source, TargetGrid grid, Resampling resampling, double maxErrorPx) {
        GeoCoding gc = source.geoCoding();
        if (!(gc instanceof MapGeoCoding map)) {
            throw new Ai4cException("Warp: the input has no map geocoding (" + (gc == null ? "none" : gc.getClass().getSimpleName())
                    + "); only map-projected rasters can be warped. Terrain-correct SAR products first.");
        }
        this.source = source;
        this.grid = grid;
        this.resampling = resampling;
        this.maxErrorPx = maxErrorPx;
        this.transform = PixelTransform.between(grid.geoCoding(), map);
        List<Band> out = new ArrayList<>();
        for (Band b : source.bands()) {
            if (b.type().isComplex()) {
                throw new Ai4cException("Warp: band " + b.name() + " is complex; warp intensity or "
                        + "amplitude bands instead (complex samples cannot be interpolated as reals).");
            }
            out.add(b.withNoData(b.fillValue()));
        }
        this.bands = List.copyOf(out);
    }

    @Override
    public int width() {
        return grid.width();
    }

    @Override
    public int height() {
        return grid.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return grid.geoCoding();
    }

    /** The target grid. */
    public TargetGrid grid() {
        return grid;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Band b = bands.get(band);
        Block out = Block.allocate(b.type(), region);
        TileCoordinates tc = coordinates(region);
        if (tc.window().area() > MAX_WINDOW_PIXELS && region.height() > 1) {
            // Strong downsampling: a tile would need a huge source window; warp it in two halves.
            int half = region.height() / 2;
            out.copyFrom(read(band, new Region(region.x(), region.y(), region.width(), half)));
            out.copyFrom(read(band, new Region(region.x(), region.y() + half, region.width(), region.height() - half)));
            return out;
        }
        if (tc.window().isEmpty()) {
            out.fill(b.noData());
            return out;
        }
        Block src = source.read(band, tc.window());
        Scratch s = scratch.get();
        int area = Math.toIntExact(tc.window().area()), n = Math.toIntExact(region.area());
        double[] windowBuffer = s.window.length >= area ? s.window : new double[area];
        if (area <= MAX_KEPT) s.window = windowBuffer;
        double[] values = s.values.length >= n ? s.values : new double[n];
        if (n <= MAX_KEPT) s.values = values;
        SourceWindow window = SourceWindow.of(src, source.bands().get(band), source.width(), source.height(), windowBuffer);
        ResampleKernels.resample(resampling, window, tc.sx(), tc.sy(), n, values);
        store(values, n, out, b.noData());
        return out;
    }

    private TileCoordinates coordinates(Region region) {
        TileCoordinates last = lastTile.get();
        if (last != null && last.region().equals(region)) return last;
        int n = Math.toIntExact(region.area());
        double[] sx = new double[n], sy = new double[n];
        transform.sourceCoordinates(region, maxErrorPx, sx, sy);
        TileCoordinates tc = new TileCoordinates(region, sx, sy, window(sx, sy, n));
        lastTile.set(tc);
        return tc;
    }

    /** Source pixels covering all points plus the kernel halo (and one pixel of slack), clipped. */
    private Region window(double[] sx, double[] sy, int n) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = sx[i], y = sy[i];
            if (x == x && y == y) { // not NaN
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        if (!(minX <= maxX)) return new Region(0, 0, 0, 0);
        int halo = resampling.halo() + 1;
        double x0 = Math.max(0, Math.floor(minX) - halo), y0 = Math.max(0, Math.floor(minY) - halo);
        double x1 = Math.min(source.width(), Math.floor(maxX) + 1 + halo);
        double y1 = Math.min(source.height(), Math.floor(maxY) + 1 + halo);
        if (x1 <= x0 || y1 <= y0) return new Region(0, 0, 0, 0);
        return new Region((int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0));
    }

    /** Writes resampled values into the output block: NaN → no-data, integers rounded half up and clamped. */
    static void store(double[] v, Block out, double noData) {
        store(v, v.length, out, noData);
    }

    /** {@link #store(double[], Block, double)} of the first {@code n} values. */
    static void store(double[] v, int n, Block out, double noData) {
        DataType t = out.type();
        switch (t) {
            case FLOAT32 -> {
                float[] a = out.floats();
                float nd = (float) noData;
                for (int i = 0; i < n; i++) a[i] = v[i] == v[i] ? (float) v[i] : nd;
            }
            case FLOAT64 -> {
                double[] a = out.doubles();
                for (int i = 0; i < n; i++) a[i] = v[i] == v[i] ? v[i] : noData;
            }
            case BYTE -> {
                byte[] a = out.bytes();
                byte nd = (byte) noData;
                for (int i = 0; i < n; i++) a[i] = v[i] == v[i] ? (byte) round(v[i], 0, 255) : nd;
            }
            case UINT16 -> {
                short[] a = out.shorts();
                short nd = (short) (long) noData;
                // above 0, truncating v + 0.5 is floor(v + 0.5): round()'s result without its floor call
                for (int i = 0; i < n; i++) {
                    double x = v[i];
                    a[i] = x == x ? (short) (x <= 0 ? 0 : x >= 65535 ? 65535 : (int) (x + 0.5)) : nd;
                }
            }
            case INT16 -> {
                short[] a = out.shorts();
                short nd = (short) (long) noData;
                for (int i = 0; i < n; i++) a[i] = v[i] == v[i] ? (short) round(v[i], Short.MIN_VALUE, Short.MAX_VALUE) : nd;
            }
            case INT32 -> {
                int[] a = out.ints();
                int nd = (int) noData;
                for (int i = 0; i < n; i++) a[i] = v[i] == v[i] ? (int) round(v[i], Integer.MIN_VALUE, Integer.MAX_VALUE) : nd;
            }
            case CFLOAT32 -> throw new IllegalStateException("complex bands are rejected at construction");
        }
    }

    private static long round(double v, double lo, double hi) {
        if (v <= lo) return (long) lo;
        if (v >= hi) return (long) hi;
        return (long) Math.floor(v + 0.5);
    }
}
