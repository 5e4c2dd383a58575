package eu.ai4c.agri.unet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.agri.unet.inference.UnetInference;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The class map of an image tile by a U-Net: one uint8 band {@value #BAND} holding label ids
 * ({@link UnetModel#classIds()}), {@value #NO_DATA} where any input band is no-data (or NaN).
 * Computed lazily per region from the windows of {@link SlidingWindows} that touch it: each
 * window is read, normalised (no-data → 0), run through the network on its own (one window per
 * call, so its numbers never depend on which other windows were computed with it), and its
 * softmax probabilities blended. Any region, of any size, gets the same values.
 *
 * <p>Each window is computed once ({@link WindowResults}): the regions that share it (the
 * quarter overlap of the windows, and the windows astride region edges) blend the same result.
 * Reading a scene region by region costs one network call per window of the lattice, against
 * 1.4–1.8 times as many when every region computed its own. A window whose pixels are all
 * no-data is not run at all.</p>
 *
 * <p>The windows are computed by the plain-Java forward pass ({@link UnetEngine#JAVA}, the
 * default where the JVM has the vector API) or by PyTorch ({@link UnetEngine#PYTORCH}).</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each window runs on one thread (parallelism comes from regions); with PyTorch each
 * thread borrows its own network copy (at most {@code threads} copies), single-threaded inside a call.
 */
public final class ClassMapRaster implements Raster, Closeable {
    public static final String BAND = "class";
    public static final int NO_DATA = 255;
    /** Memory for window results kept between regions, at most (and at most a quarter of the heap). */
    private static final long WINDOW_MEMORY = 512L << 20;

    private final Raster image;
    private final int[] bands;
    private final UnetModel model;
    private final int size;
    private final float[] weights;
    private final int[] originsX;
    private final int[] originsY;
    private final WindowResults<Window> results;
    private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final int maxWorkers;
    private final UnetEngine engine;
    /** The plain-Java forward pass, shared by all threads ({@link UnetEngine#JAVA}); null for PyTorch. */
    private final UnetInference inference;

    /** One PyTorch network copy with its memory. */
    private static final class Worker {
        final NDManager manager;
        final UnetNetwork net;

        Worker(UnetModel model) {
            manager = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE);
            net = model.network(manager);
        }
    }

    /**
     * One computed window: its softmax probabilities {@code [classes, size, size]} (null when every
     * pixel is no-data) and which of its pixels are no-data (or beyond the image).
     */
    private record Window(float[] probabilities, boolean[] invalid) {
    }

    /**
     * @param image   the image tile
     * @param bands   indices of the model's bands in {@code image} ({@link ImageBands})
     * @param model   the trained model
     * @param threads network copies at most (one per computing thread)
     */
    public ClassMapRaster(Raster image, int[] bands, UnetModel model, int threads) {
        this(image, bands, model, threads, UnetEngine.forThisJvm());
    }

    /** As {@link #ClassMapRaster(Raster, int[], UnetModel, int)}, with the windows computed by {@code engine}. */
    public ClassMapRaster(Raster image, int[] bands, UnetModel model, int threads, UnetEngine engine) {
        this.engine = engine;
        if (engine == UnetEngine.PYTORCH) TorchRuntime.init();
        this.inference = engine == UnetEngine.JAVA ? new UnetInference(model) : null;
        this.image = image;
        this.bands = bands.clone();
        this.model = model;
        this.size = model.patchSize();
        this.weights = SlidingWindows.weights(size);
        this.originsX = SlidingWindows.origins(image.width(), size);
        this.originsY = SlidingWindows.origins(image.height(), size);
        this.maxWorkers = Math.max(1, threads);
        long windowBytes = (long) size * size * (4L * model.classes() + 1);
        long budget = Math.min(WINDOW_MEMORY, Runtime.getRuntime().maxMemory() / 4);
        this.results = new WindowResults<>((int) Math.min(Integer.MAX_VALUE, Math.max(2L * maxWorkers, budget / windowBytes)));
    }

    @Override
    public int width() {
        return image.width();
    }

    @Override
    public int height() {
        return image.height();
    }

    @Override
    public List<Band> bands() {
        return List.of(Band.of(BAND, DataType.BYTE, NO_DATA));
    }

    @Override
    public GeoCoding geoCoding() {
        return image.geoCoding();
    }

    /**
     * Regions of two window steps: windows are shared between regions ({@link WindowResults}), so
     * small regions cost no extra network calls and keep both cores busy to the end of a tile
     * (regions of five steps left one core idle for much of a 2048² tile: 72 s against 43 s).
     */
    @Override
    public int[] preferredTileSize() {
        int step = size - SlidingWindows.overlap(size);
        int side = 2 * step;
        return new int[] {side, side};
    }

    /** The engine computing the windows. */
    public UnetEngine engine() {
        return engine;
    }

    /** Network calls made so far (each window of the lattice once, when the map is read once region by region). */
    long windowsComputed() {
        return results.computed();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int n = region.width() * region.height();
        return new Block(region, DataType.BYTE, classes(probabilities(region), n, model.classIds()));
    }

    /** The label ids of the first maximum of {@link #probabilities} per pixel, {@value #NO_DATA} where they are NaN. */
    static byte[] classes(float[] probabilities, int n, int[] ids) {
        int k = ids.length;
        byte[] out = new byte[n];
        for (int p = 0; p < n; p++) {
            if (Float.isNaN(probabilities[p])) {
                out[p] = (byte) NO_DATA;
                continue;
            }
            int best = 0;
            float bestP = probabilities[p];
            for (int c = 1; c < k; c++) {
                float v = probabilities[c * n + p];
                if (v > bestP) {
                    bestP = v;
                    best = c;
                }
            }
            out[p] = (byte) ids[best];
        }
        return out;
    }

    /**
     * The blended softmax probabilities of {@code region}, class-major ({@code [classes][height][width]}:
     * class {@code c} of pixel {@code p} at {@code c · width · height + p}; class {@code c} is label
     * {@code model.classIds()[c]}); they sum to 1 per pixel, and are NaN for every class where the
     * map is {@value #NO_DATA}. The class map is their first maximum.
     */
    public float[] probabilities(Region region) throws IOException {
        int k = model.classes();
        int rw = region.width();
        int rh = region.height();
        int n = rw * rh;
        float[] acc = new float[k * n];
        float[] wsum = new float[n];
        boolean[] nodata = new boolean[n];
        List<int[]> windows = new ArrayList<>();
        List<WindowResults.Claim<Window>> claims = new ArrayList<>();
        for (int iy = 0; iy < originsY.length; iy++) {
            int oy = originsY[iy];
            if (oy >= region.y() + rh || oy + size <= region.y()) continue;
            for (int ix = 0; ix < originsX.length; ix++) {
                int ox = originsX[ix];
                if (ox >= region.x() + rw || ox + size <= region.x()) continue;
                int[] w = {ox, oy, iy * originsX.length + ix};
                windows.add(w);
                claims.add(results.claim(w[2], (long) (Math.min(ox + size, width()) - ox) * (Math.min(oy + size, height()) - oy)));
            }
        }
        computeOwned(windows, claims);
        for (int i = 0; i < windows.size(); i++) {
            int[] w = windows.get(i);
            WindowResults.Entry<Window> entry = claims.get(i).entry();
            long blended = blend(w, await(entry), region, acc, wsum, nodata);
            results.blended(w[2], entry, blended);
        }
        for (int p = 0; p < n; p++) {
            boolean none = nodata[p] || wsum[p] == 0;
            for (int c = 0; c < k; c++) acc[c * n + p] = none ? Float.NaN : acc[c * n + p] / wsum[p];
        }
        return acc;
    }

    /** Computes the windows this thread claimed; on failure, every claimed window not yet done fails too. */
    private void computeOwned(List<int[]> windows, List<WindowResults.Claim<Window>> claims) throws IOException {
        Worker worker = null;
        int i = 0;
        try {
            for (; i < windows.size(); i++) {
                if (!claims.get(i).owned()) continue;
                if (worker == null && inference == null) {
                    worker = borrow();
                    JniUtils.setNumThreads(1);
                }
                results.complete(claims.get(i).entry(), compute(worker, windows.get(i)));
            }
        } catch (IOException | RuntimeException | Error e) {
            for (; i < windows.size(); i++) {
                if (claims.get(i).owned()) results.fail(windows.get(i)[2], claims.get(i).entry(), e);
            }
            throw e;
        } finally {
            if (worker != null) idle.push(worker);
        }
    }

    private static Window await(WindowResults.Entry<Window> entry) throws IOException {
        try {
            return entry.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw new IOException(io.getMessage(), io);
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    /** One window's probabilities, or none when all its pixels are no-data. */
    private Window compute(Worker worker, int[] origin) throws IOException {
        float[] input = new float[bands.length * size * size];
        boolean[] invalid = new boolean[size * size];
        boolean anyValid = fillWindow(origin, input, invalid);
        return new Window(anyValid ? run(worker, input) : null, invalid);
    }

    /**
     * Reads and normalises one window (zeros beyond the image and at no-data) into {@code batch};
     * true when any pixel inside the image is valid.
     */
    private boolean fillWindow(int[] origin, float[] batch, boolean[] invalid) throws IOException {
        int w = Math.min(size, image.width() - origin[0]);
        int h = Math.min(size, image.height() - origin[1]);
        // beyond the image: zeros in, never blended (blend clips to the image), so not counted as no-data
        java.util.Arrays.fill(invalid, false);
        Region r = new Region(origin[0], origin[1], w, h);
        float[][] values = new float[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            values[b] = image.read(bands[b], r).toFloats();
            Band band = image.bands().get(bands[b]);
            boolean hasNd = band.hasNoData();
            float nd = (float) band.noData();
            for (int i = 0; i < values[b].length; i++) {
                float v = values[b][i];
                if (Float.isNaN(v) || (hasNd && v == nd)) invalid[(i / w) * size + i % w] = true;
            }
        }
        for (int b = 0; b < bands.length; b++) {
            float m = model.mean()[b];
            float s = model.std()[b];
            int base = b * size * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int q = y * size + x;
                    batch[base + q] = invalid[q] ? 0f : (values[b][y * w + x] - m) / s;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!invalid[y * size + x]) return true;
            }
        }
        return false;
    }

    /** Softmax probabilities {@code [classes, size, size]} of one normalised window. */
    private float[] run(Worker worker, float[] window) {
        if (inference != null) return inference.probabilities(window, size);
        try (NDManager sub = worker.manager.newSubManager()) {
            NDArray in = sub.create(FloatBuffer.wrap(window), new Shape(1, bands.length, size, size));
            NDArray logits = worker.net.forward(new ParameterStore(sub, false), new NDList(in), false).singletonOrThrow();
            return logits.softmax(1).toFloatArray();
        }
    }

    /** Adds a window's weighted probabilities to the region's sums; the number of region pixels it covers. */
    private long blend(int[] origin, Window window, Region region, float[] acc, float[] wsum, boolean[] nodata) {
        float[] probabilities = window.probabilities();
        boolean[] invalid = window.invalid();
        int k = model.classes();
        int n = region.width() * region.height();
        int x0 = Math.max(origin[0], region.x());
        int x1 = Math.min(Math.min(origin[0] + size, image.width()), region.x() + region.width());
        int y0 = Math.max(origin[1], region.y());
        int y1 = Math.min(Math.min(origin[1] + size, image.height()), region.y() + region.height());
        int plane = size * size;
        for (int y = y0; y < y1; y++) {
            int wy = y - origin[1];
            for (int x = x0; x < x1; x++) {
                int wx = x - origin[0];
                int q = wy * size + wx;
                int p = (y - region.y()) * region.width() + (x - region.x());
                if (invalid[q]) {
                    nodata[p] = true;
                    continue;
                }
                float w = weights[wy] * weights[wx];
                wsum[p] += w;
                for (int c = 0; c < k; c++) acc[c * n + p] += w * probabilities[c * plane + q];
            }
        }
        return (long) Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
    }

    private Worker borrow() {
        Worker w = idle.poll();
        if (w != null) return w;
        synchronized (all) {
            if (all.size() < maxWorkers) {
                Worker created = new Worker(model);
                all.add(created);
                return created;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a network copy", e);
        }
    }

    /** Frees the network copies. */
    @Override
    public void close() {
        synchronized (all) {
            for (Worker w : all) w.manager.close();
            all.clear();
            idle.clear();
        }
    }
}
