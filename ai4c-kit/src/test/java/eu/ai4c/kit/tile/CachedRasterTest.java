package eu.ai4c.kit.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Each tile computed once, per band or for all bands together, and pixels as the source has them. */
class CachedRasterTest {
    static final int W = 100, H = 70, BANDS = 3;

    /** Pixel value 1000·band + y·W + x; counts the reads of each band. */
    static final class CountingSource implements Raster {
        final AtomicIntegerArray reads = new AtomicIntegerArray(BANDS);

        @Override
        public int width() {
            return W;
        }

        @Override
        public int height() {
            return H;
        }

        @Override
        public List<Band> bands() {
            List<Band> b = new ArrayList<>();
            for (int i = 0; i < BANDS; i++) b.add(new Band("b" + i, DataType.FLOAT32, Double.NaN, true, "", ""));
            return b;
        }

        @Override
        public GeoCoding geoCoding() {
            return null;
        }

        @Override
        public Block read(int band, Region region) {
            reads.incrementAndGet(band);
            float[] v = new float[region.width() * region.height()];
            for (int y = 0; y < region.height(); y++) {
                for (int x = 0; x < region.width(); x++) {
                    v[y * region.width() + x] = 1000 * band + (region.y() + y) * W + region.x() + x;
                }
            }
            return new Block(region, DataType.FLOAT32, v);
        }
    }

    @Test
    void bandsTogetherComputesEveryBandOfATileOnceWhicheverBandIsAsked() throws Exception {
        CountingSource source = new CountingSource();
        CachedRaster cached = CachedRaster.bandsTogether(source, 32, 32, new TileCache(64L << 20));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Block>> reads = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int band = i % BANDS;
                Region r = new Region((i * 7) % 60, (i * 5) % 40, 40, 30);
                reads.add(pool.submit(() -> cached.read(band, r)));
            }
            for (int i = 0; i < reads.size(); i++) {
                int band = i % BANDS;
                Region r = new Region((i * 7) % 60, (i * 5) % 40, 40, 30);
                assertArrayEquals(source.read(band, r).floats(), reads.get(i).get().floats(), "read " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        // the check reads above added one read per request and band
        int tilesTouched = tilesTouched();
        for (int b = 0; b < BANDS; b++) {
            assertEquals(tilesTouched + 20, source.reads.get(b), "band " + b + ": each touched tile once, plus the checks");
        }
    }

    @Test
    void perBandCachingReadsOnlyTheBandAsked() throws Exception {
        CountingSource source = new CountingSource();
        CachedRaster cached = new CachedRaster(source, 32, 32, new TileCache(64L << 20));
        cached.read(1, new Region(0, 0, 64, 32));
        cached.read(1, new Region(10, 5, 40, 20));
        assertEquals(0, source.reads.get(0));
        assertEquals(2, source.reads.get(1));
        assertEquals(0, source.reads.get(2));
    }

    /** The 32² tiles the 60 windows of the concurrent test cover. */
    private static int tilesTouched() {
        java.util.Set<Integer> tiles = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            Region r = new Region((i * 7) % 60, (i * 5) % 40, 40, 30);
            for (int ty = r.y() / 32; ty <= (r.maxY() - 1) / 32; ty++) {
                for (int tx = r.x() / 32; tx <= (r.maxX() - 1) / 32; tx++) tiles.add(ty * 100 + tx);
            }
        }
        return tiles.size();
    }
}
