package eu.ai4c.agri.composite;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands the composites of each tile, computed once for all 12 months, to the 12 monthly GeoTIFF
 * writers that run side by side and pull the same tiles in the same order. The first writer to
 * ask for a tile computes it (the others wait for it); each (month, band) part is taken once and
 * the tile is dropped when all {@code 12 × bands} parts are taken. At most {@code maxLive} tiles
 * are held or computed at once: a writer that runs ahead waits until the slowest one has caught up,
 * so memory is bounded by {@code maxLive × 12 × bands × tileArea × 2} bytes whatever the scene
 * size. A failure in one writer wakes and fails the others.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (one monitor; computation runs outside it).
 */
final class CompositeTileExchange {
    private final CompositeTileComputer computer;
    private final int parts;
    private final int maxLive;
    private final Progress progress;
    private final Map<Region, Entry> entries = new HashMap<>();
    private Throwable failure;

    private static final class Entry {
        short[][][] result;
        boolean done;
        int taken;
    }

    /**
     * @param computer computes a tile's composites
     * @param bands    bands per month
     * @param maxLive  tiles held or computed at once (≥ 1; the number of worker threads + 1 is a good choice)
     * @param progress receives one unit per computed tile, and cancellation
     */
    CompositeTileExchange(CompositeTileComputer computer, int bands, int maxLive, Progress progress) {
        this.computer = computer;
        this.parts = AgronomicYear.MONTHS * bands;
        this.maxLive = Math.max(1, maxLive);
        this.progress = progress;
    }

    /** The composite of {@code band} in {@code month} over {@code region} (a tile of the writers' grid). */
    Block take(int month, int band, Region region) throws IOException {
        Entry e;
        boolean mine = false;
        synchronized (this) {
            while (true) {
                checkFailure();
                e = entries.get(region);
                if (e != null) break;
                if (entries.size() < maxLive) {
                    e = new Entry();
                    entries.put(region, e);
                    mine = true;
                    break;
                }
                await();
            }
        }
        if (mine) {
            try {
                progress.checkCancelled();
                short[][][] r = computer.compute(region);
                synchronized (this) {
                    e.result = r;
                    e.done = true;
                    notifyAll();
                }
                progress.worked(1);
            } catch (IOException | RuntimeException | Error t) {
                fail(t);
                throw t;
            }
        } else {
            synchronized (this) {
                while (!e.done) {
                    checkFailure();
                    await();
                }
            }
        }
        short[] data;
        synchronized (this) {
            data = e.result[month][band];
            e.result[month][band] = null;
            if (++e.taken == parts) {
                entries.remove(region);
                notifyAll();
            }
        }
        return new Block(region, DataType.UINT16, data);
    }

    /** Records a failure (e.g. from a writer) so that every waiting writer stops. */
    synchronized void fail(Throwable t) {
        if (failure == null) failure = t;
        notifyAll();
    }

    /** The first failure recorded, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    private void checkFailure() throws IOException {
        if (failure == null) return;
        if (failure instanceof Progress.Cancelled c) throw c;
        if (failure instanceof IOException io) throw new IOException("Monthly composite stopped: " + io.getMessage(), io);
        if (failure instanceof UncheckedIOException u) throw u;
        if (failure instanceof Ai4cException a) throw a;
        throw new IOException("Monthly composite stopped by another failure: " + failure, failure);
    }

    private void await() throws IOException {
        try {
            wait(1000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled();
        }
        progress.checkCancelled();
    }
}
