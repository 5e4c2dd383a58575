package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.warp.ResampleKernels;
import eu.ai4c.kit.warp.Resampling;
import eu.ai4c.kit.warp.SourceWindow;
import eu.ai4c.kit.warp.TargetGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Range-Doppler terrain correction: a SAR image (lines = zero-Doppler azimuth time, samples =
 * ground or slant range) resampled onto a map grid, every target pixel placed at the terrain
 * height of an {@link ElevationModel} (DEM heights + EGM96 geoid, or the geoid alone).
 *
 * <p>For a requested target region: the source (line, sample) of each pixel centre comes from
 * {@link RangeDopplerMapper} (exact or node-interpolated, see there); the source window covering
 * them is read once; values are interpolated with the chosen {@link Resampling} (bilinear by
 * default) by the warp's {@link ResampleKernels}, no-data aware (NaN and the band's no-data value;
 * see there for the rules). Target pixels outside the swath, or on a no-data source pixel, are NaN. Output bands are float32 with NaN no-data,
 * named as the source bands. The (line, sample) arrays of the last few regions are kept so that
 * the bands of one tile share one geometry computation.</p>
 *
 * <p>Source windows larger than {@value #MAX_WINDOW_PIXELS} pixels (coarse target grids) are read
 * in parts, so memory stays bounded.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe when the source raster and elevation model are.
 */
public final class TerrainCorrectionRaster implements Raster {
    /** Default node spacing of the interpolated geometry, pixels. */
    public static final int DEFAULT_NODE_STEP = 16;
    static final long MAX_WINDOW_PIXELS = 16L << 20;
    private static final int GEOMETRY_CACHE = 8;

    private final Raster source;
    private final SarGeometry geometry;
    private final TargetGrid grid;
    private final RangeDopplerMapper mapper;
    private final Resampling resampling;
    private final List<Band> bands;
    private final Map<Region, double[][]> geometryCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Region, double[][]> eldest) {
            return size() > GEOMETRY_CACHE;
        }
    };

    /**
     * @param source      the SAR image (any real band types); its size must match the geometry
     * @param zeroDoppler orbit and image geometry of the source
     * @param dem         terrain heights above the ellipsoid
     * @param grid        target grid
     * @param nodeStep    node spacing of the geometry interpolation in pixels; 1 solves every pixel exactly
     * @param resampling  interpolation of the SAR image
     */
    public TerrainCorrectionRaster(Raster source, ZeroDoppler zeroDoppler, ElevationModel dem, TargetGrid grid,
                                   int nodeStep, Resampling resampling) {
        this.resampling = Objects.requireNonNull(resampling, "resampling");
        this.source = Objects.requireNonNull(source, "source");
        this.geometry = zeroDoppler.geometry();
        this.grid = Objects.requireNonNull(grid, "grid");
        if (source.width() != geometry.samples() || source.height() != geometry.lines()) {
            throw new Ai4cException("The image is " + source.width() + " x " + source.height()
                    + " pixels but its annotation describes " + geometry.samples() + " samples x " + geometry.lines()
                    + " lines: the product is inconsistent.");
        }
        if (nodeStep < 1) throw new IllegalArgumentException("nodeStep must be ≥ 1, got " + nodeStep);
        this.mapper = new RangeDopplerMapper(zeroDoppler, Objects.requireNonNull(dem, "dem"), grid.geoCoding(),
                nodeStep);
        List<Band> out = new ArrayList<>();
        for (Band b : source.bands()) {
            if (b.type().isComplex()) {
                throw new Ai4cException("Band " + b.name() + " is complex: terrain correction resamples real values; "
                        + "convert to intensity or calibrate first.");
            }
            out.add(new Band(b.name(), DataType.FLOAT32, Float.NaN, true, b.unit(), b.description()));
        }
        this.bands = List.copyOf(out);
    }

    /** Bilinear resampling. */
    public TerrainCorrectionRaster(Raster source, ZeroDoppler zeroDoppler, ElevationModel dem, TargetGrid grid,
                                   int nodeStep) {
        this(source, zeroDoppler, dem, grid, nodeStep, Resampling.BILINEAR);
    }

    /** Bilinear resampling with the {@link #DEFAULT_NODE_STEP}. */
    public TerrainCorrectionRaster(Raster source, ZeroDoppler zeroDoppler, ElevationModel dem, TargetGrid grid) {
        this(source, zeroDoppler, dem, grid, DEFAULT_NODE_STEP);
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

    /**
     * The fractional source {line, sample} arrays of the pixel centres of {@code region}
     * (row-major; NaN where the orbit does not see the point). Shared with later reads: do not modify.
     */
    public double[][] sourcePositions(Region region) {
        synchronized (geometryCache) {
            double[][] g = geometryCache.get(region);
            if (g != null) return g;
        }
        int n = Math.toIntExact(region.area());
        double[][] g = {new double[n], new double[n]};
        mapper.map(region, g[0], g[1]);
        if (bands.size() > 1) {
            synchronized (geometryCache) {
                geometryCache.put(region, g);
            }
        }
        return g;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        double[][] g = sourcePositions(region);
        float[] out = new float[Math.toIntExact(region.area())];
        resample(band, g[0], g[1], out, 0, 0, region.width(), region.height(), region.width());
        return new Block(region, DataType.FLOAT32, out);
    }

    /** Resamples the sub-rectangle (x, y, w, h) of the region (row stride {@code stride}). */
    private void resample(int band, double[] line, double[] sample, float[] out, int x, int y, int w, int h,
                          int stride) throws IOException {
        int lines = source.height(), samples = source.width();
        double minL = Double.POSITIVE_INFINITY, maxL = Double.NEGATIVE_INFINITY;
        double minS = Double.POSITIVE_INFINITY, maxS = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < h; r++) {
            int i = (y + r) * stride + x;
            for (int c = 0; c < w; c++, i++) {
                double l = line[i], s = sample[i];
                if (l >= -0.5 && l <= lines - 0.5 && s >= -0.5 && s <= samples - 0.5) {
                    if (l < minL) minL = l;
                    if (l > maxL) maxL = l;
                    if (s < minS) minS = s;
                    if (s > maxS) maxS = s;
                }
            }
        }
        if (minL > maxL) {
            for (int r = 0; r < h; r++) {
                Arrays.fill(out, (y + r) * stride + x, (y + r) * stride + x + w, Float.NaN);
            }
            return;
        }
        // Kernel support around the pixel holding each point (bicubic: 2 pixels).
        int halo = resampling.halo();
        int l0 = Math.max(0, (int) Math.floor(minL) - halo), l1 = Math.min(lines - 1, (int) Math.floor(maxL) + 1 + halo);
        int s0 = Math.max(0, (int) Math.floor(minS) - halo), s1 = Math.min(samples - 1, (int) Math.floor(maxS) + 1 + halo);
        Region window = new Region(s0, l0, s1 - s0 + 1, l1 - l0 + 1);
        if (window.area() > MAX_WINDOW_PIXELS && (w > 1 || h > 1)) {
            int hw = w / 2, hh = h / 2;
            if (w >= h) {
                resample(band, line, sample, out, x, y, hw, h, stride);
                resample(band, line, sample, out, x + hw, y, w - hw, h, stride);
            } else {
                resample(band, line, sample, out, x, y, w, hh, stride);
                resample(band, line, sample, out, x, y + hh, w, h - hh, stride);
            }
            return;
        }
        Band b = source.bands().get(band);
        SourceWindow src = SourceWindow.of(source.read(band, window), b, samples, lines);
        // The kernels take pixel-corner coordinates: the centre of line l is at y = l + 0.5.
        int n = w * h;
        double[] sx = new double[n], sy = new double[n], v = new double[n];
        for (int r = 0, k = 0; r < h; r++) {
            for (int c = 0, i = (y + r) * stride + x; c < w; c++, i++, k++) {
                sx[k] = sample[i] + 0.5;
                sy[k] = line[i] + 0.5;
            }
        }
        ResampleKernels.resample(resampling, src, sx, sy, n, v);
        for (int r = 0, k = 0; r < h; r++) {
            for (int c = 0, i = (y + r) * stride + x; c < w; c++, i++, k++) out[i] = (float) v[k];
        }
    }
}
