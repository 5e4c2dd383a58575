package eu.ai4c.kit.tile;

import eu.ai4c.kit.raster.Block;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of tiles bounded by bytes. Shared by {@link CachedRaster}s.
 * Thread-safe (synchronised; the critical sections are map operations only).
 */
public final class TileCache {
    private final long capacityBytes;
    private long usedBytes;
    private final LinkedHashMap<Object, Block> map = new LinkedHashMap<>(256, 0.75f, true);

    public TileCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    public synchronized Block get(Object key) {
        return map.get(key);
    }

    public synchronized void put(Object key, Block block) {
        Block old = map.put(key, block);
        if (old != null) usedBytes -= bytes(old);
        usedBytes += bytes(block);
        Iterator<Map.Entry<Object, Block>> it = map.entrySet().iterator();
        while (usedBytes > capacityBytes && it.hasNext()) {
            Map.Entry<Object, Block> e = it.next();
            if (e.getKey().equals(key)) continue;
            usedBytes -= bytes(e.getValue());
            it.remove();
        }
    }

    /** Drops every tile (when the rasters sharing the cache will not be read again). */
    public synchronized void clear() {
        map.clear();
        usedBytes = 0;
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    private static long bytes(Block b) {
        return b.region().area() * b.type().bytesPerSample();
    }
}
