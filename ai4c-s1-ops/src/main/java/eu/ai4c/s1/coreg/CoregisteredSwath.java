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
 * NaN. A tile is computed once for its three bands and kept in the {@link TileCache}. Thread-safe.
 */
public final class CoregisteredSwath implements Raster {
    public static final int COHERENCE = 0, INTENSITY1 = 1, INTENSITY2 = 2;
    private static final int TILE = 512;

    private final SwathImage reference, secondary;
    private final OffsetGrid[] grids;
    private final int[] secondaryBursts;
    private final int azimuthWindow, rangeWindow;
    private final TileCache cache;
    private final List<Band> bands;
    private final ConcurrentHashMap<Long, CompletableFuture<float[][]>> computing = new ConcurrentHashMap<>();

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
        return new int[] {TILE, TILE};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block out = Block.allocate(DataType.FLOAT32, region);
        float[] o = out.floats();
        int c0 = region.x() / TILE, c1 = (region.maxX() - 1) / TILE, r0 = region.y() / TILE, r1 = (region.maxY() - 1) / TILE;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                Region tile = new Region(c * TILE, r * TILE, Math.min(TILE, width() - c * TILE), Math.min(TILE, height() - r * TILE));
                float[] t = tile(c, r, tile)[band];
                int ya = Math.max(tile.y(), region.y()), yb = Math.min(tile.maxY(), region.maxY());
                int xa = Math.max(tile.x(), region.x()), xb = Math.min(tile.maxX(), region.maxX());
                for (int y = ya; y < yb; y++) {
                    System.arraycopy(t, (y - tile.y()) * tile.width() + xa - tile.x(), o,
                            (y - region.y()) * region.width() + xa - region.x(), xb - xa);
                }
            }
        }
        return out;
    }

    private record Key(CoregisteredSwath owner, int band, int col, int row) {
    }

    private float[][] tile(int col, int row, Region region) throws IOException {
        float[][] cached = cached(col, row);
        if (cached != null) return cached;
        long id = ((long) row << 32) | col;
        CompletableFuture<float[][]> mine = new CompletableFuture<>();
        CompletableFuture<float[][]> running = computing.putIfAbsent(id, mine);
        if (running != null) return join(running);
        try {
            float[][] bandsOfTile = compute(region);
            for (int b = 0; b < 3; b++) {
                cache.put(new Key(this, b, col, row), new Block(region, DataType.FLOAT32, bandsOfTile[b]));
            }
            mine.complete(bandsOfTile);
            return bandsOfTile;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(id);
        }
    }

    private float[][] cached(int col, int row) {
        float[][] t = new float[3][];
        for (int b = 0; b < 3; b++) {
            Block block = cache.get(new Key(this, b, col, row));
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
