package eu.ai4c.kit.io.geotiff.read;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used cache of decoded chunks, bounded in bytes, so that neighbouring
 * windows and the other bands of a pixel-interleaved file do not decode the same chunk again.
 * A budget of 0 disables it. Thread-safe (synchronised; decoding happens outside the lock, so
 * two threads may occasionally decode the same chunk).
 */
final class ChunkCache {
    private final long maxBytes;
    private final LinkedHashMap<Integer, Object> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ChunkCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Object get(int index) {
        return maxBytes <= 0 ? null : entries.get(index);
    }

    synchronized void put(int index, Object chunk) {
        long size = sizeOf(chunk);
        if (size > maxBytes) return;
        Object old = entries.put(index, chunk);
        if (old != null) bytes -= sizeOf(old);
        bytes += size;
        Iterator<Map.Entry<Integer, Object>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<Integer, Object> e = it.next();
            bytes -= sizeOf(e.getValue());
            it.remove();
        }
    }

    private static long sizeOf(Object array) {
        long n = Array.getLength(array);
        Class<?> c = array.getClass().getComponentType();
        int each = c == byte.class ? 1 : c == short.class ? 2 : c == int.class || c == float.class ? 4 : 8;
        return n * each;
    }
}
