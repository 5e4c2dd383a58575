package eu.ai4c.kit.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TileEngineTest {

    /** value(x, y) = y * width + x, computed on demand; counts reads. */
    static final class Ramp implements Raster {
        final int w, h;
        final AtomicInteger reads = new AtomicInteger();
        volatile int failAtRow = -1;

        Ramp(int w, int h) {
            this.w = w;
            this.h = h;
        }

        @Override public int width() { return w; }
        @Override public int height() { return h; }
        @Override public List<Band> bands() { return List.of(Band.of("ramp", DataType.FLOAT64)); }
        @Override public GeoCoding geoCoding() { return null; }

        @Override
        public Block read(int band, Region r) throws IOException {
            reads.incrementAndGet();
            if (failAtRow >= 0 && r.y() <= failAtRow && failAtRow < r.maxY()) throw new IOException("disk on fire");
            Block b = Block.allocate(DataType.FLOAT64, r);
            double[] d = b.doubles();
            for (int y = 0; y < r.height(); y++)
                for (int x = 0; x < r.width(); x++) d[y * r.width() + x] = (double) (r.y() + y) * w + r.x() + x;
            return b;
        }
    }

    @Test
    void everyPixelOnceInParallel() throws IOException {
        Ramp ramp = new Ramp(1000, 777);
        TileGrid grid = new TileGrid(1000, 777, 128, 100);
        AtomicLong sum = new AtomicLong();
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        AtomicLong worked = new AtomicLong();
        Progress p = new Progress() {
            @Override public void begin(String stage, long totalWork) { assertEquals(grid.tileCount(), totalWork); }
            @Override public void worked(long units) { worked.addAndGet(units); }
            @Override public void end() { }
            @Override public boolean isCancelled() { return false; }
            @Override public void cancel() { }
        };
        TileEngine.run("test", ramp, new int[] {0}, grid, ProcessingContext.defaults().withThreads(3).withProgress(p),
                (c, r, blocks) -> {
                    assertTrue(seen.putIfAbsent(c + "," + r, true) == null, "tile twice");
                    assertEquals(grid.tile(c, r), blocks[0].region());
                    double s = 0;
                    for (double v : blocks[0].doubles()) s += v;
                    sum.addAndGet((long) s);
                });
        long n = 1000L * 777;
        assertEquals(n * (n - 1) / 2, sum.get());
        assertEquals(grid.tileCount(), seen.size());
        assertEquals(grid.tileCount(), worked.get());
    }

    @Test
    void firstFailureIsRethrown() {
        Ramp ramp = new Ramp(300, 300);
        ramp.failAtRow = 150;
        IOException e = assertThrows(IOException.class, () -> TileEngine.run("t", ramp, new int[] {0},
                new TileGrid(300, 300, 64, 64), ProcessingContext.defaults().withThreads(2), (c, r, b) -> { }));
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void cancellationStopsIssuingTiles() {
        Ramp ramp = new Ramp(2000, 2000);
        Progress p = Progress.silent();
        AtomicInteger tiles = new AtomicInteger();
        assertThrows(Progress.Cancelled.class, () -> TileEngine.run("t", ramp, new int[] {0},
                new TileGrid(2000, 2000, 50, 50), ProcessingContext.defaults().withThreads(2).withProgress(p),
                (c, r, b) -> {
                    if (tiles.incrementAndGet() == 5) p.cancel();
                }));
        assertTrue(tiles.get() < 100, "stopped early, got " + tiles.get());
    }

    @Test
    void cachedRasterComputesEachTileOnceAndAssemblesRegions() throws IOException {
        Ramp ramp = new Ramp(100, 100);
        CachedRaster cached = new CachedRaster(ramp, 32, 32, new TileCache(64L << 20));
        Region r = new Region(20, 25, 50, 40); // spans 3x3 tiles
        Block b = cached.read(0, r);
        Block expected = ramp.read(0, r);
        for (int i = 0; i < r.area(); i++) assertEquals(expected.getDouble(i), b.getDouble(i));
        int readsAfterFirst = ramp.reads.get();
        cached.read(0, new Region(30, 30, 10, 10));
        assertEquals(readsAfterFirst, ramp.reads.get(), "served from the cache");
    }

    @Test
    void cacheEvictsBeyondCapacity() {
        TileCache cache = new TileCache(1000);
        for (int i = 0; i < 10; i++) cache.put(i, Block.allocate(DataType.FLOAT32, Region.of(10, 10)));
        assertTrue(cache.usedBytes() <= 1000, "used " + cache.usedBytes());
        assertTrue(cache.get(9) != null, "newest kept");
        assertTrue(cache.get(0) == null, "oldest evicted");
    }
}
