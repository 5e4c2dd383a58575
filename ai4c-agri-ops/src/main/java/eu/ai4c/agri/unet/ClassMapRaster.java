package eu.ai4c.agri.unet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import eu.ai4c.agri.torch.TorchRuntime;
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
 * window is read, normalised (no-data → 0), run through the network in batches of exactly
 * {@value #BATCH} windows (padded, so a window's result never depends on its neighbours in the
 * batch), and its softmax probabilities blended. Any region, of any size, gets the same values.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each thread borrows its own network copy (at most {@code threads} copies), and
 * PyTorch runs single-threaded inside a call (parallelism comes from regions).
 */
public final class ClassMapRaster implements Raster, Closeable {
    public static final String BAND = "class";
    public static final int NO_DATA = 255;
    static final int BATCH = 2;

    private final Raster image;
    private final int[] bands;
    private final UnetModel model;
    private final int size;
    private final float[] weights;
    private final int[] originsX;
    private final int[] originsY;
    private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final int maxWorkers;

    /** One network copy with its memory. */
    private static final class Worker {
        final NDManager manager;
        final UnetNetwork net;

        Worker(UnetModel model) {
            manager = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE);
            net = model.network(manager);
        }
    }

    /**
     * @param image   the image tile
     * @param bands   indices of the model's bands in {@code image} ({@link ImageBands})
     * @param model   the trained model
     * @param threads network copies at most (one per computing thread)
     */
    public ClassMapRaster(Raster image, int[] bands, UnetModel model, int threads) {
        TorchRuntime.init();
        this.image = image;
        this.bands = bands.clone();
        this.model = model;
        this.size = model.patchSize();
        this.weights = SlidingWindows.weights(size);
        this.originsX = SlidingWindows.origins(image.width(), size);
        this.originsY = SlidingWindows.origins(image.height(), size);
        this.maxWorkers = Math.max(1, threads);
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

    /** Region sides that are whole numbers of window steps keep the windows computed twice few. */
    @Override
    public int[] preferredTileSize() {
        int step = size - SlidingWindows.overlap(size);
        int side = Math.max(1, 1024 / step) * step;
        return new int[] {side, side};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int k = model.classes();
        int rw = region.width();
        int rh = region.height();
        int n = rw * rh;
        float[] acc = new float[k * n];
        float[] wsum = new float[n];
        boolean[] nodata = new boolean[n];
        List<int[]> windows = new ArrayList<>();
        for (int oy : originsY) {
            if (oy >= region.y() + rh || oy + size <= region.y()) continue;
            for (int ox : originsX) {
                if (ox >= region.x() + rw || ox + size <= region.x()) continue;
                windows.add(new int[] {ox, oy});
            }
        }
        int pv = bands.length * size * size;
        float[] batch = new float[BATCH * pv];
        boolean[][] invalid = new boolean[BATCH][size * size];
        Worker worker = borrow();
        try {
            JniUtils.setNumThreads(1);
            for (int start = 0; start < windows.size(); start += BATCH) {
                int m = Math.min(BATCH, windows.size() - start);
                java.util.Arrays.fill(batch, 0f);
                for (int i = 0; i < m; i++) fillWindow(windows.get(start + i), batch, i * pv, invalid[i]);
                float[] probabilities = run(worker, batch);
                for (int i = 0; i < m; i++) {
                    blend(windows.get(start + i), probabilities, i * k * size * size, invalid[i], region, acc, wsum,
                            nodata);
                }
            }
        } finally {
            idle.push(worker);
        }
        byte[] out = new byte[n];
        int[] ids = model.classIds();
        for (int p = 0; p < n; p++) {
            if (nodata[p] || wsum[p] == 0) {
                out[p] = (byte) NO_DATA;
                continue;
            }
            int best = 0;
            float bestP = acc[p];
            for (int c = 1; c < k; c++) {
                float v = acc[c * n + p];
                if (v > bestP) {
                    bestP = v;
                    best = c;
                }
            }
            out[p] = (byte) ids[best];
        }
        return new Block(region, DataType.BYTE, out);
    }

    /** Reads and normalises one window (zeros beyond the image and at no-data). */
    private void fillWindow(int[] origin, float[] batch, int offset, boolean[] invalid) throws IOException {
        java.util.Arrays.fill(invalid, false);
        int w = Math.min(size, image.width() - origin[0]);
        int h = Math.min(size, image.height() - origin[1]);
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
            int base = offset + b * size * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int q = y * size + x;
                    batch[base + q] = invalid[q] ? 0f : (values[b][y * w + x] - m) / s;
                }
            }
        }
    }

    /** Softmax probabilities {@code [BATCH, classes, size, size]} of a batch of normalised windows. */
    private float[] run(Worker worker, float[] batch) {
        try (NDManager sub = worker.manager.newSubManager()) {
            NDArray in = sub.create(FloatBuffer.wrap(batch), new Shape(BATCH, bands.length, size, size));
            NDArray logits = worker.net.forward(new ParameterStore(sub, false), new NDList(in), false).singletonOrThrow();
            return logits.softmax(1).toFloatArray();
        }
    }

    private void blend(int[] origin, float[] probabilities, int offset, boolean[] invalid, Region region, float[] acc,
                       float[] wsum, boolean[] nodata) {
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
                for (int c = 0; c < k; c++) acc[c * n + p] += w * probabilities[offset + c * plane + q];
            }
        }
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
