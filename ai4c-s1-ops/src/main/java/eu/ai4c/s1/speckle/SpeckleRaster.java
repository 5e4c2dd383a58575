package eu.ai4c.s1.speckle;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A speckle-filtered view of a raster of SAR intensity bands (linear power; any real sample type,
 * filtered as float32). Each band gets its own kernel; its scene statistics (ENL estimate, Z98) are
 * measured once, on construction, from a sample of up to {@value #SAMPLE_GRID}×{@value #SAMPLE_GRID}
 * windows of {@value #SAMPLE_SIDE}×{@value #SAMPLE_SIDE} pixels spread evenly over the band. When
 * the sample holds no usable 8×8 block (tiny or mostly no-data images) the {@code enl} parameter is
 * used instead of the estimate.
 *
 * <p>{@link #read} reads the requested region grown by the kernel's halo and clipped to the image,
 * so windows shrink at image edges only; output bands are float32 with NaN no-data (source no-data
 * values become NaN). Because the kernels depend only on the samples inside each window, any tiling
 * gives the same result, bit for bit, as one read of the whole image.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable after construction; {@link #read} may be called from many threads at once when the
 * source allows it.
 */
public final class SpeckleRaster extends DerivedRaster {
    static final int SAMPLE_SIDE = 64;
    static final int SAMPLE_GRID = 6;

    /** Source band of each output band. */
    private final int[] sourceBands;
    private final SpeckleParameters parameters;
    private final SceneStatistics[] statistics;
    private final SpeckleFilter[] filters;

    private SpeckleRaster(Raster source, int[] sourceBands, SpeckleParameters parameters, List<Band> bands,
                          SceneStatistics[] statistics, SpeckleFilter[] filters) {
        super(source, bands);
        this.sourceBands = sourceBands;
        this.parameters = parameters;
        this.statistics = statistics;
        this.filters = filters;
    }

    /**
     * Speckle-filters every band of {@code source}.
     *
     * @throws Ai4cException (usage) when a band is complex, amplitude or in dB
     * @throws IOException   when the sample for the scene statistics cannot be read
     */
    public static SpeckleRaster of(Raster source, SpeckleParameters parameters) throws IOException {
        int[] all = new int[source.bands().size()];
        for (int b = 0; b < all.length; b++) all[b] = b;
        return of(source, all, parameters);
    }

    /**
     * Speckle-filters the bands {@code bands} of {@code source}, which become bands 0, 1, … of the result.
     *
     * @throws Ai4cException (usage) when a band is complex, amplitude or in dB
     * @throws IOException   when the sample for the scene statistics cannot be read
     */
    public static SpeckleRaster of(Raster source, int[] bands, SpeckleParameters parameters) throws IOException {
        int n = bands.length;
        List<Band> out = new ArrayList<>(n);
        SceneStatistics[] stats = new SceneStatistics[n];
        SpeckleFilter[] filters = new SpeckleFilter[n];
        SpeckleFilterType type = parameters.filterType();
        boolean needStats = type == SpeckleFilterType.LEE_SIGMA || (type.usesLooks() && parameters.estimateENL());
        for (int b = 0; b < n; b++) {
            Band band = source.bands().get(bands[b]);
            checkIntensity(band);
            out.add(band.withType(DataType.FLOAT32).withNoData(Double.NaN));
            if (needStats) {
                stats[b] = sampleStatistics(source, bands[b]);
            }
            filters[b] = SpeckleFilters.create(parameters, stats[b]);
        }
        return new SpeckleRaster(source, bands.clone(), parameters, out, stats, filters);
    }

    private static void checkIntensity(Band band) {
        if (band.type().isComplex()) {
            throw Ai4cException.usage("Speckle-Filter: band " + band.name() + " is complex (" + band.type()
                    + "); speckle filters work on intensity: convert the band to intensity (|z|²) first");
        }
        String unit = band.unit().trim().toLowerCase(java.util.Locale.ROOT);
        if (unit.equals("db") || unit.equals("amplitude")) {
            throw Ai4cException.usage("Speckle-Filter: band " + band.name() + " is in " + band.unit()
                    + "; the speckle model needs linear intensity: filter before the dB conversion, or square"
                    + " amplitudes first");
        }
    }

    /** The parameters in use. */
    public SpeckleParameters parameters() {
        return parameters;
    }

    /** The scene statistics of a band, or null when its filter needs none. */
    public SceneStatistics statistics(int band) {
        return statistics[band];
    }

    /** The number of looks the filter of {@code band} uses. */
    public double looks(int band) {
        return SpeckleFilters.looks(parameters, statistics[band]);
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!bounds().contains(region)) {
            throw new IllegalArgumentException("Region " + region + " is outside the image " + bounds());
        }
        SpeckleFilter filter = filters[band];
        Region srcRegion = region.expand(filter.halo()).intersect(bounds());
        float[] src = intensities(source, sourceBands[band], srcRegion);
        float[] dst = new float[Math.toIntExact(region.area())];
        filter.filter(src, srcRegion.width(), srcRegion.height(), region.x() - srcRegion.x(),
                region.y() - srcRegion.y(), dst, region.width(), region.height());
        return new Block(region, DataType.FLOAT32, dst);
    }

    /** The samples of a region as float intensities with no-data as NaN (a private copy). */
    private static float[] intensities(Raster raster, int band, Region region) throws IOException {
        Block block = raster.read(band, region);
        float[] v = block.toFloats();
        Band b = raster.bands().get(band);
        if (b.hasNoData() && !Double.isNaN(b.noData())) {
            float nd = (float) b.noData();
            for (int i = 0; i < v.length; i++) {
                if (v[i] == nd) v[i] = Float.NaN;
            }
        }
        return v;
    }

    /**
     * ENL and Z98 from windows spread evenly over the band. The windows are read in parallel (each
     * may pull a whole tile of a lazily computed chain) and then used in a fixed order, so the
     * estimate does not depend on the threads.
     */
    static SceneStatistics sampleStatistics(Raster raster, int band) throws IOException {
        int w = raster.width(), h = raster.height();
        int sw = Math.min(SAMPLE_SIDE, w), sh = Math.min(SAMPLE_SIDE, h);
        int nx = Math.max(1, Math.min(SAMPLE_GRID, w / Math.max(1, sw)));
        int ny = Math.max(1, Math.min(SAMPLE_GRID, h / Math.max(1, sh)));
        float[][] windows = new float[nx * ny][];
        try {
            java.util.stream.IntStream.range(0, nx * ny).parallel().forEach(k -> {
                int i = k % nx, j = k / nx;
                int y = ny == 1 ? (h - sh) / 2 : (int) ((long) (h - sh) * j / (ny - 1));
                int x = nx == 1 ? (w - sw) / 2 : (int) ((long) (w - sw) * i / (nx - 1));
                try {
                    windows[k] = intensities(raster, band, new Region(x, y, sw, sh));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        EnlEstimator enl = new EnlEstimator();
        float[] all = new float[nx * ny * sw * sh];
        int filled = 0;
        for (float[] window : windows) {
            enl.add(window, sw, sh);
            System.arraycopy(window, 0, all, filled, window.length);
            filled += window.length;
        }
        return new SceneStatistics(enl.estimate(), SceneStatistics.percentile(all, filled, 0.98));
    }
}
