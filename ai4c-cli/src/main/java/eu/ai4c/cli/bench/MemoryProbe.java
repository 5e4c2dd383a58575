package eu.ai4c.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak heap and garbage-collection cost of a measured section, from the JVM's management beans:
 * {@link #start()} resets the heap pools' peaks, {@link #fields()} reads the sum of the pools'
 * peaks (an upper bound of the peak heap) and the collections since start. Not thread-safe;
 * measures the whole JVM.
 */
public final class MemoryProbe {
    private long gcCount0;
    private long gcMillis0;

    private MemoryProbe() {
    }

    /** Collects garbage, resets peaks and starts counting. */
    public static MemoryProbe start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) pool.resetPeakUsage();
        }
        MemoryProbe p = new MemoryProbe();
        p.gcCount0 = gcCount();
        p.gcMillis0 = gcMillis();
        return p;
    }

    /** {@code peak_heap_mb}, {@code gc_count}, {@code gc_seconds} since {@link #start()}. */
    public Map<String, Object> fields() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) peak += pool.getPeakUsage().getUsed();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peak_heap_mb", Math.round(peak / 1048576.0));
        m.put("gc_count", gcCount() - gcCount0);
        m.put("gc_seconds", (gcMillis() - gcMillis0) / 1000.0);
        return m;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionTime());
        return n;
    }
}
