package eu.ai4c.kit.tile;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pulls every tile of a raster, on all worker threads of the context, and hands each to a
 * {@link TileSink}. At most {@code 2 × threads} tiles are in flight at once, so memory depends on
 * the tile size, not on the image size. Tiles are issued row by row (good locality for readers
 * of striped files). Progress counts tiles; cancellation stops issuing tiles and throws
 * {@link Progress.Cancelled}.
 *
 * <h2>Thread-safety</h2>
 * Each call is independent; the sink must be thread-safe.
 */
public final class TileEngine {

    private TileEngine() {
    }

    /**
     * Computes all tiles of {@code bands} of {@code raster}.
     *
     * @param stage name of the stage for progress and logs
     * @param raster source of the tiles
     * @param bands band indices to compute for each tile
     * @param grid tile layout
     * @param context threads, progress, cancellation
     * @param sink receives the tiles
     * @throws IOException the first I/O failure of any tile (the others are abandoned)
     */
    public static void run(String stage, Raster raster, int[] bands, TileGrid grid, ProcessingContext context,
                           TileSink sink) throws IOException {
        Progress progress = context.progress();
        int threads = context.threads();
        progress.begin(stage, grid.tileCount());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        if (threads == 1) {
            for (int r = 0; r < grid.tilesDown(); r++) {
                for (int c = 0; c < grid.tilesAcross(); c++) {
                    progress.checkCancelled();
                    computeTile(raster, bands, grid, c, r, sink);
                    progress.worked(1);
                }
            }
            progress.end();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(stage));
        Semaphore inFlight = new Semaphore(2 * threads);
        try {
            outer:
            for (int r = 0; r < grid.tilesDown(); r++) {
                for (int c = 0; c < grid.tilesAcross(); c++) {
                    if (failure.get() != null || progress.isCancelled()) break outer;
                    inFlight.acquire();
                    final int col = c, row = r;
                    pool.execute(() -> {
                        try {
                            if (failure.get() == null && !progress.isCancelled()) {
                                computeTile(raster, bands, grid, col, row, sink);
                                progress.worked(1);
                            }
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the tiles in flight
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new Progress.Cancelled();
        } finally {
            pool.shutdownNow();
        }
        Throwable t = failure.get();
        if (t != null) rethrow(t);
        progress.checkCancelled();
        progress.end();
    }

    private static void computeTile(Raster raster, int[] bands, TileGrid grid, int col, int row, TileSink sink)
            throws IOException {
        Region region = grid.tile(col, row);
        Block[] blocks = new Block[bands.length];
        for (int i = 0; i < bands.length; i++) {
            blocks[i] = raster.read(bands[i], region);
        }
        sink.accept(col, row, blocks);
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) throw io;
        if (t instanceof UncheckedIOException u) throw u.getCause();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        throw new Ai4cException("Tile computation failed: " + t, t);
    }

    static ThreadFactory daemonThreads(String stage) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ai4c-" + stage + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
