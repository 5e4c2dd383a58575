package eu.ai4c.kit.tile;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Wraps an expensive raster so that each of its tiles is computed once while it stays in a
 * {@link TileCache}: regions that straddle tiles (filter halos, geometric operators) are
 * assembled from cached tiles. Concurrent requests for the same tile wait for one computation.
 * Thread-safe.
 */
public final class CachedRaster implements Raster {
    private final Raster source;
    private final TileGrid grid;
    private final TileCache cache;
    private final boolean bandsTogether;
    private final ConcurrentHashMap<TileKey, CompletableFuture<Block[]>> computing = new ConcurrentHashMap<>();

    private record TileKey(CachedRaster owner, int band, int col, int row) {
    }

    public CachedRaster(Raster source, int tileWidth, int tileHeight, TileCache cache) {
        this(source, tileWidth, tileHeight, cache, false);
    }

    private CachedRaster(Raster source, int tileWidth, int tileHeight, TileCache cache, boolean bandsTogether) {
        this.source = source;
        this.grid = new TileGrid(source.width(), source.height(), tileWidth, tileHeight);
        this.cache = cache;
        this.bandsTogether = bandsTogether;
    }

    /**
     * A cached raster that computes a tile of every band whenever one band's tile is needed: for
     * sources whose bands come from one computation that keeps its result only briefly (a pass
     * over the same window band after band would otherwise repeat it once the window is gone).
     */
    public static CachedRaster bandsTogether(Raster source, int tileWidth, int tileHeight, TileCache cache) {
        return new CachedRaster(source, tileWidth, tileHeight, cache, true);
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public List<Band> bands() {
        return source.bands();
    }

    @Override
    public GeoCoding geoCoding() {
        return source.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {grid.tileWidth(), grid.tileHeight()};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int c0 = region.x() / grid.tileWidth(), c1 = (region.maxX() - 1) / grid.tileWidth();
        int r0 = region.y() / grid.tileHeight(), r1 = (region.maxY() - 1) / grid.tileHeight();
        if (c0 == c1 && r0 == r1) {
            return tile(band, c0, r0).crop(region);
        }
        Block out = Block.allocate(source.bands().get(band).type(), region);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                out.copyFrom(tile(band, c, r));
            }
        }
        return out;
    }

    private Block tile(int band, int col, int row) throws IOException {
        TileKey key = new TileKey(this, band, col, row);
        Block cached = cache.get(key);
        if (cached != null) return cached;
        TileKey claim = bandsTogether ? new TileKey(this, -1, col, row) : key;
        CompletableFuture<Block[]> mine = new CompletableFuture<>();
        CompletableFuture<Block[]> running = computing.putIfAbsent(claim, mine);
        if (running != null) {
            try {
                Block[] done = running.get();
                return done[bandsTogether ? band : 0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for tile " + key, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IOException(e.getCause());
            }
        }
        try {
            // another thread may have finished this tile between our cache miss and our claim
            // (it caches before it un-claims): look again so each tile is computed once
            Block done = cache.get(key);
            if (done != null && !bandsTogether) {
                mine.complete(new Block[] {done});
                return done;
            }
            Region region = grid.tile(col, row);
            Block[] blocks;
            if (bandsTogether) {
                blocks = new Block[source.bands().size()];
                for (int b = 0; b < blocks.length; b++) {
                    Block again = b == band ? done : cache.get(new TileKey(this, b, col, row));
                    blocks[b] = again != null ? again : source.read(b, region);
                }
                for (int b = 0; b < blocks.length; b++) cache.put(new TileKey(this, b, col, row), blocks[b]);
            } else {
                blocks = new Block[] {source.read(band, region)};
                cache.put(key, blocks[0]);
            }
            mine.complete(blocks);
            return blocks[bandsTogether ? band : 0];
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(claim);
        }
    }
}
