package eu.ai4c.s1.coreg;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.s1.cd.Coherence;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A co-registered pair of one sub-swath as a lazy raster on the reference's burst-stacked grid,
 * with three float32 bands: {@code coherence} (of the complex pair, reference phase removed,
 * estimated per burst so windows never mix bursts), {@code intensity1} and {@code intensity2} (the
 * calibrated intensities |s|²/A² of the reference and of the resampled secondary). Samples outside
 * the reference burst's valid rectangle, or whose secondary position is outside the secondary's, are
 * NaN. A window is computed exactly as read, for its three bands at once, and kept in the
 * {@link TileCache} under its region, where the reads of its other two bands find it. The
 * multilooked tiles above read the same windows band after band, so nothing is computed twice; a
 * fixed tile grid here would straddle their windows, and at full scene size the straddled tiles,
 * long evicted, were computed again for the next row of multilooked tiles. Thread-safe.
 */
public final class CoregisteredSwath implements Raster {
    public static final int COHERENCE = 0, INTENSITY1 = 1, INTENSITY2 = 2;

    private final SwathImage reference, secondary;
    private final OffsetGrid[] grids;
    private final int[] secondaryBursts;
    private final int azimuthWindow, rangeWindow;
    private final TileCache cache;
    private final List<Band> bands;
    private final ConcurrentHashMap<Region, CompletableFuture<float[][]>> computing = new ConcurrentHashMap<>();

    /**
     * @param grids           per reference burst its offsets into the secondary, null where no secondary burst matches
     * @param secondaryBursts per reference burst the matching secondary burst
     */
    public CoregisteredSwath(SwathImage reference, SwathImage secondary, OffsetGrid[] grids, int[] secondaryBursts,
                             int azimuthWindow, int rangeWindow, TileCache cache, String intensityPrefix) {
        this.reference = reference;
        this.secondary = secondary;
        this.grids = grids.clone();
        this.secondaryBursts = secondaryBursts.clone();
        this.azimuthWindow = azimuthWindow;
        this.rangeWindow = rangeWindow;
        this.cache = cache;
        this.bands = List.of(
                new Band("coherence", DataType.FLOAT32, Double.NaN, true, "", "interferometric coherence"),
                new Band(intensityPrefix + "_1", DataType.FLOAT32, Double.NaN, true, "", "calibrated intensity, reference"),
                new Band(intensityPrefix + "_2", DataType.FLOAT32, Double.NaN, true, "", "calibrated intensity, secondary"));
    }

    @Override
    public int width() {
        return reference.samples();
    }

    @Override
    public int height() {
        return reference.lines();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return reference.raster().geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {512, 512};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!new Region(0, 0, width(), height()).contains(region)) {
            throw new IllegalArgumentException("Region " + region + " is outside the swath " + width() + "x" + height());
        }
        // a copy: the cached window serves the reads of the other bands
        return new Block(region, DataType.FLOAT32, window(region)[band].clone());
    }

    private record Key(CoregisteredSwath owner, int band, Region region) {
    }

    private float[][] window(Region region) throws IOException {
        float[][] cached = cached(region);
        if (cached != null) return cached;
        CompletableFuture<float[][]> mine = new CompletableFuture<>();
        CompletableFuture<float[][]> running = computing.putIfAbsent(region, mine);
        if (running != null) return join(running);
        try {
            float[][] bandsOfWindow = compute(region);
            for (int b = 0; b < 3; b++) {
                cache.put(new Key(this, b, region), new Block(region, DataType.FLOAT32, bandsOfWindow[b]));
            }
            mine.complete(bandsOfWindow);
            return bandsOfWindow;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(region);
        }
    }

    private float[][] cached(Region region) {
        float[][] t = new float[3][];
        for (int b = 0; b < 3; b++) {
            Block block = cache.get(new Key(this, b, region));
            if (block == null) return null;
            t[b] = block.floats();
        }
        return t;
    }

    private static float[][] join(CompletableFuture<float[][]> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    /** The three bands of one tile, burst by burst. */
    private float[][] compute(Region tile) throws IOException {
        int n = tile.width() * tile.height();
        float[] coh = new float[n], i1 = new float[n], i2 = new float[n];
        Arrays.fill(coh, Float.NaN);
        Arrays.fill(i1, Float.NaN);
        Arrays.fill(i2, Float.NaN);
        int lpb = reference.linesPerBurst();
        for (int k = tile.y() / lpb; k <= (tile.maxY() - 1) / lpb; k++) {
            if (grids[k] == null) continue;
            int[] vl = reference.validLines(k), vs = reference.validSamples(k);
            if (vl[0] < 0 || vs[0] < 0) continue;
            int ya = Math.max(tile.y(), k * lpb + vl[0]), yb = Math.min(tile.maxY(), k * lpb + vl[1] + 1);
            int xa = Math.max(tile.x(), vs[0]), xb = Math.min(tile.maxX(), vs[1] + 1);
            if (ya >= yb || xa >= xb) continue;
            // the window with the coherence estimator's half-windows, inside the burst's valid rectangle
            int ey0 = Math.max(k * lpb + vl[0], ya - azimuthWindow / 2), ey1 = Math.min(k * lpb + vl[1] + 1, yb + azimuthWindow / 2);
            int ex0 = Math.max(vs[0], xa - rangeWindow / 2), ex1 = Math.min(vs[1] + 1, xb + rangeWindow / 2);
            int ew = ex1 - ex0, eh = ey1 - ey0;
            float[] m = reference.raster().read(reference.band(), new Region(ex0, ey0, ew, eh)).floats();
            float[] a2 = new float[ew * eh];
            reference.calibration().interpolate(ex0, ey0, ew, eh, a2, 0, true);
            for (int i = 0; i < ew * eh; i++) {
                float g = (float) (1 / Math.sqrt(a2[i]));
                m[2 * i] *= g;
                m[2 * i + 1] *= g;
            }
            float[] s = SecondaryResampling.resample(secondary, secondaryBursts[k], grids[k], ey0 - k * lpb, eh, ex0, ew);
            float[] phase = new float[ew * eh];
            double[] row = new double[ew];
            for (int r = 0; r < eh; r++) {
                grids[k].map(ey0 - k * lpb + r, ex0, ew, null, null, row);
                for (int x = 0; x < ew; x++) phase[r * ew + x] = (float) row[x];
            }
            float[] gamma = Coherence.estimate(m, s, phase, ew, eh, azimuthWindow, rangeWindow);
            for (int y = ya; y < yb; y++) {
                for (int x = xa; x < xb; x++) {
                    int e = (y - ey0) * ew + (x - ex0), t = (y - tile.y()) * tile.width() + (x - tile.x());
                    coh[t] = gamma[e];
                    i1[t] = m[2 * e] * m[2 * e] + m[2 * e + 1] * m[2 * e + 1];
                    i2[t] = s[2 * e] * s[2 * e] + s[2 * e + 1] * s[2 * e + 1];
                }
            }
        }
        return new float[][] {coh, i1, i2};
    }
}
